import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { apiKeySecretMatches, assertCan, generateApiKey, parseApiKey } from '#libs/auth';
import {
  IdentityEvents,
  type ApiKeyDto,
  type CreateApiKeyCommand,
  type CreatedApiKeyDto,
  type ListApiKeysQuery,
  type RevokeApiKeyCommand,
  type VerifiedApiKeyDto,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import { OutboxWriter } from '#libs/persistence';
import { toApiKeyDto } from './api-key.entity.js';
import { ApiKeysRepository } from './api-keys.repository.js';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeysRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: ListApiKeysQuery, call: CallContext): Promise<ApiKeyDto[]> {
    assertCan(call, 'manage-api-keys');
    return (await this.keys.list(query.includeRevoked ?? false)).map(toApiKeyDto);
  }

  /** The key is in the answer and nowhere else: neither stored nor in the event. */
  async create(command: CreateApiKeyCommand, call: CallContext): Promise<CreatedApiKeyDto> {
    assertCan(call, 'manage-api-keys');
    const id = randomUUID();
    const { key, secretHash } = generateApiKey(id);
    return this.dataSource.transaction(async (transaction) => {
      const stored = await this.keys.insert(transaction, {
        id,
        name: command.name,
        secretHash,
        eventTypes: command.eventTypes,
        createdBy: call.caller.id,
        revokedAt: null,
      });
      const apiKey = toApiKeyDto(stored);
      await this.outbox.record(transaction, call, {
        type: IdentityEvents.apiKeyCreated,
        subject: id,
        data: { apiKey },
      });
      return { apiKey, key };
    });
  }

  /** Revoking twice answers the revoked key and records nothing the second time. */
  async revoke(command: RevokeApiKeyCommand, call: CallContext): Promise<ApiKeyDto> {
    assertCan(call, 'manage-api-keys');
    return this.dataSource.transaction(async (transaction) => {
      const key = await this.keys.lockById(transaction, command.id);
      if (!key) throw RpcError.notFound('API key', command.id);
      if (key.revokedAt) return toApiKeyDto(key);
      key.revokedAt = new Date();
      const apiKey = toApiKeyDto(await this.keys.save(transaction, key));
      await this.outbox.record(transaction, call, {
        type: IdentityEvents.apiKeyRevoked,
        subject: key.id,
        data: { apiKey },
      });
      return apiKey;
    });
  }

  /** Who holds this key, or null: possessing a valid key is the proof, so anyone may ask. */
  async verify(offered: string): Promise<VerifiedApiKeyDto | null> {
    const parsed = parseApiKey(offered);
    if (!parsed) return null;
    const key = await this.keys.findById(parsed.id);
    if (!key || key.revokedAt || !apiKeySecretMatches(parsed.secret, key.secretHash)) return null;
    return { id: key.id, name: key.name, eventTypes: key.eventTypes };
  }
}
