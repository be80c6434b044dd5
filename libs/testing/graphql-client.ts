export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: {
      code: string;
      correlationId?: string;
      fields?: { field: string; rule: string; message: string }[];
    };
  }[];
  /** The raw body, to check what never may appear in it (stacks, SQL). */
  text: string;
}

/** Sends GraphQL over HTTP the way a client does, with a bearer token when it has one. */
export class GraphQLTestClient {
  constructor(
    readonly url: string,
    private readonly authorization?: string,
  ) {}

  /** The same client, calling as the holder of this token (or API key). */
  as(token: string | undefined): GraphQLTestClient {
    return new GraphQLTestClient(this.url, token && `Bearer ${token}`);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.authorization && { authorization: this.authorization }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as Omit<GraphQLResponse<T>, 'status' | 'text'>;
    return { ...body, status: response.status, text };
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

/** What a test sends GraphQL through: this HTTP client, or the gateway in-process as a given caller. */
export type GraphQLRequester = Pick<GraphQLTestClient, 'data' | 'request'>;
