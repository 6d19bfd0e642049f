import { describe, expect, it } from 'vitest';
import type { Problem, Receipt, Submission } from '../../src/shared/protocol.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import type { DueItem, OutboxPort, SendOutcome, TransportPort } from '../../src/sync/ports.ts';
import { fakeClock, submissionFor } from '../support/fixtures.ts';

type Row = DueItem & { state: string; nextAttemptAt: number; receipt?: Receipt; problem?: Problem; reason?: string };

function memoryOutbox(submissions: Submission[], nextAttemptAt = 0) {
  const rows = new Map<string, Row>(submissions.map((s) => [s.id, { id: s.id, attempts: 0, submission: s, state: 'queued', nextAttemptAt }]));
  const dueCalls: number[] = [];
  const port: OutboxPort = {
    async due(nowMs) {
      dueCalls.push(nowMs);
      return [...rows.values()].filter((r) => (r.state === 'queued' || r.state === 'sending') && r.nextAttemptAt <= nowMs);
    },
    async markSending(id) {
      rows.get(id)!.state = 'sending';
    },
    async markDelivered(id, receipt) {
      Object.assign(rows.get(id)!, { state: 'delivered', receipt });
    },
    async markRetry(id, attempts, next, reason) {
      Object.assign(rows.get(id)!, { state: 'queued', attempts, nextAttemptAt: next, reason });
    },
    async markNeedsAttention(id, problem) {
      Object.assign(rows.get(id)!, { state: 'needs-attention', problem });
    },
  };
  return { port, rows, dueCalls };
}

const receiptFor = (id: string): Receipt => ({ id, reference: 'NRM-7K3F-9Q', receivedAt: '2026-11-29T09:31:00.000Z', digest: 'a'.repeat(64) });

function scriptedTransport(answers: ((s: Submission) => SendOutcome)[]): TransportPort & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(submission) {
      sent.push(submission.id);
      const answer = answers.shift() ?? ((s: Submission) => ({ kind: 'delivered', receipt: receiptFor(s.id) }));
      return answer(submission);
    },
  };
}

const runNow = <T,>(task: () => Promise<T>) => task();

describe('sync engine', () => {
  it('delivers every due item and stores its receipt', async () => {
    const items = [submissionFor(), submissionFor(), submissionFor()];
    const outbox = memoryOutbox(items);
    const transport = scriptedTransport([]);
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock: fakeClock(), random: () => 0.5, exclusive: runNow });
    const progress = await engine.drain();
    expect(transport.sent).toEqual(items.map((s) => s.id));
    expect([...outbox.rows.values()].map((r) => [r.state, r.receipt?.id])).toEqual(items.map((s) => ['delivered', s.id]));
    expect(progress).toMatchObject({ phase: 'idle', done: 3, total: 3 });
  });

  it('puts refused content in needs-attention and goes on with the rest', async () => {
    const [a, b] = [submissionFor(), submissionFor()];
    const problem: Problem = { type: 'x', title: 'Refused', status: 422, code: 'invalid-referral' };
    const outbox = memoryOutbox([a!, b!]);
    const engine = createSyncEngine({
      outbox: outbox.port,
      transport: scriptedTransport([() => ({ kind: 'refused', problem })]),
      clock: fakeClock(),
      random: () => 0.5,
      exclusive: runNow,
    });
    await engine.drain();
    expect(outbox.rows.get(a!.id)).toMatchObject({ state: 'needs-attention', problem });
    expect(outbox.rows.get(b!.id)?.state).toBe('delivered');
  });

  it('after a failed attempt waits with backoff (or Retry-After, if longer) and stops the run', async () => {
    const clock = fakeClock();
    const [a, b] = [submissionFor(), submissionFor()];
    const outbox = memoryOutbox([a!, b!]);
    const transport = scriptedTransport([() => ({ kind: 'retry', reason: 'No connection to the server' })]);
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow, backoff: { baseMs: 1000, capMs: 60_000 } });
    const progress = await engine.drain();
    expect(transport.sent).toEqual([a!.id]);
    expect(outbox.rows.get(a!.id)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock.now().getTime() + 500 });
    expect(outbox.rows.get(b!.id)?.state).toBe('queued');
    expect(progress.lastError).toBe('No connection to the server');

    outbox.rows.get(a!.id)!.nextAttemptAt = 0;
    transport.sent.length = 0;
    const slow = scriptedTransport([() => ({ kind: 'retry', reason: 'busy', retryAfterMs: 30_000 })]);
    const engine2 = createSyncEngine({ outbox: outbox.port, transport: slow, clock, random: () => 0.5, exclusive: runNow, backoff: { baseMs: 1000, capMs: 60_000 } });
    await engine2.drain();
    expect(outbox.rows.get(a!.id)).toMatchObject({ attempts: 2, nextAttemptAt: clock.now().getTime() + 30_000 });
  });

  it('does not resend an item before its backoff ends, unless asked to send now', async () => {
    const clock = fakeClock();
    const outbox = memoryOutbox([submissionFor()], clock.now().getTime() + 60_000);
    const transport = scriptedTransport([]);
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow });
    await engine.drain();
    expect(transport.sent).toHaveLength(0);
    await engine.drain({ now: true });
    expect(transport.sent).toHaveLength(1);
    expect(outbox.dueCalls.at(-1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('runs one sender at a time, and a trigger during a run gets one more run after it', async () => {
    const outbox = memoryOutbox([submissionFor()]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inFlight = 0;
    let maxInFlight = 0;
    const transport: TransportPort = {
      async send(s) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await gate;
        inFlight -= 1;
        return { kind: 'delivered', receipt: receiptFor(s.id) };
      },
    };
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock: fakeClock(), random: () => 0.5, exclusive: runNow });
    const first = engine.drain();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = engine.drain({ now: true });
    const third = engine.drain();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(maxInFlight).toBe(1);
    expect(outbox.dueCalls).toHaveLength(2);
    expect(outbox.dueCalls[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports progress to subscribers', async () => {
    const outbox = memoryOutbox([submissionFor(), submissionFor()]);
    const engine = createSyncEngine({ outbox: outbox.port, transport: scriptedTransport([]), clock: fakeClock(), random: () => 0.5, exclusive: runNow });
    const seen: string[] = [];
    engine.subscribe((p) => seen.push(`${p.phase} ${p.done}/${p.total}`));
    await engine.drain();
    expect(seen).toContain('sending 0/2');
    expect(seen).toContain('sending 2/2');
    expect(seen.at(-1)).toBe('idle 2/2');
  });
});
