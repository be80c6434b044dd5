// Local secrets for `npm start`, `npm run migrate` and `npm run token`: generated once into
// .data/dev-secrets.json (git-ignored, readable by this user only) and reused, so a token
// minted today still works after a restart. Environment variables of the same names win.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../.data/dev-secrets.json', import.meta.url).pathname;

/** The issuer and audience of local tokens; the gateway's defaults. */
export const DEV_ISSUER = process.env.AUTH_ISSUER ?? 'convene-dev';
export const DEV_AUDIENCE = process.env.AUTH_AUDIENCE ?? 'convene';

export function devSecrets() {
  let stored;
  if (existsSync(FILE)) {
    stored = JSON.parse(readFileSync(FILE, 'utf8'));
  } else {
    stored = {
      CALLER_SIGNING_SECRET: randomBytes(32).toString('hex'),
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    };
    mkdirSync(new URL('../.data/', import.meta.url).pathname, { recursive: true });
    writeFileSync(FILE, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    CALLER_SIGNING_SECRET: process.env.CALLER_SIGNING_SECRET ?? stored.CALLER_SIGNING_SECRET,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? stored.AUTH_JWT_SECRET,
  };
}
