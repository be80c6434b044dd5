import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, TEST_CALLER_SIGNING_SECRET } from '#libs/testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Compiles the apps as `npm start` runs them, so a test can start a service as its own process. */
export function buildApps(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, in-flight transactions die with the connection. */
  kill(): Promise<void>;
  /** Its Prometheus metrics, as text. */
  metrics(): Promise<string>;
}

/** A service started as `npm start` starts it, answering once its /health says it is up. */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [`dist/apps/${name}/src/main.js`], {
    cwd: ROOT,
    env: {
      ...process.env,
      CALLER_SIGNING_SECRET: TEST_CALLER_SIGNING_SECRET,
      ...env,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`${name} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    metrics: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
