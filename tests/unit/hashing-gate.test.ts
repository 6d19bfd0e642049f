import { describe, expect, it } from 'vitest';
import { createHashingGate, HashingBusyError } from '../../src/server/auth/hashing-gate.ts';

/** A task the test finishes by hand, to hold a slot as long as it likes. */
function heldTask() {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { task: () => done, finish, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('password hashing gate', () => {
  it('runs at most `concurrency` tasks at once and starts the waiting ones in order of arrival', async () => {
    const gate = createHashingGate({ concurrency: 2, maxWaiting: 3 });
    const tasks = Array.from({ length: 5 }, heldTask);
    const started: number[] = [];
    const results = tasks.map((held, i) =>
      gate.run(() => {
        started.push(i);
        return held.task();
      }),
    );
    const firstOutcome = results[0]?.then(() => 'resolved', (error: Error) => error.message);
    await settle();
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toMatchObject({ running: 2, waiting: 3 });
    tasks[1]?.finish('one');
    await settle();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]?.fail(new Error('a failed hash frees its slot too'));
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const held of tasks.slice(2)) held.finish('done');
    await expect(results[1]).resolves.toBe('one');
    expect(await firstOutcome).toMatch(/frees its slot/);
    await Promise.all(results.slice(2));
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, peakRunning: 2, refused: 0 });
  });

  it('refuses at once when the queue is full, and takes work again once it has room', async () => {
    const gate = createHashingGate({ concurrency: 1, maxWaiting: 1 });
    const first = heldTask();
    const running = gate.run(first.task);
    const waiting = gate.run(async () => 'second');
    await expect(gate.run(async () => 'third')).rejects.toBeInstanceOf(HashingBusyError);
    expect(gate.stats()).toMatchObject({ running: 1, waiting: 1, refused: 1 });
    first.finish('first');
    expect([await running, await waiting]).toEqual(['first', 'second']);
    await expect(gate.run(async () => 'fourth')).resolves.toBe('fourth');
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, peakRunning: 1, refused: 1 });
  });
});
