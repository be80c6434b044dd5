import type { FeedbackDto, RegistrationDto } from '#libs/contracts';
import type { Caller } from '#libs/messaging';

/**
 * Participants are real people: their names, organizations, emails and feedback comments are
 * answered only to admins (the system included) and to conveners of the training's work
 * stream. Everyone else, integrations included, gets the same lists without them, and the
 * aggregates (reach, countries, attendance) in full. Enforced here, so a request that does not
 * come through the gateway gets no more than one that does.
 */
export function maySeeParticipants(caller: Caller, trainingWorkStreamId: string): boolean {
  if (caller.roles.includes('admin')) return true;
  return (
    caller.roles.includes('convener') && (caller.workStreamIds ?? []).includes(trainingWorkStreamId)
  );
}

/** The registration as `caller` may see it. */
export function registrationFor(
  caller: Caller,
  trainingWorkStreamId: string,
  registration: RegistrationDto,
): RegistrationDto {
  if (maySeeParticipants(caller, trainingWorkStreamId)) return registration;
  return {
    ...registration,
    name: null,
    organization: null,
    email: null,
    personalDataWithheld: true,
  };
}

/** The feedback as `caller` may see it: the comment is the participant's own words. */
export function feedbackFor(
  caller: Caller,
  trainingWorkStreamId: string,
  feedback: FeedbackDto,
): FeedbackDto {
  if (maySeeParticipants(caller, trainingWorkStreamId)) return feedback;
  return { ...feedback, comment: null };
}
