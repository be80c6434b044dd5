import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FeedbackDto } from '#libs/contracts';

@Entity({ name: 'feedback' })
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'training_id' })
  trainingId!: string;

  @Column({ type: 'uuid', name: 'registration_id', nullable: true })
  registrationId!: string | null;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', array: true, name: 'suggested_topics' })
  suggestedTopics!: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

export function toFeedbackDto(feedback: FeedbackEntity): FeedbackDto {
  return {
    id: feedback.id,
    trainingId: feedback.trainingId,
    registrationId: feedback.registrationId,
    rating: feedback.rating,
    comment: feedback.comment,
    suggestedTopics: feedback.suggestedTopics,
    createdAt: feedback.createdAt.toISOString(),
  };
}
