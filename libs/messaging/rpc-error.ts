import { IntrinsicException } from '@nestjs/common';
import { ErrorCode, type ErrorBody, type FieldError } from '#libs/contracts';

/**
 * The one error type services throw and clients receive; it crosses NATS as an ErrorBody.
 * An IntrinsicException, so Nest does not log it as a failure: it is an answer. Unexpected
 * errors are logged where they are masked (RpcErrorFilter, the gateway's correlation plugin).
 */
export class RpcError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: NonNullable<ErrorBody['details']> = {},
  ) {
    super(message);
    this.name = 'RpcError';
  }

  static badInput(fields: FieldError[]): RpcError {
    const summary = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    return new RpcError(ErrorCode.BadUserInput, `Invalid input. ${summary}`, { fields });
  }

  static notFound(what: string, key: string): RpcError {
    return new RpcError(ErrorCode.NotFound, `${what} ${key} was not found`);
  }

  static conflict(message: string): RpcError {
    return new RpcError(ErrorCode.Conflict, message);
  }

  static unavailable(message: string): RpcError {
    return new RpcError(ErrorCode.ServiceUnavailable, message);
  }

  static internal(correlationId: string): RpcError {
    return new RpcError(ErrorCode.Internal, 'Internal server error', { correlationId });
  }

  static fromBody(body: ErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.details ?? {});
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}
