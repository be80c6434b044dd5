import { Injectable } from '@nestjs/common';
import { EntityRepository, rowPage, type RowPage } from '#libs/persistence';
import { DataSource } from 'typeorm';
import { decodeCursor, type AgencyFilter } from '#libs/contracts';
import { escapeLike } from '#libs/persistence';
import { AgencyEntity } from './agency.entity.js';

@Injectable()
export class AgenciesRepository extends EntityRepository<AgencyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AgencyEntity);
  }

  /** Keyset page ordered by lower(acronym), id; the count ignores the cursor. */
  async list(
    filter: AgencyFilter,
    first: number,
    after: string | undefined,
  ): Promise<RowPage<AgencyEntity>> {
    const query = this.repository().createQueryBuilder('agency');
    if (!filter.includeArchived) query.andWhere('agency.archived_at IS NULL');
    if (filter.kind) query.andWhere('agency.kind = :kind', { kind: filter.kind });
    if (filter.search) {
      query.andWhere('(agency.acronym ILIKE :pattern OR agency.name ILIKE :pattern)', {
        pattern: `%${escapeLike(filter.search)}%`,
      });
    }
    const totalCount = await query.clone().getCount();
    const [afterKey, afterId] = after ? (decodeCursor(after) ?? []) : [];
    if (afterKey !== undefined) {
      query.andWhere('(agency.acronym_key, agency.id) > (:afterKey, :afterId)', {
        afterKey,
        afterId,
      });
    }
    const rows = await query
      .orderBy('agency.acronym_key', 'ASC')
      .addOrderBy('agency.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return rowPage(rows, first, totalCount);
  }

  findByAcronym(acronym: string): Promise<AgencyEntity | null> {
    return this.repository()
      .createQueryBuilder('agency')
      .where('agency.acronym_key = lower(:acronym)', { acronym })
      .getOne();
  }
}
