import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canonicalTopics,
  TrainingEvents,
  type FeedbackDto,
  type RecordAttendanceCommand,
  type RegisterParticipantCommand,
  type RegistrationDto,
  type SubmitFeedbackCommand,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import { conflictOnDuplicate, OutboxWriter } from '#libs/persistence';
import { SessionEntity } from '../sessions/session.entity.js';
import { assertOpenFor } from '../trainings/training-rules.js';
import { eventScopeOf } from '../trainings/training.entity.js';
import { TrainingsService } from '../trainings/trainings.service.js';
import { FeedbackEntity, toFeedbackDto } from './feedback.entity.js';
import { feedbackFor, registrationFor } from './personal-data.js';
import { RegistrationEntity, toRegistrationDto } from './registration.entity.js';

@Injectable()
export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Registers a participant; the training's capacity holds even under concurrent registrations. */
  async register(command: RegisterParticipantCommand, call: CallContext): Promise<RegistrationDto> {
    const write = () =>
      this.dataSource.transaction(async (transaction) => {
        const training = await this.trainings.lock(
          transaction,
          command.trainingId,
          call,
          'trainingId',
        );
        assertOpenFor('registration', training);
        const registrations = transaction.getRepository(RegistrationEntity);
        if (training.capacity !== null) {
          const taken = await registrations.countBy({ trainingId: training.id });
          if (taken >= training.capacity) {
            throw RpcError.conflict(
              `Training "${training.title}" is full: all ${training.capacity} places are taken`,
            );
          }
        }
        const registration = await registrations.save(
          registrations.create({
            trainingId: training.id,
            name: command.name,
            organization: command.organization,
            country: command.country.toUpperCase(),
            kind: command.kind,
            email: command.email ?? null,
          }),
        );
        // Events carry no names or emails: integrations see who registered only in aggregate.
        await this.outbox.record(transaction, call, {
          type: TrainingEvents.participantRegistered,
          subject: training.id,
          data: {
            ...eventScopeOf(training),
            registration: {
              id: registration.id,
              trainingId: training.id,
              country: registration.country,
              kind: registration.kind,
            },
          },
        });
        return registrationFor(
          call.caller,
          training.workStreamId,
          toRegistrationDto(registration, []),
        );
      });
    return conflictOnDuplicate(
      'registration_once',
      `${command.name} is already registered for this training`,
      write,
    );
  }

  async recordAttendance(
    command: RecordAttendanceCommand,
    call: CallContext,
  ): Promise<RegistrationDto> {
    return this.dataSource.transaction(async (transaction) => {
      const registration = await transaction
        .getRepository(RegistrationEntity)
        .findOneBy({ id: command.registrationId });
      if (!registration) throw RpcError.notFound('Registration', command.registrationId);
      const training = await this.trainings.lock(transaction, registration.trainingId, call);
      assertOpenFor('attendance', training);
      const session = await transaction
        .getRepository(SessionEntity)
        .findOneBy({ id: command.sessionId });
      if (!session || session.trainingId !== training.id) {
        throw RpcError.badInput([
          {
            field: 'sessionId',
            rule: 'ofTraining',
            message: "no session with that id in the registration's training",
          },
        ]);
      }
      await transaction.query(
        command.attended
          ? 'INSERT INTO events.attendance (registration_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
          : 'DELETE FROM events.attendance WHERE registration_id = $1 AND session_id = $2',
        [registration.id, session.id],
      );
      await this.outbox.record(transaction, call, {
        type: TrainingEvents.attendanceRecorded,
        subject: training.id,
        data: {
          ...eventScopeOf(training),
          attendance: {
            registrationId: registration.id,
            sessionId: session.id,
            attended: command.attended,
          },
        },
      });
      return registrationFor(
        call.caller,
        training.workStreamId,
        toRegistrationDto(registration, await attendedSessions(transaction, registration.id)),
      );
    });
  }

  async submitFeedback(command: SubmitFeedbackCommand, call: CallContext): Promise<FeedbackDto> {
    return this.dataSource.transaction(async (transaction) => {
      const training = await this.trainings.lock(
        transaction,
        command.trainingId,
        call,
        'trainingId',
      );
      assertOpenFor('feedback', training);
      if (command.registrationId) {
        const registration = await transaction
          .getRepository(RegistrationEntity)
          .findOneBy({ id: command.registrationId, trainingId: training.id });
        if (!registration) {
          throw RpcError.badInput([
            {
              field: 'registrationId',
              rule: 'ofTraining',
              message: 'no registration with that id for this training',
            },
          ]);
        }
      }
      const repository = transaction.getRepository(FeedbackEntity);
      const dto = toFeedbackDto(
        await repository.save(
          repository.create({
            trainingId: training.id,
            registrationId: command.registrationId ?? null,
            rating: command.rating,
            comment: command.comment ?? null,
            suggestedTopics: canonicalTopics(command.suggestedTopics ?? []),
          }),
        ),
      );
      await this.outbox.record(transaction, call, {
        type: TrainingEvents.feedbackSubmitted,
        subject: training.id,
        data: {
          ...eventScopeOf(training),
          feedback: {
            id: dto.id,
            trainingId: dto.trainingId,
            rating: dto.rating,
            suggestedTopics: dto.suggestedTopics,
          },
        },
      });
      return feedbackFor(call.caller, training.workStreamId, dto);
    });
  }
}

async function attendedSessions(
  transaction: EntityManager,
  registrationId: string,
): Promise<string[]> {
  const rows: { session_id: string }[] = await transaction.query(
    'SELECT session_id FROM events.attendance WHERE registration_id = $1 ORDER BY session_id',
    [registrationId],
  );
  return rows.map((row) => row.session_id);
}
