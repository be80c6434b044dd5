import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_PAGE_SIZE,
  WebhookDeliveryStatus,
  type Page,
  type WebhookDeliveryDto,
  type WebhookDeliveryPagesQuery,
} from '#libs/contracts';
import { RpcError } from '#libs/messaging';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import { DeliveriesRepository } from './deliveries.repository.js';

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  pages(query: WebhookDeliveryPagesQuery): Promise<Page<WebhookDeliveryDto>[]> {
    return this.deliveries.pages(
      query.endpointIds,
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after,
      query.status,
    );
  }

  async get(id: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.deliveries.findById(id);
    if (!delivery) throw RpcError.notFound('Webhook delivery', id);
    return delivery;
  }

  /**
   * Sends a finished delivery again: a new series of attempts under the retry schedule, with
   * the same webhook-id, so a receiver that already processed it can tell.
   */
  async replay(id: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.dataSource.transaction(async (transaction) => {
      const current = await this.deliveries.lockForReplay(transaction, id);
      if (!current) throw RpcError.notFound('Webhook delivery', id);
      if (current.status === WebhookDeliveryStatus.PENDING) {
        throw RpcError.conflict(`Webhook delivery ${id} is still being attempted`);
      }
      if (!current.endpointEnabled) {
        throw RpcError.conflict(
          `The endpoint of webhook delivery ${id} is disabled; enable it to replay`,
        );
      }
      await this.deliveries.startNewSeries(transaction, id);
      return this.deliveries.findById(id, transaction);
    });
    this.worker.wake();
    if (!delivery) throw RpcError.notFound('Webhook delivery', id);
    return delivery;
  }
}
