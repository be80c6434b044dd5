import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS_CALLER, encodeCaller, type Caller } from './call-context.js';
import { CallerSignature } from './caller-signature.js';

const signature = new CallerSignature('the-shared-caller-signing-secret-0123456789');
const convener: Caller = {
  kind: 'user',
  id: 'alice',
  roles: ['convener'],
  workStreamIds: ['ws-6'],
};
const request = { subject: 'rpc.events.training.create', correlationId: 'corr-1' };
const now = 1_800_000_000;

describe('the signed caller header', () => {
  it('carries the caller to the service that holds the same secret', () => {
    expect(signature.verify(signature.sign(convener, request, now), request, now)).toEqual(
      convener,
    );
  });

  it('is anonymous when it was signed with another secret', () => {
    const forger = new CallerSignature('another-secret-that-is-long-enough-000000');
    expect(signature.verify(forger.sign(convener, request, now), request, now)).toEqual(
      ANONYMOUS_CALLER,
    );
  });

  it('is anonymous when the caller was changed after signing', () => {
    const [version, , expires, mac] = signature.sign(convener, request, now).split('.');
    const admin = encodeCaller({ kind: 'user', id: 'alice', roles: ['admin'] });
    expect(signature.verify([version, admin, expires, mac].join('.'), request, now)).toEqual(
      ANONYMOUS_CALLER,
    );
  });

  it('is anonymous on another subject or request (a header cannot be replayed elsewhere)', () => {
    const header = signature.sign(convener, request, now);
    expect(
      signature.verify(header, { ...request, subject: 'rpc.agencies.agency.archive' }, now),
    ).toEqual(ANONYMOUS_CALLER);
    expect(signature.verify(header, { ...request, correlationId: 'corr-2' }, now)).toEqual(
      ANONYMOUS_CALLER,
    );
  });

  it('is anonymous once expired', () => {
    const header = signature.sign(convener, request, now);
    expect(signature.verify(header, request, now + 59)).toEqual(convener);
    expect(signature.verify(header, request, now + 61)).toEqual(ANONYMOUS_CALLER);
  });

  it.each([undefined, '', 'garbage', encodeCaller(convener), 'v1.a.b.c.d'])(
    'is anonymous for an unsigned or malformed header %p',
    (header) => {
      expect(signature.verify(header, request, now)).toEqual(ANONYMOUS_CALLER);
    },
  );

  it('refuses a short secret', () => {
    expect(() => new CallerSignature('short')).toThrow(/at least 32 characters/);
  });
});
