import type { GraphQLRequester } from '#libs/testing';

export interface CreatedAgency {
  id: string;
  acronym: string;
  version: number;
}

let sequence = 0;

/** Valid createAgency input; override what the test is about. */
export function agencyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    acronym: `TA${sequence}`,
    name: `Test Agency ${sequence}`,
    kind: 'SPECIALIZED_AGENCY',
    headquarters: 'Geneva',
    website: 'https://example.org',
    ...overrides,
  };
}

export const CREATE_AGENCY = `
  mutation Create($input: CreateAgencyInput!) {
    createAgency(input: $input) { id acronym version }
  }`;

export async function createAgency(
  graphql: GraphQLRequester,
  overrides: Record<string, unknown> = {},
): Promise<CreatedAgency> {
  const data = await graphql.data<{ createAgency: CreatedAgency }>(CREATE_AGENCY, {
    input: agencyInput(overrides),
  });
  return data.createAgency;
}
