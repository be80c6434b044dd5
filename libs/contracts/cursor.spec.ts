import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursors', () => {
  it('round-trip a keyset key', () => {
    const key = ['unido', '8701ed84-7301-4120-92fa-8ed57fb1c238'];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
    Buffer.from('[{}]').toString('base64url'),
  ])('reject text this API did not issue: %p', (text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
