import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { eventually, startDurableConsumer, type DurableConsumer } from '#libs/testing';
import { agencyInput, CREATE_AGENCY } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

// Issue #5, test 2: NATS stops in the middle of 200 writes. Each write succeeds or fails with
// a clean error; once NATS is back, every committed change has its event, exactly once.

const WRITES = 200;
const CONCURRENCY = 8;

let stack: ConveneStack;
let consumer: DurableConsumer;

jest.setTimeout(90_000);

beforeAll(async () => {
  stack = await startConveneStack();
  consumer = await startDurableConsumer(stack.nats.url, 'nats-outage');
});

afterAll(async () => {
  await consumer?.stop();
  await stack?.stop();
});

interface Outcome {
  ok: boolean;
  code?: string;
  text: string;
}

async function createAgency(index: number): Promise<Outcome> {
  const response = await stack.graphql
    .request(CREATE_AGENCY, { input: agencyInput({ acronym: `OUT${index}` }) })
    .catch((error: unknown) => ({ status: 0, errors: undefined, text: String(error) }));
  const code = response.errors?.[0]?.extensions.code;
  return { ok: response.status === 200 && !response.errors, code, text: response.text };
}

describe('NATS stopped during 200 writes', () => {
  it('loses no committed change: committed agencies = distinct events received', async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    let outage: Promise<void> | undefined;
    const worker = async () => {
      while (next < WRITES) {
        const index = next;
        next += 1;
        if (index === 60) {
          // NATS goes away for two seconds while writes keep coming.
          outage = (async () => {
            await stack.nats.stop();
            await new Promise((resolve) => setTimeout(resolve, 2000));
            await stack.nats.start();
          })();
        }
        outcomes.push(await createAgency(index));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await outage;

    const failures = outcomes.filter((outcome) => !outcome.ok);
    expect(outcomes).toHaveLength(WRITES);
    // The outage was felt, and every failure is the clean "try again" error, never a leak.
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.code).toBe('SERVICE_UNAVAILABLE');
      expect(failure.text).not.toMatch(/stack|at \w+ \(|SELECT|INSERT/i);
    }

    const committed: { id: string }[] = await stack.database.query(
      `SELECT id FROM agencies.agency WHERE acronym LIKE 'OUT%'`,
    );
    expect(committed.length).toBeGreaterThanOrEqual(outcomes.filter((o) => o.ok).length);

    const createdEventsFor = () =>
      consumer.received.filter((event) => event.type === 'convene.agencies.agency.created');
    await eventually(
      async () => new Set(createdEventsFor().map((event) => event.id)).size,
      (distinct) => distinct >= committed.length,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const created = createdEventsFor();
    const distinctIds = new Set(created.map((event) => event.id));
    expect(distinctIds.size).toBe(committed.length);
    expect(created).toHaveLength(committed.length);
    expect(new Set(created.map((event) => event.subject))).toEqual(
      new Set(committed.map((row) => row.id)),
    );
  });
});
