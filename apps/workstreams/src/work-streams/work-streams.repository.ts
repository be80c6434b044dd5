import { Injectable } from '@nestjs/common';
import { EntityRepository, rowPage, type RowPage } from '#libs/persistence';
import { DataSource } from 'typeorm';
import { decodeCursor, type WorkStreamFilter } from '#libs/contracts';
import { WorkStreamEntity } from './work-stream.entity.js';

const ANY_AGENCY =
  '("work_stream"."convener_agency_ids" || "work_stream"."member_agency_ids") && :agencyIds::uuid[]';

@Injectable()
export class WorkStreamsRepository extends EntityRepository<WorkStreamEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WorkStreamEntity);
  }

  /** Keyset page ordered by number; the count ignores the cursor. */
  async list(
    filter: WorkStreamFilter,
    first: number,
    after: string | undefined,
  ): Promise<RowPage<WorkStreamEntity>> {
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
    return rowPage(rows, first, totalCount);
  }

  findByNumber(number: number): Promise<WorkStreamEntity | null> {
    return this.repository().findOneBy({ number });
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
}
