import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from './paths.ts';

/** Peak resident memory of a process so far (VmHWM), in MB; Linux only. */
export function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`No VmHWM for process ${pid}`);
  return Number(kb) / 1024;
}

export interface NodeProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry as its own Node process (no tsx CLI: it forks a child that outlives a kill). */
export function startNodeProcess(entry: string, env: Record<string, string>): NodeProcess {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (log += String(chunk)));
  child.stderr?.on('data', (chunk) => (log += String(chunk)));
  child.once('exit', (code) => {
    if (code) process.stderr.write(`${entry} exited with ${code}:\n${log}\n`);
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server at ${baseUrl} exited before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server at ${baseUrl} was not ready within ${timeoutMs} ms`);
}
