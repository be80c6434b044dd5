import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainEventStream, RpcClient } from '#libs/messaging';
import { httpMetricsMiddleware, JsonLogger } from '#libs/observability';
import type { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

/** Starts the GraphQL gateway on PORT; closing the app also closes its NATS connections. */
export async function startGateway(config: GatewayConfig): Promise<INestApplication> {
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const rpc = await RpcClient.connect({
    url: config.NATS_URL,
    name: 'gateway',
    timeoutMs: config.RPC_TIMEOUT_MS,
  });
  const events = await DomainEventStream.connect(config.NATS_URL, 'gateway-events').catch(
    async (error: unknown) => {
      await rpc.close();
      throw error;
    },
  );
  try {
    const module = GatewayModule.register({
      rpc,
      events,
      resumeWindow: config.SUBSCRIPTION_RESUME_WINDOW,
    });
    const app = await NestFactory.create(module, { logger, bodyParser: true });
    app.use(httpMetricsMiddleware);
    await app.listen(config.PORT, '0.0.0.0');
    return app;
  } catch (error) {
    await Promise.all([rpc.close(), events.close()]);
    throw error;
  }
}
