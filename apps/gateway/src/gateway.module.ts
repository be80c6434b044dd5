import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { DomainEventStream, RpcClient } from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { CalendarFeeds } from './calendars/calendar-feeds.js';
import { CalendarsController } from './calendars/calendars.controller.js';
import { isSchemaDiscoverable, type GatewayConfig } from './gateway.config.js';
import { Authenticator } from './auth/authenticator.js';
import {
  correlationPlugin,
  formatGraphQLError,
  withCorrelationId,
} from './graphql/error-formatting.js';
import { correlationIdOf } from './http/request-correlation.js';
import { createGatewayContext, createSubscriptionContext } from './graphql/gateway-context.js';
import {
  callerOfConnection,
  graphqlWsOptions,
  type SubscriptionConnection,
} from './graphql/graphql-ws.options.js';
import {
  queryAliasesLimit,
  queryCostLimit,
  queryDepthLimit,
  QueryLimits,
} from './graphql/limits/index.js';
import { EventSubscriptions, SUBSCRIPTION_RESUME_WINDOW } from './events/event-subscriptions.js';
import { metricsPlugin } from './graphql/metrics.plugin.js';
import { compiledExecutionPlugin } from './graphql/compiled-execution.plugin.js';
import { RateLimiter } from './graphql/rate-limiter.js';
import { GATEWAY_RESOLVERS } from './graphql/schema.js';

export interface GatewayConnections {
  rpc: RpcClient;
  events: DomainEventStream;
  authenticator: Authenticator;
  config: GatewayConfig;
}

/** Apollo passes `{ req, res }`; graphql-ws passes the connection's context. */
type ContextSource = { req: Request; res: Response } | SubscriptionConnection;

@Module({})
export class GatewayModule {
  static register({ rpc, events, authenticator, config }: GatewayConnections): DynamicModule {
    const natsHealth: HealthCheck = { name: 'nats', check: () => rpc.ping() };
    const discoverable = isSchemaDiscoverable(config);
    const rateLimiter = new RateLimiter({
      burst: config.RATE_LIMIT_BURST,
      perSecond: config.RATE_LIMIT_PER_SECOND,
      maxBuckets: config.RATE_LIMIT_MAX_CALLERS,
    });
    const queryLimits = new QueryLimits(
      [
        queryDepthLimit(config.QUERY_MAX_DEPTH),
        queryAliasesLimit(config.QUERY_MAX_ALIASES),
        queryCostLimit(config.QUERY_MAX_COST, { defaultListSize: config.QUERY_DEFAULT_LIST_SIZE }),
      ],
      config.QUERY_MAX_TOKENS,
    );
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          includeStacktraceInErrorResponses: false,
          // Refusals thrown here are answered before Apollo parses anything: a bad credential,
          // the caller's rate, then the document's depth, aliases and cost.
          context: async (source: ContextSource) => {
            if (!('req' in source))
              return createSubscriptionContext(callerOfConnection(source), rpc);
            try {
              const context = await createGatewayContext(
                source.req,
                source.res,
                rpc,
                authenticator,
              );
              rateLimiter.admit(context);
              queryLimits.admit(source.req);
              return context;
            } catch (error) {
              throw withCorrelationId(error, correlationIdOf(source.req, source.res));
            }
          },
          formatError: formatGraphQLError,
          // Off in production: the schema is not handed to whoever asks, not even by suggestion.
          introspection: discoverable,
          hideSchemaDetailsFromClientErrors: !discoverable,
          graphiql: discoverable,
          // Stated although they are Apollo's defaults, since the gateway's safety rests on them:
          // a GET (or a form post) without a preflight header is refused, and so is a batch.
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          parseOptions: { maxTokens: config.QUERY_MAX_TOKENS },
          // No cache hints are used; the default cache-control plugin would wrap every field resolver.
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            queryLimits.plugin(),
            correlationPlugin(),
            metricsPlugin(),
            compiledExecutionPlugin(),
          ],
          // graphql-ws on the same path; closing the app closes every socket (1001) and so
          // every subscription's consumer.
          subscriptions: { 'graphql-ws': graphqlWsOptions(authenticator) },
        }),
      ],
      controllers: [HealthController, MetricsController, CalendarsController],
      providers: [
        { provide: RpcClient, useValue: rpc },
        { provide: DomainEventStream, useValue: events },
        { provide: SUBSCRIPTION_RESUME_WINDOW, useValue: config.SUBSCRIPTION_RESUME_WINDOW },
        { provide: Authenticator, useValue: authenticator },
        { provide: HEALTH_CHECKS, useValue: [natsHealth] },
        CalendarFeeds,
        EventSubscriptions,
        ...GATEWAY_RESOLVERS,
      ],
    };
  }
}
