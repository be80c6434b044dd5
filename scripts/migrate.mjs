// `npm run migrate`: applies every service's pending migrations (after `npm run build`).
import { longRunningApps, runToCompletion } from './apps.mjs';

for (const service of longRunningApps().filter((name) => name !== 'gateway')) {
  await runToCompletion(service, 'migrate', process.env);
}
