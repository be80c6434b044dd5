// Runs the built apps as child processes, with their output prefixed, and waits for health.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const ROOT = new URL('../', import.meta.url).pathname;

/** Long-running apps and the port of their /health; the seed is a one-shot job. */
export function longRunningApps() {
  const { projects } = JSON.parse(readFileSync(new URL('nest-cli.json', `file://${ROOT}`), 'utf8'));
  return Object.entries(projects)
    .filter(([name, project]) => project.type === 'application' && name !== 'seed')
    .map(([name]) => name);
}

/**
 * A larger young generation: the gateway allocates a lot of short-lived objects per answer,
 * and fewer scavenges cut its GC time (bench/RESULTS.md). The Dockerfile sets the same.
 */
const NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=64'];

export function runApp(name, script, env, { onExit } = {}) {
  const child = spawn(process.execPath, [...NODE_FLAGS, `dist/apps/${name}/src/${script}.js`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${prefix} ${line}\n`),
    );
  }
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  exited.then((result) => onExit?.(result));
  return { name, child, exited };
}

/** Runs a one-shot script of an app and fails if it exits non-zero. */
export async function runToCompletion(name, script, env) {
  const { code, signal } = await runApp(name, script, env).exited;
  if (code !== 0) throw new Error(`${name} ${script} failed (${signal ?? `exit code ${code}`})`);
}

export async function waitForHealth(name, port, running, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (running.child.exitCode !== null) throw new Error(`${name} exited before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${name} was not healthy within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function stopApp(running) {
  if (running.child.exitCode !== null) return Promise.resolve();
  running.child.kill('SIGTERM');
  return running.exited;
}
