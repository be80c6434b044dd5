import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainEventStream, RpcClient } from '#libs/messaging';
import { httpMetricsMiddleware, JsonLogger } from '#libs/observability';
import { Authenticator } from './auth/authenticator.js';
import type { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';
import { bodyParserErrors, graphqlRequestGuard, requestDeadline } from './http/http-guards.js';
import { requestCorrelation } from './http/request-correlation.js';

/** Starts the GraphQL gateway on PORT; closing the app also closes its NATS connections. */
export async function startGateway(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const rpc = await RpcClient.connect({
    url: config.NATS_URL,
    name: 'gateway',
    timeoutMs: config.RPC_TIMEOUT_MS,
    callerSigningSecret: config.CALLER_SIGNING_SECRET,
  });
  const events = await DomainEventStream.connect(config.NATS_URL, 'gateway-events').catch(
    async (error: unknown) => {
      await rpc.close();
      throw error;
    },
  );
  try {
    const authenticator = Authenticator.fromConfig(config, rpc);
    const app = await NestFactory.create<NestExpressApplication>(
      GatewayModule.register({ rpc, events, authenticator, config }),
      // Only JSON is parsed, up to the limit; Nest's own parsers would also take forms.
      { logger, bodyParser: false },
    );
    app.set('trust proxy', config.TRUST_PROXY_HOPS);
    app.use(httpMetricsMiddleware);
    // Before Apollo's middleware, which Nest mounts when the app initialises.
    app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT_BYTES });
    app.use(bodyParserErrors);
    app.use(requestCorrelation);
    app.use('/graphql', requestDeadline(config.REQUEST_TIMEOUT_MS), graphqlRequestGuard);
    await app.listen(config.PORT, '0.0.0.0');
    return app;
  } catch (error) {
    await Promise.all([rpc.close(), events.close()]);
    throw error;
  }
}
