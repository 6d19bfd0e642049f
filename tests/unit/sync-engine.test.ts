import { describe, expect, it } from 'vitest';
import type { Problem, Receipt, ReferralStatus, Submission } from '../../src/shared/protocol.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { SENDER_LOCK } from '../../src/sync/coordination.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createSender } from '../../src/sync/sender.ts';
import type { DueItem, OutboxPort, SendOutcome, TransportPort } from '../../src/sync/ports.ts';
import { fakeClock, submissionFor } from '../support/fixtures.ts';

type Row = DueItem & { state: string; nextAttemptAt: number; receipt?: Receipt; problem?: Problem; reason?: string };

function memoryOutbox(submissions: Submission[], nextAttemptAt = 0) {
  const rows = new Map<string, Row>(submissions.map((s) => [s.id, { id: s.id, attempts: 0, submission: s, state: 'queued', nextAttemptAt }]));
  const dueCalls: number[] = [];
  const isDue = (r: Row, nowMs: number) => (r.state === 'queued' || r.state === 'sending') && r.nextAttemptAt <= nowMs;
  const port: OutboxPort = {
    async countDue(nowMs) {
      dueCalls.push(nowMs);
      return [...rows.values()].filter((r) => isDue(r, nowMs)).length;
    },
    async due(nowMs, limit) {
      return [...rows.values()].filter((r) => isDue(r, nowMs)).slice(0, limit);
    },
    async markSending(id) {
      rows.get(id)!.state = 'sending';
    },
    readChunk: async () => undefined,
    async markDelivered(id, receipt) {
      Object.assign(rows.get(id)!, { state: 'delivered', receipt });
    },
    async markRetry(id, attempts, next, reason) {
      Object.assign(rows.get(id)!, { state: 'queued', attempts, nextAttemptAt: next, reason });
    },
    async markNeedsAttention(id, problem) {
      Object.assign(rows.get(id)!, { state: 'needs-attention', problem });
    },
    async markPaused(id, reason) {
      Object.assign(rows.get(id)!, { state: 'paused', reason });
    },
    async delivered() {
      return { ids: [...rows.values()].filter((r) => r.state === 'delivered').map((r) => r.id), since: '1970-01-01T00:00:00.000Z' };
    },
    async applyStatuses(statuses) {
      applied.push(...statuses);
    },
  };
  const applied: ReferralStatus[] = [];
  return { port, rows, dueCalls, applied };
}

const receiptFor = (id: string): Receipt => ({ id, reference: 'NRM-7K3F-9Q', receivedAt: '2026-11-29T09:31:00.000Z', digest: 'a'.repeat(64) });

const noExtras = {
  reachable: async () => true,
  statuses: async () => [],
  heldChunks: async (_referralId: string, fileId: string) => ({ kind: 'held' as const, held: { fileId, chunks: [] } }),
  putChunk: async () => ({ kind: 'stored' as const }),
  sendAddition: async (_referralId: string, addition: { id: string }) => ({ kind: 'delivered' as const, receipt: { id: addition.id, referralId: _referralId, receivedAt: '2026-11-29T09:31:00.000Z' } }),
};

function scriptedTransport(answers: ((s: Submission) => SendOutcome)[]): TransportPort & { sent: string[] } {
  const sent: string[] = [];
  return {
    ...noExtras,
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
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock: fakeClock(), random: () => 0.5, exclusive: runNow, uploadFiles });
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
      exclusive: runNow, uploadFiles,
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
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow, uploadFiles, backoff: { baseMs: 1000, capMs: 60_000 } });
    const progress = await engine.drain();
    expect(transport.sent).toEqual([a!.id]);
    expect(outbox.rows.get(a!.id)).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock.now().getTime() + 500 });
    expect(outbox.rows.get(b!.id)?.state).toBe('queued');
    expect(progress.lastError).toBe('No connection to the server');

    outbox.rows.get(a!.id)!.nextAttemptAt = 0;
    transport.sent.length = 0;
    const slow = scriptedTransport([() => ({ kind: 'retry', reason: 'busy', retryAfterMs: 30_000 })]);
    const engine2 = createSyncEngine({ outbox: outbox.port, transport: slow, clock, random: () => 0.5, exclusive: runNow, uploadFiles, backoff: { baseMs: 1000, capMs: 60_000 } });
    await engine2.drain();
    expect(outbox.rows.get(a!.id)).toMatchObject({ attempts: 2, nextAttemptAt: clock.now().getTime() + 30_000 });
  });

  it('does not resend an item before its backoff ends, unless asked to send now', async () => {
    const clock = fakeClock();
    const outbox = memoryOutbox([submissionFor()], clock.now().getTime() + 60_000);
    const transport = scriptedTransport([]);
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow, uploadFiles });
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
      ...noExtras,
      async send(s) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await gate;
        inFlight -= 1;
        return { kind: 'delivered', receipt: receiptFor(s.id) };
      },
    };
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock: fakeClock(), random: () => 0.5, exclusive: runNow, uploadFiles });
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

  it('remembers the latest contact with the server across restarts, never moving it back', async () => {
    const engine = createSyncEngine({ outbox: memoryOutbox([]).port, transport: scriptedTransport([]), clock: fakeClock(), random: () => 0.5, exclusive: runNow, uploadFiles });
    engine.recallContact('2026-11-28T10:00:00.000Z');
    engine.recallContact('2026-11-27T10:00:00.000Z');
    expect(engine.progress().lastContactAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('reports progress to subscribers', async () => {
    const outbox = memoryOutbox([submissionFor(), submissionFor()]);
    const engine = createSyncEngine({ outbox: outbox.port, transport: scriptedTransport([]), clock: fakeClock(), random: () => 0.5, exclusive: runNow, uploadFiles });
    const seen: string[] = [];
    engine.subscribe((p) => seen.push(`${p.phase} ${p.done}/${p.total}`));
    await engine.drain();
    expect(seen).toContain('sending 0/2');
    expect(seen).toContain('sending 2/2');
    expect(seen.at(-1)).toBe('idle 2/2');
  });

  it('pauses on 401, keeps the item, and stops sending until the user acts', async () => {
    const [a, b] = [submissionFor(), submissionFor()];
    const outbox = memoryOutbox([a!, b!]);
    const transport = scriptedTransport([() => ({ kind: 'unauthorised', reason: 'Sign in again', revoked: false })]);
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock: fakeClock(), random: () => 0.5, exclusive: runNow, uploadFiles });
    const progress = await engine.drain();
    expect(transport.sent).toEqual([a!.id]);
    expect(outbox.rows.get(a!.id)).toMatchObject({ state: 'paused', reason: 'Sign in again', submission: a });
    expect(outbox.rows.get(b!.id)?.state).toBe('queued');
    expect(progress.lastError).toBe('Sign in again');
  });

  it('sends now only when the server answers the reachability probe', async () => {
    const clock = fakeClock();
    const outbox = memoryOutbox([submissionFor()], clock.now().getTime() + 60_000);
    let up = false;
    const transport = { ...scriptedTransport([]), reachable: async () => up };
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow, uploadFiles });
    await engine.probeAndDrain();
    expect(transport.sent).toHaveLength(0);
    expect(engine.progress().lastContactAt).toBeUndefined();
    up = true;
    await engine.probeAndDrain();
    expect(transport.sent).toHaveLength(1);
    expect(engine.progress().lastContactAt).toBe(clock.now().toISOString());
  });

  it('refreshes delivered referrals’ status at most once per interval unless forced', async () => {
    const clock = fakeClock();
    const outbox = memoryOutbox([submissionFor()]);
    let asked = 0;
    const transport = {
      ...scriptedTransport([]),
      statuses: async (ids: string[]) => {
        asked += 1;
        return ids.map((id) => ({ id, reference: 'NRM-7K3F-9Q', status: 'received', statusChangedAt: clock.now().toISOString() }));
      },
    };
    const engine = createSyncEngine({ outbox: outbox.port, transport, clock, random: () => 0.5, exclusive: runNow, uploadFiles, statusRefreshMs: 60_000 });
    await engine.refreshStatuses();
    expect(asked).toBe(0);
    await engine.drain();
    await engine.refreshStatuses();
    await engine.refreshStatuses();
    expect(asked).toBe(1);
    expect(outbox.applied.map((s) => s.status)).toEqual(['received']);
    clock.advance(60_000);
    await engine.refreshStatuses();
    await engine.refreshStatuses({ force: true });
    expect(asked).toBe(3);
  });
});

describe('state after each kind of server answer (real transport, fake network)', () => {
  const cases: [string, () => Response | Promise<Response>, string, number?][] = [
    ['201 with its receipt', () => new Response(JSON.stringify(receiptFor('SELF')), { status: 201 }), 'delivered'],
    ['200 with its receipt (a repeat)', () => new Response(JSON.stringify(receiptFor('SELF')), { status: 200 }), 'delivered'],
    ['201 with another id’s receipt', () => new Response(JSON.stringify(receiptFor('other')), { status: 201 }), 'queued'],
    ['400', () => new Response('{}', { status: 400 }), 'needs-attention'],
    ['401', () => new Response('{}', { status: 401 }), 'paused'],
    ['408', () => new Response('', { status: 408 }), 'queued'],
    ['409', () => new Response('{}', { status: 409 }), 'needs-attention'],
    ['413', () => new Response('', { status: 413 }), 'needs-attention'],
    ['422', () => new Response('{}', { status: 422 }), 'needs-attention'],
    ['429 with Retry-After: 90', () => new Response('', { status: 429, headers: { 'Retry-After': '90' } }), 'queued', 90_000],
    ['500', () => new Response('', { status: 500 }), 'queued'],
    ['502', () => new Response('', { status: 502 }), 'queued'],
    ['503 with Retry-After: 600', () => new Response('', { status: 503, headers: { 'Retry-After': '600' } }), 'queued', 600_000],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'queued'],
    ['a timeout', () => Promise.reject(new DOMException('timed out', 'TimeoutError')), 'queued'],
  ];

  it.each(cases)('%s → %s', async (_name, answer, state, wait) => {
    const clock = fakeClock();
    const submission = submissionFor();
    const outbox = memoryOutbox([submission]);
    const fakeFetch = async () => {
      const response = await answer();
      const body = await response.text();
      return new Response(body.replace('SELF', submission.id), { status: response.status, headers: response.headers });
    };
    const engine = createSyncEngine({
      outbox: outbox.port,
      transport: createHttpTransport({ fetch: fakeFetch, clock, submitAddition }),
      clock,
      random: () => 0.25,
      exclusive: runNow, uploadFiles,
      backoff: { baseMs: 2_000, capMs: 300_000 },
    });
    await engine.drain();
    const row = outbox.rows.get(submission.id)!;
    expect(row.state).toBe(state);
    if (state === 'queued') {
      expect(row.attempts).toBe(1);
      expect(row.nextAttemptAt - clock.now().getTime()).toBe(wait ?? 500);
    }
  });
});

describe('the sender the page and the service worker share', () => {
  it('sends under the sender lock, each request signed by the device at the time of the clock', async () => {
    const clock = fakeClock();
    const submission = submissionFor();
    const outbox = memoryOutbox([submission]);
    const locksTaken: string[] = [];
    const locks = { request: (name: string, task: () => Promise<unknown>) => (locksTaken.push(name), task()) } as unknown as LockManager;
    const signedAt: Date[] = [];
    const sentHeaders: Record<string, string>[] = [];
    const engine = createSender({
      submitAddition,
      uploadFiles,
      outbox: outbox.port,
      identity: { sign: async (_request, now) => (signedAt.push(now), { 'nrm-signature': 'sig' }) },
      fetch: async (_url, init) => {
        sentHeaders.push(init?.headers as Record<string, string>);
        return new Response(JSON.stringify(receiptFor(submission.id)), { status: 201 });
      },
      locks,
      clock,
    });
    await engine.drain();
    expect(outbox.rows.get(submission.id)?.state).toBe('delivered');
    expect(locksTaken).toContain(SENDER_LOCK);
    expect(signedAt).toEqual([clock.now()]);
    expect(sentHeaders[0]).toMatchObject({ 'nrm-signature': 'sig' });
  });
});
