import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, readEventStream } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;

beforeAll(async () => {
  stack = await startConveneStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('every committed change reaches the domain-event stream', () => {
  it('as a CloudEvent on convene.<service>.<entity>.<action>, its id as Nats-Msg-Id, marked published', async () => {
    const agency = await createAgency(stack.graphql, {
      acronym: 'ITU',
      name: 'International Telecommunication Union',
    });
    await stack.graphql.data(
      `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`,
      {
        input: { id: agency.id, headquarters: 'Geneva, Switzerland' },
      },
    );

    const events = await eventually(
      () => readEventStream(stack.nats.url),
      (stored) => stored.filter((entry) => entry.event.subject === agency.id).length === 2,
    );
    const own = events.filter((entry) => entry.event.subject === agency.id);
    expect(own.map((entry) => entry.subject)).toEqual([
      'convene.agencies.agency.created',
      'convene.agencies.agency.updated',
    ]);
    for (const entry of own) {
      expect(entry.msgId).toBe(entry.event.id);
      expect(entry.event).toMatchObject({
        specversion: '1.0',
        source: '/convene/agencies',
        datacontenttype: 'application/json',
      });
    }
    expect(own[1]?.event.data).toMatchObject({ changedFields: ['headquarters'] });

    const unpublished = await eventually(
      () => stack.database.query('SELECT id FROM agencies.outbox WHERE published_at IS NULL'),
      (rows) => rows.length === 0,
    );
    expect(unpublished).toEqual([]);
  });
});
