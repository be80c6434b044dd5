import type { ServiceDefinition } from '#libs/service';
import { CreateWorkStreams1764390000000 } from './database/migrations/1764390000000-create-work-streams.js';
import { NotifyOutbox1764390500000 } from './database/migrations/1764390500000-notify-outbox.js';
import { WorkStreamEntity } from './work-streams/work-stream.entity.js';
import { WorkStreamsController } from './work-streams/work-streams.controller.js';
import { WorkStreamsRepository } from './work-streams/work-streams.repository.js';
import { WorkStreamsService } from './work-streams/work-streams.service.js';

/** Work streams of the task team and the agencies that convene them or belong to them. */
export const WORKSTREAMS_SERVICE: ServiceDefinition = {
  name: 'workstreams',
  defaultHttpPort: 4002,
  entities: [WorkStreamEntity],
  migrations: [CreateWorkStreams1764390000000, NotifyOutbox1764390500000],
  controllers: [WorkStreamsController],
  providers: [WorkStreamsRepository, WorkStreamsService],
};
