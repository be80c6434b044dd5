import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '#libs/auth';
import {
  AgencyEvents,
  type AddPersonCommand,
  type PersonDto,
  type RemovePersonCommand,
  type UpdatePersonCommand,
} from '#libs/contracts';
import { RpcError, type CallContext } from '#libs/messaging';
import {
  alignByIds,
  applyChanges,
  assertVersion,
  groupByKeys,
  OutboxWriter,
} from '#libs/persistence';
import { AgenciesService } from '../agencies/agencies.service.js';
import { PeopleRepository } from './people.repository.js';
import { toPersonDto, type PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly agencies: AgenciesService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The current people of each agency, one list per id in the order asked. */
  async byAgencyIds(agencyIds: string[]): Promise<PersonDto[][]> {
    const people = await this.people.findByAgencyIds(agencyIds);
    return groupByKeys(agencyIds, people, (person) => person.agencyId, toPersonDto);
  }

  async byIds(ids: string[]): Promise<(PersonDto | null)[]> {
    return alignByIds(ids, await this.people.findByIds(ids), toPersonDto);
  }

  async add(command: AddPersonCommand, call: CallContext): Promise<PersonDto> {
    assertCan(call, 'edit-agency', { agencyId: command.agencyId });
    return this.dataSource.transaction(async (transaction) => {
      await this.agencies.writableAgency(transaction, command.agencyId, 'share', 'agencyId');
      const person = await this.people.insert(transaction, {
        agencyId: command.agencyId,
        name: command.name,
        title: command.title ?? null,
        division: command.division ?? null,
        email: command.email ?? null,
      });
      return this.recorded(transaction, AgencyEvents.personAdded, person, call);
    });
  }

  async update(command: UpdatePersonCommand, call: CallContext): Promise<PersonDto> {
    const { id, expectedVersion, ...changes } = command;
    return this.dataSource.transaction(async (transaction) => {
      const person = await this.currentPerson(transaction, id, call);
      assertVersion('Person', person, expectedVersion);
      const changedFields = applyChanges(person, changes);
      if (changedFields.length === 0) return toPersonDto(person);
      const saved = await this.people.save(transaction, person);
      return this.recorded(transaction, AgencyEvents.personUpdated, saved, call, changedFields);
    });
  }

  async remove(command: RemovePersonCommand, call: CallContext): Promise<PersonDto> {
    return this.dataSource.transaction(async (transaction) => {
      const person = await this.currentPerson(transaction, command.id, call);
      person.removedAt = new Date();
      const saved = await this.people.save(transaction, person);
      return this.recorded(transaction, AgencyEvents.personRemoved, saved, call);
    });
  }

  /** Locks a person who is still listed, of an agency that may still change and the caller may edit. */
  private async currentPerson(
    transaction: EntityManager,
    id: string,
    call: CallContext,
  ): Promise<PersonEntity> {
    const person = await this.people.lockById(transaction, id);
    if (!person || person.removedAt) throw RpcError.notFound('Person', id);
    assertCan(call, 'edit-agency', { agencyId: person.agencyId });
    await this.agencies.writableAgency(transaction, person.agencyId, 'share');
    return person;
  }

  private async recorded(
    transaction: EntityManager,
    type: (typeof AgencyEvents)['personAdded' | 'personUpdated' | 'personRemoved'],
    person: PersonEntity,
    call: CallContext,
    changedFields?: string[],
  ): Promise<PersonDto> {
    const dto = toPersonDto(person);
    await this.outbox.record(transaction, call, {
      type,
      subject: dto.id,
      data: changedFields ? { person: dto, changedFields } : { person: dto },
    });
    return dto;
  }
}
