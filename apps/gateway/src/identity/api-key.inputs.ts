import { Field, InputType } from '@nestjs/graphql';
import type { CreateApiKeyCommand } from '#libs/contracts';

// GraphQL shapes of the identity contracts; the identity service validates them.

@InputType()
export class CreateApiKeyInput implements CreateApiKeyCommand {
  @Field({ description: 'Who the key is for, e.g. "UN calendar sync".' })
  name!: string;

  @Field(() => [String], {
    description: 'Domain event types granted, e.g. convene.events.training.scheduled.',
  })
  eventTypes!: string[];
}
