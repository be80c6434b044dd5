import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

/** A dependency the app needs to serve requests; `check` throws when it is not usable. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

const CHECK_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  /** Readiness: every dependency answers. */
  @Get()
  async ready(@Res() response: Response): Promise<void> {
    const results = await Promise.all(this.checks.map(runCheck));
    const ok = results.every((result) => result.status === 'up');
    response.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: results });
  }

  /** Liveness: the process answers HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

async function runCheck(health: HealthCheck): Promise<{ name: string; status: 'up' | 'down' }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([health.check(), timeout]);
    return { name: health.name, status: 'up' };
  } catch {
    return { name: health.name, status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
