import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { WebhookDeliveryStatus, type RegisterWebhookEndpointCommand } from '#libs/contracts';

// GraphQL shapes of the webhooks contracts; the webhooks service validates them.

@InputType()
export class RegisterWebhookEndpointInput implements RegisterWebhookEndpointCommand {
  @Field({
    description: 'http:// or https://; private and loopback addresses are refused in production.',
  })
  url!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The event types to deliver (see webhookEventTypes); or set allEventTypes.',
  })
  eventTypes?: string[];

  @Field({
    nullable: true,
    description: 'Deliver every event type, including ones added later. Not with eventTypes.',
  })
  allEventTypes?: boolean;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ArgsType()
export class WebhookEndpointsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus;
}
