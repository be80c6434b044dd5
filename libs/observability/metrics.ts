import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per process; every app exposes it on GET /metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const httpRequestDuration = new Histogram({
  name: 'convene_http_request_duration_seconds',
  help: 'HTTP requests served, by method, route and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const rpcClientRequests = new Counter({
  name: 'convene_nats_requests_total',
  help: 'NATS requests sent, by subject and outcome (ok, or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const rpcClientDuration = new Histogram({
  name: 'convene_nats_request_duration_seconds',
  help: 'Round trip of NATS requests sent, by subject',
  labelNames: ['subject'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const rpcHandlerDuration = new Histogram({
  name: 'convene_rpc_handler_duration_seconds',
  help: 'NATS requests handled, by subject and outcome (ok, or the error code)',
  labelNames: ['subject', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: 'convene_graphql_operations_total',
  help: 'GraphQL operations executed, by operation type and outcome',
  labelNames: ['type', 'outcome'] as const,
  registers: [metricsRegistry],
});
