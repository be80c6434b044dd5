import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface NatsServerHandle {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and keeps its JetStream store, so `start` brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its store. */
  dispose(): Promise<void>;
}

export interface NatsServerOptions {
  /** A deployment's nats.conf (users, permissions); `env` gives the variables it reads (passwords). */
  config?: { file: string; env: Record<string, string> };
}

/**
 * A nats-server of the test's own, with JetStream, on a free port: tests never share
 * subjects with each other or with a running `npm start`, and may stop it at will.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServerHandle> {
  const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'convene-nats-'));
  const configArgs = options.config ? ['-c', options.config.file] : [];
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = [...configArgs, '-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
    child = spawn(binary, args, {
      stdio: 'ignore',
      env: { ...process.env, ...options.config?.env },
    });
    const failed = new Promise<never>((_, reject) => {
      child?.once('error', (error) =>
        reject(new Error(`cannot run ${binary} (set NATS_SERVER_BIN): ${error.message}`)),
      );
    });
    await Promise.race([waitForPort(port), failed]);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`nats-server did not listen on port ${port} within ${timeoutMs} ms`);
}
