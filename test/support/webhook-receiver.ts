import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/**
 * A real HTTP server standing in for an integration: it records every request and answers
 * each path with the next status of its script (the last one repeats; 200 by default). A status
 * of 0 never answers: the request hangs until the sender gives up.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly server: Server;
  baseUrl = '';

  private constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        const status = this.nextStatus(path);
        if (status === 0) return;
        response.statusCode = status;
        response.end();
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const address = receiver.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    receiver.baseUrl = `http://127.0.0.1:${port}`;
    return receiver;
  }

  /** The statuses `path` answers, in order; the last one repeats. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  requestsTo(path: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.path === path);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private nextStatus(path: string): number {
    const script = this.scripts.get(path);
    if (!script || script.length === 0) return 200;
    return script.length > 1 ? (script.shift() ?? 200) : (script[0] ?? 200);
  }
}
