import type { ServiceDefinition } from '#libs/service';
import { AssignmentEntity } from './assignments/assignment.entity.js';
import { AssignmentsController } from './assignments/assignments.controller.js';
import { AssignmentsService } from './assignments/assignments.service.js';
import { CreateEvents1764400000000 } from './database/migrations/1764400000000-create-events.js';
import { NotifyOutbox1764400500000 } from './database/migrations/1764400500000-notify-outbox.js';
import { SessionVersion1764402600000 } from './database/migrations/1764402600000-session-version.js';
import { FeedbackEntity } from './participation/feedback.entity.js';
import { ParticipationController } from './participation/participation.controller.js';
import { ParticipationQueries } from './participation/participation.queries.js';
import { ParticipationService } from './participation/participation.service.js';
import { RegistrationEntity } from './participation/registration.entity.js';
import { SeriesController } from './series/series.controller.js';
import { SeriesEntity } from './series/series.entity.js';
import { SeriesRepository } from './series/series.repository.js';
import { SeriesService } from './series/series.service.js';
import { SessionEntity } from './sessions/session.entity.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TrainingEntity } from './trainings/training.entity.js';
import { TrainingsController } from './trainings/trainings.controller.js';
import { TrainingsRepository } from './trainings/trainings.repository.js';
import { TrainingsService } from './trainings/trainings.service.js';

/** Trainings with their sessions, assignments, registrations, attendance and feedback, and series. */
export const EVENTS_SERVICE: ServiceDefinition = {
  name: 'events',
  defaultHttpPort: 4003,
  entities: [
    SeriesEntity,
    TrainingEntity,
    SessionEntity,
    AssignmentEntity,
    RegistrationEntity,
    FeedbackEntity,
  ],
  migrations: [CreateEvents1764400000000, NotifyOutbox1764400500000, SessionVersion1764402600000],
  controllers: [
    TrainingsController,
    SessionsController,
    AssignmentsController,
    ParticipationController,
    SeriesController,
  ],
  providers: [
    TrainingsRepository,
    TrainingsService,
    SessionsService,
    AssignmentsService,
    ParticipationService,
    ParticipationQueries,
    SeriesRepository,
    SeriesService,
  ],
};
