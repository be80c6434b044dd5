import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor } from '#libs/contracts';
import { EntityRepository, rowPage, type RowPage } from '#libs/persistence';
import { EndpointEntity } from './endpoint.entity.js';

const CREATED_MS = "date_trunc('milliseconds', endpoint.created_at)";

@Injectable()
export class EndpointsRepository extends EntityRepository<EndpointEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, EndpointEntity);
  }

  /** Keyset page, oldest first; the count ignores the cursor. */
  async list(first: number, after: string | undefined): Promise<RowPage<EndpointEntity>> {
    const query = this.repository().createQueryBuilder('endpoint');
    const totalCount = await query.clone().getCount();
    const [afterTime, afterId] = after ? (decodeCursor(after) ?? []) : [];
    // Cursors carry milliseconds; Postgres keeps microseconds: compare and order at the cursor's precision.
    if (afterTime !== undefined) {
      query.andWhere(`(${CREATED_MS}, endpoint.id) > (:afterTime::timestamptz, :afterId)`, {
        afterTime,
        afterId,
      });
    }
    const rows = await query
      .orderBy(CREATED_MS, 'ASC')
      .addOrderBy('endpoint.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return rowPage(rows, first, totalCount);
  }

  /** Replaces the secret and counts it as a new version of the endpoint. */
  async setSecret(transaction: EntityManager, id: string, secret: string): Promise<void> {
    await transaction
      .createQueryBuilder()
      .update(EndpointEntity)
      .set({ secret, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  async remove(transaction: EntityManager, id: string): Promise<void> {
    await transaction.delete(EndpointEntity, { id });
  }
}
