/**
 * Cursors are opaque to clients: base64url of the JSON key of the last row seen.
 * A service orders a list by a unique key and reads "after" that key (keyset pagination).
 */
export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The decoded key, or undefined when the text is not a cursor this system issued. */
export function decodeCursor(cursor: string): CursorKey | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const isKey =
      Array.isArray(key) &&
      key.length > 0 &&
      key.every((part) => typeof part === 'string' || typeof part === 'number');
    return isKey ? (key as CursorKey) : undefined;
  } catch {
    return undefined;
  }
}
