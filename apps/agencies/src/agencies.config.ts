import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class AgenciesConfig extends ServiceConfig {
  /** Port of /health and /metrics. */
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 4001;
}
