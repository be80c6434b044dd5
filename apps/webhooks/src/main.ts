import 'reflect-metadata';
import { runService } from '#libs/service';
import { WEBHOOKS_SERVICE } from './webhooks.definition.js';

await runService(WEBHOOKS_SERVICE);
