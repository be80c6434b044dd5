import { Injectable } from '@nestjs/common';
import { assertCan } from '#libs/auth';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canonicalTopics,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KnowledgeEvents,
  MAX_PAGE_SIZE,
  type EventScope,
  type KnowledgeResourceDto,
  type LinkResourceCommand,
  type PublishResourceCommand,
  type ResourceSearchResult,
  type SearchResourcesQuery,
  type UpdateResourceCommand,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import {
  alignByIds,
  applyChanges,
  assertVersion,
  groupByKeys,
  OutboxWriter,
} from '#libs/persistence';
import { ReferenceChecker } from '#libs/service';
import { toResourceDto, type ResourceEntity } from './resource.entity.js';
import { ResourcesRepository } from './resources.repository.js';

type ResourceEvent = (typeof KnowledgeEvents)[keyof typeof KnowledgeEvents];

@Injectable()
export class ResourcesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resources: ResourcesRepository,
    private readonly references: ReferenceChecker,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Ranked full-text search with filters and facet counts; a blank search lists newest first. */
  async search(query: SearchResourcesQuery): Promise<ResourceSearchResult> {
    const first = query.first ?? DEFAULT_PAGE_SIZE;
    const offset = query.after ? offsetOf(query.after) : 0;
    const filter = query.filter ?? {};
    const [hits, { total, facets }] = await Promise.all([
      this.resources.search(query.search, filter, first, offset),
      this.resources.countAndFacets(query.search, filter),
    ]);
    const page = hits.slice(0, first);
    const rows = alignByIds(
      page.map((hit) => hit.id),
      await this.resources.findByIds(page.map((hit) => hit.id)),
      toResourceDto,
    );
    return {
      edges: page.flatMap((hit, index) => {
        const node = rows[index];
        return node
          ? [
              {
                cursor: encodeCursor([offset + index + 1]),
                rank: hit.rank,
                snippet: hit.snippet,
                node,
              },
            ]
          : [];
      }),
      totalCount: total,
      hasNextPage: hits.length > first,
      facets,
    };
  }

  async get(id: string): Promise<KnowledgeResourceDto> {
    const resource = await this.resources.findById(id);
    if (!resource) throw RpcError.notFound('Knowledge resource', id);
    return toResourceDto(resource);
  }

  async byIds(ids: string[]): Promise<(KnowledgeResourceDto | null)[]> {
    return alignByIds(ids, await this.resources.findByIds(ids), toResourceDto);
  }

  async byTrainingIds(ids: string[]): Promise<KnowledgeResourceDto[][]> {
    return firstOfEach(
      groupByKeys(
        ids,
        await this.resources.findLinked('training_ids', ids),
        (row) => row.trainingIds,
        toResourceDto,
      ),
    );
  }

  async byAgencyIds(ids: string[]): Promise<KnowledgeResourceDto[][]> {
    return firstOfEach(
      groupByKeys(
        ids,
        await this.resources.findLinked('agency_ids', ids),
        (row) => row.agencyIds,
        toResourceDto,
      ),
    );
  }

  async byWorkStreamIds(ids: string[]): Promise<KnowledgeResourceDto[][]> {
    const rows = await this.resources.findLinked('work_stream_id', ids);
    return firstOfEach(groupByKeys(ids, rows, (row) => row.workStreamId ?? '', toResourceDto));
  }

  async publish(command: PublishResourceCommand, call: CallContext): Promise<KnowledgeResourceDto> {
    const trainingIds = command.trainingIds ?? [];
    const sessionIds = command.sessionIds ?? [];
    assertCan(call, 'manage-material', { workStreamId: command.workStreamId });
    await this.checkReferences(call, command.agencyIds, command.workStreamId, trainingIds);
    await this.references.sessionsOf(call, trainingIds, { field: 'sessionIds', ids: sessionIds });
    return this.dataSource.transaction(async (transaction) => {
      const resource = await this.resources.insert(transaction, {
        title: command.title,
        summary: command.summary ?? null,
        body: command.body ?? null,
        type: command.type,
        url: command.url ?? null,
        language: command.language,
        publishedOn: command.publishedOn ?? null,
        license: command.license ?? null,
        agencyIds: command.agencyIds ?? [],
        workStreamId: command.workStreamId ?? null,
        trainingIds,
        sessionIds,
        topics: canonicalTopics(command.topics ?? []),
        sdgs: command.sdgs ?? [],
        archivedAt: null,
      });
      return this.recorded(transaction, call, KnowledgeEvents.resourcePublished, resource);
    });
  }

  async update(command: UpdateResourceCommand, call: CallContext): Promise<KnowledgeResourceDto> {
    const { id, expectedVersion, ...changes } = command;
    await this.checkReferences(call, changes.agencyIds, changes.workStreamId, []);
    return this.dataSource.transaction(async (transaction) => {
      const resource = await this.current(transaction, id, call);
      assertVersion('Knowledge resource', resource, expectedVersion);
      if (changes.workStreamId !== undefined) {
        // Moving material into a work stream needs the right to manage that one too.
        assertCan(call, 'manage-material', { workStreamId: changes.workStreamId });
      }
      const changedFields = applyChanges(resource, {
        ...changes,
        topics: changes.topics && canonicalTopics(changes.topics),
      });
      if (changedFields.length === 0) return toResourceDto(resource);
      const saved = await this.resources.save(transaction, resource);
      return this.recorded(
        transaction,
        call,
        KnowledgeEvents.resourceUpdated,
        saved,
        changedFields,
      );
    });
  }

  async link(command: LinkResourceCommand, call: CallContext): Promise<KnowledgeResourceDto> {
    const trainingIds = command.trainingIds ?? [];
    return this.dataSource.transaction(async (transaction) => {
      const resource = await this.current(transaction, command.id, call);
      // Authorized first: the trainings are looked up as the caller sees them (drafts hidden).
      await this.checkReferences(call, undefined, undefined, trainingIds);
      const allTrainings = union(resource.trainingIds, trainingIds);
      await this.references.sessionsOf(call, allTrainings, {
        field: 'sessionIds',
        ids: command.sessionIds ?? [],
      });
      resource.trainingIds = allTrainings;
      resource.sessionIds = union(resource.sessionIds, command.sessionIds ?? []);
      const saved = await this.resources.save(transaction, resource);
      return this.recorded(transaction, call, KnowledgeEvents.resourceLinked, saved);
    });
  }

  async unlink(command: LinkResourceCommand, call: CallContext): Promise<KnowledgeResourceDto> {
    return this.dataSource.transaction(async (transaction) => {
      const resource = await this.current(transaction, command.id, call);
      const formerTrainingIds = resource.trainingIds;
      resource.trainingIds = resource.trainingIds.filter(
        (id) => !command.trainingIds?.includes(id),
      );
      resource.sessionIds = resource.sessionIds.filter((id) => !command.sessionIds?.includes(id));
      const saved = await this.resources.save(transaction, resource);
      return this.recorded(
        transaction,
        call,
        KnowledgeEvents.resourceUnlinked,
        saved,
        undefined,
        formerTrainingIds,
      );
    });
  }

  /** Resources are archived, never deleted; archiving twice changes nothing. */
  async archive(id: string, call: CallContext): Promise<KnowledgeResourceDto> {
    return this.dataSource.transaction(async (transaction) => {
      const resource = await this.resources.lockById(transaction, id);
      if (!resource) throw RpcError.notFound('Knowledge resource', id);
      assertCan(call, 'manage-material', { workStreamId: resource.workStreamId });
      if (resource.archivedAt) return toResourceDto(resource);
      resource.archivedAt = new Date();
      const saved = await this.resources.save(transaction, resource);
      return this.recorded(transaction, call, KnowledgeEvents.resourceArchived, saved);
    });
  }

  /** Locks a resource that is not archived and that the caller may change. */
  private async current(
    transaction: EntityManager,
    id: string,
    call: CallContext,
  ): Promise<ResourceEntity> {
    const resource = await this.resources.lockById(transaction, id);
    if (!resource) throw RpcError.notFound('Knowledge resource', id);
    assertCan(call, 'manage-material', { workStreamId: resource.workStreamId });
    if (resource.archivedAt)
      throw RpcError.conflict(`Knowledge resource "${resource.title}" is archived`);
    return resource;
  }

  private async checkReferences(
    call: CallContext,
    agencyIds: string[] | undefined,
    workStreamId: string | null | undefined,
    trainingIds: string[],
  ): Promise<void> {
    await Promise.all([
      this.references.agencies(call, { field: 'agencyIds', ids: agencyIds ?? [] }),
      this.references.workStreams(call, {
        field: 'workStreamId',
        ids: workStreamId ? [workStreamId] : [],
      }),
      this.references.trainings(call, { field: 'trainingIds', ids: trainingIds }),
    ]);
  }

  private async recorded(
    transaction: EntityManager,
    call: CallContext,
    type: ResourceEvent,
    resource: ResourceEntity,
    changedFields?: string[],
    formerTrainingIds: string[] = [],
  ): Promise<KnowledgeResourceDto> {
    const dto = toResourceDto(resource);
    const { body: _body, ...withoutBody } = dto;
    const scope: EventScope = {
      workStreamId: dto.workStreamId,
      // An unlinked training hears of it too: it lost a material.
      trainingIds: union(formerTrainingIds, dto.trainingIds),
    };
    await this.outbox.record(transaction, call, {
      type,
      subject: dto.id,
      data: { ...scope, resource: withoutBody, ...(changedFields && { changedFields }) },
    });
    return dto;
  }
}

function offsetOf(after: string): number {
  const [offset] = decodeCursor(after) ?? [];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw RpcError.badInput([
      { field: 'after', rule: 'isCursor', message: 'after must be a cursor of this search' },
    ]);
  }
  return offset;
}

function union(current: string[], added: string[]): string[] {
  return [...new Set([...current, ...added])];
}

function firstOfEach<T>(lists: T[][]): T[][] {
  return lists.map((list) => list.slice(0, MAX_PAGE_SIZE));
}
