import type { RunningServer } from '../../tests/support/server-process.ts';

/** A server that died under load must fail the benchmark with its own last words, not read as "0 per second". */
export function assertServerAlive(server: RunningServer): void {
  const { exitCode, signalCode } = server.process;
  if (exitCode === null && signalCode === null) return;
  throw new Error(`The server stopped under load (exit ${exitCode ?? '—'}, signal ${signalCode ?? '—'}). Its output:\n${server.output().slice(-4000)}`);
}
