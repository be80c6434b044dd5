import { registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date-time with an explicit offset that names a real instant. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** An ISO 8601 date-time with an explicit offset (`Z` or `+01:00`), which names a real instant. */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, such as 2020-11-10T13:00:00Z`,
        ...options,
      },
      validator: {
        validate: isIsoDateTime,
      },
    });
}
