import { SignJWT } from 'jose';
import type { Role } from '#libs/messaging';
import { CLAIMS } from './token-verifier.js';

export interface DevTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  roles: Role[];
  workStreamIds?: string[];
  agencyId?: string;
  eventTypes?: string[];
  /** jose time span: `1h`, `30m`, `7d`. */
  expiresIn?: string;
}

/** An HS256 token as a local identity provider would issue it: for `npm run token` and tests. */
export function mintDevToken(options: DevTokenOptions): Promise<string> {
  return new SignJWT({
    [CLAIMS.roles]: options.roles,
    ...(options.workStreamIds?.length && { [CLAIMS.workStreamIds]: options.workStreamIds }),
    ...(options.agencyId && { [CLAIMS.agencyId]: options.agencyId }),
    ...(options.eventTypes?.length && { [CLAIMS.eventTypes]: options.eventTypes }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret));
}
