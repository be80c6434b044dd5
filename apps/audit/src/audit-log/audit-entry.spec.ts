import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { TrainingEvents, type CloudEvent } from '#libs/contracts';
import { auditEntryOf } from './audit-entry.js';

const trainingId = randomUUID();
const event = (overrides: Partial<CloudEvent<Record<string, unknown>>>) =>
  ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/convene/events',
    type: TrainingEvents.attendanceRecorded,
    subject: trainingId,
    time: '2030-11-10T14:00:00.000Z',
    datacontenttype: 'application/json',
    data: {},
    conveneactor: 'convener-6',
    convenecorrelationid: 'request-1',
    ...overrides,
  }) as CloudEvent<Record<string, unknown>>;

describe('an audit entry of a domain event', () => {
  it('names the part of the object changed, by its id or by <entity>Id', () => {
    const attendance = event({
      data: { attendance: { registrationId: 'r-1', sessionId: 's-1', attended: true } },
    });
    expect(auditEntryOf(attendance)).toEqual({
      eventId: attendance.id,
      occurredAt: '2030-11-10T14:00:00.000Z',
      actor: 'convener-6',
      type: TrainingEvents.attendanceRecorded,
      service: 'events',
      entity: 'registration',
      action: 'attendance',
      objectId: trainingId,
      entityId: 'r-1',
      correlationId: 'request-1',
    });
    const registration = event({
      type: TrainingEvents.participantRegistered,
      data: { registration: { id: 'r-2', trainingId, country: 'KE' } },
    });
    expect(auditEntryOf(registration)?.entityId).toBe('r-2');
  });

  it('has no entity id when the entity is the object itself', () => {
    const created = event({
      type: TrainingEvents.trainingCreated,
      data: { training: { id: trainingId } },
    });
    expect(auditEntryOf(created)?.entityId).toBeNull();
  });

  it('is none for a message that is not a domain event', () => {
    expect(auditEntryOf(event({ id: 'not-a-uuid' }))).toBeUndefined();
    expect(auditEntryOf(event({ time: 'yesterday' }))).toBeUndefined();
    expect(auditEntryOf(event({ type: 'something.else' as never }))).toBeUndefined();
    expect(auditEntryOf(event({ subject: '' }))).toBeUndefined();
  });
});
