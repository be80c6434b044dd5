import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { decodeCursor, type WorkStreamFilter } from '#libs/contracts';
import { WorkStreamEntity } from './work-stream.entity.js';

const ANY_AGENCY =
  '("work_stream"."convener_agency_ids" || "work_stream"."member_agency_ids") && :agencyIds::uuid[]';

@Injectable()
export class WorkStreamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keyset page ordered by number; the count ignores the cursor. */
  async list(filter: WorkStreamFilter, first: number, after: string | undefined) {
    const query = this.repository().createQueryBuilder('work_stream');
    if (filter.status) query.andWhere('work_stream.status = :status', { status: filter.status });
    if (filter.agencyId) query.andWhere(ANY_AGENCY, { agencyIds: [filter.agencyId] });
    const totalCount = await query.clone().getCount();
    const [afterNumber] = after ? (decodeCursor(after) ?? []) : [];
    if (afterNumber !== undefined)
      query.andWhere('work_stream.number > :afterNumber', { afterNumber });
    const rows = await query
      .orderBy('work_stream.number', 'ASC')
      .limit(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  findById(id: string): Promise<WorkStreamEntity | null> {
    return this.repository().findOneBy({ id });
  }

  findByNumber(number: number): Promise<WorkStreamEntity | null> {
    return this.repository().findOneBy({ number });
  }

  findByIds(ids: string[]): Promise<WorkStreamEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository().findBy({ id: In(ids) });
  }

  /** Work streams that any of these agencies convenes or belongs to, by number. */
  findByAgencyIds(agencyIds: string[]): Promise<WorkStreamEntity[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return this.repository()
      .createQueryBuilder('work_stream')
      .where(ANY_AGENCY, { agencyIds })
      .orderBy('work_stream.number', 'ASC')
      .getMany();
  }

  lockById(transaction: EntityManager, id: string): Promise<WorkStreamEntity | null> {
    return this.repository(transaction).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insert(transaction: EntityManager, values: Partial<WorkStreamEntity>): Promise<WorkStreamEntity> {
    const repository = this.repository(transaction);
    return repository.save(repository.create(values));
  }

  save(transaction: EntityManager, workStream: WorkStreamEntity): Promise<WorkStreamEntity> {
    return this.repository(transaction).save(workStream);
  }

  private repository(
    manager: EntityManager = this.dataSource.manager,
  ): Repository<WorkStreamEntity> {
    return manager.getRepository(WorkStreamEntity);
  }
}
