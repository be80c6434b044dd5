import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { RpcClient } from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { Authenticator } from './auth/authenticator.js';
import { correlationPlugin, formatGraphQLError } from './graphql/error-formatting.js';
import { createGatewayContext } from './graphql/gateway-context.js';
import { metricsPlugin } from './graphql/metrics.plugin.js';
import { GATEWAY_RESOLVERS } from './graphql/schema.js';

@Module({})
export class GatewayModule {
  static register(rpc: RpcClient, authenticator: Authenticator): DynamicModule {
    const natsHealth: HealthCheck = { name: 'nats', check: () => rpc.ping() };
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: Request }) => createGatewayContext(req, rpc, authenticator),
          formatError: formatGraphQLError,
          // No cache hints are used; the default cache-control plugin would wrap every field resolver.
          plugins: [ApolloServerPluginCacheControlDisabled(), correlationPlugin(), metricsPlugin()],
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: RpcClient, useValue: rpc },
        { provide: Authenticator, useValue: authenticator },
        { provide: HEALTH_CHECKS, useValue: [natsHealth] },
        ...GATEWAY_RESOLVERS,
      ],
    };
  }
}
