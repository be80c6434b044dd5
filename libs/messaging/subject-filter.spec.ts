import { describe, expect, it } from '@jest/globals';
import { narrowestSubjectFilter, subjectMatches } from './subject-filter.js';

describe('narrowestSubjectFilter', () => {
  it('keeps a single subject as it is', () => {
    expect(narrowestSubjectFilter(['convene.events.training.created'], false)).toBe(
      'convene.events.training.created',
    );
  });

  it('gives an older server the common leading tokens and >', () => {
    expect(
      narrowestSubjectFilter(
        ['convene.events.training.created', 'convene.events.session.added'],
        false,
      ),
    ).toBe('convene.events.>');
    expect(
      narrowestSubjectFilter(['convene.events.>', 'convene.knowledge.resource.linked'], false),
    ).toBe('convene.>');
  });

  it('stops at a wildcard token, which covers more than its own text', () => {
    expect(narrowestSubjectFilter(['convene.*.training.created', 'convene.*.x'], false)).toBe(
      'convene.>',
    );
  });

  it('gives a server that filters on many subjects the distinct subjects', () => {
    expect(
      narrowestSubjectFilter(
        [
          'convene.events.training.created',
          'convene.knowledge.resource.linked',
          'convene.events.training.created',
        ],
        true,
      ),
    ).toEqual(['convene.events.training.created', 'convene.knowledge.resource.linked']);
  });

  it('sets no filter when nothing is asked for or nothing narrower covers it', () => {
    expect(narrowestSubjectFilter([], false)).toBeUndefined();
    expect(narrowestSubjectFilter(['a.b', 'c.d'], false)).toBeUndefined();
  });
});

describe('subjectMatches', () => {
  it('matches exact subjects and wildcards as NATS does', () => {
    expect(subjectMatches('convene.events.session.added', 'convene.events.session.added')).toBe(
      true,
    );
    expect(subjectMatches('convene.events.session.added', 'convene.events.session.removed')).toBe(
      false,
    );
    expect(subjectMatches('convene.events.>', 'convene.events.session.added')).toBe(true);
    expect(subjectMatches('convene.events.>', 'convene.events')).toBe(false);
    expect(subjectMatches('convene.*.session.added', 'convene.events.session.added')).toBe(true);
    expect(subjectMatches('convene.*', 'convene.events.session')).toBe(false);
  });
});
