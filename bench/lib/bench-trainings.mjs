// Makes sure Work Stream 6 has at least `count` trainings for the benchmark, each with a
// session, a convener, an organizer with a person and a trainer, created through the API.
import { graphql } from './system.mjs';

export async function ensureTrainings(url, count) {
  const { workStream } = await graphql(url, '{ workStream(number: 6) { id trainings { id } } }');
  const missing = count - workStream.trainings.length;
  if (missing <= 0) return;
  const { agencies } = await graphql(
    url,
    '{ agencies(first: 20) { edges { node { id acronym people { id } } } } }',
  );
  const withPeople = agencies.edges
    .map((edge) => edge.node)
    .filter((agency) => agency.people.length > 0);
  for (let index = 0; index < missing; index += 1) {
    const { createTraining } = await graphql(
      url,
      `
        mutation ($input: CreateTrainingInput!) {
          createTraining(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          workStreamId: workStream.id,
          title: `Benchmark webinar ${index + 1}`,
          kind: 'WEBINAR',
          format: 'ONLINE',
          topics: ['STI policy'],
          sdgs: [9],
        },
      },
    );
    const day = String((index % 28) + 1).padStart(2, '0');
    await graphql(
      url,
      `
        mutation ($input: AddSessionInput!) {
          addSession(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          trainingId: createTraining.id,
          startsAt: `2021-03-${day}T09:00:00Z`,
          endsAt: `2021-03-${day}T11:00:00Z`,
          timeZone: 'UTC',
        },
      },
    );
    const [convener, organizer, trainer] = [0, 1, 2].map(
      (offset) => withPeople[(index + offset) % withPeople.length],
    );
    for (const [agency, role] of [
      [convener, 'CONVENER'],
      [organizer, 'ORGANIZER'],
      [trainer, 'TRAINER'],
    ]) {
      await graphql(
        url,
        `
          mutation ($input: AssignInput!) {
            assign(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            trainingId: createTraining.id,
            agencyId: agency.id,
            personId: agency.people[0].id,
            role,
          },
        },
      );
    }
  }
}
