import { Injectable } from '@nestjs/common';
import { EntityRepository } from '#libs/persistence';
import { DataSource, In, IsNull } from 'typeorm';
import { PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleRepository extends EntityRepository<PersonEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PersonEntity);
  }

  /** Current people of many agencies in one query, ordered by name. */
  findByAgencyIds(agencyIds: string[]): Promise<PersonEntity[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return this.repository().find({
      where: { agencyId: In(agencyIds), removedAt: IsNull() },
      order: { name: 'ASC', id: 'ASC' },
    });
  }
}
