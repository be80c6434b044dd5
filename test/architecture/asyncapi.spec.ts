import { beforeAll, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { DiagnosticSeverity } from '@asyncapi/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOMAIN_EVENT_GROUPS } from '#libs/contracts';
import {
  parseAsyncApi,
  payloadSchemas,
  type ParsedAsyncApi,
} from '../support/asyncapi-document.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Every event type constant, by the expression the code uses for it: `TrainingEvents.sessionAdded`. */
const CONSTANTS = new Map<string, string>(
  Object.entries(DOMAIN_EVENT_GROUPS).flatMap(([group, events]) =>
    Object.entries(events).map(([name, type]): [string, string] => [`${group}.${name}`, type]),
  ),
);
const EVENT_TYPES = new Set(CONSTANTS.values());

/** The services' own code: apps/<app>/src, tests left out. */
function serviceSources(): { file: string; text: string }[] {
  return readdirSync(join(ROOT, 'apps'), { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'),
    )
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((file) => file.split('/')[2] === 'src')
    .map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

const CONSTANT_USE = new RegExp(`\\b(${Object.keys(DOMAIN_EVENT_GROUPS).join('|')})\\.(\\w+)`, 'g');
/** `outbox.record(transaction, call, { type: X.y, …` or, with a typed parameter, `{ type, …`. */
const RECORD_CALL = /\boutbox\.record\(\s*\w+,\s*\w+,\s*\{\s*type\s*(?::\s*([\w.]+)\s*)?[,}]/g;

let parsed: ParsedAsyncApi;

beforeAll(async () => {
  parsed = await parseAsyncApi();
});

describe('the AsyncAPI document of the domain events', () => {
  it('is valid AsyncAPI 3.0, with no diagnostic of error severity', () => {
    const { document, diagnostics } = parsed;
    const errors = diagnostics.filter((entry) => entry.severity === DiagnosticSeverity.Error);
    expect(errors.map((entry) => `${entry.path.join('.')}: ${entry.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(
      document
        ?.servers()
        .all()
        .map((server) => server.protocol()),
    ).toEqual(['nats']);
  });

  it('has one channel per event type constant, no more, each a CloudEvent of that type', () => {
    const { document } = parsed;
    if (!document) throw new Error('the document did not parse');
    const schemas = payloadSchemas(document);
    expect([...schemas.keys()].sort()).toEqual([...EVENT_TYPES].sort());
    for (const [address, schema] of schemas) {
      const text = JSON.stringify(schema);
      expect({ address, envelope: text.includes('"convenecorrelationid"') }).toEqual({
        address,
        envelope: true,
      });
      expect(text).toContain(`"const":"${address}"`);
    }
  });

  it('lists exactly the event types the services record in their outbox', () => {
    const sources = serviceSources();
    const recorded = new Set<string>();
    let calls = 0;
    for (const { file, text } of sources) {
      const callsHere = [...text.matchAll(RECORD_CALL)];
      // Every call must have the shape the scan understands, or the scan would miss one.
      expect({ file, calls: callsHere.length }).toEqual({
        file,
        calls: text.split('outbox.record(').length - 1,
      });
      if (callsHere.length === 0) continue;
      calls += callsHere.length;
      for (const [, explicit] of callsHere) {
        // `{ type }` passes a parameter whose type the compiler holds to DomainEventType.
        if (explicit !== undefined)
          expect({ file, type: CONSTANTS.has(explicit) }).toEqual({ file, type: true });
      }
      for (const [expression] of text.matchAll(CONSTANT_USE)) {
        const type = CONSTANTS.get(expression);
        if (!type) throw new Error(`${file}: ${expression} is not an event type constant`);
        recorded.add(type);
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect([...recorded].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('no service writes an event type as a literal string, outside the constants', () => {
    const literals = serviceSources().flatMap(({ file, text }) =>
      [...text.matchAll(/['"`](convene\.[a-z]+\.[a-z]+\.[a-z]+)['"`]/g)].map(
        ([, subject]) => `${file}: ${subject}`,
      ),
    );
    expect(literals).toEqual([]);
  });
});
