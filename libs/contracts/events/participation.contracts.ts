import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { MAX_BATCH_SIZE } from '../agencies/agency.contracts.js';
import { PageArgs } from '../pagination.js';
import { Trim } from '../validation.js';

export enum ParticipantKind {
  GOVERNMENT_OFFICIAL = 'GOVERNMENT_OFFICIAL',
  UN_REPRESENTATIVE = 'UN_REPRESENTATIVE',
  OTHER = 'OTHER',
}

/**
 * A participant's registration. Name, organization and email are personal data: the events
 * service answers them only to admins and to conveners of the training's work stream; to
 * everyone else they are null and `personalDataWithheld` is true.
 */
export interface RegistrationDto {
  id: string;
  trainingId: string;
  name: string | null;
  organization: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: ParticipantKind;
  email: string | null;
  personalDataWithheld: boolean;
  attendedSessionIds: string[];
  createdAt: string;
}

/** Who a training (or a series) reached. */
export interface ReachDto {
  /** Participants other than UN representatives. */
  participants: number;
  /** Countries those participants came from. */
  countries: number;
  unRepresentatives: number;
  /** Agencies with an assignment in the training. */
  agencies: number;
}

export interface FeedbackSummaryDto {
  responses: number;
  averageRating: number | null;
  suggestedTopics: { topic: string; count: number }[];
}

export class RegisterParticipantCommand {
  @IsUUID()
  trainingId!: string;

  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Trim()
  @IsString()
  @Length(2, 300)
  organization!: string;

  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, such as KE' })
  country!: string;

  @IsEnum(ParticipantKind)
  kind!: ParticipantKind;

  @IsOptional()
  @Trim()
  @IsEmail()
  @Length(3, 320)
  email?: string | null;
}

export class RecordAttendanceCommand {
  @IsUUID()
  registrationId!: string;

  @IsUUID()
  sessionId!: string;

  @IsBoolean()
  attended!: boolean;
}

export class SubmitFeedbackCommand {
  @IsUUID()
  trainingId!: string;

  /** The participant giving it, when known. */
  @IsOptional()
  @IsUUID()
  registrationId?: string | null;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 5000)
  comment?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  suggestedTopics?: string[];
}

/** The first page of registrations of each training. */
export class RegistrationPagesQuery extends PageArgs {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  trainingIds!: string[];
}

/** `comment` is a participant's free text: answered under the same rule as their name. */
export interface FeedbackDto {
  id: string;
  trainingId: string;
  registrationId: string | null;
  rating: number;
  comment: string | null;
  suggestedTopics: string[];
  createdAt: string;
}
