const SECRETS = Symbol('convene:secret-settings');

type WithSecrets = { [SECRETS]?: string[] };

/** Marks a setting as secret: loadConfig hides it from enumeration, so logging a config shows no secret. */
export function Secret(): PropertyDecorator {
  return (target, property) => {
    const holder = target as WithSecrets;
    holder[SECRETS] = [...(holder[SECRETS] ?? []), String(property)];
  };
}

/** Makes the config's secret settings non-enumerable: JSON.stringify and console.log leave them out. */
export function hideSecrets<T extends object>(config: T): T {
  for (const property of (config as WithSecrets)[SECRETS] ?? []) {
    const value: unknown = Reflect.get(config, property);
    Object.defineProperty(config, property, { value, enumerable: false, writable: false });
  }
  return config;
}
