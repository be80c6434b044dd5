export * from './free-port.js';
export * from './graphql-client.js';
export * from './metrics.js';
export * from './nats-server.js';
export * from './test-database.js';
export * from './event-stream.js';
export * from './auth.js';
