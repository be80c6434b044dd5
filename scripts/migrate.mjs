// `npm run migrate`: applies every service's pending migrations (after `npm run build`).
import { longRunningApps, runToCompletion } from './apps.mjs';
import { devSecrets } from './dev-secrets.mjs';

// Services read their whole configuration, the caller signing secret included, before migrating.
const env = { ...process.env, ...devSecrets() };
for (const service of longRunningApps().filter((name) => name !== 'gateway')) {
  await runToCompletion(service, 'migrate', env);
}
