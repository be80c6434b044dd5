/** Codes every service answers with; the gateway maps each one to a GraphQL `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** One failed rule on one input field; `field` is a dotted path such as `filter.kind`. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** The typed error a service answers instead of data. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: {
    fields?: FieldError[];
    correlationId?: string;
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return (
    typeof message === 'string' &&
    typeof code === 'string' &&
    (Object.values(ErrorCode) as string[]).includes(code)
  );
}
