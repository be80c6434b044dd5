import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  AssignmentRole,
  ParticipantKind,
  TrainingFormat,
  TrainingKind,
  TrainingStatus,
  type AddSessionCommand,
  type AssignCommand,
  type CreateSeriesCommand,
  type CreateTrainingCommand,
  type ListTrainingsQuery,
  type RecordAttendanceCommand,
  type RegisterParticipantCommand,
  type SubmitFeedbackCommand,
  type TrainingFilter,
  type UpdateSessionCommand,
  type UpdateTrainingCommand,
} from '#libs/contracts';

// GraphQL shapes of the events contracts; the events service validates every field.

@InputType()
export class TrainingFilterInput implements TrainingFilter {
  @Field(() => ID, { nullable: true })
  workStreamId?: string;

  @Field(() => ID, { nullable: true })
  seriesId?: string;

  @Field(() => ID, { nullable: true, description: 'Trainings this agency has an assignment in.' })
  agencyId?: string;

  @Field(() => AssignmentRole, { nullable: true, description: 'With agencyId: in this role.' })
  role?: AssignmentRole;

  @Field(() => [TrainingStatus], { nullable: true })
  statuses?: TrainingStatus[];

  @Field({
    nullable: true,
    description: 'Trainings with a session ending after this ISO 8601 time.',
  })
  from?: string;

  @Field({
    nullable: true,
    description: 'Trainings with a session starting before this ISO 8601 time.',
  })
  to?: string;

  @Field(() => TrainingFormat, { nullable: true })
  format?: TrainingFormat;

  @Field({ nullable: true })
  topic?: string;

  @Field(() => Int, { nullable: true })
  sdg?: number;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country of a participant.' })
  participantCountry?: string;
}

@ArgsType()
export class TrainingsArgs implements ListTrainingsQuery {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;

  @Field(() => TrainingFilterInput, { nullable: true })
  filter?: TrainingFilterInput;
}

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;
}

@InputType()
class TrainingDetailsInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[];

  @Field(() => [Int], { nullable: true, description: 'SDG goal numbers, 1 to 17.' })
  sdgs?: number[];

  @Field(() => String, { nullable: true })
  targetAudience?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true })
  seriesId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The earlier training this one follows.' })
  followsId?: string | null;
}

@InputType()
export class CreateTrainingInput extends TrainingDetailsInput implements CreateTrainingCommand {
  @Field(() => ID)
  workStreamId!: string;

  @Field()
  title!: string;

  @Field(() => TrainingKind)
  kind!: TrainingKind;

  @Field(() => TrainingFormat)
  format!: TrainingFormat;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional one.' })
export class UpdateTrainingInput extends TrainingDetailsInput implements UpdateTrainingCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;

  @Field({ nullable: true })
  title?: string;

  @Field(() => TrainingKind, { nullable: true })
  kind?: TrainingKind;

  @Field(() => TrainingFormat, { nullable: true })
  format?: TrainingFormat;
}

@InputType()
export class AddSessionInput implements AddSessionCommand {
  @Field(() => ID)
  trainingId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field({ description: 'ISO 8601 with offset; stored in UTC.' })
  startsAt!: string;

  @Field({ description: 'ISO 8601 with offset; after startsAt.' })
  endsAt!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Vienna.' })
  timeZone!: string;
}

@InputType()
export class UpdateSessionInput implements UpdateSessionCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field({ nullable: true })
  startsAt?: string;

  @Field({ nullable: true })
  endsAt?: string;

  @Field({ nullable: true })
  timeZone?: string;
}

@InputType()
export class AssignInput implements AssignCommand {
  @Field(() => ID)
  trainingId!: string;

  @Field(() => ID)
  agencyId!: string;

  @Field(() => ID, { nullable: true, description: 'Someone of that agency.' })
  personId?: string | null;

  @Field(() => AssignmentRole)
  role!: AssignmentRole;
}

@InputType()
export class RegisterParticipantInput implements RegisterParticipantCommand {
  @Field(() => ID)
  trainingId!: string;

  @Field()
  name!: string;

  @Field()
  organization!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. KE.' })
  country!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class RecordAttendanceInput implements RecordAttendanceCommand {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field({ defaultValue: true })
  attended!: boolean;
}

@InputType()
export class SubmitFeedbackInput implements SubmitFeedbackCommand {
  @Field(() => ID)
  trainingId!: string;

  @Field(() => ID, { nullable: true })
  registrationId?: string | null;

  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => [String], { nullable: true })
  suggestedTopics?: string[];
}

@InputType()
export class CreateSeriesInput implements CreateSeriesCommand {
  @Field(() => ID)
  workStreamId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
