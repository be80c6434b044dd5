import { mintDevToken, type DevTokenOptions } from '#libs/auth';

/** The secrets every test stack uses; the apps under test and the test's own clients share them. */
export const TEST_CALLER_SIGNING_SECRET = 'test-caller-signing-secret-0123456789abcdef';
export const TEST_JWT_SECRET = 'test-jwt-hs256-secret-0123456789abcdef-0123';
export const TEST_JWT_ISSUER = 'convene-test';
export const TEST_JWT_AUDIENCE = 'convene';

/** A bearer token the test stack's gateway accepts. */
export function testToken(
  claims: Omit<DevTokenOptions, 'secret' | 'issuer' | 'audience' | 'subject'> &
    Partial<Pick<DevTokenOptions, 'secret' | 'issuer' | 'audience' | 'subject'>>,
): Promise<string> {
  return mintDevToken({
    secret: TEST_JWT_SECRET,
    issuer: TEST_JWT_ISSUER,
    audience: TEST_JWT_AUDIENCE,
    subject: `test-${claims.roles.join('-') || 'nobody'}`,
    ...claims,
  });
}
