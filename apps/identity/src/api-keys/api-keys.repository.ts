import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { MAX_API_KEYS } from '#libs/contracts';
import { EntityRepository } from '#libs/persistence';
import { ApiKeyEntity } from './api-key.entity.js';

@Injectable()
export class ApiKeysRepository extends EntityRepository<ApiKeyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ApiKeyEntity);
  }

  list(includeRevoked: boolean): Promise<ApiKeyEntity[]> {
    return this.repository().find({
      where: includeRevoked ? {} : { revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: MAX_API_KEYS,
    });
  }
}
