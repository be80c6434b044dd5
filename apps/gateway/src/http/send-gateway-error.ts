import type { Response } from 'express';
import {
  GATEWAY_ERROR_STATUS,
  gatewayErrorBody,
  type GatewayErrorCode,
  type LimitDetails,
} from '../graphql/gateway-errors.js';

/** Answers a request the gateway refuses before GraphQL runs, in the shape of a GraphQL error response. */
export function sendGatewayError(
  response: Response,
  correlationId: string,
  code: GatewayErrorCode,
  message: string,
  details: LimitDetails = {},
): void {
  response
    .status(GATEWAY_ERROR_STATUS[code])
    .json(gatewayErrorBody(code, message, correlationId, details));
}
