import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';

// Checks that docker-compose.yml and the kustomize base in k8s/ run every application of
// nest-cli.json, so a new app cannot be forgotten in the deployment files.

const ROOT = new URL('../../', import.meta.url).pathname;

/** Applications that run once and exit instead of serving. */
const ONE_SHOT = new Set(['seed']);

interface Probe {
  httpGet?: { path?: string; port?: number | string };
}

interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: {
    template?: PodTemplate;
    selector?: Record<string, string>;
    ports?: { port: number; targetPort?: number | string }[];
  };
}

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  environment?: Record<string, string> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

function applications(): string[] {
  const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, { type?: string }>;
  };
  return Object.entries(nestCli.projects)
    .filter(([, project]) => project.type === 'application')
    .map(([name]) => name);
}

const APPS = applications();
const LONG_RUNNING = APPS.filter((app) => !ONE_SHOT.has(app));
const ONE_SHOT_APPS = APPS.filter((app) => ONE_SHOT.has(app));

let rendered: Manifest[] | undefined;

/** `kubectl kustomize k8s/`, parsed; fails loudly when kubectl is missing. */
function k8s(): Manifest[] {
  if (rendered) return rendered;
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', 'k8s/'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        'kubectl is not on PATH: the k8s/ manifests are checked by rendering them with ' +
          '`kubectl kustomize k8s/`. Install kubectl (1.27 or later) to run this test.',
        { cause: error },
      );
    }
    throw new Error(`kubectl kustomize k8s/ failed:\n${failure.stderr || failure.message}`, {
      cause: error,
    });
  }
  const manifests: Manifest[] = [];
  for (const document of parseAllDocuments(output)) {
    expect(document.errors).toEqual([]);
    const manifest = document.toJS() as Manifest | null;
    if (manifest) manifests.push(manifest);
  }
  rendered = manifests;
  return manifests;
}

function find(kind: string, name: string): Manifest | undefined {
  return k8s().find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
}

function envValue(container: Container, name: string): string | undefined {
  return container.env?.find((variable) => variable.name === name)?.value;
}

function compose(): Record<string, ComposeService> {
  const document = parseDocument(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  });
  expect(document.errors).toEqual([]);
  const { services } = document.toJS() as { services: Record<string, ComposeService> };
  return services;
}

function composeEnv(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(
    environment.map((entry) => {
      const [name = '', ...value] = entry.split('=');
      return [name, value.join('=')];
    }),
  );
}

describe('k8s/ (kubectl kustomize)', () => {
  it.each(LONG_RUNNING)('%s is a Deployment with probes, resources and a non-root user', (app) => {
    const deployment = find('Deployment', app);
    if (!deployment) throw new Error(`no Deployment named ${app} in k8s/`);
    const template = deployment.spec?.template;
    expect(template?.spec.securityContext?.runAsNonRoot).toBe(true);
    const container = template?.spec.containers.find((candidate) => candidate.name === app);
    if (!container) throw new Error(`the ${app} Deployment has no container named ${app}`);
    expect(envValue(container, 'APP')).toBe(app);
    expect(container.readinessProbe?.httpGet?.path).toBe('/health');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container.resources?.requests).toEqual(
      expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
    );
    expect(container.resources?.limits).toEqual(
      expect.objectContaining({ memory: expect.any(String) }),
    );
  });

  it.each(LONG_RUNNING)('%s has a Service that selects its pods', (app) => {
    const service = find('Service', app);
    if (!service) throw new Error(`no Service named ${app} in k8s/`);
    const selector = service.spec?.selector ?? {};
    const podLabels = find('Deployment', app)?.spec?.template?.metadata?.labels ?? {};
    expect(Object.keys(selector)).not.toHaveLength(0);
    expect(podLabels).toEqual(expect.objectContaining(selector));
    expect(service.spec?.ports?.length).toBeGreaterThan(0);
  });

  it('the gateway Service listens on port 80', () => {
    expect(find('Service', 'gateway')?.spec?.ports?.map((port) => port.port)).toContain(80);
  });

  it('one-shot apps are Jobs, not Deployments', () => {
    for (const app of ONE_SHOT_APPS) {
      const job = find('Job', app);
      if (!job) throw new Error(`no Job named ${app} in k8s/`);
      expect(find('Deployment', app)).toBeUndefined();
      const container = job.spec?.template?.spec.containers.find((c) => c.name === app);
      expect(container && envValue(container, 'APP')).toBe(app);
    }
  });

  it('runs NATS with JetStream as a StatefulSet behind the Service `nats`', () => {
    const jetStream = k8s().filter(
      (manifest) =>
        manifest.kind === 'StatefulSet' &&
        manifest.spec?.template?.spec.containers.some(
          (container) => container.image?.startsWith('nats') && container.args?.includes('-js'),
        ),
    );
    expect(jetStream.map((manifest) => manifest.metadata.name)).toEqual(['nats']);
    expect(find('Service', 'nats')?.spec?.ports?.map((port) => port.port)).toContain(4222);
  });
});

/** The NATS users of k8s/nats/nats.conf, which docker-compose.yml mounts too. */
function natsUsers(): string[] {
  const conf = readFileSync(join(ROOT, 'k8s/nats/nats.conf'), 'utf8');
  return [...conf.matchAll(/^\s*user:\s*(\S+)\s*$/gm)].map((match) => match[1] ?? '');
}

describe('NATS users (k8s/nats/nats.conf)', () => {
  it.each(APPS)('%s connects as its own NATS user in docker-compose and k8s', (app) => {
    expect(natsUsers()).toContain(app);
    const composeUrl = composeEnv(compose()[app] ?? {}).NATS_URL;
    expect(composeUrl).toMatch(new RegExp(`^nats://${app}:`));
    const workload = find(ONE_SHOT.has(app) ? 'Job' : 'Deployment', app);
    const container = workload?.spec?.template?.spec.containers.find((c) => c.name === app);
    expect(container && envValue(container, 'NATS_URL')).toMatch(new RegExp(`^nats://${app}:`));
  });
});

describe('docker-compose.yml', () => {
  it.each(APPS)('%s is a service whose APP is its name', (app) => {
    const service = compose()[app];
    if (!service) throw new Error(`no service ${app} in docker-compose.yml`);
    expect(composeEnv(service).APP).toBe(app);
  });

  it.each([...LONG_RUNNING, 'postgres', 'nats'])('%s has a health check', (name) => {
    const healthcheck = compose()[name]?.healthcheck;
    expect(healthcheck?.disable).not.toBe(true);
    expect(healthcheck?.test?.length).toBeGreaterThan(0);
  });

  it('one-shot apps are not restarted', () => {
    for (const app of ONE_SHOT_APPS) expect(compose()[app]?.restart).toBe('no');
  });
});
