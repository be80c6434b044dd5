import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { isUUID, validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { ErrorCode, GetAgencyQuery, GetWorkStreamQuery, IdQuery } from '#libs/contracts';
import {
  ANONYMOUS_CALLER,
  flattenValidationErrors,
  RpcError,
  type CallContext,
} from '#libs/messaging';
import { correlationIdOf } from '../http/request-correlation.js';
import { CalendarFeeds } from './calendar-feeds.js';
import { serializeCalendar, type Calendar } from './icalendar.js';

/**
 * Public iCalendar (RFC 5545) feeds a calendar application subscribes to: one VEVENT per
 * session of each published training. Feeds hold public data only, so they are read as the
 * anonymous caller whoever asks.
 */
@Controller('calendars')
export class CalendarsController {
  private readonly logger = new Logger('Calendars');

  constructor(private readonly feeds: CalendarFeeds) {}

  @Get('work-streams/:number.ics')
  async workStream(
    @Param('number') number: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.answer(request, response, (call) => {
      // Digits become a number; anything else is left as it is, for the rule to name it.
      const query = validated(GetWorkStreamQuery, {
        number: /^\d{1,9}$/.test(number) ? Number(number) : number,
      });
      return this.feeds.ofWorkStream(query, call);
    });
  }

  /** By id or by acronym, as the `agency` query takes it. */
  @Get('agencies/:agency.ics')
  async agency(
    @Param('agency') agency: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.answer(request, response, (call) => {
      const query = validated(
        GetAgencyQuery,
        isUUID(agency) ? { id: agency } : { acronym: agency },
      );
      return this.feeds.ofAgency(query, call);
    });
  }

  @Get('trainings/:id.ics')
  async training(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.answer(request, response, (call) =>
      this.feeds.ofTraining(validated(IdQuery, { id }).id, call),
    );
  }

  private async answer(
    request: Request,
    response: Response,
    build: (call: CallContext) => Promise<Calendar>,
  ): Promise<void> {
    const call: CallContext = {
      caller: ANONYMOUS_CALLER,
      correlationId: correlationIdOf(request, response),
    };
    try {
      const body = serializeCalendar(await build(call));
      response.status(200).setHeader('Content-Type', 'text/calendar; charset=utf-8');
      response.send(body);
    } catch (error) {
      const failure = this.failureOf(error, call.correlationId);
      response.status(failure.status).setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.send(`${failure.message}\n`);
    }
  }

  /** The HTTP status of each service error; anything unexpected is logged and masked. */
  private failureOf(error: unknown, correlationId: string): { status: number; message: string } {
    if (error instanceof RpcError) {
      switch (error.code) {
        case ErrorCode.BadUserInput:
          return { status: 400, message: error.message };
        case ErrorCode.Unauthenticated:
          return { status: 401, message: error.message };
        case ErrorCode.Forbidden:
          return { status: 403, message: error.message };
        case ErrorCode.NotFound:
          return { status: 404, message: error.message };
        case ErrorCode.Conflict:
          return { status: 409, message: error.message };
        case ErrorCode.ServiceUnavailable:
          return { status: 503, message: error.message };
        case ErrorCode.Internal:
          break;
        default:
          return assertUnreachable(error.code);
      }
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    this.logger.error({ msg: failure.message, correlationId, stack: failure.stack });
    return { status: 500, message: `Internal server error (correlation id ${correlationId})` };
  }
}

/** Checks a path parameter with the same contract class the service validates it with. */
function validated<T extends object>(type: new () => T, plain: object): T {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw RpcError.badInput(flattenValidationErrors(errors));
  return instance;
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code ${String(value)}`);
}
