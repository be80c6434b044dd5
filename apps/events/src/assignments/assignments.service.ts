import { Injectable } from '@nestjs/common';
import { draftWorkStreamsOf } from '#libs/auth';
import { DataSource, In } from 'typeorm';
import {
  TrainingEvents,
  type AssignCommand,
  type AssignmentDto,
  type AssignmentsByAgencyIdsQuery,
} from '#libs/contracts';
import { RpcError, type CallContext, type Caller } from '#libs/messaging';
import { conflictOnDuplicate, groupByKeys, OutboxWriter } from '#libs/persistence';
import { ReferenceChecker } from '#libs/service';
import { assertDetailsMayChange, assertStillSchedulable } from '../trainings/training-rules.js';
import { eventScopeOf } from '../trainings/training.entity.js';
import { TrainingsRepository, visibleTrainingSql } from '../trainings/trainings.repository.js';
import { TrainingsService } from '../trainings/trainings.service.js';
import { AssignmentEntity, toAssignmentDto } from './assignment.entity.js';

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainings: TrainingsService,
    private readonly trainingRows: TrainingsRepository,
    private readonly references: ReferenceChecker,
    private readonly outbox: OutboxWriter,
  ) {}

  async byTrainingIds(trainingIds: string[]): Promise<AssignmentDto[][]> {
    const rows = await this.repository().find({
      where: { trainingId: In(trainingIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(trainingIds, rows, (row) => row.trainingId, toAssignmentDto);
  }

  /** An agency's assignments, without those of drafts the caller may not see. */
  async byAgencyIds(
    query: AssignmentsByAgencyIdsQuery,
    caller: Caller,
  ): Promise<AssignmentDto[][]> {
    const select = this.repository()
      .createQueryBuilder('assignment')
      .where('assignment.agency_id = ANY(:agencyIds::uuid[])', { agencyIds: query.agencyIds });
    if (query.role) select.andWhere('assignment.role = :role', { role: query.role });
    const visible = visibleTrainingSql('training', draftWorkStreamsOf(caller));
    if (visible) {
      select.andWhere(
        `EXISTS (SELECT 1 FROM events.training training WHERE training.id = assignment.training_id AND ${visible.sql})`,
        visible.params,
      );
    }
    const rows = await select
      .orderBy('assignment.created_at', 'ASC')
      .addOrderBy('assignment.id', 'ASC')
      .getMany();
    return groupByKeys(query.agencyIds, rows, (row) => row.agencyId, toAssignmentDto);
  }

  async assign(command: AssignCommand, call: CallContext): Promise<AssignmentDto> {
    await this.references.agencies(call, { field: 'agencyId', ids: command.agencyId });
    if (command.personId) {
      const people = await this.references.people(call, {
        field: 'personId',
        ids: command.personId,
      });
      if (people.get(command.personId)?.agencyId !== command.agencyId) {
        throw RpcError.badInput([
          {
            field: 'personId',
            rule: 'ofAgency',
            message: 'the person does not belong to the assigned agency',
          },
        ]);
      }
    }
    const write = () =>
      this.dataSource.transaction(async (transaction) => {
        const training = await this.trainings.lock(
          transaction,
          command.trainingId,
          call,
          'trainingId',
        );
        assertDetailsMayChange(training);
        const repository = transaction.getRepository(AssignmentEntity);
        const assignment = await repository.save(
          repository.create({
            trainingId: training.id,
            agencyId: command.agencyId,
            personId: command.personId ?? null,
            role: command.role,
          }),
        );
        const dto = toAssignmentDto(assignment);
        await this.outbox.record(transaction, call, {
          type: TrainingEvents.assignmentAdded,
          subject: training.id,
          data: { ...eventScopeOf(training), assignment: dto },
        });
        return dto;
      });
    return conflictOnDuplicate(
      'assignment_once',
      `That assignment already exists (role ${command.role})`,
      write,
    );
  }

  /** Removing the last convener or trainer of a scheduled training is refused: cancel it instead. */
  async unassign(id: string, call: CallContext): Promise<AssignmentDto> {
    return this.dataSource.transaction(async (transaction) => {
      const assignment = await transaction.getRepository(AssignmentEntity).findOneBy({ id });
      if (!assignment) throw RpcError.notFound('Assignment', id);
      const training = await this.trainings.lock(transaction, assignment.trainingId, call);
      assertDetailsMayChange(training);
      await transaction.getRepository(AssignmentEntity).delete({ id });
      assertStillSchedulable(
        training.status,
        await this.trainingRows.factsOf(transaction, training.id),
      );
      const dto = toAssignmentDto(assignment);
      await this.outbox.record(transaction, call, {
        type: TrainingEvents.assignmentRemoved,
        subject: training.id,
        data: { ...eventScopeOf(training), assignment: dto },
      });
      return dto;
    });
  }

  private repository() {
    return this.dataSource.getRepository(AssignmentEntity);
  }
}
