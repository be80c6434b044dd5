import { AgencyRpc, EventsRpc, TrainingStatus, type WorkStreamDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import {
  FOLLOW_UP,
  PILOT_SERIES,
  PILOT_TRAINING_DETAILS,
  PILOT_TRAININGS,
  pilotParticipants,
  SUGGESTED_TOPICS,
} from './demo-data/pilot-series.js';
import { agencyIdLookup } from './lookups.js';

/**
 * Runs the 2020 pilot series through the events service as its conveners did: trainings
 * created, staffed and scheduled, participants registered, sessions attended, trainings
 * completed, feedback given; then the in-person follow-up. Skipped when it is already there.
 */
export async function seedPilotSeries(
  rpc: RpcClient,
  call: CallContext,
  workStream: WorkStreamDto,
  agencyIds: Map<string, string>,
): Promise<{ created: boolean }> {
  const existing = await rpc.request(
    EventsRpc.listTrainings,
    { filter: { workStreamId: workStream.id }, first: 100 },
    call,
  );
  if (existing.edges.some((edge) => edge.node.title === PILOT_TRAININGS[0]?.title))
    return { created: false };

  const agencyId = agencyIdLookup(agencyIds);
  const people = (
    await rpc.request(AgencyRpc.peopleByAgencyIds, { agencyIds: [...agencyIds.values()] }, call)
  ).flat();
  const personId = (name: string) => people.find((person) => person.name === name)?.id;

  const series = await rpc.request(
    EventsRpc.createSeries,
    { workStreamId: workStream.id, ...PILOT_SERIES },
    call,
  );
  const transition = (id: string, status: TrainingStatus) =>
    rpc.request(EventsRpc.transitionTraining, { id, status }, call);

  const trainings: { id: string; sessionId: string }[] = [];
  for (const demo of PILOT_TRAININGS) {
    const { timeZone, ...details } = PILOT_TRAINING_DETAILS;
    const training = await rpc.request(
      EventsRpc.createTraining,
      { workStreamId: workStream.id, seriesId: series.id, title: demo.title, ...details },
      call,
    );
    const session = await rpc.request(
      EventsRpc.addSession,
      { trainingId: training.id, startsAt: demo.startsAt, endsAt: demo.endsAt, timeZone },
      call,
    );
    for (const assignment of demo.assignments) {
      const person = assignment.person ? personId(assignment.person) : undefined;
      await rpc.request(
        EventsRpc.assign,
        {
          trainingId: training.id,
          agencyId: agencyId(assignment.acronym),
          personId: person,
          role: assignment.role,
        },
        call,
      );
    }
    await transition(training.id, TrainingStatus.SCHEDULED);
    trainings.push({ id: training.id, sessionId: session.id });
  }

  const registrations = new Map<string, string[]>(trainings.map((training) => [training.id, []]));
  for (const { trainings: indices, ...participant } of pilotParticipants()) {
    for (const index of indices) {
      const training = trainings[index];
      if (!training) continue;
      const registration = await rpc.request(
        EventsRpc.register,
        { trainingId: training.id, ...participant },
        call,
      );
      registrations.get(training.id)?.push(registration.id);
    }
  }

  for (const [position, training] of trainings.entries()) {
    await transition(training.id, TrainingStatus.IN_PROGRESS);
    const registered = registrations.get(training.id) ?? [];
    // Most registered participants attended; every seventh did not.
    for (const registrationId of registered.filter((_id, index) => index % 7 !== 6)) {
      await rpc.request(
        EventsRpc.recordAttendance,
        { registrationId, sessionId: training.sessionId, attended: true },
        call,
      );
    }
    await transition(training.id, TrainingStatus.COMPLETED);
    for (let response = 0; response < 12; response += 1) {
      const topics = [
        SUGGESTED_TOPICS[(response + position) % 8],
        SUGGESTED_TOPICS[(response * 3 + 1) % 8],
      ];
      await rpc.request(
        EventsRpc.submitFeedback,
        {
          trainingId: training.id,
          registrationId: registered[response],
          rating: response % 4 === 3 ? 4 : 5,
          suggestedTopics: [
            ...new Set(topics.filter((topic): topic is string => topic !== undefined)),
          ],
        },
        call,
      );
    }
  }

  await rpc.request(
    EventsRpc.createTraining,
    { workStreamId: workStream.id, followsId: trainings.at(-1)?.id, ...FOLLOW_UP },
    call,
  );
  return { created: true };
}
