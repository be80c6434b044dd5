import type { ServiceDefinition } from '#libs/service';
import { AgenciesController } from './agencies/agencies.controller.js';
import { AgenciesRepository } from './agencies/agencies.repository.js';
import { AgenciesService } from './agencies/agencies.service.js';
import { AgencyEntity } from './agencies/agency.entity.js';
import { CreateAgencies1764380000000 } from './database/migrations/1764380000000-create-agencies.js';
import { NotifyOutbox1764380500000 } from './database/migrations/1764380500000-notify-outbox.js';
import { PeopleController } from './people/people.controller.js';
import { PeopleRepository } from './people/people.repository.js';
import { PeopleService } from './people/people.service.js';
import { PersonEntity } from './people/person.entity.js';

/** Agencies and their people; schema, queue group and event source `agencies`. */
export const AGENCIES_SERVICE: ServiceDefinition = {
  name: 'agencies',
  defaultHttpPort: 4001,
  entities: [AgencyEntity, PersonEntity],
  migrations: [CreateAgencies1764380000000, NotifyOutbox1764380500000],
  controllers: [AgenciesController, PeopleController],
  providers: [AgenciesRepository, AgenciesService, PeopleRepository, PeopleService],
};
