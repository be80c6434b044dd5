import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readCounter } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { createWorkStream } from '../support/training-factory.js';

let stack: ConveneStack;
let bigAgencyId: string;

/** Who convenes and who delivers each training, down to the people of the agencies. */
const TRAININGS_WITH_PEOPLE = `
  trainings {
    title
    sessions { startsAt }
    assignments { role person { name } agency { acronym people { name } } }
  }`;

/**
 * Bulk rows straight into the events schema: only the read path is under test here, and
 * 510 trainings through the API would make the test slow without testing more.
 */
async function insertTrainings(
  workStreamIds: string[],
  perWorkStream: number,
  convener: string[],
  trainer: string[],
) {
  await stack.database.query(
    `WITH inserted AS (
       INSERT INTO events.training (work_stream_id, title, kind, format)
       SELECT ws.id, 'Bulk training ' || n, 'WEBINAR', 'ONLINE'
         FROM unnest($1::uuid[]) AS ws(id), generate_series(1, $2) AS n
       RETURNING id
     ), sessions AS (
       INSERT INTO events.session (training_id, starts_at, ends_at, time_zone)
       SELECT id, now(), now() + interval '1 hour', 'UTC' FROM inserted
     )
     INSERT INTO events.assignment (training_id, agency_id, person_id, role)
     SELECT id, $3::uuid, $4::uuid, 'CONVENER' FROM inserted
     UNION ALL
     SELECT id, $5::uuid, $6::uuid, 'TRAINER' FROM inserted`,
    [workStreamIds, perWorkStream, ...convener, ...trainer],
  );
}

async function person(agencyId: string, name: string): Promise<string> {
  const data = await stack.graphql.data<{ addPerson: { id: string } }>(
    `mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }`,
    { input: { agencyId, name } },
  );
  return data.addPerson.id;
}

beforeAll(async () => {
  stack = await startConveneStack();
  const convener = await createAgency(stack.graphql, { acronym: 'CONV' });
  const trainer = await createAgency(stack.graphql, { acronym: 'TRNR' });
  const big = await createAgency(stack.graphql, { acronym: 'BIG' });
  bigAgencyId = big.id;
  const conveningPerson = await person(convener.id, 'Convening Person');
  const trainingPerson = await person(trainer.id, 'Training Person');
  await person(trainer.id, 'Another Trainer');

  const small = await createWorkStream(stack.graphql, 10, [convener.id]);
  const large: string[] = [];
  for (const number of [1, 2, 3, 4, 5])
    large.push(await createWorkStream(stack.graphql, number, [big.id]));
  await insertTrainings([small], 10, [convener.id, conveningPerson], [trainer.id, trainingPerson]);
  await insertTrainings(large, 100, [convener.id, conveningPerson], [trainer.id, trainingPerson]);
});

afterAll(async () => {
  await stack?.stop();
});

/** NATS requests the gateway sent while answering one query, and the number of trainings in the answer. */
async function measure(query: string, variables: Record<string, unknown> = {}) {
  const metrics = `${stack.gatewayUrl}/metrics`;
  const before = await readCounter(metrics, 'convene_nats_requests_total');
  const data = await stack.graphql.data<Record<string, unknown>>(query, variables);
  const requests = (await readCounter(metrics, 'convene_nats_requests_total')) - before;
  const trainings = (JSON.stringify(data).match(/"title":/g) ?? []).length;
  return { requests, trainings };
}

describe('the graph makes one NATS request per field level, whatever the number of rows', () => {
  it('answers 10 and 500 trainings with their conveners, trainers, agencies and people in the same 7 requests', async () => {
    const ten = await measure(`{ workStream(number: 10) { ${TRAININGS_WITH_PEOPLE} } }`);
    const fiveHundred = await measure(
      `query($agencyId: ID) { workStreams(filter: { agencyId: $agencyId }) { edges { node { ${TRAININGS_WITH_PEOPLE} } } } }`,
      { agencyId: bigAgencyId },
    );
    expect(ten.trainings).toBe(10);
    expect(fiveHundred.trainings).toBe(500);
    // work stream(s), trainings, sessions + assignments, persons + agencies, agencies' people
    expect(ten.requests).toBe(7);
    expect(fiveHundred.requests).toBe(ten.requests);
  });
});
