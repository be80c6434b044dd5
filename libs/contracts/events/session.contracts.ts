import { IsOptional, IsString, IsTimeZone, IsUUID, Length } from 'class-validator';
import { IsOmittable, Trim } from '../validation.js';
import { IsIsoDateTime } from './date-time.js';

export interface SessionDto {
  id: string;
  trainingId: string;
  title: string | null;
  /** Stored and answered in UTC. */
  startsAt: string;
  endsAt: string;
  /** IANA time zone to show the session in, e.g. Europe/Vienna. */
  timeZone: string;
  /** Rises with every change of the session. */
  version: number;
}

export class AddSessionCommand {
  @IsUUID()
  trainingId!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  title?: string | null;

  @IsIsoDateTime()
  startsAt!: string;

  @IsIsoDateTime()
  endsAt!: string;

  @IsTimeZone({ message: 'timeZone must be an IANA time zone name, such as Europe/Vienna' })
  timeZone!: string;
}

export class UpdateSessionCommand {
  @IsUUID()
  id!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  title?: string | null;

  @IsOmittable()
  @IsIsoDateTime()
  startsAt?: string;

  @IsOmittable()
  @IsIsoDateTime()
  endsAt?: string;

  @IsOmittable()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone name, such as Europe/Vienna' })
  timeZone?: string;
}
