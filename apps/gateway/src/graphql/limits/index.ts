export * from './query-aliases.rule.js';
export * from './query-cost.rule.js';
export * from './query-depth.rule.js';
export * from './query-limits.js';
export * from './query-limit.js';
