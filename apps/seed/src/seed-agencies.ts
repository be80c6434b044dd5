import { AgencyRpc } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import type { DemoAgency } from './demo-data/agencies.js';
import { foundOrUndefined } from './lookups.js';

export interface SeedReport {
  agenciesCreated: number;
  peopleAdded: number;
  /** Every demo agency's id, by acronym. */
  ids: Map<string, string>;
}

/**
 * Creates the demo agencies and people that are missing, through the agencies service like
 * any client (so every change has its domain event). Running it again changes nothing.
 */
export async function seedAgencies(
  rpc: RpcClient,
  call: CallContext,
  agencies: DemoAgency[],
): Promise<SeedReport> {
  const report: SeedReport = { agenciesCreated: 0, peopleAdded: 0, ids: new Map() };
  for (const { people, ...agency } of agencies) {
    let existing = await foundOrUndefined(
      rpc.request(AgencyRpc.get, { acronym: agency.acronym }, call),
    );
    if (!existing) {
      existing = await rpc.request(AgencyRpc.create, agency, call);
      report.agenciesCreated += 1;
    }
    report.ids.set(existing.acronym, existing.id);
    const [current = []] = await rpc.request(
      AgencyRpc.peopleByAgencyIds,
      { agencyIds: [existing.id] },
      call,
    );
    const known = new Set(current.map((person) => person.name));
    for (const person of people.filter((candidate) => !known.has(candidate.name))) {
      await rpc.request(AgencyRpc.addPerson, { agencyId: existing.id, ...person }, call);
      report.peopleAdded += 1;
    }
  }
  return report;
}
