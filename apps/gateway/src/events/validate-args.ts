import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, RpcError } from '#libs/messaging';

/**
 * Checks arguments that no service sees (a subscription's) with the same rules and the same
 * BAD_USER_INPUT a service would answer.
 */
export async function validArgs<T extends object>(
  type: ClassConstructor<T>,
  args: Record<string, unknown>,
): Promise<T> {
  const instance = plainToInstance(type, args);
  const errors = await validate(instance, { forbidUnknownValues: true });
  if (errors.length > 0) throw RpcError.badInput(flattenValidationErrors(errors));
  return instance;
}
