import {
  applyDecorators,
  Catch,
  Controller,
  createParamDecorator,
  Injectable,
  Logger,
  ValidationPipe,
  type ArgumentsHost,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
  UseFilters,
  UseInterceptors,
  UsePipes,
} from '@nestjs/common';
import { NatsContext, Transport, type NatsOptions } from '@nestjs/microservices';
import type { ValidationError } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Observable, tap, throwError } from 'rxjs';
import type { ErrorBody, FieldError } from '#libs/contracts';
import { rpcHandlerDuration } from '#libs/observability';
import {
  ANONYMOUS_CALLER,
  CALLER_HEADER,
  CORRELATION_ID_HEADER,
  type CallContext,
} from './call-context.js';
import { CallerSignature } from './caller-signature.js';
import { natsConnectOptions } from './nats-connect-options.js';
import { RpcError } from './rpc-error.js';

/** A service instance joins its queue group, so replicas share the requests. */
export function natsServerOptions(url: string, queue: string): NatsOptions {
  return {
    transport: Transport.NATS,
    options: {
      ...natsConnectOptions(url),
      queue,
      name: `${queue}-service`,
      maxReconnectAttempts: -1,
    },
  };
}

type NatsHeaders = { get(name: string): string } | undefined;

/** Calls whose caller header was checked, by the request's NatsContext. */
const verifiedCalls = new WeakMap<NatsContext, CallContext>();

function correlationIdOf(context: NatsContext): string {
  const natsHeaders = context.getHeaders() as NatsHeaders;
  return natsHeaders?.get(CORRELATION_ID_HEADER) || randomUUID();
}

/**
 * Believes the caller header only when its signature holds (see CallerSignature); anything
 * else, including a request that bypassed the gateway, is handled as an anonymous call.
 */
@Injectable()
export class CallerVerificationInterceptor implements NestInterceptor {
  constructor(private readonly signature: CallerSignature) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const header = (nats.getHeaders() as NatsHeaders)?.get(CALLER_HEADER) || undefined;
    const correlationId = correlationIdOf(nats);
    const caller = this.signature.verify(header, { subject: nats.getSubject(), correlationId });
    verifiedCalls.set(nats, { caller, correlationId });
    return next.handle();
  }
}

function callContextOf(context: NatsContext): CallContext {
  return (
    verifiedCalls.get(context) ?? {
      caller: ANONYMOUS_CALLER,
      correlationId: correlationIdOf(context),
    }
  );
}

/** The verified caller and the correlation id of the request being handled. */
export const Call = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callContextOf(context.switchToRpc().getContext<NatsContext>()),
);

/** Payloads are validated against their contract class; unknown fields are refused. */
export function rpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => RpcError.badInput(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Every failure leaves the service as an ErrorBody; unexpected ones are logged and masked. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const context = host.switchToRpc().getContext<NatsContext>();
    const body: ErrorBody =
      exception instanceof RpcError ? exception.toBody() : this.mask(exception, context);
    return throwError(() => body);
  }

  private mask(exception: unknown, context: NatsContext): ErrorBody {
    const { correlationId } = callContextOf(context);
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(
      { msg: error.message, subject: context.getSubject(), correlationId, stack: error.stack },
      'RpcErrorFilter',
    );
    return RpcError.internal(correlationId).toBody();
  }
}

/** Times each handled request per subject, labelled with its outcome. */
export class RpcMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    const stop = rpcHandlerDuration.startTimer({ subject });
    return next.handle().pipe(
      tap({
        complete: () => stop({ outcome: 'ok' }),
        error: (error: unknown) =>
          stop({ outcome: error instanceof RpcError ? error.code : 'error' }),
      }),
    );
  }
}

/**
 * Marks a class of NATS handlers: the caller header verified, payloads validated against
 * their contract classes, failures answered as typed errors, every request timed. Every
 * service uses this; its module provides the CallerSignature.
 */
export function RpcController(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UsePipes(rpcValidationPipe()),
    UseFilters(RpcErrorFilter),
    UseInterceptors(RpcMetricsInterceptor, CallerVerificationInterceptor),
  );
}
