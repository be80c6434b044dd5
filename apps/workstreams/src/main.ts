import 'reflect-metadata';
import { runService } from '#libs/service';
import { WORKSTREAMS_SERVICE } from './workstreams.definition.js';

await runService(WORKSTREAMS_SERVICE);
