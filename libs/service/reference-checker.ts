import { Injectable } from '@nestjs/common';
import {
  AgencyRpc,
  EventsRpc,
  WorkStreamRpc,
  type TrainingDto,
  type AgencyDto,
  type FieldError,
  type PersonDto,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcClient, RpcError, type CallContext } from '#libs/messaging';

/** An input field holding one id (`agencyId`) or a list of ids (`convenerAgencyIds`). */
export interface IdField {
  field: string;
  ids: string | string[];
}

/**
 * Checks ids that point into another service by asking its owner, one batch request per
 * kind. An id the owner does not know (or has archived or removed) is a BAD_USER_INPUT
 * naming the field, e.g. `convenerAgencyIds[1]`.
 */
@Injectable()
export class ReferenceChecker {
  constructor(private readonly rpc: RpcClient) {}

  async agencies(call: CallContext, ...fields: IdField[]): Promise<Map<string, AgencyDto>> {
    const ids = idsOf(fields);
    if (ids.length === 0) return new Map();
    const found = await this.rpc.request(AgencyRpc.byIds, { ids }, call);
    return check(fields, found, 'agency', (agency) =>
      agency.archived ? `agency ${agency.acronym} is archived` : undefined,
    );
  }

  async people(call: CallContext, ...fields: IdField[]): Promise<Map<string, PersonDto>> {
    const ids = idsOf(fields);
    if (ids.length === 0) return new Map();
    const found = await this.rpc.request(AgencyRpc.peopleByIds, { ids }, call);
    return check(fields, found, 'person', (person) =>
      person.removed ? `person ${person.name} was removed` : undefined,
    );
  }

  async workStreams(call: CallContext, ...fields: IdField[]): Promise<Map<string, WorkStreamDto>> {
    const ids = idsOf(fields);
    if (ids.length === 0) return new Map();
    const found = await this.rpc.request(WorkStreamRpc.byIds, { ids }, call);
    return check(fields, found, 'work stream', () => undefined);
  }

  async trainings(call: CallContext, ...fields: IdField[]): Promise<Map<string, TrainingDto>> {
    const ids = idsOf(fields);
    if (ids.length === 0) return new Map();
    const found = await this.rpc.request(EventsRpc.trainingsByIds, { ids }, call);
    return check(fields, found, 'training', () => undefined);
  }

  /** Sessions must belong to one of `trainingIds`; an id that does not is named by its path. */
  async sessionsOf(call: CallContext, trainingIds: string[], field: IdField): Promise<void> {
    const wanted = Array.isArray(field.ids) ? field.ids : [field.ids];
    if (wanted.length === 0) return;
    const sessions = trainingIds.length
      ? (await this.rpc.request(EventsRpc.sessionsByTrainingIds, { ids: trainingIds }, call)).flat()
      : [];
    const known = new Set(sessions.map((session) => session.id));
    const errors: FieldError[] = wanted.flatMap((id, index) =>
      known.has(id)
        ? []
        : [
            {
              field: `${field.field}[${index}]`,
              rule: 'ofTraining',
              message: `no session ${id} in the resource's trainings`,
            },
          ],
    );
    if (errors.length > 0) throw RpcError.badInput(errors);
  }
}

function idsOf(fields: IdField[]): string[] {
  return [
    ...new Set(fields.flatMap((field) => (Array.isArray(field.ids) ? field.ids : [field.ids]))),
  ];
}

function check<T extends { id: string }>(
  fields: IdField[],
  found: (T | null)[],
  what: string,
  unusable: (item: T) => string | undefined,
): Map<string, T> {
  const byId = new Map(
    found.filter((item): item is T => item !== null).map((item) => [item.id, item]),
  );
  const errors: FieldError[] = [];
  for (const { field, ids: value } of fields) {
    const entries = Array.isArray(value)
      ? value.map((id, index) => [`${field}[${index}]`, id] as const)
      : [[field, value] as const];
    for (const [path, id] of entries) {
      const item = byId.get(id);
      if (!item) errors.push({ field: path, rule: 'exists', message: `no ${what} has id ${id}` });
      else {
        const reason = unusable(item);
        if (reason) errors.push({ field: path, rule: 'usable', message: reason });
      }
    }
  }
  if (errors.length > 0) throw RpcError.badInput(errors);
  return byId;
}
