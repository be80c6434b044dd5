import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, registerDecorator } from 'class-validator';
import { ServiceConfig } from '#libs/config';
import { parseRetrySchedule } from './delivery/retry-schedule.js';

/** The Standard Webhooks suggestion: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

function IsRetrySchedule(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRetrySchedule',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a comma-separated list of durations such as ${STANDARD_RETRY_SCHEDULE} (units ms, s, m, h)`,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && parseRetrySchedule(value) !== undefined,
      },
    });
}

export class WebhooksConfig extends ServiceConfig {
  /**
   * Deliver to loopback, private and link-local addresses too. Off in production: an endpoint
   * URL must not reach into the network the service runs in. `npm start` and tests turn it on.
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    if (value === undefined || value === false || value === 'false') return false;
    return value === true || value === 'true' ? true : value;
  })
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE_URLS must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_URLS: boolean = false;

  /** Waits between attempts after a failure; when they are used up the delivery has failed. */
  @IsRetrySchedule()
  WEBHOOK_RETRY_SCHEDULE: string = STANDARD_RETRY_SCHEDULE;

  /** How long one attempt may take, connection and answer included. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS: number = 15_000;

  /** Attempts in flight at once in this instance. */
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_CONCURRENCY: number = 20;

  /** How often an idle worker looks for due deliveries that another instance recorded. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS: number = 1000;
}
