import type { ServiceDefinition } from '#libs/service';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { CreateApiKeys1764420000000 } from './database/migrations/1764420000000-create-api-keys.js';

/** API keys of integrations; schema, queue group and event source `identity`. */
export const IDENTITY_SERVICE: ServiceDefinition = {
  name: 'identity',
  defaultHttpPort: 4006,
  entities: [ApiKeyEntity],
  migrations: [CreateApiKeys1764420000000],
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, ApiKeysService],
};
