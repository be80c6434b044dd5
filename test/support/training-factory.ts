import type { GraphQLRequester } from '#libs/testing';

export async function createWorkStream(
  graphql: GraphQLRequester,
  number: number,
  convenerAgencyIds: string[],
): Promise<string> {
  const data = await graphql.data<{ createWorkStream: { id: string } }>(
    `mutation($input: CreateWorkStreamInput!) { createWorkStream(input: $input) { id } }`,
    { input: { number, title: `Work stream ${number}`, convenerAgencyIds } },
  );
  return data.createWorkStream.id;
}

export async function createTraining(
  graphql: GraphQLRequester,
  workStreamId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const data = await graphql.data<{ createTraining: { id: string; version: number } }>(
    `mutation($input: CreateTrainingInput!) { createTraining(input: $input) { id version } }`,
    {
      input: {
        workStreamId,
        title: 'STI policy for the SDGs',
        kind: 'TRAINING_WORKSHOP',
        format: 'ONLINE',
        ...overrides,
      },
    },
  );
  return data.createTraining;
}

export const ADD_SESSION = `mutation($input: AddSessionInput!) { addSession(input: $input) { id startsAt endsAt timeZone } }`;
export const ASSIGN = `mutation($input: AssignInput!) { assign(input: $input) { id role } }`;
export const REGISTER = `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id country } }`;
