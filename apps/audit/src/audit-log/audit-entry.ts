import type { AuditEntryDto, CloudEvent } from '#libs/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^convene\.([a-z]+)\.([a-z]+)\.([a-z]+)$/;

/**
 * What the audit log keeps of a domain event: who (`conveneactor`), what (type, entity,
 * action), which object (the subject, and the changed entity's own id when it is a part of
 * that aggregate, such as a registration of a training), when, and the request it came
 * from. Not the payload: the stream keeps that, and the log needs no more to answer who did
 * what. Undefined for a message that is not a domain event of this system.
 */
export function auditEntryOf(
  event: CloudEvent<Record<string, unknown>>,
): AuditEntryDto | undefined {
  const parts = typeof event.type === 'string' ? EVENT_TYPE.exec(event.type) : null;
  const time = typeof event.time === 'string' ? new Date(event.time) : undefined;
  const valid =
    parts &&
    typeof event.id === 'string' &&
    UUID.test(event.id) &&
    time &&
    !Number.isNaN(time.getTime()) &&
    typeof event.subject === 'string' &&
    event.subject.length > 0;
  if (!valid) return undefined;
  const [, service, entity, action] = parts as unknown as [string, string, string, string];
  return {
    eventId: event.id,
    occurredAt: time.toISOString(),
    actor: typeof event.conveneactor === 'string' ? event.conveneactor : 'unknown',
    type: event.type,
    service,
    entity,
    action,
    objectId: event.subject,
    entityId: entityIdOf(event.data, entity, event.subject),
    correlationId:
      typeof event.convenecorrelationid === 'string' ? event.convenecorrelationid : 'unknown',
  };
}

/**
 * Events carry their entity under one key (`{ registration: { id, … } }`, or
 * `{ attendance: { registrationId, … } }`): its id, when that is not the subject already.
 */
function entityIdOf(data: unknown, entity: string, subject: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const value of Object.values(data)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const fields = Object.entries(value as Record<string, unknown>);
    const id =
      fields.find(([key]) => key === 'id')?.[1] ??
      fields.find(([key]) => key.toLowerCase() === `${entity}id`)?.[1];
    if (typeof id === 'string') return id === subject ? null : id;
  }
  return null;
}
