import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { SeriesEntity } from './series.entity.js';

@Injectable()
export class SeriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager?: EntityManager): Promise<SeriesEntity | null> {
    return this.repository(manager).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<SeriesEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repository().findBy({ id: In(ids) });
  }

  insert(transaction: EntityManager, values: Partial<SeriesEntity>): Promise<SeriesEntity> {
    const repository = this.repository(transaction);
    return repository.save(repository.create(values));
  }

  private repository(manager: EntityManager = this.dataSource.manager): Repository<SeriesEntity> {
    return manager.getRepository(SeriesEntity);
  }
}
