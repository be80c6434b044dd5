import { randomUUID } from 'node:crypto';

export type CallerKind = 'anonymous' | 'user' | 'integration' | 'system';

/**
 * admin: everything. convener: trainings and materials of their work streams.
 * officer: their agency and its people. integration: read-only, its granted event types.
 */
export type Role = 'admin' | 'convener' | 'officer' | 'integration';
export const ROLES: readonly Role[] = ['admin', 'convener', 'officer', 'integration'];

/** Who is calling. The gateway sets it from the verified token; services decide what it may do. */
export interface Caller {
  kind: CallerKind;
  id: string;
  roles: Role[];
  /** Work streams a convener convenes. */
  workStreamIds?: string[];
  /** The agency an officer belongs to. */
  agencyId?: string;
  /** Domain event types an integration was granted. */
  eventTypes?: string[];
}

/** What travels with every request besides its payload. */
export interface CallContext {
  caller: Caller;
  correlationId: string;
}

export const ANONYMOUS_CALLER: Caller = { kind: 'anonymous', id: 'anonymous', roles: [] };
/** For work the system does on its own behalf: migrations, demo data. */
export const SYSTEM_CALLER: Caller = { kind: 'system', id: 'system', roles: ['admin'] };

export const CALLER_HEADER = 'Convene-Caller';
export const CORRELATION_ID_HEADER = 'Convene-Correlation-Id';

export function newCallContext(caller: Caller = ANONYMOUS_CALLER): CallContext {
  return { caller, correlationId: randomUUID() };
}

export function encodeCaller(caller: Caller): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

/** A missing or unreadable caller header is an anonymous caller, never an error that lets it through. */
export function decodeCaller(header: string | undefined): Caller {
  if (!header) return ANONYMOUS_CALLER;
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (isCaller(value)) return value;
  } catch {
    // fall through
  }
  return ANONYMOUS_CALLER;
}

function isCaller(value: unknown): value is Caller {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id, roles, workStreamIds, agencyId, eventTypes } = value as Record<string, unknown>;
  return (
    ['anonymous', 'user', 'integration', 'system'].includes(kind as string) &&
    typeof id === 'string' &&
    Array.isArray(roles) &&
    roles.every((role) => ROLES.includes(role as Role)) &&
    isOptionalStringList(workStreamIds) &&
    (agencyId === undefined || typeof agencyId === 'string') &&
    isOptionalStringList(eventTypes)
  );
}

function isOptionalStringList(value: unknown): boolean {
  return (
    value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}
