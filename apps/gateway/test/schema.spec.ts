import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { printGatewaySchema } from '../src/graphql/schema.js';

describe('the committed GraphQL schema', () => {
  it('is exactly what the code builds (run `npm run schema:print` after a deliberate change)', async () => {
    const committed = await readFile(new URL('../schema.gql', import.meta.url), 'utf8');
    expect(await printGatewaySchema()).toBe(committed);
  });
});
