import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { IDENTITY_SERVICE } from './identity.definition.js';

await runServiceMigrations(IDENTITY_SERVICE);
