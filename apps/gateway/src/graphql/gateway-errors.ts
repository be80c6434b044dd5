import { GraphQLError } from 'graphql';

/**
 * Codes the gateway itself answers with, before any service is asked. They sit beside the
 * services' ErrorCode in `extensions.code`; each has the HTTP status its response carries.
 */
export enum GatewayErrorCode {
  QueryTooDeep = 'QUERY_TOO_DEEP',
  TooManyAliases = 'TOO_MANY_ALIASES',
  QueryTooCostly = 'QUERY_TOO_COSTLY',
  BatchingNotSupported = 'BATCHING_NOT_SUPPORTED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  MalformedJson = 'MALFORMED_JSON',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  RequestTimeout = 'REQUEST_TIMEOUT',
  /** Apollo's own code for a request it cannot read as GraphQL (no query, a GET without preflight). */
  BadRequest = 'BAD_REQUEST',
}

/** A missing code here fails to compile. */
export const GATEWAY_ERROR_STATUS: Record<GatewayErrorCode, number> = {
  [GatewayErrorCode.QueryTooDeep]: 400,
  [GatewayErrorCode.TooManyAliases]: 400,
  [GatewayErrorCode.QueryTooCostly]: 400,
  [GatewayErrorCode.BatchingNotSupported]: 400,
  [GatewayErrorCode.PayloadTooLarge]: 413,
  [GatewayErrorCode.MalformedJson]: 400,
  [GatewayErrorCode.UnsupportedMediaType]: 415,
  [GatewayErrorCode.RateLimited]: 429,
  [GatewayErrorCode.RequestTimeout]: 503,
  [GatewayErrorCode.BadRequest]: 400,
};

const GATEWAY_CODES = new Set<string>(Object.values(GatewayErrorCode));

export function isGatewayErrorCode(code: unknown): code is GatewayErrorCode {
  return typeof code === 'string' && GATEWAY_CODES.has(code);
}

/** Numbers that tell the client which limit it met and by how much. */
export type LimitDetails = Record<string, number>;

/** A refusal of the gateway's own, raised in a validation rule or a plugin; its message is safe to show. */
export class GatewayError extends GraphQLError {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly details: LimitDetails = {},
    options: { nodes?: GraphQLError['nodes']; headers?: Map<string, string> } = {},
  ) {
    super(message, {
      nodes: options.nodes,
      extensions: {
        code,
        ...details,
        http: { status: GATEWAY_ERROR_STATUS[code], headers: options.headers ?? new Map() },
      },
    });
    this.name = 'GatewayError';
  }
}

/** The error body of a request refused before GraphQL runs, shaped like any GraphQL error response. */
export function gatewayErrorBody(
  code: GatewayErrorCode,
  message: string,
  correlationId: string,
  details: LimitDetails = {},
): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message, extensions: { code, ...details, correlationId } }] };
}
