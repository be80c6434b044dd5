import 'reflect-metadata';
import { runService } from '#libs/service';
import { AUDIT_SERVICE } from './audit.definition.js';

await runService(AUDIT_SERVICE);
