import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager, type Repository } from 'typeorm';
import { PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Current people of many agencies in one query, ordered by name. */
  findByAgencyIds(agencyIds: string[]): Promise<PersonEntity[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return this.repository().find({
      where: { agencyId: In(agencyIds), removedAt: IsNull() },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** Includes removed people: references to them must keep resolving. */
  findByIds(ids: string[]): Promise<PersonEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository().findBy({ id: In(ids) });
  }

  lockById(transaction: EntityManager, id: string): Promise<PersonEntity | null> {
    return this.repository(transaction).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insert(transaction: EntityManager, values: Partial<PersonEntity>): Promise<PersonEntity> {
    const repository = this.repository(transaction);
    return repository.save(repository.create(values));
  }

  save(transaction: EntityManager, person: PersonEntity): Promise<PersonEntity> {
    return this.repository(transaction).save(person);
  }

  private repository(manager: EntityManager = this.dataSource.manager): Repository<PersonEntity> {
    return manager.getRepository(PersonEntity);
  }
}
