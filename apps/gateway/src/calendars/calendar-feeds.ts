import { Injectable } from '@nestjs/common';
import {
  AgencyRpc,
  EventsRpc,
  MAX_PAGE_SIZE,
  WorkStreamRpc,
  type AgencyDto,
  type GetAgencyQuery,
  type GetWorkStreamQuery,
  type Page,
  type TrainingDto,
  type TrainingFilter,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcClient, RpcError, type CallContext } from '#libs/messaging';
import type { Calendar } from './icalendar.js';
import {
  isPublished,
  PUBLISHED_STATUSES,
  trainingEvents,
  type TrainingCalendarData,
} from './training-events.js';

const PRODUCT_ID = '-//UN IATT//Convene//EN';
/** How far back a feed with more trainings than it can hold still looks. */
const RECENT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Builds the public iCalendar feeds from the services. Whatever the number of trainings, a
 * feed costs at most seven NATS requests: the owner, its trainings (twice when there are more
 * than a feed holds), then sessions, assignments and work streams together, then the agencies
 * named by the assignments. A feed holds MAX_PAGE_SIZE published trainings by start: all of
 * them when there are no more, else those with a session ending in the last 30 days or later.
 * Drafts are never shown.
 */
@Injectable()
export class CalendarFeeds {
  constructor(private readonly rpc: RpcClient) {}

  async ofWorkStream(query: GetWorkStreamQuery, call: CallContext): Promise<Calendar> {
    const workStream = await this.rpc.request(WorkStreamRpc.get, query, call);
    const trainings = await this.publishedTrainings({ workStreamId: workStream.id }, call);
    return this.calendar(
      `Work stream ${workStream.number}: ${workStream.title}`,
      await this.gather(trainings, call, [workStream]),
    );
  }

  async ofAgency(query: GetAgencyQuery, call: CallContext): Promise<Calendar> {
    const agency = await this.rpc.request(AgencyRpc.get, query, call);
    const trainings = await this.publishedTrainings({ agencyId: agency.id }, call);
    return this.calendar(
      `${agency.acronym} trainings`,
      await this.gather(trainings, call, [], [agency]),
    );
  }

  async ofTraining(id: string, call: CallContext): Promise<Calendar> {
    const training = await this.rpc.request(EventsRpc.getTraining, { id }, call);
    // A draft is not public yet: to a feed reader it does not exist.
    if (!isPublished(training)) throw RpcError.notFound('Training', id);
    return this.calendar(training.title, await this.gather([training], call));
  }

  private async publishedTrainings(
    filter: TrainingFilter,
    call: CallContext,
  ): Promise<TrainingDto[]> {
    const all = await this.firstPage({ ...filter, statuses: [...PUBLISHED_STATUSES] }, call);
    if (!all.hasNextPage) return nodesOf(all);
    // More than one feed holds: keep the recent and upcoming ones, which is what a calendar is for.
    const from = new Date(Date.now() - RECENT_WINDOW_MS).toISOString();
    return nodesOf(
      await this.firstPage({ ...filter, statuses: [...PUBLISHED_STATUSES], from }, call),
    );
  }

  private firstPage(filter: TrainingFilter, call: CallContext): Promise<Page<TrainingDto>> {
    return this.rpc.request(EventsRpc.listTrainings, { first: MAX_PAGE_SIZE, filter }, call);
  }

  private async gather(
    trainings: TrainingDto[],
    call: CallContext,
    knownWorkStreams: WorkStreamDto[] = [],
    knownAgencies: AgencyDto[] = [],
  ): Promise<TrainingCalendarData> {
    const workStreams = new Map(knownWorkStreams.map((workStream) => [workStream.id, workStream]));
    const agencies = new Map(knownAgencies.map((agency) => [agency.id, agency]));
    if (trainings.length === 0) {
      return { trainings, sessions: [], assignments: [], workStreams, agencies };
    }
    const ids = trainings.map((training) => training.id);
    const missingWorkStreams = unknownIds(
      trainings.map((training) => training.workStreamId),
      workStreams,
    );
    const [sessions, assignments, fetchedWorkStreams] = await Promise.all([
      this.rpc.request(EventsRpc.sessionsByTrainingIds, { ids }, call),
      this.rpc.request(EventsRpc.assignmentsByTrainingIds, { ids }, call),
      missingWorkStreams.length
        ? this.rpc.request(WorkStreamRpc.byIds, { ids: missingWorkStreams }, call)
        : Promise.resolve([]),
    ]);
    for (const workStream of fetchedWorkStreams) {
      if (workStream) workStreams.set(workStream.id, workStream);
    }
    const missingAgencies = unknownIds(
      assignments.flat().map((assignment) => assignment.agencyId),
      agencies,
    );
    if (missingAgencies.length) {
      for (const agency of await this.rpc.request(
        AgencyRpc.byIds,
        { ids: missingAgencies },
        call,
      )) {
        if (agency) agencies.set(agency.id, agency);
      }
    }
    return { trainings, sessions, assignments, workStreams, agencies };
  }

  private calendar(name: string, data: TrainingCalendarData): Calendar {
    return { productId: PRODUCT_ID, name, events: trainingEvents(data) };
  }
}

function nodesOf<T>(page: Page<T>): T[] {
  return page.edges.map((edge) => edge.node);
}

function unknownIds(ids: string[], known: Map<string, unknown>): string[] {
  return [...new Set(ids)].filter((id) => !known.has(id));
}
