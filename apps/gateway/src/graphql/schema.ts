import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AgenciesResolver } from '../agencies/agencies.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { PeopleResolver } from '../agencies/people.resolver.js';
import {
  AgencyResourcesResolver,
  KnowledgeResolver,
  TrainingMaterialsResolver,
  WorkStreamResourcesResolver,
} from '../knowledge/knowledge.resolver.js';
import { DomainEventsResolver, TrainingChangeResolver } from '../events/domain-events.resolver.js';
import { ApiKeysResolver } from '../identity/api-keys.resolver.js';
import { SeriesResolver } from '../trainings/series.resolver.js';
import { TrainingActivityResolver } from '../trainings/training-activity.resolver.js';
import {
  AgencyAssignmentsResolver,
  WorkStreamTrainingsResolver,
} from '../trainings/training-links.resolver.js';
import { TrainingsResolver } from '../trainings/trainings.resolver.js';
import { WebhooksResolver } from '../webhooks/webhooks.resolver.js';
import {
  AgencyWorkStreamsResolver,
  WorkStreamsResolver,
} from '../workstreams/work-streams.resolver.js';

/** Every resolver of the graph; the gateway module and the schema printer both use this list. */
export const GATEWAY_RESOLVERS = [
  AgenciesResolver,
  PeopleResolver,
  WorkStreamsResolver,
  AgencyWorkStreamsResolver,
  TrainingsResolver,
  TrainingActivityResolver,
  SeriesResolver,
  WorkStreamTrainingsResolver,
  AgencyAssignmentsResolver,
  KnowledgeResolver,
  TrainingMaterialsResolver,
  WorkStreamResourcesResolver,
  AgencyResourcesResolver,
  WebhooksResolver,
  AuditResolver,
  DomainEventsResolver,
  TrainingChangeResolver,
  ApiKeysResolver,
];

/** The graph as SDL, sorted, exactly as committed in apps/gateway/schema.gql. */
export async function printGatewaySchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(GATEWAY_RESOLVERS);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
