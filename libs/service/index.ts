export * from './service-definition.js';
export * from './service.module.js';
export * from './start-service.js';
export * from './reference-checker.js';
export * from './outbox-relay.js';
