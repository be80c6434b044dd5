import 'reflect-metadata';
import { runService } from '#libs/service';
import { KNOWLEDGE_SERVICE } from './knowledge.definition.js';

await runService(KNOWLEDGE_SERVICE);
