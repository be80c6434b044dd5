import { RpcError } from '#libs/messaging';
import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

function driverErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : undefined;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = driverErrorOf(error);
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside ILIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Runs a write; a violation of the named unique constraint becomes a CONFLICT with `message`. */
export async function conflictOnDuplicate<T>(
  constraint: string,
  message: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw RpcError.conflict(message);
    throw error;
  }
}
