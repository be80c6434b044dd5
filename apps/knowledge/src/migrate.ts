import 'reflect-metadata';
import { runServiceMigrations } from '#libs/service';
import { KNOWLEDGE_SERVICE } from './knowledge.definition.js';

await runServiceMigrations(KNOWLEDGE_SERVICE);
