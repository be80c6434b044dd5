import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { MAX_BATCH_SIZE } from './agency.contracts.js';
import { IsOmittable, Trim } from '../validation.js';

export interface PersonDto {
  id: string;
  agencyId: string;
  name: string;
  title: string | null;
  division: string | null;
  email: string | null;
  removed: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class PeopleByAgencyIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  agencyIds!: string[];
}

export class PeopleByIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class AddPersonCommand {
  @IsUUID()
  agencyId!: string;

  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  division?: string | null;

  @IsOptional()
  @Trim()
  @IsEmail()
  @Length(3, 320)
  email?: string | null;
}

export class UpdatePersonCommand {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 200)
  name?: string;

  /** null clears the field. */
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  division?: string | null;

  @IsOptional()
  @Trim()
  @IsEmail()
  @Length(3, 320)
  email?: string | null;
}

export class RemovePersonCommand {
  @IsUUID()
  id!: string;
}
