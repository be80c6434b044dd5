import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS_CALLER, decodeCaller, encodeCaller, type Caller } from './call-context.js';

describe('the caller header', () => {
  it('carries the caller from gateway to service', () => {
    const caller: Caller = { kind: 'user', id: 'user-1', roles: ['convener'] };
    expect(decodeCaller(encodeCaller(caller))).toEqual(caller);
  });

  it.each([
    undefined,
    '',
    'garbage',
    Buffer.from('{"kind":"root","id":"x","roles":[]}').toString('base64url'),
  ])('falls back to anonymous, never to more rights, for %p', (header) => {
    expect(decodeCaller(header)).toEqual(ANONYMOUS_CALLER);
  });
});
