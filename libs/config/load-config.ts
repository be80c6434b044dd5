import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { hideSecrets } from './secret.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a config class whose property names are the environment variable names.
 * Missing variables keep the class's defaults; wrong ones throw a ConfigError
 * naming each variable and the rule it broke, never its value.
 */
export function loadConfig<T extends object>(
  configClass: ClassConstructor<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(configClass, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return hideSecrets(config);
}

function describe(error: ValidationError): string {
  const rules = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${rules}`;
}
