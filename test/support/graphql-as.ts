import type { Caller } from '#libs/messaging';
import {
  testToken,
  type GraphQLRequester,
  type GraphQLResponse,
  GraphQLTestClient,
} from '#libs/testing';

/**
 * GraphQL over HTTP as a given caller: a bearer token with the caller's roles and scopes is
 * minted for it, so the request goes through the gateway's real authentication. An anonymous
 * caller sends no token.
 */
export class GraphQLAsCaller implements GraphQLRequester {
  private client: Promise<GraphQLTestClient> | undefined;

  constructor(
    private readonly anonymous: GraphQLTestClient,
    readonly caller: Caller,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    return (await this.authenticated()).request<T>(query, variables);
  }

  async data<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    return (await this.authenticated()).data<T>(query, variables);
  }

  private authenticated(): Promise<GraphQLTestClient> {
    this.client ??= this.mint();
    return this.client;
  }

  private async mint(): Promise<GraphQLTestClient> {
    if (this.caller.kind === 'anonymous') return this.anonymous;
    const token = await testToken({
      subject: this.caller.id,
      roles: this.caller.roles,
      workStreamIds: this.caller.workStreamIds,
      agencyId: this.caller.agencyId,
      eventTypes: this.caller.eventTypes,
    });
    return this.anonymous.as(token);
  }
}
