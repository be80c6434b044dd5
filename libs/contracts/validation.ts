import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { decodeCursor } from './cursor.js';

/** Trims surrounding white space from a string input before it is validated. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}

/**
 * The field may be left out, but not set to null: for required columns that an
 * update may leave unchanged. (`@IsOptional` would let null through.)
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export function IsCursor(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a cursor returned by this API`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 512 && decodeCursor(value) !== undefined,
      },
    });
}

/** Exactly one of the named properties must be present (not undefined, not null). */
export function IsExactlyOneOf(
  properties: string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isExactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: properties,
      options: { message: `give exactly one of ${properties.join(', ')}`, ...options },
      validator: {
        validate: (_value: unknown, args) => {
          const object = args?.object as Record<string, unknown>;
          return properties.filter((name) => object[name] != null).length === 1;
        },
      },
    });
}
