import type { ServiceDefinition } from '#libs/service';
import { CreateResources1764410000000 } from './database/migrations/1764410000000-create-resources.js';
import { NotifyOutbox1764410500000 } from './database/migrations/1764410500000-notify-outbox.js';
import { ResourceEntity } from './resources/resource.entity.js';
import { ResourcesController } from './resources/resources.controller.js';
import { ResourcesRepository } from './resources/resources.repository.js';
import { ResourcesService } from './resources/resources.service.js';

/** Knowledge resources: training materials, case studies, guides, recordings; full-text searchable. */
export const KNOWLEDGE_SERVICE: ServiceDefinition = {
  name: 'knowledge',
  defaultHttpPort: 4004,
  entities: [ResourceEntity],
  migrations: [CreateResources1764410000000, NotifyOutbox1764410500000],
  controllers: [ResourcesController],
  providers: [ResourcesRepository, ResourcesService],
};
