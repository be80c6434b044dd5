import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DomainEventStream, RpcClient } from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { EventSubscriptions, SUBSCRIPTION_RESUME_WINDOW } from './events/event-subscriptions.js';
import { correlationPlugin, formatGraphQLError } from './graphql/error-formatting.js';
import {
  createGatewayContext,
  createSubscriptionContext,
  type ConnectionParams,
} from './graphql/gateway-context.js';
import { graphqlWsOptions } from './graphql/graphql-ws.options.js';
import { metricsPlugin } from './graphql/metrics.plugin.js';
import { GATEWAY_RESOLVERS } from './graphql/schema.js';

export interface GatewayConnections {
  rpc: RpcClient;
  events: DomainEventStream;
  /** How many of the newest events a subscription's `after` id is looked for in. */
  resumeWindow: number;
}

/** Apollo passes `{ req, res }`; graphql-ws passes its connection context with `connectionParams`. */
type ContextSource = { req: Request } | { connectionParams?: ConnectionParams };

@Module({})
export class GatewayModule {
  static register({ rpc, events, resumeWindow }: GatewayConnections): DynamicModule {
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
          context: (source: ContextSource) =>
            'req' in source
              ? createGatewayContext(source.req, rpc)
              : createSubscriptionContext(source.connectionParams, rpc),
          formatError: formatGraphQLError,
          // No cache hints are used; the default cache-control plugin would wrap every field resolver.
          plugins: [ApolloServerPluginCacheControlDisabled(), correlationPlugin(), metricsPlugin()],
          // graphql-ws on the same path; closing the app closes every socket (1001) and so
          // every subscription's consumer.
          subscriptions: { 'graphql-ws': graphqlWsOptions() },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: RpcClient, useValue: rpc },
        { provide: DomainEventStream, useValue: events },
        { provide: SUBSCRIPTION_RESUME_WINDOW, useValue: resumeWindow },
        { provide: HEALTH_CHECKS, useValue: [natsHealth] },
        EventSubscriptions,
        ...GATEWAY_RESOLVERS,
      ],
    };
  }
}
