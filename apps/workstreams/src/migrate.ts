import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { WORKSTREAMS_SERVICE } from './workstreams.definition.js';

await runServiceMigrations(WORKSTREAMS_SERVICE);
