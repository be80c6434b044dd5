// Jest runs the TypeScript sources as native ESM (NestJS 12 is ESM-only), compiled by swc
// with the same options as the build (.swcrc), except that the build leaves out spec files.
import { readFileSync } from 'node:fs';

const { exclude: _buildOnly, ...swc } = JSON.parse(
  readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'),
);

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  maxWorkers: 2,
  testTimeout: 30_000,
};
