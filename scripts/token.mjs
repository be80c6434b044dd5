// `npm run token -- --role convener --work-stream <id> [--sub alice] [--ttl 1h]`: prints a
// development bearer token (HS256, the secret `npm start` uses). See README "Roles, tokens and
// API keys".
import { parseArgs } from 'node:util';
import { DEV_AUDIENCE, DEV_ISSUER, devSecrets } from './dev-secrets.mjs';

const ROLES = ['admin', 'convener', 'officer', 'integration'];
const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--role …]
  [--work-stream <id> …]   work streams a convener convenes
  [--agency <id>]          the agency of an officer
  [--event-type <type> …]  event types granted to an integration
  [--sub <subject>]        who the token is for (default: dev-<role>)
  [--ttl <span>]           lifetime such as 30m, 1h, 7d (default 1h)`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      'work-stream': { type: 'string', multiple: true },
      agency: { type: 'string' },
      'event-type': { type: 'string', multiple: true },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  process.stderr.write(`${error.message}\n${USAGE}\n`);
  process.exit(2);
}
const roles = values.role ?? [];
if (values.help || roles.length === 0 || roles.some((role) => !ROLES.includes(role))) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}
if (roles.includes('convener') && !values['work-stream']?.length) {
  process.stderr.write('a convener needs --work-stream <id> (the work streams they convene)\n');
  process.exit(2);
}
if (roles.includes('officer') && !values.agency) {
  process.stderr.write('an officer needs --agency <id>\n');
  process.exit(2);
}

await import('reflect-metadata'); // the contracts' decorators, loaded through libs/auth, need it
const { mintDevToken } = await import('../dist/libs/auth/index.js');
const token = await mintDevToken({
  secret: devSecrets().AUTH_JWT_SECRET,
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  subject: values.sub ?? `dev-${roles.join('-')}`,
  roles,
  workStreamIds: values['work-stream'],
  agencyId: values.agency,
  eventTypes: values['event-type'],
  expiresIn: values.ttl,
});
process.stdout.write(`${token}\n`);
