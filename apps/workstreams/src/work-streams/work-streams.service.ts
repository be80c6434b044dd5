import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCan } from '#libs/auth';
import {
  DEFAULT_PAGE_SIZE,
  WorkStreamEvents,
  WorkStreamStatus,
  type CreateWorkStreamCommand,
  type GetWorkStreamQuery,
  type ListWorkStreamsQuery,
  type Page,
  type UpdateWorkStreamCommand,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import {
  alignByIds,
  applyChanges,
  assertVersion,
  groupByKeys,
  conflictOnDuplicate,
  OutboxWriter,
  toPage,
} from '#libs/persistence';
import { ReferenceChecker } from '#libs/service';
import { toWorkStreamDto } from './work-stream.entity.js';
import { WorkStreamsRepository } from './work-streams.repository.js';

@Injectable()
export class WorkStreamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workStreams: WorkStreamsRepository,
    private readonly references: ReferenceChecker,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: ListWorkStreamsQuery): Promise<Page<WorkStreamDto>> {
    const page = await this.workStreams.list(
      query.filter ?? {},
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after ?? undefined,
    );
    return toPage(page, (row) => [row.number], toWorkStreamDto);
  }

  async get(query: GetWorkStreamQuery): Promise<WorkStreamDto> {
    const workStream = query.id
      ? await this.workStreams.findById(query.id)
      : await this.workStreams.findByNumber(query.number ?? 0);
    if (!workStream) throw RpcError.notFound('Work stream', String(query.id ?? query.number));
    return toWorkStreamDto(workStream);
  }

  async byIds(ids: string[]): Promise<(WorkStreamDto | null)[]> {
    return alignByIds(ids, await this.workStreams.findByIds(ids), toWorkStreamDto);
  }

  async byAgencyIds(agencyIds: string[]): Promise<WorkStreamDto[][]> {
    const rows = await this.workStreams.findByAgencyIds(agencyIds);
    return groupByKeys(
      agencyIds,
      rows,
      (row) => [...row.convenerAgencyIds, ...row.memberAgencyIds],
      toWorkStreamDto,
    );
  }

  async create(command: CreateWorkStreamCommand, call: CallContext): Promise<WorkStreamDto> {
    assertCan(call, 'manage-work-streams');
    const members = command.memberAgencyIds ?? [];
    await this.references.agencies(
      call,
      { field: 'convenerAgencyIds', ids: command.convenerAgencyIds },
      { field: 'memberAgencyIds', ids: members },
    );
    const write = () =>
      this.dataSource.transaction(async (transaction) => {
        const workStream = await this.workStreams.insert(transaction, {
          number: command.number,
          title: command.title,
          mandate: command.mandate ?? null,
          status: WorkStreamStatus.ACTIVE,
          convenerAgencyIds: command.convenerAgencyIds,
          memberAgencyIds: withoutConveners(members, command.convenerAgencyIds),
        });
        const dto = toWorkStreamDto(workStream);
        await this.outbox.record(transaction, call, {
          type: WorkStreamEvents.workStreamCreated,
          subject: dto.id,
          data: { workStreamId: dto.id, workStream: dto },
        });
        return dto;
      });
    return conflictOnDuplicate(
      'work_stream_number_key',
      `Work stream ${command.number} already exists`,
      write,
    );
  }

  async update(command: UpdateWorkStreamCommand, call: CallContext): Promise<WorkStreamDto> {
    assertCan(call, 'manage-work-streams');
    const { id, expectedVersion, convenerAgencyIds, memberAgencyIds, ...changes } = command;
    await this.references.agencies(
      call,
      { field: 'convenerAgencyIds', ids: convenerAgencyIds ?? [] },
      { field: 'memberAgencyIds', ids: memberAgencyIds ?? [] },
    );
    return this.dataSource.transaction(async (transaction) => {
      const workStream = await this.workStreams.lockById(transaction, id);
      if (!workStream) throw RpcError.notFound('Work stream', id);
      assertVersion('Work stream', workStream, expectedVersion);
      const conveners = convenerAgencyIds ?? workStream.convenerAgencyIds;
      const changedFields = applyChanges(workStream, {
        ...changes,
        convenerAgencyIds: conveners,
        memberAgencyIds: withoutConveners(memberAgencyIds ?? workStream.memberAgencyIds, conveners),
      });
      if (changedFields.length === 0) return toWorkStreamDto(workStream);
      const dto = toWorkStreamDto(await this.workStreams.save(transaction, workStream));
      await this.outbox.record(transaction, call, {
        type: WorkStreamEvents.workStreamUpdated,
        subject: dto.id,
        data: { workStreamId: dto.id, workStream: dto, changedFields },
      });
      return dto;
    });
  }
}

/** Conveners are members by definition; the member list keeps only the others. */
function withoutConveners(members: string[], conveners: string[]): string[] {
  return members.filter((id) => !conveners.includes(id));
}
