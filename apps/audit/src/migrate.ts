import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { AUDIT_SERVICE } from './audit.definition.js';

await runServiceMigrations(AUDIT_SERVICE);
