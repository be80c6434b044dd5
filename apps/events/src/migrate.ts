import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { EVENTS_SERVICE } from './events.definition.js';

await runServiceMigrations(EVENTS_SERVICE);
