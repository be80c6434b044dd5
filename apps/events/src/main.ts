import 'reflect-metadata';
import { runService } from '#libs/service';
import { EVENTS_SERVICE } from './events.definition.js';

await runService(EVENTS_SERVICE);
