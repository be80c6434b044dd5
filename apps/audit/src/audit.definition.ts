import type { ServiceDefinition } from '#libs/service';
import { AuditLogController } from './audit-log/audit-log.controller.js';
import { AuditLogRepository } from './audit-log/audit-log.repository.js';
import { AuditRecorder } from './audit-log/audit-recorder.js';
import { CreateAuditLog1764420000000 } from './database/migrations/1764420000000-create-audit-log.js';

/** The audit log: one entry per domain event, who did what to which object and when; admins read it. */
export const AUDIT_SERVICE: ServiceDefinition = {
  name: 'audit',
  defaultHttpPort: 4007,
  entities: [],
  migrations: [CreateAuditLog1764420000000],
  controllers: [AuditLogController],
  providers: [AuditLogRepository, AuditRecorder],
};
