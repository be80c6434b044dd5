import { Injectable } from '@nestjs/common';
import { assertCan } from '#libs/auth';
import { DataSource } from 'typeorm';
import { TrainingEvents, type CreateSeriesCommand, type SeriesDto } from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import { alignByIds, OutboxWriter } from '#libs/persistence';
import { ReferenceChecker } from '#libs/service';
import { toSeriesDto } from './series.entity.js';
import { SeriesRepository } from './series.repository.js';

@Injectable()
export class SeriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly series: SeriesRepository,
    private readonly references: ReferenceChecker,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<SeriesDto> {
    const series = await this.series.findById(id);
    if (!series) throw RpcError.notFound('Series', id);
    return toSeriesDto(series);
  }

  async byIds(ids: string[]): Promise<(SeriesDto | null)[]> {
    return alignByIds(ids, await this.series.findByIds(ids), toSeriesDto);
  }

  async create(command: CreateSeriesCommand, call: CallContext): Promise<SeriesDto> {
    assertCan(call, 'manage-training', { workStreamId: command.workStreamId });
    await this.references.workStreams(call, { field: 'workStreamId', ids: command.workStreamId });
    return this.dataSource.transaction(async (transaction) => {
      const dto = toSeriesDto(
        await this.series.insert(transaction, {
          workStreamId: command.workStreamId,
          title: command.title,
          description: command.description ?? null,
        }),
      );
      await this.outbox.record(transaction, call, {
        type: TrainingEvents.seriesCreated,
        subject: dto.id,
        data: { workStreamId: dto.workStreamId, series: dto },
      });
      return dto;
    });
  }
}
