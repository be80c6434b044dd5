export * from './agencies/agency.contracts.js';
export * from './agencies/person.contracts.js';
export * from './cursor.js';
export * from './errors.js';
export * from './events.js';
export * from './pagination.js';
export * from './subjects.js';
export * from './validation.js';
