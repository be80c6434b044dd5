export * from './call-context.js';
export * from './rpc-client.js';
export * from './rpc-error.js';
export * from './rpc-server.js';
export * from './nats-health.js';
export * from './event-publisher.js';
export * from './caller-signature.js';
export * from './nats-connect-options.js';
