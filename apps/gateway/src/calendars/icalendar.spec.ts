import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import {
  escapeText,
  foldLine,
  formatUtc,
  serializeCalendar,
  type CalendarEvent,
} from './icalendar.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

/** Undoes folding the way a reader does (RFC 5545 §3.1): CRLF followed by one space. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

const EVENT: CalendarEvent = {
  uid: 'a1b2@convene',
  stamp: new Date('2026-11-29T05:00:00.123Z'),
  start: new Date('2020-11-17T13:00:00Z'),
  end: new Date('2020-11-17T15:30:00Z'),
  sequence: 3,
  status: 'CONFIRMED',
  summary: 'STI roadmaps, part 1; policy, practice \\ theory',
  description: 'Line one\nLine two, with a comma; and a semicolon',
  location: 'Vienna International Centre, Room C; Building M',
  url: 'https://example.org/join?a=1,2;b=3',
  categories: ['Technology transfer', 'Roadmaps, STI'],
};

describe('escapeText', () => {
  it('escapes backslashes first, then semicolons, commas and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves colons and quotes alone (they need no escaping in a TEXT value)', () => {
    expect(escapeText('time: "now"')).toBe('time: "now"');
  });
});

describe('formatUtc', () => {
  it('writes form #2 (UTC) without milliseconds', () => {
    expect(formatUtc(new Date('2020-11-17T13:05:09.999Z'))).toBe('20201117T130509Z');
  });

  it('refuses an invalid date rather than writing NaN', () => {
    expect(() => formatUtc(new Date('nope'))).toThrow(RangeError);
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets whole', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds a long ASCII line into lines of at most 75 octets, each continuation starting with a space', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(Math.ceil((octets(line) - 75) / 74) + 1);
    expect(physical[0]).toHaveLength(75);
    for (const continuation of physical.slice(1)) {
      expect(continuation.startsWith(' ')).toBe(true);
      expect(octets(continuation)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('never cuts a multi-octet UTF-8 character, so every physical line is valid UTF-8', () => {
    const line = `SUMMARY:${'Ça coûte 5 € — 日本語 🙂 '.repeat(8)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      const bytes = Buffer.from(physical, 'utf8');
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(physical);
    }
    expect(unfold(folded)).toBe(line);
    // A fold that had to stop short of 75 octets shows the characters were kept whole.
    expect(folded.split('\r\n').some((physical) => octets(physical) < 74)).toBe(true);
  });
});

describe('serializeCalendar', () => {
  const text = serializeCalendar({
    productId: '-//UN IATT//Convene//EN',
    name: 'Work Stream 6, trainings',
    events: [EVENT, { ...EVENT, uid: 'c3d4@convene', status: 'CANCELLED', description: null }],
  });

  it('ends every line with CRLF and no physical line is longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('writes the escaped values a reader expects', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain('SUMMARY:STI roadmaps\\, part 1\\; policy\\, practice \\\\ theory');
    expect(lines).toContain('CATEGORIES:Technology transfer,Roadmaps\\, STI');
    expect(lines).toContain('URL:https://example.org/join?a=1,2;b=3');
    expect(lines).toContain('DTSTART:20201117T130000Z');
    expect(lines).toContain('DTSTAMP:20261129T050000Z');
  });

  it('reads back through ical.js with the same values, times in UTC', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [confirmed, cancelled] = calendar.getAllSubcomponents('vevent');
    if (!confirmed || !cancelled) throw new Error('two VEVENTs expected');
    const event = new ICAL.Event(confirmed);
    expect(event.uid).toBe('a1b2@convene');
    expect(event.summary).toBe(EVENT.summary);
    expect(event.description).toBe(EVENT.description);
    expect(event.location).toBe(EVENT.location);
    expect(event.sequence).toBe(3);
    expect(event.startDate.toJSDate().toISOString()).toBe('2020-11-17T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2020-11-17T15:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(confirmed.getFirstPropertyValue('url')).toBe(EVENT.url);
    expect(confirmed.getFirstProperty('categories')?.getValues()).toEqual([
      'Technology transfer',
      'Roadmaps, STI',
    ]);
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstPropertyValue('description')).toBeNull();
  });
});
