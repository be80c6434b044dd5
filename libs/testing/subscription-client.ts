import { performance } from 'node:perf_hooks';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedResult<T> {
  result: FormattedExecutionResult<T, unknown>;
  /** performance.now() when it arrived, to measure delivery delays. */
  receivedAt: number;
}

/** One subscription's results as they arrive. */
export class TestSubscription<T> {
  readonly received: ReceivedResult<T>[] = [];
  completed = false;
  failure: unknown;
  unsubscribe: () => void = () => undefined;

  /** Waits until `count` results have arrived (or the subscription ended); returns them all. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedResult<T>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && !this.completed && this.failure === undefined) {
      if (Date.now() > deadline) {
        throw new Error(
          `waited ${timeoutMs} ms for ${count} results, got ${this.received.length}: ${JSON.stringify(this.received.map((entry) => entry.result))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.received;
  }

  /** The data of every result so far; fails on a result with errors. */
  data(): T[] {
    return this.received.map(({ result }) => {
      if (result.errors?.length || !result.data) {
        throw new Error(`subscription errors: ${JSON.stringify(result.errors)}`);
      }
      return result.data;
    });
  }
}

/** A graphql-ws client over `ws`, as an integration would use it; it never reconnects by itself. */
export class SubscriptionTestClient {
  /** Resolves with the close code when the server closes the socket. */
  readonly closed: Promise<number>;
  private readonly client: Client;

  constructor(httpUrl: string, connectionParams: Record<string, unknown> = {}) {
    let onClosed: (code: number) => void = () => undefined;
    this.closed = new Promise((resolve) => (onClosed = resolve));
    this.client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      // A close is expected in tests and read from `closed`; graphql-ws would log it as an error.
      onNonLazyError: () => undefined,
      on: { closed: (event) => onClosed((event as { code: number }).code) },
    });
  }

  subscribe<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): TestSubscription<T> {
    const subscription = new TestSubscription<T>();
    subscription.unsubscribe = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          subscription.received.push({ result, receivedAt: performance.now() });
        },
        error: (error) => {
          subscription.failure = error;
        },
        complete: () => {
          subscription.completed = true;
        },
      },
    );
    return subscription;
  }

  /** Closes the socket, like a client going away. */
  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}
