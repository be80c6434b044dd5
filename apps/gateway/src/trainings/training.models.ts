import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AssignmentRole,
  ParticipantKind,
  TrainingFormat,
  TrainingKind,
  TrainingStatus,
} from '#libs/contracts';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

registerEnumType(TrainingKind, { name: 'TrainingKind' });
registerEnumType(TrainingFormat, { name: 'TrainingFormat' });
registerEnumType(TrainingStatus, {
  name: 'TrainingStatus',
  description: 'DRAFT → SCHEDULED → IN_PROGRESS → COMPLETED, or CANCELLED from any but COMPLETED.',
});
registerEnumType(AssignmentRole, { name: 'AssignmentRole' });
registerEnumType(ParticipantKind, { name: 'ParticipantKind' });

@ObjectType({
  description: 'A training: a webinar, workshop, awareness session or meeting of a work stream.',
})
export class Training {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => TrainingKind)
  kind!: TrainingKind;

  @Field(() => TrainingFormat)
  format!: TrainingFormat;

  @Field(() => TrainingStatus)
  status!: TrainingStatus;

  @Field(() => [String])
  topics!: string[];

  @Field(() => [Int], { description: 'SDG goal numbers, 1 to 17.' })
  sdgs!: number[];

  @Field(() => String, { nullable: true })
  targetAudience!: string | null;

  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Field(() => String, { nullable: true })
  venue!: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the first session.' })
  startsAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the last session.' })
  endsAt!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

export const TrainingConnection = ConnectionType(Training, 'Training');

@ObjectType()
export class Session {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => DateTimeScalar, { description: 'In UTC.' })
  startsAt!: string;

  @Field(() => DateTimeScalar, { description: 'In UTC.' })
  endsAt!: string;

  @Field({ description: 'IANA time zone to show the session in, e.g. Europe/Vienna.' })
  timeZone!: string;
}

@ObjectType({
  description: 'Who does what for a training: an agency, optionally one of its people, in a role.',
})
export class Assignment {
  @Field(() => ID)
  id!: string;

  @Field(() => AssignmentRole)
  role!: AssignmentRole;
}

/** Who may see a participant's personal data; said once, in every field that carries it. */
const PERSONAL =
  'Personal data: null unless you are an admin or a convener of the training’s work stream (then `personalDataWithheld` is false).';

@ObjectType({
  description:
    'A participant’s registration. Everyone sees its country, kind and attendance; name, organization and email only admins and conveners of the training’s work stream.',
})
export class Registration {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: PERSONAL })
  name!: string | null;

  @Field(() => String, { nullable: true, description: PERSONAL })
  organization!: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => String, {
    nullable: true,
    description: `${PERSONAL} Also null when the participant gave none.`,
  })
  email!: string | null;

  @Field({
    description:
      'True when name, organization and email are withheld from you: they are null whatever was recorded.',
  })
  personalDataWithheld!: boolean;

  @Field(() => [ID])
  attendedSessionIds!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: string;
}

export const RegistrationConnection = ConnectionType(Registration, 'Registration');

@ObjectType({ description: 'Who a training or series reached; each participant counted once.' })
export class Reach {
  @Field(() => Int, { description: 'Participants other than UN representatives.' })
  participants!: number;

  @Field(() => Int, { description: 'Countries those participants came from.' })
  countries!: number;

  @Field(() => Int)
  unRepresentatives!: number;

  @Field(() => Int, { description: 'Agencies with an assignment.' })
  agencies!: number;
}

@ObjectType()
export class TopicCount {
  @Field()
  topic!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class FeedbackSummary {
  @Field(() => Int)
  responses!: number;

  @Field(() => Float, { nullable: true })
  averageRating!: number | null;

  @Field(() => [TopicCount], { description: 'Suggested future topics, most asked first.' })
  suggestedTopics!: TopicCount[];
}

@ObjectType()
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  rating!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The participant’s own words: null unless you are an admin or a convener of the training’s work stream. Never part of summaries or domain events.',
  })
  comment!: string | null;

  @Field(() => [String])
  suggestedTopics!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: string;
}

@ObjectType({ description: 'A named group of trainings, such as the 2020 pilot online training.' })
export class Series {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;
}
