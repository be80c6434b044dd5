import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { AGENCIES_SERVICE } from './agencies.definition.js';

await runServiceMigrations(AGENCIES_SERVICE);
