export * from './health.js';
export * from './http-metrics.middleware.js';
export * from './json-logger.js';
export * from './metrics.controller.js';
export * from './metrics.js';
export * from './run-main.js';
