import { JsonLogger } from './json-logger.js';

/**
 * Runs an app's start-up. A failure (a bad environment variable, an unreachable database)
 * ends the process with one clear line instead of a stack trace.
 */
export async function runMain(service: string, start: () => Promise<string>): Promise<void> {
  const logger = new JsonLogger(service);
  try {
    logger.log(await start(), 'Main');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${service}: failed to start: ${message}\n`);
    process.exit(1);
  }
}
