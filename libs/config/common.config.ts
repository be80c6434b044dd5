import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Secret } from './secret.js';

const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const NATS_URL = /^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/;

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every app reads; property names are the environment variable names. */
export class NatsConfig {
  /** May hold the app's NATS user and password: `nats://user:password@host:4222`. */
  @Secret()
  @Matches(NATS_URL, { message: 'NATS_URL must be a nats:// URL (comma-separated for a cluster)' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** How long a caller waits for a service's answer before SERVICE_UNAVAILABLE. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  RPC_TIMEOUT_MS: number = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'log';

  /**
   * Signs the caller header of every NATS request. Shared by the gateway, the services and
   * trusted internal tools (seed) only; without it a request is handled as anonymous.
   */
  @Secret()
  @IsString({ message: 'CALLER_SIGNING_SECRET must be set (a random string shared by the apps)' })
  @MinLength(32, { message: 'CALLER_SIGNING_SECRET must have at least 32 characters' })
  CALLER_SIGNING_SECRET!: string;
}

/**
 * Retention of the domain-event stream. Every service brings the stream to these limits at
 * start, so all of them must run with the same values. Consumers that fall further behind
 * than this lose the oldest events; the outbox tables keep the full history.
 */
export class EventStreamConfig extends NatsConfig {
  @IsInt()
  @Min(1)
  @Max(3650)
  EVENT_STREAM_MAX_AGE_DAYS: number = 90;

  @IsInt()
  @Min(16)
  @Max(1_048_576)
  EVENT_STREAM_MAX_MB: number = 4096;
}

export class ServiceConfig extends EventStreamConfig {
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/convene';

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** Port of the service's /health and /metrics. */
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 4001;
}
