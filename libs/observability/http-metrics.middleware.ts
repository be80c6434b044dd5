import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics.js';

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/health/live', '/metrics']);

/** Times every HTTP request. Unknown paths share one label, so a scanner cannot blow up the series. */
export function httpMetricsMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const stop = httpRequestDuration.startTimer({ method: request.method });
  const route = KNOWN_ROUTES.has(request.path) ? request.path : 'other';
  response.on('finish', () => stop({ route, status: String(response.statusCode) }));
  next();
}
