import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../scripts/build-server.ts';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  sqliteFile: string;
  process: ChildProcess;
  output: () => string;
  /** kill -9: no shutdown, no flush — what a power cut or an OOM kill does. */
  crash(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));

/**
 * Starts the real server as its own process, on a fresh data folder and a free port, on SQLite unless
 * `env` says otherwise (a DATABASE_URL of the machine is not inherited). `entry` is its source by
 * default (run through tsx), or a built file (scripts/build-server.ts), which must have been built, run
 * with the Node flags a deployment runs it with.
 */
export async function startServer(env: Record<string, string> = {}, { entry = 'src/server/main.ts' }: { entry?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-field-'));
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  let log = '';
  const spawnOne = () => {
    const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [...SERVER_NODE_FLAGS, entry], {
      env: { ...parentEnv, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (log += String(chunk)));
    child.stderr?.on('data', (chunk) => (log += String(chunk)));
    return child;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    baseUrl,
    dataDir,
    sqliteFile: join(dataDir, 'nrm-field.sqlite'),
    process: spawnOne(),
    output: () => log,
    async crash() {
      const done = exited(server.process);
      server.process.kill('SIGKILL');
      await done;
    },
    async restart() {
      server.process = spawnOne();
      await waitUntilHealthy(baseUrl, server.process, () => log);
    },
    async stop() {
      const done = exited(server.process);
      server.process.kill('SIGTERM');
      await done;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilHealthy(baseUrl, server.process, () => log);
  } catch (error) {
    // A server that refused to start (as some tests expect) leaves no process and no data folder behind.
    if (server.process.exitCode === null) await server.crash();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return server;
}
