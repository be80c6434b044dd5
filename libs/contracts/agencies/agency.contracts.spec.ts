import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CreateAgencyCommand,
  GetAgencyQuery,
  ListAgenciesQuery,
  UpdateAgencyCommand,
} from './agency.contracts.js';

/** The failing `field:rule` pairs, as the validation pipe reports them. */
function failures<T extends object>(type: ClassConstructor<T>, plain: object): string[] {
  const errors = validateSync(plainToInstance(type, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const walk = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [
        ...Object.keys(error.constraints ?? {}).map((rule) => `${field}:${rule}`),
        ...walk(error.children ?? [], field),
      ];
    });
  return walk(errors);
}

const valid = {
  acronym: 'UNU-MERIT',
  name: 'UNU-MERIT',
  kind: 'RESEARCH_INSTITUTE',
  headquarters: 'Maastricht',
};

describe('CreateAgencyCommand', () => {
  it('accepts a complete agency, with or without a website', () => {
    expect(failures(CreateAgencyCommand, valid)).toEqual([]);
    expect(
      failures(CreateAgencyCommand, { ...valid, website: 'https://www.merit.unu.edu' }),
    ).toEqual([]);
  });

  it('trims text before checking it', () => {
    const command = plainToInstance(CreateAgencyCommand, { ...valid, acronym: '  UN DESA ' });
    expect(command.acronym).toBe('UN DESA');
    expect(failures(CreateAgencyCommand, { ...valid, name: '   ' })).toEqual(['name:isLength']);
  });

  it.each([
    [{ acronym: '-X' }, 'acronym:matches'],
    [{ acronym: 'A' }, 'acronym:isLength'],
    [{ kind: 'NGO' }, 'kind:isEnum'],
    [{ website: 'javascript:alert(1)' }, 'website:isUrl'],
    [{ website: 'http://localhost' }, 'website:isUrl'],
    [{ extra: 'field' }, 'extra:whitelistValidation'],
  ])('refuses %p with %s', (change, failure) => {
    expect(failures(CreateAgencyCommand, { ...valid, ...change })).toContain(failure);
  });
});

describe('UpdateAgencyCommand', () => {
  const id = '8701ed84-7301-4120-92fa-8ed57fb1c238';

  it('lets a nullable field be cleared but not a required one', () => {
    expect(failures(UpdateAgencyCommand, { id, website: null })).toEqual([]);
    expect(failures(UpdateAgencyCommand, { id, name: null })).toContain('name:isString');
  });

  it('needs a positive expected version when one is given', () => {
    expect(failures(UpdateAgencyCommand, { id, expectedVersion: 0 })).toEqual([
      'expectedVersion:min',
    ]);
  });
});

describe('GetAgencyQuery', () => {
  it('takes exactly one of id and acronym', () => {
    expect(failures(GetAgencyQuery, { acronym: 'ITU' })).toEqual([]);
    expect(failures(GetAgencyQuery, { id: '8701ed84-7301-4120-92fa-8ed57fb1c238' })).toEqual([]);
    expect(failures(GetAgencyQuery, {})).toContain('id:isExactlyOneOf');
    expect(
      failures(GetAgencyQuery, { id: '8701ed84-7301-4120-92fa-8ed57fb1c238', acronym: 'ITU' }),
    ).toContain('id:isExactlyOneOf');
  });
});

describe('ListAgenciesQuery', () => {
  it('names nested filter fields by their path', () => {
    expect(failures(ListAgenciesQuery, { filter: { kind: 'NGO', search: '' } })).toEqual([
      'filter.kind:isEnum',
      'filter.search:isLength',
    ]);
  });

  it('bounds the page size', () => {
    expect(failures(ListAgenciesQuery, { first: 0 })).toEqual(['first:min']);
    expect(failures(ListAgenciesQuery, { first: 101 })).toEqual(['first:max']);
  });
});
