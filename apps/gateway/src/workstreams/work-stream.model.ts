import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WorkStreamStatus } from '#libs/contracts';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

registerEnumType(WorkStreamStatus, { name: 'WorkStreamStatus' });

@ObjectType({ description: 'A work stream of the task team, convened by one or more agencies.' })
export class WorkStream {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Unique, e.g. 6 for Work Stream 6.' })
  number!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  mandate!: string | null;

  @Field(() => WorkStreamStatus)
  status!: WorkStreamStatus;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

export const WorkStreamConnection = ConnectionType(WorkStream, 'WorkStream');
