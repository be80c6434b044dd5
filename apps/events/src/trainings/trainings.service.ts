import { Injectable } from '@nestjs/common';
import { assertCan, draftWorkStreamsOf } from '#libs/auth';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canonicalTopics,
  DEFAULT_PAGE_SIZE,
  TrainingEvents,
  TrainingStatus,
  type CreateTrainingCommand,
  type ListTrainingsQuery,
  type Page,
  type TrainingDto,
  type TransitionTrainingCommand,
  type UpdateTrainingCommand,
} from '#libs/contracts';
import { RpcError, type CallContext, type Caller } from '#libs/messaging';
import {
  alignByIds,
  applyChanges,
  assertVersion,
  groupByKeys,
  OutboxWriter,
  toPage,
} from '#libs/persistence';
import { ReferenceChecker } from '#libs/service';
import { SeriesRepository } from '../series/series.repository.js';
import { assertDetailsMayChange, refusalOfTransition } from './training-rules.js';
import { eventScopeOf, toTrainingDto, type TrainingEntity } from './training.entity.js';
import { TrainingsRepository } from './trainings.repository.js';

const TRANSITION_EVENTS = {
  [TrainingStatus.SCHEDULED]: TrainingEvents.trainingScheduled,
  [TrainingStatus.IN_PROGRESS]: TrainingEvents.trainingStarted,
  [TrainingStatus.COMPLETED]: TrainingEvents.trainingCompleted,
  [TrainingStatus.CANCELLED]: TrainingEvents.trainingCancelled,
  [TrainingStatus.DRAFT]: TrainingEvents.trainingUpdated,
} as const;

@Injectable()
export class TrainingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsRepository,
    private readonly series: SeriesRepository,
    private readonly references: ReferenceChecker,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: ListTrainingsQuery, caller: Caller): Promise<Page<TrainingDto>> {
    const page = await this.trainings.list(
      query.filter ?? {},
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after ?? undefined,
      draftWorkStreamsOf(caller),
    );
    return toPage(
      page,
      (row) => [row.startsAt?.toISOString() ?? 'infinity', row.id],
      toTrainingDto,
    );
  }

  /** A draft the caller may not see is not found, exactly like a training that does not exist. */
  async get(id: string, caller: Caller): Promise<TrainingDto> {
    const training = await this.trainings.findById(id);
    if (!training || !isVisible(training, caller)) throw RpcError.notFound('Training', id);
    return toTrainingDto(training);
  }

  async byIds(ids: string[], caller: Caller): Promise<(TrainingDto | null)[]> {
    const visible = (await this.trainings.findByIds(ids)).filter((row) => isVisible(row, caller));
    return alignByIds(ids, visible, toTrainingDto);
  }

  async byWorkStreamIds(ids: string[], caller: Caller): Promise<TrainingDto[][]> {
    const rows = await this.trainings.findFirstByParents(
      'work_stream_id',
      ids,
      draftWorkStreamsOf(caller),
    );
    return groupByKeys(ids, rows, (row) => row.workStreamId, toTrainingDto);
  }

  async bySeriesIds(ids: string[], caller: Caller): Promise<TrainingDto[][]> {
    const rows = await this.trainings.findFirstByParents(
      'series_id',
      ids,
      draftWorkStreamsOf(caller),
    );
    return groupByKeys(ids, rows, (row) => row.seriesId ?? '', toTrainingDto);
  }

  async followUpsOf(ids: string[], caller: Caller): Promise<TrainingDto[][]> {
    const rows = await this.trainings.findFirstByParents(
      'follows_id',
      ids,
      draftWorkStreamsOf(caller),
    );
    return groupByKeys(ids, rows, (row) => row.followsId ?? '', toTrainingDto);
  }

  async create(command: CreateTrainingCommand, call: CallContext): Promise<TrainingDto> {
    assertCan(call, 'manage-training', { workStreamId: command.workStreamId });
    await this.references.workStreams(call, { field: 'workStreamId', ids: command.workStreamId });
    return this.dataSource.transaction(async (transaction) => {
      await this.checkLinks(transaction, command.workStreamId, command.seriesId, command.followsId);
      const training = await this.trainings.insert(transaction, {
        workStreamId: command.workStreamId,
        seriesId: command.seriesId ?? null,
        followsId: command.followsId ?? null,
        title: command.title,
        description: command.description ?? null,
        kind: command.kind,
        format: command.format,
        status: TrainingStatus.DRAFT,
        topics: canonicalTopics(command.topics ?? []),
        sdgs: command.sdgs ?? [],
        targetAudience: command.targetAudience ?? null,
        capacity: command.capacity ?? null,
        venue: command.venue ?? null,
        onlineUrl: command.onlineUrl ?? null,
        startsAt: null,
        endsAt: null,
      });
      return this.recorded(transaction, call, TrainingEvents.trainingCreated, training);
    });
  }

  async update(command: UpdateTrainingCommand, call: CallContext): Promise<TrainingDto> {
    const { id, expectedVersion, ...changes } = command;
    return this.dataSource.transaction(async (transaction) => {
      const training = await this.lock(transaction, id, call);
      assertVersion('Training', training, expectedVersion);
      assertDetailsMayChange(training);
      if (changes.followsId === id) {
        throw RpcError.badInput([
          { field: 'followsId', rule: 'notItself', message: 'a training cannot follow itself' },
        ]);
      }
      await this.checkLinks(
        transaction,
        training.workStreamId,
        changes.seriesId,
        changes.followsId,
      );
      const changedFields = applyChanges(training, {
        ...changes,
        topics: changes.topics && canonicalTopics(changes.topics),
      });
      if (changedFields.length === 0) return toTrainingDto(training);
      const saved = await this.trainings.save(transaction, training);
      return this.recorded(transaction, call, TrainingEvents.trainingUpdated, saved, changedFields);
    });
  }

  /** Moves a training along its lifecycle; a refused move is a CONFLICT that says which rule. */
  async transition(command: TransitionTrainingCommand, call: CallContext): Promise<TrainingDto> {
    return this.dataSource.transaction(async (transaction) => {
      const training = await this.lock(transaction, command.id, call);
      assertVersion('Training', training, command.expectedVersion);
      const cancellingAgain =
        training.status === TrainingStatus.CANCELLED && command.status === TrainingStatus.CANCELLED;
      if (cancellingAgain) return toTrainingDto(training);
      const facts = await this.trainings.factsOf(transaction, training.id);
      const refusal = refusalOfTransition(training.status, command.status, facts);
      if (refusal)
        throw RpcError.conflict(`Training "${training.title}" cannot move on: ${refusal}`);
      const from = training.status;
      training.status = command.status;
      const saved = await this.trainings.save(transaction, training);
      return this.recorded(
        transaction,
        call,
        TRANSITION_EVENTS[command.status],
        saved,
        undefined,
        from,
      );
    });
  }

  /**
   * Locks a training for a write by this caller, who must manage its work stream: every write
   * to a training or to what hangs off it goes through here. When the id came from an input
   * field, an unknown id is that field's error.
   */
  async lock(
    transaction: EntityManager,
    id: string,
    call: CallContext,
    referencedBy?: string,
  ): Promise<TrainingEntity> {
    const training = await this.trainings.lockById(transaction, id);
    if (!training && referencedBy) {
      throw RpcError.badInput([
        { field: referencedBy, rule: 'exists', message: `no training has id ${id}` },
      ]);
    }
    if (!training) throw RpcError.notFound('Training', id);
    assertCan(call, 'manage-training', { workStreamId: training.workStreamId });
    return training;
  }

  /** Records a change to a training (its own fields or its derived schedule) as a domain event. */
  async recorded(
    transaction: EntityManager,
    call: CallContext,
    type: (typeof TrainingEvents)[keyof typeof TrainingEvents],
    training: TrainingEntity,
    changedFields?: string[],
    previousStatus?: TrainingStatus,
  ): Promise<TrainingDto> {
    const dto = toTrainingDto(training);
    await this.outbox.record(transaction, call, {
      type,
      subject: dto.id,
      data: {
        ...eventScopeOf(training),
        training: dto,
        ...(changedFields && { changedFields }),
        ...(previousStatus && { previousStatus }),
      },
    });
    return dto;
  }

  /** A series must belong to the training's work stream; a followed training must exist. */
  private async checkLinks(
    transaction: EntityManager,
    workStreamId: string,
    seriesId: string | null | undefined,
    followsId: string | null | undefined,
  ): Promise<void> {
    if (seriesId) {
      const series = await this.series.findById(seriesId, transaction);
      if (!series || series.workStreamId !== workStreamId) {
        throw RpcError.badInput([
          {
            field: 'seriesId',
            rule: 'exists',
            message: `no series ${seriesId} in the training's work stream`,
          },
        ]);
      }
    }
    if (followsId && !(await this.trainings.findById(followsId))) {
      throw RpcError.badInput([
        { field: 'followsId', rule: 'exists', message: `no training has id ${followsId}` },
      ]);
    }
  }
}

/** Drafts are seen by admins and the conveners of their work stream only. */
function isVisible(training: TrainingEntity, caller: Caller): boolean {
  if (training.status !== TrainingStatus.DRAFT) return true;
  const drafts = draftWorkStreamsOf(caller);
  return drafts === 'all' || drafts.includes(training.workStreamId);
}
