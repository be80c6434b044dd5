import { Injectable } from '@nestjs/common';
import { EntityRepository } from '#libs/persistence';
import { DataSource } from 'typeorm';
import { SeriesEntity } from './series.entity.js';

@Injectable()
export class SeriesRepository extends EntityRepository<SeriesEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, SeriesEntity);
  }
}
