import { IsInt, Max, Min } from 'class-validator';
import { NatsConfig } from '#libs/config';

export class GatewayConfig extends NatsConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 4000;

  /** How many of the newest domain events a subscription's `after` id is looked for in. */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  SUBSCRIPTION_RESUME_WINDOW: number = 100_000;
}
