import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { DateTimeScalar } from './date-time.scalar.js';

describe('DateTime', () => {
  it('serializes ISO strings from services and Dates alike, in UTC', () => {
    expect(DateTimeScalar.serialize('2020-11-10T14:00:00+01:00')).toBe('2020-11-10T13:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2020, 11, 1)))).toBe(
      '2020-12-01T00:00:00.000Z',
    );
  });

  it('accepts input only with an offset', () => {
    expect(DateTimeScalar.parseValue('2020-11-10T13:00:00Z')).toEqual(
      new Date('2020-11-10T13:00:00Z'),
    );
    expect(() => DateTimeScalar.parseValue('2020-11-10 13:00')).toThrow(/ISO 8601 with an offset/);
    expect(() => DateTimeScalar.parseValue('2020-11-10T13:00:00')).toThrow(
      /ISO 8601 with an offset/,
    );
  });
});
