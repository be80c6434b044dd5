import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_PAGE_SIZE,
  WebhookEvents,
  type ListWebhookEndpointsQuery,
  type Page,
  type RegisterWebhookEndpointCommand,
  type WebhookEndpointDto,
  type WebhookEndpointWithSecretDto,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import { OutboxWriter, toPage } from '#libs/persistence';
import { nonPublicHostReason } from '../delivery/address-policy.js';
import { generateWebhookSecret } from '../delivery/signature.js';
import { WebhooksConfig } from '../webhooks.config.js';
import { endpointEventData, toEndpointDto, type EndpointEntity } from './endpoint.entity.js';
import { EndpointsRepository } from './endpoints.repository.js';

type EndpointEventType = (typeof WebhookEvents)[keyof typeof WebhookEvents];

@Injectable()
export class EndpointsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointsRepository,
    private readonly outbox: OutboxWriter,
    private readonly config: WebhooksConfig,
  ) {}

  async list(query: ListWebhookEndpointsQuery): Promise<Page<WebhookEndpointDto>> {
    const page = await this.endpoints.list(query.first ?? DEFAULT_PAGE_SIZE, query.after);
    return toPage(page, (row) => [row.createdAt.toISOString(), row.id], toEndpointDto);
  }

  async get(id: string): Promise<WebhookEndpointDto> {
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw RpcError.notFound('Webhook endpoint', id);
    return toEndpointDto(endpoint);
  }

  async register(
    command: RegisterWebhookEndpointCommand,
    call: CallContext,
  ): Promise<WebhookEndpointWithSecretDto> {
    this.assertReachable(command.url);
    const secret = generateWebhookSecret();
    return this.dataSource.transaction(async (transaction) => {
      const endpoint = await this.endpoints.insert(transaction, {
        url: command.url,
        description: command.description ?? null,
        eventTypes: command.allEventTypes ? [] : (command.eventTypes ?? []),
        allEventTypes: command.allEventTypes === true,
        secret,
        enabled: true,
        disabledReason: null,
      });
      await this.record(transaction, call, WebhookEvents.endpointRegistered, endpoint);
      return { endpoint: toEndpointDto(endpoint), secret };
    });
  }

  enable(id: string, call: CallContext): Promise<WebhookEndpointDto> {
    return this.setEnabled(id, call, true, null);
  }

  disable(
    id: string,
    call: CallContext,
    reason = 'disabled by a caller',
  ): Promise<WebhookEndpointDto> {
    return this.setEnabled(id, call, false, reason);
  }

  /** A new secret replaces the old one at once; it is answered this one time. */
  async rotateSecret(id: string, call: CallContext): Promise<WebhookEndpointWithSecretDto> {
    const secret = generateWebhookSecret();
    return this.dataSource.transaction(async (transaction) => {
      await this.lock(transaction, id);
      await this.endpoints.setSecret(transaction, id, secret);
      const saved = await this.lock(transaction, id);
      await this.record(transaction, call, WebhookEvents.endpointSecretRotated, saved);
      return { endpoint: toEndpointDto(saved), secret };
    });
  }

  /** Deletes the endpoint with its delivery log; deliveries in flight are dropped. */
  async delete(id: string, call: CallContext): Promise<WebhookEndpointDto> {
    return this.dataSource.transaction(async (transaction) => {
      const endpoint = await this.lock(transaction, id);
      const dto = toEndpointDto(endpoint);
      await this.endpoints.remove(transaction, id);
      await this.record(transaction, call, WebhookEvents.endpointDeleted, endpoint);
      return dto;
    });
  }

  private async setEnabled(
    id: string,
    call: CallContext,
    enabled: boolean,
    reason: string | null,
  ): Promise<WebhookEndpointDto> {
    return this.dataSource.transaction(async (transaction) => {
      const endpoint = await this.lock(transaction, id);
      if (endpoint.enabled === enabled) return toEndpointDto(endpoint);
      endpoint.enabled = enabled;
      endpoint.disabledReason = reason;
      const saved = await this.endpoints.save(transaction, endpoint);
      const type = enabled ? WebhookEvents.endpointEnabled : WebhookEvents.endpointDisabled;
      await this.record(transaction, call, type, saved);
      return toEndpointDto(saved);
    });
  }

  private async lock(transaction: EntityManager, id: string): Promise<EndpointEntity> {
    const endpoint = await this.endpoints.lockById(transaction, id);
    if (!endpoint) throw RpcError.notFound('Webhook endpoint', id);
    return endpoint;
  }

  private async record(
    transaction: EntityManager,
    call: CallContext,
    type: EndpointEventType,
    endpoint: EndpointEntity,
  ): Promise<void> {
    await this.outbox.record(transaction, call, {
      type,
      subject: endpoint.id,
      data: endpointEventData(endpoint),
    });
  }

  /** Literal private addresses and localhost are refused here; names are checked after DNS, at delivery. */
  private assertReachable(url: string): void {
    if (this.config.WEBHOOK_ALLOW_PRIVATE_URLS) return;
    const reason = nonPublicHostReason(url);
    if (reason) {
      throw RpcError.badInput([
        {
          field: 'url',
          rule: 'isPublicUrl',
          message: `url must point to a public address: ${reason}`,
        },
      ]);
    }
  }
}
