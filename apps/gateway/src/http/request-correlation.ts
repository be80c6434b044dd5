import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const CORRELATION_ID = /^[\w-]{8,64}$/;

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
 * Decides the request's correlation id first thing, so that it is in `x-request-id` whatever
 * answers. No AsyncLocalStorage: its promise hooks cost the gateway a fifth of its throughput
 * (bench/RESULTS.md). Refusals raised before an operation starts carry the id themselves.
 */
export function requestCorrelation(request: Request, response: Response, next: NextFunction) {
  correlationIdOf(request, response);
  next();
}
