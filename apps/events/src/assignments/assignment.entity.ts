import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentDto, AssignmentRole } from '#libs/contracts';

@Entity({ name: 'assignment' })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'training_id' })
  trainingId!: string;

  @Column({ type: 'uuid', name: 'agency_id' })
  agencyId!: string;

  @Column({ type: 'uuid', name: 'person_id', nullable: true })
  personId!: string | null;

  @Column({ type: 'text' })
  role!: AssignmentRole;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

export function toAssignmentDto(assignment: AssignmentEntity): AssignmentDto {
  return {
    id: assignment.id,
    trainingId: assignment.trainingId,
    agencyId: assignment.agencyId,
    personId: assignment.personId,
    role: assignment.role,
  };
}
