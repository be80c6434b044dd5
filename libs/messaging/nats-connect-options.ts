import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';

/**
 * Connection options of a NATS_URL. nats.js does not read credentials from a URL, so a
 * `nats://user:password@host:4222` (how the deployments give each app its NATS user) is
 * split into servers without credentials plus user and password.
 */
export function natsConnectOptions(url: string): {
  servers: string[];
  user?: string;
  pass?: string;
} {
  let user: string | undefined;
  let pass: string | undefined;
  const servers = url.split(',').map((server) => {
    const parsed = new URL(server);
    if (parsed.username) {
      user = decodeURIComponent(parsed.username);
      pass = decodeURIComponent(parsed.password);
    }
    return `${parsed.protocol}//${parsed.host}`;
  });
  return { servers, ...(user !== undefined && { user, pass }) };
}

/**
 * How every app connects to NATS: as the NATS user its URL names, waiting for the server at
 * start and reconnecting for ever after.
 */
export function connectNats(
  url: string,
  name: string,
  options: Partial<ConnectionOptions> = {},
): Promise<NatsConnection> {
  return connect({
    ...natsConnectOptions(url),
    name,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    ...options,
  });
}
