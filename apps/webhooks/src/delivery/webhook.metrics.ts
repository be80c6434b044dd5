import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '#libs/observability';

export const webhookAttempts = new Counter({
  name: 'convene_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome (succeeded, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookDeliveries = new Counter({
  name: 'convene_webhook_deliveries_total',
  help: 'Webhook deliveries that reached their end, by status (succeeded, failed)',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

export const webhookAttemptDuration = new Histogram({
  name: 'convene_webhook_attempt_duration_seconds',
  help: 'Time from sending a webhook to its answer (or failure), by outcome',
  labelNames: ['outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
  registers: [metricsRegistry],
});

export const webhookEventsReceived = new Counter({
  name: 'convene_webhook_events_received_total',
  help: 'Domain events read from the stream, and deliveries recorded for them',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});
