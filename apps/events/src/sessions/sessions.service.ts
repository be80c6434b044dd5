import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  TrainingEvents,
  type AddSessionCommand,
  type FieldError,
  type SessionDto,
  type UpdateSessionCommand,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import { groupByKeys, OutboxWriter } from '#libs/persistence';
import { assertDetailsMayChange, assertStillSchedulable } from '../trainings/training-rules.js';
import { eventScopeOf, type TrainingEntity } from '../trainings/training.entity.js';
import { TrainingsRepository } from '../trainings/trainings.repository.js';
import { TrainingsService } from '../trainings/trainings.service.js';
import { SessionEntity, toSessionDto } from './session.entity.js';

type SessionEvent = (typeof TrainingEvents)['sessionAdded' | 'sessionUpdated' | 'sessionRemoved'];

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsService,
    private readonly trainingRows: TrainingsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async byTrainingIds(trainingIds: string[]): Promise<SessionDto[][]> {
    const sessions = await this.dataSource.getRepository(SessionEntity).find({
      where: { trainingId: In(trainingIds) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(trainingIds, sessions, (session) => session.trainingId, toSessionDto);
  }

  async add(command: AddSessionCommand, call: CallContext): Promise<SessionDto> {
    const span = spanOf(command.startsAt, command.endsAt);
    return this.dataSource.transaction(async (transaction) => {
      const training = await this.trainings.lock(
        transaction,
        command.trainingId,
        call,
        'trainingId',
      );
      assertDetailsMayChange(training);
      await assertNoOverlap(transaction, training.id, span);
      const session = await transaction.getRepository(SessionEntity).save(
        transaction.getRepository(SessionEntity).create({
          trainingId: training.id,
          title: command.title ?? null,
          startsAt: span.startsAt,
          endsAt: span.endsAt,
          timeZone: command.timeZone,
        }),
      );
      return this.recorded(transaction, call, TrainingEvents.sessionAdded, training, session);
    });
  }

  async update(command: UpdateSessionCommand, call: CallContext): Promise<SessionDto> {
    return this.dataSource.transaction(async (transaction) => {
      const { session, training } = await this.lockSession(transaction, command.id, call);
      assertDetailsMayChange(training);
      const span = spanOf(
        command.startsAt ?? session.startsAt.toISOString(),
        command.endsAt ?? session.endsAt.toISOString(),
      );
      await assertNoOverlap(transaction, training.id, span, session.id);
      Object.assign(session, {
        ...span,
        title: command.title === undefined ? session.title : command.title,
        timeZone: command.timeZone ?? session.timeZone,
      });
      const saved = await transaction.getRepository(SessionEntity).save(session);
      return this.recorded(transaction, call, TrainingEvents.sessionUpdated, training, saved);
    });
  }

  async remove(id: string, call: CallContext): Promise<SessionDto> {
    return this.dataSource.transaction(async (transaction) => {
      const { session, training } = await this.lockSession(transaction, id, call);
      assertDetailsMayChange(training);
      const removed = { ...session };
      await transaction.getRepository(SessionEntity).delete({ id });
      assertStillSchedulable(
        training.status,
        await this.trainingRows.factsOf(transaction, training.id),
      );
      return this.recorded(transaction, call, TrainingEvents.sessionRemoved, training, removed);
    });
  }

  private async lockSession(transaction: EntityManager, id: string, call: CallContext) {
    const session = await transaction.getRepository(SessionEntity).findOneBy({ id });
    if (!session) throw RpcError.notFound('Session', id);
    const training = await this.trainings.lock(transaction, session.trainingId, call);
    return { session, training };
  }

  /** A session change also moves the training's start or end: both are recorded. */
  private async recorded(
    transaction: EntityManager,
    call: CallContext,
    type: SessionEvent,
    training: TrainingEntity,
    session: SessionEntity,
  ): Promise<SessionDto> {
    await this.trainingRows.refreshSchedule(transaction, training);
    const dto = toSessionDto(session);
    await this.outbox.record(transaction, call, {
      type,
      subject: training.id,
      data: { ...eventScopeOf(training), session: dto },
    });
    return dto;
  }
}

function spanOf(startsAt: string, endsAt: string): { startsAt: Date; endsAt: Date } {
  const span = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  if (span.endsAt <= span.startsAt) {
    const error: FieldError = {
      field: 'endsAt',
      rule: 'isAfterStart',
      message: 'endsAt must be after startsAt',
    };
    throw RpcError.badInput([error]);
  }
  return span;
}

/** Sessions of one training never overlap; the training row is locked, so this check holds. */
async function assertNoOverlap(
  transaction: EntityManager,
  trainingId: string,
  span: { startsAt: Date; endsAt: Date },
  exceptSessionId?: string,
): Promise<void> {
  const [clash] = await transaction.query(
    `SELECT id, starts_at, ends_at FROM events.session
      WHERE training_id = $1 AND starts_at < $3 AND ends_at > $2 AND id IS DISTINCT FROM $4
      LIMIT 1`,
    [trainingId, span.startsAt, span.endsAt, exceptSessionId ?? null],
  );
  if (clash) {
    throw RpcError.badInput([
      {
        field: 'startsAt',
        rule: 'noOverlap',
        message: `the session overlaps another session of the training (${new Date(clash.starts_at).toISOString()} – ${new Date(clash.ends_at).toISOString()})`,
      },
    ]);
  }
}
