import 'reflect-metadata';
import { runService } from '#libs/service';
import { AGENCIES_SERVICE } from './agencies.definition.js';

await runService(AGENCIES_SERVICE);
