import { ErrorCode } from '#libs/contracts';
import { RpcError, type CallContext, type Caller } from '#libs/messaging';

/**
 * What a write needs. Who holds it:
 * - manage-agencies (create, archive an agency), manage-work-streams (create, update a work
 *   stream), manage-api-keys, manage-webhooks: admins.
 * - edit-agency (update an agency, add/update/remove its people): admins and that agency's officers.
 * - manage-training (trainings, series, sessions, assignments, registrations, attendance,
 *   feedback): admins and conveners of the training's work stream.
 * - manage-material (knowledge resources): admins and conveners of the resource's work stream;
 *   a resource of no work stream: admins only.
 * Integrations are read-only; anonymous callers only read public data.
 */
export type Permission =
  | 'manage-agencies'
  | 'edit-agency'
  | 'manage-work-streams'
  | 'manage-training'
  | 'manage-material'
  | 'manage-api-keys'
  | 'manage-webhooks';

/** The facts a permission depends on, read by the service that owns them. */
export interface PermissionScope {
  workStreamId?: string | null;
  agencyId?: string | null;
}

const WHAT: Record<Permission, string> = {
  'manage-agencies': 'create or archive agencies',
  'edit-agency': 'change this agency or its people',
  'manage-work-streams': 'create or change work streams',
  'manage-training': "change this work stream's trainings",
  'manage-material': "change this work stream's materials",
  'manage-api-keys': 'manage API keys',
  'manage-webhooks': 'manage webhooks',
};

export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes('admin');
}

export function convenes(caller: Caller, workStreamId: string | null | undefined): boolean {
  return (
    !!workStreamId &&
    caller.roles.includes('convener') &&
    (caller.workStreamIds ?? []).includes(workStreamId)
  );
}

/** Whether the caller holds the permission for this scope. */
export function can(caller: Caller, permission: Permission, scope: PermissionScope = {}): boolean {
  if (caller.kind === 'anonymous' || caller.kind === 'integration') return false;
  if (isAdmin(caller)) return true;
  switch (permission) {
    case 'edit-agency':
      return (
        !!scope.agencyId && caller.roles.includes('officer') && caller.agencyId === scope.agencyId
      );
    case 'manage-training':
    case 'manage-material':
      return convenes(caller, scope.workStreamId);
    case 'manage-agencies':
    case 'manage-work-streams':
    case 'manage-api-keys':
    case 'manage-webhooks':
      return false;
    default:
      return assertUnreachable(permission);
  }
}

/**
 * The one authorization check of every write handler: UNAUTHENTICATED for an anonymous
 * caller, FORBIDDEN for a caller without the permission for this scope.
 */
export function assertCan(
  call: CallContext,
  permission: Permission,
  scope: PermissionScope = {},
): void {
  if (can(call.caller, permission, scope)) return;
  if (call.caller.kind === 'anonymous') {
    throw new RpcError(ErrorCode.Unauthenticated, `Sign in to ${WHAT[permission]}`);
  }
  const reason =
    call.caller.kind === 'integration'
      ? 'integrations are read-only'
      : `you may not ${WHAT[permission]}`;
  throw new RpcError(ErrorCode.Forbidden, `Forbidden: ${reason}`);
}

/** Work streams whose draft trainings the caller may see: all for admins, their own for conveners. */
export function draftWorkStreamsOf(caller: Caller): 'all' | string[] {
  if (caller.kind === 'anonymous' || caller.kind === 'integration') return [];
  if (isAdmin(caller)) return 'all';
  return caller.roles.includes('convener') ? (caller.workStreamIds ?? []) : [];
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled permission ${String(value)}`);
}
