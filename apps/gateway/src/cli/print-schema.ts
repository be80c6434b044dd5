import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printGatewaySchema } from '../graphql/schema.js';

const target = new URL('../../schema.gql', import.meta.url.replace('/dist/', '/'));
await writeFile(target, await printGatewaySchema());
process.stdout.write(`wrote ${target.pathname}\n`);
