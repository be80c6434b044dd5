export * from './api-key.js';
export * from './dev-token.js';
export * from './policy.js';
export * from './token-verifier.js';
