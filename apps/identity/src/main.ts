import 'reflect-metadata';
import { runService } from '#libs/service';
import { IDENTITY_SERVICE } from './identity.definition.js';

await runService(IDENTITY_SERVICE);
