import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { WEBHOOKS_SERVICE } from './webhooks.definition.js';

await runServiceMigrations(WEBHOOKS_SERVICE);
