/**
 * A small RFC 5545 writer: just what a published feed of timed events needs. Every time is
 * written in UTC (`…Z`), so no VTIMEZONE is needed; text values are escaped, content lines are
 * folded at 75 octets without splitting a UTF-8 character, and lines end with CRLF.
 */

export type CalendarEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface CalendarEvent {
  /** Globally unique and stable across fetches: a client updates the event it already has. */
  uid: string;
  /** DTSTAMP: when this revision of the event was written. */
  stamp: Date;
  start: Date;
  end: Date;
  /** Rises whenever the event changes, so a client knows its copy is stale. */
  sequence: number;
  status: CalendarEventStatus;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: readonly string[];
  lastModified?: Date | null;
}

export interface Calendar {
  /** PRODID: who wrote the calendar, e.g. `-//UN IATT//Convene//EN`. */
  productId: string;
  /** Display name most clients show for a subscribed feed (X-WR-CALNAME). */
  name: string;
  events: readonly CalendarEvent[];
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

export function serializeCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', escapeText(calendar.productId)),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    contentLine('X-WR-CALNAME', escapeText(calendar.name)),
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    contentLine('UID', escapeText(event.uid)),
    contentLine('DTSTAMP', formatUtc(event.stamp)),
    contentLine('DTSTART', formatUtc(event.start)),
    contentLine('DTEND', formatUtc(event.end)),
    contentLine('SEQUENCE', String(event.sequence)),
    contentLine('STATUS', event.status),
    contentLine('SUMMARY', escapeText(event.summary)),
  ];
  if (event.description) lines.push(contentLine('DESCRIPTION', escapeText(event.description)));
  if (event.location) lines.push(contentLine('LOCATION', escapeText(event.location)));
  // URL is a URI value, not TEXT: it is written as it is (a URI has no CR or LF to escape).
  if (event.url) lines.push(contentLine('URL', event.url));
  if (event.categories?.length) {
    lines.push(contentLine('CATEGORIES', event.categories.map(escapeText).join(',')));
  }
  if (event.lastModified) lines.push(contentLine('LAST-MODIFIED', formatUtc(event.lastModified)));
  lines.push('END:VEVENT');
  return lines;
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** DATE-TIME in UTC, form #2 of RFC 5545 §3.3.5: 19980119T070000Z. */
export function formatUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function contentLine(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines
 * start with one space, and a multi-octet UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  // The leading space of a continuation line counts towards its 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const octets = Buffer.byteLength(character, 'utf8');
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
