import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#libs/contracts';
import {
  ANONYMOUS_CALLER,
  newCallContext,
  RpcError,
  SYSTEM_CALLER,
  type Caller,
} from '#libs/messaging';
import { assertCan, can, draftWorkStreamsOf } from './policy.js';

const admin: Caller = { kind: 'user', id: 'root', roles: ['admin'] };
const convener: Caller = { kind: 'user', id: 'c', roles: ['convener'], workStreamIds: ['ws-6'] };
const officer: Caller = { kind: 'user', id: 'o', roles: ['officer'], agencyId: 'unido' };
const integration: Caller = {
  kind: 'integration',
  id: 'apikey:1',
  roles: ['integration'],
  eventTypes: ['convene.events.training.scheduled'],
};

function refusal(
  caller: Caller,
  ...args: Parameters<typeof can> extends [Caller, ...infer R] ? R : never
) {
  try {
    assertCan(newCallContext(caller), ...args);
  } catch (error) {
    if (error instanceof RpcError) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('the authorization policy', () => {
  it('lets admins and the system do everything', () => {
    for (const caller of [admin, SYSTEM_CALLER]) {
      expect(can(caller, 'manage-agencies')).toBe(true);
      expect(can(caller, 'manage-training', { workStreamId: 'any' })).toBe(true);
      expect(can(caller, 'manage-api-keys')).toBe(true);
    }
  });

  it('lets a convener manage trainings and materials of their own work streams only', () => {
    expect(can(convener, 'manage-training', { workStreamId: 'ws-6' })).toBe(true);
    expect(can(convener, 'manage-material', { workStreamId: 'ws-6' })).toBe(true);
    expect(can(convener, 'manage-training', { workStreamId: 'ws-7' })).toBe(false);
    expect(can(convener, 'manage-material', { workStreamId: null })).toBe(false);
    expect(can(convener, 'manage-work-streams')).toBe(false);
  });

  it('lets an officer edit their own agency only', () => {
    expect(can(officer, 'edit-agency', { agencyId: 'unido' })).toBe(true);
    expect(can(officer, 'edit-agency', { agencyId: 'itu' })).toBe(false);
    expect(can(officer, 'manage-agencies')).toBe(false);
  });

  it('keeps integrations read-only even with a role claimed besides', () => {
    expect(can({ ...integration, roles: ['integration', 'admin'] }, 'manage-agencies')).toBe(false);
    expect(refusal(integration, 'manage-training', { workStreamId: 'ws-6' })).toEqual({
      code: ErrorCode.Forbidden,
      message: 'Forbidden: integrations are read-only',
    });
  });

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to others', () => {
    expect(refusal(ANONYMOUS_CALLER, 'manage-training', { workStreamId: 'ws-6' })?.code).toBe(
      ErrorCode.Unauthenticated,
    );
    expect(refusal(convener, 'manage-training', { workStreamId: 'ws-7' })).toEqual({
      code: ErrorCode.Forbidden,
      message: "Forbidden: you may not change this work stream's trainings",
    });
    expect(refusal(convener, 'manage-training', { workStreamId: 'ws-6' })).toBeUndefined();
  });

  it('shows drafts to admins and to the conveners of their work stream', () => {
    expect(draftWorkStreamsOf(admin)).toBe('all');
    expect(draftWorkStreamsOf(convener)).toEqual(['ws-6']);
    expect(draftWorkStreamsOf(officer)).toEqual([]);
    expect(draftWorkStreamsOf(integration)).toEqual([]);
    expect(draftWorkStreamsOf(ANONYMOUS_CALLER)).toEqual([]);
  });
});
