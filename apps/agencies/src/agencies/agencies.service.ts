import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '#libs/auth';
import {
  AgencyEvents,
  DEFAULT_PAGE_SIZE,
  type AgencyDto,
  type ArchiveAgencyCommand,
  type CreateAgencyCommand,
  type GetAgencyQuery,
  type ListAgenciesQuery,
  type Page,
  type UpdateAgencyCommand,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import {
  alignByIds,
  applyChanges,
  assertVersion,
  conflictOnDuplicate,
  OutboxWriter,
  toPage,
} from '#libs/persistence';
import { AgenciesRepository } from './agencies.repository.js';
import { toAgencyDto, type AgencyEntity } from './agency.entity.js';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: ListAgenciesQuery): Promise<Page<AgencyDto>> {
    const page = await this.agencies.list(
      query.filter ?? {},
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after ?? undefined,
    );
    return toPage(page, (agency) => [agency.acronymKey, agency.id], toAgencyDto);
  }

  async get(query: GetAgencyQuery): Promise<AgencyDto> {
    const agency = query.id
      ? await this.agencies.findById(query.id)
      : await this.agencies.findByAcronym(query.acronym ?? '');
    if (!agency) throw RpcError.notFound('Agency', query.id ?? query.acronym ?? '');
    return toAgencyDto(agency);
  }

  /** One answer per id, in the order asked, null where there is no such agency. */
  async byIds(ids: string[]): Promise<(AgencyDto | null)[]> {
    return alignByIds(ids, await this.agencies.findByIds(ids), toAgencyDto);
  }

  async create(command: CreateAgencyCommand, call: CallContext): Promise<AgencyDto> {
    assertCan(call, 'manage-agencies');
    return this.writing(command.acronym, async (transaction) => {
      const agency = await this.agencies.insert(transaction, {
        ...command,
        website: command.website ?? null,
      });
      const dto = toAgencyDto(agency);
      await this.outbox.record(transaction, call, {
        type: AgencyEvents.agencyCreated,
        subject: dto.id,
        data: { agency: dto },
      });
      return dto;
    });
  }

  async update(command: UpdateAgencyCommand, call: CallContext): Promise<AgencyDto> {
    const { id, expectedVersion, ...changes } = command;
    assertCan(call, 'edit-agency', { agencyId: id });
    return this.writing(changes.acronym, async (transaction) => {
      const agency = await this.writableAgency(transaction, id);
      assertVersion('Agency', agency, expectedVersion);
      const changedFields = applyChanges(agency, changes);
      if (changedFields.length === 0) return toAgencyDto(agency);
      const dto = toAgencyDto(await this.agencies.save(transaction, agency));
      await this.outbox.record(transaction, call, {
        type: AgencyEvents.agencyUpdated,
        subject: dto.id,
        data: { agency: dto, changedFields },
      });
      return dto;
    });
  }

  /** Archiving is idempotent: an archived agency is answered as it is, with no new event. */
  async archive(command: ArchiveAgencyCommand, call: CallContext): Promise<AgencyDto> {
    assertCan(call, 'manage-agencies');
    return this.dataSource.transaction(async (transaction) => {
      const agency = await this.agencies.lockById(transaction, command.id);
      if (!agency) throw RpcError.notFound('Agency', command.id);
      if (agency.archivedAt) return toAgencyDto(agency);
      agency.archivedAt = new Date();
      const dto = toAgencyDto(await this.agencies.save(transaction, agency));
      await this.outbox.record(transaction, call, {
        type: AgencyEvents.agencyArchived,
        subject: dto.id,
        data: { agency: dto },
      });
      return dto;
    });
  }

  /**
   * Locks an agency that may still change: it exists and is not archived. When the id came
   * from an input field (`referencedBy`), an unknown id is that field's error.
   */
  async writableAgency(
    transaction: EntityManager,
    id: string,
    mode: 'update' | 'share' = 'update',
    referencedBy?: string,
  ): Promise<AgencyEntity> {
    const agency = await this.agencies.lockById(transaction, id, mode);
    if (!agency && referencedBy) {
      throw RpcError.badInput([
        { field: referencedBy, rule: 'exists', message: `no agency has id ${id}` },
      ]);
    }
    if (!agency) throw RpcError.notFound('Agency', id);
    if (agency.archivedAt) {
      throw RpcError.conflict(`Agency ${agency.acronym} is archived and can no longer change`);
    }
    return agency;
  }

  /** One transaction; a taken acronym becomes a CONFLICT naming it. */
  private writing<T>(
    acronym: string | undefined,
    work: (transaction: EntityManager) => Promise<T>,
  ): Promise<T> {
    return conflictOnDuplicate(
      'agency_acronym_key',
      `An agency with acronym ${acronym ?? ''} already exists`,
      () => this.dataSource.transaction(work),
    );
  }
}
