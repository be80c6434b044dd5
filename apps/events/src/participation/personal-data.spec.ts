import { describe, expect, it } from '@jest/globals';
import { ParticipantKind, type FeedbackDto, type RegistrationDto } from '#libs/contracts';
import { ANONYMOUS_CALLER, SYSTEM_CALLER, type Caller } from '#libs/messaging';
import { feedbackFor, maySeeParticipants, registrationFor } from './personal-data.js';

const WS = 'ws-6';
const registration: RegistrationDto = {
  id: 'r1',
  trainingId: 't1',
  name: 'Amina Wanjiru',
  organization: 'Ministry of ICT',
  country: 'KE',
  kind: ParticipantKind.GOVERNMENT_OFFICIAL,
  email: 'a@example.org',
  personalDataWithheld: false,
  attendedSessionIds: ['s1'],
  createdAt: '2030-01-01T00:00:00.000Z',
};
const feedback: FeedbackDto = {
  id: 'f1',
  trainingId: 't1',
  registrationId: 'r1',
  rating: 5,
  comment: 'Ask me again, Amina',
  suggestedTopics: ['Technology transfer'],
  createdAt: '2030-01-01T00:00:00.000Z',
};
const convener = (workStreamIds: string[]): Caller => ({
  kind: 'user',
  id: 'c',
  roles: ['convener'],
  workStreamIds,
});

describe('who may see participants’ personal data', () => {
  it('admins, the system and conveners of the training’s work stream', () => {
    expect(maySeeParticipants({ kind: 'user', id: 'a', roles: ['admin'] }, WS)).toBe(true);
    expect(maySeeParticipants(SYSTEM_CALLER, WS)).toBe(true);
    expect(maySeeParticipants(convener([WS, 'ws-7']), WS)).toBe(true);
  });

  it('nobody else', () => {
    expect(maySeeParticipants(convener(['ws-7']), WS)).toBe(false);
    expect(maySeeParticipants(convener([]), WS)).toBe(false);
    expect(maySeeParticipants(ANONYMOUS_CALLER, WS)).toBe(false);
    const integration: Caller = { kind: 'integration', id: 'i', roles: ['integration'] };
    expect(maySeeParticipants(integration, WS)).toBe(false);
    const officer: Caller = { kind: 'user', id: 'o', roles: ['officer'], workStreamIds: [WS] };
    expect(maySeeParticipants(officer, WS)).toBe(false);
  });

  it('withholds name, organization, email and comment, and keeps the rest', () => {
    expect(registrationFor(ANONYMOUS_CALLER, WS, registration)).toEqual({
      ...registration,
      name: null,
      organization: null,
      email: null,
      personalDataWithheld: true,
    });
    expect(feedbackFor(ANONYMOUS_CALLER, WS, feedback)).toEqual({ ...feedback, comment: null });
    expect(registrationFor(convener([WS]), WS, registration)).toBe(registration);
    expect(feedbackFor(convener([WS]), WS, feedback)).toBe(feedback);
  });
});
