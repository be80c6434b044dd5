import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookDeliveryStatus } from '#libs/contracts';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType({
  description:
    'Where an integration receives domain events as signed HTTP POSTs (Standard Webhooks). Its secret is shown only when registered or rotated.',
})
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], {
    description: 'Event types delivered (see webhookEventTypes); empty when allEventTypes.',
  })
  eventTypes!: string[];

  @Field({ description: 'Every event type, present and future, is delivered.' })
  allEventTypes!: boolean;

  @Field()
  enabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is disabled: by a caller, or because it answered 410 Gone.',
  })
  disabledReason!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

@ObjectType({ description: 'An endpoint with its signing secret: answered this one time only.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'whsec_… : verify each request with it (e.g. `new Webhook(secret).verify(body, headers)` of the standardwebhooks package). Store it now; it is never shown again.',
  })
  secret!: string;
}

@ObjectType({ description: 'One HTTP request of a delivery, and what came of it.' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1, 2, … over the whole delivery, replays included.' })
  number!: number;

  @Field(() => Int, {
    description: '0 for the first series of attempts, 1 for the first replay, …',
  })
  series!: number;

  @Field(() => DateTimeScalar)
  attemptedAt!: string;

  @Field(() => Int, { nullable: true, description: 'The HTTP status answered, if any.' })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why there was no answer: a timeout, a refused connection, a private address.',
  })
  error!: string | null;

  @Field(() => Int)
  latencyMs!: number;

  @Field()
  succeeded!: boolean;
}

@ObjectType({ description: 'One domain event on its way to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, {
    description: 'The event id, sent as the webhook-id header on every attempt and replay.',
  })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: string | null;

  @Field(() => [WebhookAttempt], { description: 'Oldest first.' })
  attempts!: WebhookAttempt[];
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, 'WebhookEndpoint');
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
