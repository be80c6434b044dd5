import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RpcClient } from '#libs/messaging';
import { httpMetricsMiddleware, JsonLogger } from '#libs/observability';
import { Authenticator } from './auth/authenticator.js';
import type { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

/** Starts the GraphQL gateway on PORT; closing the app also closes its NATS connection. */
export async function startGateway(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const rpc = await RpcClient.connect({
    url: config.NATS_URL,
    name: 'gateway',
    timeoutMs: config.RPC_TIMEOUT_MS,
    callerSigningSecret: config.CALLER_SIGNING_SECRET,
  });
  try {
    const authenticator = Authenticator.fromConfig(config, rpc);
    const app = await NestFactory.create(GatewayModule.register(rpc, authenticator), {
      logger,
      bodyParser: true,
    });
    app.use(httpMetricsMiddleware);
    await app.listen(config.PORT, '0.0.0.0');
    return app;
  } catch (error) {
    await rpc.close();
    throw error;
  }
}
