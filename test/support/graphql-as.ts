import type { ApolloServer } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import type { INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { RpcClient, type Caller } from '#libs/messaging';
import type { GraphQLResponse } from '#libs/testing';
import {
  gatewayContextFor,
  type GatewayContext,
} from '../../apps/gateway/src/graphql/gateway-context.js';

/**
 * Runs GraphQL operations in the real gateway (its resolvers, DataLoaders, error formatting
 * and plugins) as a given caller, without HTTP. Test-only: it stands in for the token a client
 * will send, and proves what each caller gets; authentication is not what it tests.
 */
export class GraphQLAsCaller {
  private readonly apollo: ApolloServer<GatewayContext>;
  private readonly rpc: RpcClient;

  constructor(
    gateway: INestApplication,
    readonly caller: Caller,
  ) {
    const graphql = gateway.get<GraphQLModule<ApolloDriver>>(GraphQLModule, { strict: false });
    this.apollo = graphql.graphQlAdapter.instance as unknown as ApolloServer<GatewayContext>;
    this.rpc = gateway.get(RpcClient);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const contextValue = gatewayContextFor(
      { caller: this.caller, correlationId: randomUUID() },
      this.rpc,
      '127.0.0.1',
    );
    const response = await this.apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
    const { data, errors } = response.body.singleResult;
    const body = { data, errors } as Omit<GraphQLResponse<T>, 'status' | 'text'>;
    return { ...body, status: response.http.status ?? 200, text: JSON.stringify(body) };
  }

  /** Like `request`, but fails the test with the errors when there are any. */
  async data<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }
}
