import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { RpcClient } from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { CalendarFeeds } from './calendars/calendar-feeds.js';
import { CalendarsController } from './calendars/calendars.controller.js';
import { isSchemaDiscoverable, type GatewayConfig } from './gateway.config.js';
import { correlationPlugin, formatGraphQLError } from './graphql/error-formatting.js';
import { createGatewayContext } from './graphql/gateway-context.js';
import {
  queryAliasesLimit,
  queryCostLimit,
  queryDepthLimit,
  QueryLimits,
} from './graphql/limits/index.js';
import { metricsPlugin } from './graphql/metrics.plugin.js';
import { compiledExecutionPlugin } from './graphql/compiled-execution.plugin.js';
import { RateLimiter } from './graphql/rate-limiter.js';
import { GATEWAY_RESOLVERS } from './graphql/schema.js';

@Module({})
export class GatewayModule {
  static register(rpc: RpcClient, config: GatewayConfig): DynamicModule {
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
          // Refusals thrown here are answered before Apollo parses anything: the caller's rate
          // first, then the document's depth, aliases and cost.
          context: ({ req, res }: { req: Request; res: Response }) => {
            const context = createGatewayContext(req, res, rpc);
            rateLimiter.admit(context);
            queryLimits.admit(req);
            return context;
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
        }),
      ],
      controllers: [HealthController, MetricsController, CalendarsController],
      providers: [
        { provide: RpcClient, useValue: rpc },
        { provide: HEALTH_CHECKS, useValue: [natsHealth] },
        CalendarFeeds,
        ...GATEWAY_RESOLVERS,
      ],
    };
  }
}
