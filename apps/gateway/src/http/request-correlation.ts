import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const CORRELATION_ID = /^[\w-]{8,64}$/;
const scope = new AsyncLocalStorage<string>();

/**
 * The request's correlation id: the client's `x-request-id` when it is a plausible id, else a
 * new one; decided once per request and sent back as `x-request-id`.
 */
export function correlationIdOf(request: Request, response: Response): string {
  const known: unknown = response.locals.correlationId;
  if (typeof known === 'string') return known;
  const offered = request.header('x-request-id');
  const correlationId = offered && CORRELATION_ID.test(offered) ? offered : randomUUID();
  response.locals.correlationId = correlationId;
  if (!response.headersSent) response.setHeader('x-request-id', correlationId);
  return correlationId;
}

/**
 * Runs the rest of the request with its correlation id in scope, so that every error formatted
 * for it carries the id, including those Apollo answers before an operation starts (CSRF,
 * a missing body). Mounted after the body parser, whose stream callbacks would lose the scope.
 */
export function requestCorrelation(request: Request, response: Response, next: NextFunction) {
  scope.run(correlationIdOf(request, response), next);
}

/** The correlation id of the HTTP request being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}
