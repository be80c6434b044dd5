import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GatewayErrorCode } from '../graphql/gateway-errors.js';
import { correlationIdOf } from './request-correlation.js';
import { sendGatewayError } from './send-gateway-error.js';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type: string;
  limit?: number;
  length?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' && error !== null && typeof Reflect.get(error, 'type') === 'string'
  );
}

/**
 * Turns the JSON body parser's refusals into GraphQL-shaped errors with a code, instead of
 * Express's HTML page: a body over the limit, JSON that does not parse, an unknown charset.
 */
export function bodyParserErrors(
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error) || response.headersSent) return next(error);
  const correlationId = correlationIdOf(request, response);
  switch (error.type) {
    case 'entity.too.large':
      return sendGatewayError(
        response,
        correlationId,
        GatewayErrorCode.PayloadTooLarge,
        `The request body is larger than the limit of ${error.limit ?? '?'} bytes`,
        { limit: error.limit ?? 0, length: error.length ?? 0 },
      );
    case 'entity.parse.failed':
      return sendGatewayError(
        response,
        correlationId,
        GatewayErrorCode.MalformedJson,
        'The request body is not valid JSON',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendGatewayError(
        response,
        correlationId,
        GatewayErrorCode.UnsupportedMediaType,
        'The request body must be JSON in UTF-8',
      );
    default:
      return next(error);
  }
}

/**
 * What a request to /graphql must be, refused here with the correlation id before Apollo sees
 * it. A POST: one operation as a JSON object with a query. Any other content type is refused,
 * which also stops the form and text/plain posts a browser sends cross-site without a preflight
 * (CSRF); a JSON array is a batch, refused before any of it runs. A GET (other than a browser
 * asking for the GraphiQL page) must carry a header that forces a preflight, as Apollo's CSRF
 * prevention wants.
 */
export function graphqlRequestGuard(request: Request, response: Response, next: NextFunction) {
  const correlationId = correlationIdOf(request, response);
  if (request.method === 'GET') {
    if (request.accepts(['application/json', 'text/html']) === 'text/html') return next();
    if (request.header('apollo-require-preflight') || request.header('x-apollo-operation-name')) {
      return next();
    }
    return sendGatewayError(
      response,
      correlationId,
      GatewayErrorCode.BadRequest,
      'This GET is refused as a possible cross-site request (CSRF): send an apollo-require-preflight header, or POST application/json',
    );
  }
  if (request.method !== 'POST') return next();
  if (request.is('application/json') === false) {
    return sendGatewayError(
      response,
      correlationId,
      GatewayErrorCode.UnsupportedMediaType,
      `A GraphQL POST must be application/json, not ${request.header('content-type') ?? 'untyped'}`,
    );
  }
  if (Array.isArray(request.body)) {
    return sendGatewayError(
      response,
      correlationId,
      GatewayErrorCode.BatchingNotSupported,
      `Batched requests are not supported: send one operation per request (this one had ${request.body.length})`,
      { operations: request.body.length },
    );
  }
  if (!hasQuery(request.body)) {
    return sendGatewayError(
      response,
      correlationId,
      GatewayErrorCode.BadRequest,
      'A GraphQL POST must be a JSON object with a non-empty "query" string',
    );
  }
  next();
}

function hasQuery(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const query: unknown = Reflect.get(body, 'query');
  return typeof query === 'string' && query.trim().length > 0;
}

const logger = new Logger('GraphQL');

/**
 * Answers REQUEST_TIMEOUT when a request is still running after `timeoutMs`, so no client waits
 * on a slow execution. The execution itself goes on until its pending service calls return
 * (each is bounded by RPC_TIMEOUT_MS); its late answer is dropped.
 */
export function requestDeadline(timeoutMs: number) {
  return (request: Request, response: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      const correlationId = correlationIdOf(request, response);
      logger.warn({ msg: 'request timed out', correlationId, timeoutMs });
      sendGatewayError(
        response,
        correlationId,
        GatewayErrorCode.RequestTimeout,
        `The request ran longer than the limit of ${timeoutMs} ms`,
        { limit: timeoutMs },
      );
      dropLateAnswer(response);
    }, timeoutMs);
    const stop = () => clearTimeout(timer);
    response.once('finish', stop).once('close', stop);
    next();
  };
}

/** Makes the response deaf to whatever the timed-out execution writes when it finishes. */
function dropLateAnswer(response: Response): void {
  const ignore = () => response;
  Object.assign(response, {
    status: ignore,
    setHeader: ignore,
    send: ignore,
    json: ignore,
    end: ignore,
    write: () => true,
  });
}
