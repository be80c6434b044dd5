import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyKind } from '#libs/contracts';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of entity of the UN system an agency is.',
});

@ObjectType({ description: 'A member entity of the task team, such as UNIDO or UNCTAD.' })
export class Agency {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique, compared case-insensitively.' })
  acronym!: string;

  @Field()
  name!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field({ description: 'Headquarters city.' })
  headquarters!: string;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field({ description: 'Archived agencies are kept for history and can no longer change.' })
  archived!: boolean;

  @Field(() => Int, {
    description: 'Increases with every change; pass it as expectedVersion to update safely.',
  })
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

export const AgencyConnection = ConnectionType(Agency, 'Agency');
