import { IsInt, Max, Min } from 'class-validator';
import { NatsConfig } from '#libs/config';

export class GatewayConfig extends NatsConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 4000;
}
