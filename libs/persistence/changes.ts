import { RpcError } from '#libs/messaging';

/**
 * Copies the defined values of `changes` onto `target` and names the fields that really
 * changed. `undefined` means "leave as is"; `null` clears a nullable field.
 */
export function applyChanges<T extends object>(
  target: T,
  changes: Partial<T>,
): (keyof T & string)[] {
  const changed: (keyof T & string)[] = [];
  for (const field of Object.keys(changes) as (keyof T & string)[]) {
    const value = changes[field];
    if (value === undefined || isSame(target[field], value)) continue;
    target[field] = value as T[keyof T & string];
    changed.push(field);
  }
  return changed;
}

/** Optimistic concurrency: a write based on an old version is refused, never applied silently. */
export function assertVersion(
  what: string,
  current: { id: string; version: number },
  expectedVersion: number | undefined,
): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw RpcError.conflict(
      `${what} ${current.id} has changed since version ${expectedVersion} (now ${current.version}); reload and try again`,
    );
  }
}

/** Equal values, or arrays with equal items in the same order. */
function isSame(current: unknown, next: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(next)) {
    return current.length === next.length && current.every((item, index) => item === next[index]);
  }
  return current === next;
}
