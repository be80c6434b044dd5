import type {
  AgenciesByIdsQuery,
  AgencyDto,
  ArchiveAgencyCommand,
  CreateAgencyCommand,
  GetAgencyQuery,
  ListAgenciesQuery,
  UpdateAgencyCommand,
} from './agencies/agency.contracts.js';
import type {
  AddPersonCommand,
  PeopleByAgencyIdsQuery,
  PeopleByIdsQuery,
  PersonDto,
  RemovePersonCommand,
  UpdatePersonCommand,
} from './agencies/person.contracts.js';
import type { Page } from './pagination.js';
import type {
  CreateWorkStreamCommand,
  GetWorkStreamQuery,
  ListWorkStreamsQuery,
  UpdateWorkStreamCommand,
  WorkStreamDto,
  WorkStreamsByAgencyIdsQuery,
  WorkStreamsByIdsQuery,
} from './workstreams/work-stream.contracts.js';

/**
 * Request/reply subjects, one per operation. They live outside the `convene.>`
 * namespace that the domain-event stream captures, so requests are never stored.
 */
export const AgencyRpc = {
  list: 'rpc.agencies.agency.list',
  get: 'rpc.agencies.agency.get',
  byIds: 'rpc.agencies.agency.byIds',
  create: 'rpc.agencies.agency.create',
  update: 'rpc.agencies.agency.update',
  archive: 'rpc.agencies.agency.archive',
  peopleByAgencyIds: 'rpc.agencies.person.byAgencyIds',
  peopleByIds: 'rpc.agencies.person.byIds',
  addPerson: 'rpc.agencies.person.add',
  updatePerson: 'rpc.agencies.person.update',
  removePerson: 'rpc.agencies.person.remove',
} as const;

export const WorkStreamRpc = {
  list: 'rpc.workstreams.workstream.list',
  get: 'rpc.workstreams.workstream.get',
  byIds: 'rpc.workstreams.workstream.byIds',
  byAgencyIds: 'rpc.workstreams.workstream.byAgencyIds',
  create: 'rpc.workstreams.workstream.create',
  update: 'rpc.workstreams.workstream.update',
} as const;

/** What each subject takes and answers: the client and the handlers are typed from this one map. */
export interface RpcContract {
  [AgencyRpc.list]: { request: ListAgenciesQuery; response: Page<AgencyDto> };
  [AgencyRpc.get]: { request: GetAgencyQuery; response: AgencyDto };
  [AgencyRpc.byIds]: { request: AgenciesByIdsQuery; response: (AgencyDto | null)[] };
  [AgencyRpc.create]: { request: CreateAgencyCommand; response: AgencyDto };
  [AgencyRpc.update]: { request: UpdateAgencyCommand; response: AgencyDto };
  [AgencyRpc.archive]: { request: ArchiveAgencyCommand; response: AgencyDto };
  [AgencyRpc.peopleByAgencyIds]: { request: PeopleByAgencyIdsQuery; response: PersonDto[][] };
  [AgencyRpc.peopleByIds]: { request: PeopleByIdsQuery; response: (PersonDto | null)[] };
  [AgencyRpc.addPerson]: { request: AddPersonCommand; response: PersonDto };
  [AgencyRpc.updatePerson]: { request: UpdatePersonCommand; response: PersonDto };
  [AgencyRpc.removePerson]: { request: RemovePersonCommand; response: PersonDto };
  [WorkStreamRpc.list]: { request: ListWorkStreamsQuery; response: Page<WorkStreamDto> };
  [WorkStreamRpc.get]: { request: GetWorkStreamQuery; response: WorkStreamDto };
  [WorkStreamRpc.byIds]: { request: WorkStreamsByIdsQuery; response: (WorkStreamDto | null)[] };
  [WorkStreamRpc.byAgencyIds]: {
    request: WorkStreamsByAgencyIdsQuery;
    response: WorkStreamDto[][];
  };
  [WorkStreamRpc.create]: { request: CreateWorkStreamCommand; response: WorkStreamDto };
  [WorkStreamRpc.update]: { request: UpdateWorkStreamCommand; response: WorkStreamDto };
}

export type RpcSubject = keyof RpcContract;
export type RpcRequest<S extends RpcSubject> = RpcContract[S]['request'];
export type RpcResponse<S extends RpcSubject> = RpcContract[S]['response'];
