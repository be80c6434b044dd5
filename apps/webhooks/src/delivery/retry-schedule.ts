const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+)(ms|s|m|h)$/;

/**
 * Parses a schedule such as `5s,5m,30m,2h,5h,10h,10h` into milliseconds: the waits before the
 * 2nd, 3rd, … attempt. Undefined when the text is not such a list.
 */
export function parseRetrySchedule(text: string): number[] | undefined {
  const parts = text.split(',').map((part) => part.trim());
  const delays: number[] = [];
  for (const part of parts) {
    const match = DURATION.exec(part);
    if (!match) return undefined;
    delays.push(Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000));
  }
  return delays;
}

/** Share of a delay that is randomised, so endpoints recovering together are not hit at once. */
const JITTER = 0.2;

/**
 * When the next attempt is due after `failedAttempts` failed ones of a series, or null when the
 * schedule is exhausted. Each delay is stretched or shrunk by up to 20 %.
 */
export function nextAttemptDelay(
  schedule: readonly number[],
  failedAttempts: number,
  random: () => number = Math.random,
): number | null {
  const delay = schedule[failedAttempts - 1];
  if (delay === undefined) return null;
  return Math.round(delay * (1 - JITTER + 2 * JITTER * random()));
}
