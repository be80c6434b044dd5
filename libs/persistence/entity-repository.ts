import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';

/**
 * What every repository does with rows keyed by a uuid `id`. Reads use the pool; writes take
 * the transaction's manager, so they commit or roll back with the rest of the change.
 */
export abstract class EntityRepository<T extends ObjectLiteral & { id: string }> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
  ) {}

  findById(id: string, manager?: EntityManager): Promise<T | null> {
    return this.repository(manager).findOneBy({ id } as never);
  }

  findByIds(ids: string[]): Promise<T[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.repository().findBy({ id: In(ids) } as never);
  }

  /** Reads the row and locks it until the transaction ends, so concurrent writes queue up. */
  lockById(
    transaction: EntityManager,
    id: string,
    mode: 'update' | 'share' = 'update',
  ): Promise<T | null> {
    return this.repository(transaction).findOne({
      where: { id } as never,
      lock: { mode: mode === 'update' ? 'pessimistic_write' : 'pessimistic_read' },
    });
  }

  insert(transaction: EntityManager, values: Partial<T>): Promise<T> {
    const repository = this.repository(transaction);
    return repository.save(repository.create(values as T));
  }

  save(transaction: EntityManager, row: T): Promise<T> {
    return this.repository(transaction).save(row);
  }

  protected repository(manager: EntityManager = this.dataSource.manager): Repository<T> {
    return manager.getRepository(this.entity);
  }
}
