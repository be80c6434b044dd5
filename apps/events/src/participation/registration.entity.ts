import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantKind, RegistrationDto } from '#libs/contracts';

@Entity({ name: 'registration' })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'training_id' })
  trainingId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  organization!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'text' })
  kind!: ParticipantKind;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

export function toRegistrationDto(
  registration: RegistrationEntity,
  attendedSessionIds: string[],
): RegistrationDto {
  return {
    id: registration.id,
    trainingId: registration.trainingId,
    name: registration.name,
    organization: registration.organization,
    country: registration.country,
    kind: registration.kind,
    email: registration.email,
    personalDataWithheld: false,
    attendedSessionIds,
    createdAt: registration.createdAt.toISOString(),
  };
}
