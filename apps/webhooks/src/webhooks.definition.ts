import type { ServiceDefinition } from '#libs/service';
import { CreateWebhooks1764430000000 } from './database/migrations/1764430000000-create-webhooks.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { DeliveriesRepository } from './deliveries/deliveries.repository.js';
import { DeliveriesService } from './deliveries/deliveries.service.js';
import { DeliveryQueue } from './delivery/delivery-queue.js';
import { DeliveryWorker } from './delivery/delivery-worker.js';
import { EventIntake } from './delivery/event-intake.js';
import { EndpointEntity } from './endpoints/endpoint.entity.js';
import { EndpointsController } from './endpoints/endpoints.controller.js';
import { EndpointsRepository } from './endpoints/endpoints.repository.js';
import { EndpointsService } from './endpoints/endpoints.service.js';
import { WebhooksConfig } from './webhooks.config.js';

/** Webhook endpoints of integrations, and signed, retried, logged deliveries of domain events to them. */
export const WEBHOOKS_SERVICE: ServiceDefinition = {
  name: 'webhooks',
  defaultHttpPort: 4005,
  config: WebhooksConfig,
  entities: [EndpointEntity],
  migrations: [CreateWebhooks1764430000000],
  controllers: [EndpointsController, DeliveriesController],
  providers: [
    EndpointsRepository,
    EndpointsService,
    DeliveriesRepository,
    DeliveriesService,
    DeliveryQueue,
    DeliveryWorker,
    EventIntake,
  ],
};
