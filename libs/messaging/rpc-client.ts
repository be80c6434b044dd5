import { randomUUID } from 'node:crypto';
import type { OnApplicationShutdown } from '@nestjs/common';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { isErrorBody, type RpcRequest, type RpcResponse, type RpcSubject } from '#libs/contracts';
import { rpcClientDuration, rpcClientRequests } from '#libs/observability';
import { CALLER_HEADER, CORRELATION_ID_HEADER, type CallContext } from './call-context.js';
import { CallerSignature } from './caller-signature.js';
import { connectNats } from './nats-connect-options.js';
import { RpcError } from './rpc-error.js';

export interface RpcClientOptions {
  url: string;
  name: string;
  timeoutMs: number;
  /** CALLER_SIGNING_SECRET: services believe the caller of a request only with its signature. */
  callerSigningSecret: string;
}

/** The reply a Nest NATS handler publishes. */
interface NestReply {
  response?: unknown;
  err?: unknown;
}

/**
 * The one way to call a service: typed by the RpcContract, bounded in time, with the caller
 * and correlation id in NATS headers. Any transport failure becomes SERVICE_UNAVAILABLE.
 */
export class RpcClient implements OnApplicationShutdown {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly timeoutMs: number,
    private readonly signature: CallerSignature,
  ) {}

  static async connect(options: RpcClientOptions): Promise<RpcClient> {
    const signature = new CallerSignature(options.callerSigningSecret);
    const connection = await connectNats(options.url, options.name, {
      // nats.js otherwise builds an Error per request to keep async stack traces: ~3% of the gateway's CPU.
      noAsyncTraces: true,
    });
    return new RpcClient(connection, options.timeoutMs, signature);
  }

  async request<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    call: CallContext,
  ): Promise<RpcResponse<S>> {
    const stopTimer = rpcClientDuration.startTimer({ subject });
    try {
      const response = (await this.send(subject, payload, call)) as RpcResponse<S>;
      rpcClientRequests.inc({ subject, outcome: 'ok' });
      return response;
    } catch (error) {
      const outcome = error instanceof RpcError ? error.code : 'error';
      rpcClientRequests.inc({ subject, outcome });
      throw error;
    } finally {
      stopTimer();
    }
  }

  /** Resolves once the server has answered a ping: the connection is usable. */
  async ping(): Promise<void> {
    await this.connection.flush();
  }

  /** Drains (in-flight messages finish); when the server is already gone, just closes. */
  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }

  /** Nest calls this when the app that was given this client closes. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private async send(subject: string, payload: unknown, call: CallContext): Promise<unknown> {
    const requestHeaders = headers();
    requestHeaders.set(
      CALLER_HEADER,
      this.signature.sign(call.caller, { subject, correlationId: call.correlationId }),
    );
    requestHeaders.set(CORRELATION_ID_HEADER, call.correlationId);
    const body = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });

    let reply: NestReply;
    try {
      const message = await this.connection.request(subject, body, {
        timeout: this.timeoutMs,
        headers: requestHeaders,
      });
      reply = message.json<NestReply>();
    } catch (error) {
      throw this.transportFailure(subject, error);
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isErrorBody(reply.err)) throw RpcError.fromBody(reply.err);
      throw RpcError.unavailable(`The ${serviceOf(subject)} service cannot answer ${subject}`);
    }
    return reply.response;
  }

  private transportFailure(subject: string, error: unknown): RpcError {
    const service = serviceOf(subject);
    const noResponders =
      error instanceof Error &&
      (('isNoResponders' in error && (error as { isNoResponders(): boolean }).isNoResponders()) ||
        error.name === 'NoRespondersError');
    if (noResponders) return RpcError.unavailable(`The ${service} service is not available`);
    if (error instanceof Error && /timeout/i.test(`${error.name} ${error.message}`)) {
      return RpcError.unavailable(
        `The ${service} service did not answer within ${this.timeoutMs} ms`,
      );
    }
    return RpcError.unavailable(`The ${service} service cannot be reached`);
  }
}

/** `rpc.agencies.agency.list` → `agencies`. */
function serviceOf(subject: string): string {
  return subject.split('.')[1] ?? subject;
}
