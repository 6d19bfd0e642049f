import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeKeyResponseSchema, type Receipt } from '../../src/shared/protocol.ts';
import { sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const REFERRALS = 300;
/** Requests in flight at once: enough that every group commit carries several referrals. */
const IN_FLIGHT = 50;

interface Stored {
  referrals: { id: string; reference: string; digest: string }[];
  cases: number;
  statistics: number;
}

function stored(file: string): Stored {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      referrals: db.prepare('select id, reference, digest from referrals').all() as Stored['referrals'],
      cases: count('cases'),
      statistics: count('referral_statistics'),
    };
  } finally {
    db.close();
  }
}

/** What one POST came to: an answer with its receipt, or none (the server died with it in flight). */
type Sent = { status: number; receipt: Receipt } | { status: 'no answer' };

async function post(baseUrl: string, body: string): Promise<Sent> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, receipt: (await response.json()) as Receipt };
  } catch {
    return { status: 'no answer' };
  }
}

let server: RunningServer;
beforeAll(async () => {
  // Unsigned, as the try-out allows from this machine: what is proven here is the commit path's durability.
  server = await startServer({ STATIC_DIR: 'tests/support/app-shell-stub', ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
});
afterAll(async () => {
  await server?.stop();
});

describe('server killed in the middle of a group commit', () => {
  it(`keeps every referral answered 201 and doubles none when kill -9 strikes with ${IN_FLIGHT} requests in flight`, { timeout: 180_000 }, async () => {
    const key = intakeKeyResponseSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json());
    const bodies = await Promise.all(Array.from({ length: REFERRALS }, async (_, i) => JSON.stringify(await sealedSubmissionFor(key, validReferral(i % 2 ? 'adult-nrm' : 'child')))));
    const ids = bodies.map((body) => (JSON.parse(body) as { id: string }).id);
    const sent: Sent[] = new Array<Sent>(REFERRALS);

    // Many senders at once, as many phones after a raid; each stops once the server is gone.
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (!killed && next < REFERRALS) {
        const i = next++;
        sent[i] = await post(server.baseUrl, bodies[i] as string);
      }
    };
    const senders = Array.from({ length: IN_FLIGHT }, sender);
    while (stored(server.sqliteFile).referrals.length < REFERRALS * 0.3) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    await server.crash();
    await Promise.all(senders);

    const atCrash = stored(server.sqliteFile);
    const byId = new Map(atCrash.referrals.map((row) => [row.id, row]));
    const answered = sent.flatMap((result, i) => (result && result.status !== 'no answer' ? [{ id: ids[i] as string, ...result }] : []));
    const unanswered = ids.filter((_, i) => sent[i]?.status === 'no answer' || sent[i] === undefined);
    console.log(`group-commit crash: ${answered.length} answered, ${sent.filter((r) => r?.status === 'no answer').length} in flight at the kill, ${atCrash.referrals.length} rows after it`);
    expect(sent.filter((result) => result?.status === 'no answer').length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    // Every 201 is on disk with the receipt it gave; nothing is half-stored (a row without its case or its statistical record).
    for (const answer of answered) {
      expect(answer.status).toBe(201);
      expect(byId.get(answer.id)).toEqual({ id: answer.id, reference: answer.receipt.reference, digest: answer.receipt.digest });
    }
    expect(atCrash.cases).toBe(atCrash.referrals.length);
    expect(atCrash.statistics).toBe(atCrash.referrals.length);

    await server.restart();
    const resent = await Promise.all(unanswered.map(async (id) => ({ id, result: await post(server.baseUrl, bodies[ids.indexOf(id)] as string) })));
    for (const { id, result } of resent) {
      // Committed before the kill but never answered: a repeat, answered with the receipt already kept.
      expect(result.status).toBe(byId.has(id) ? 200 : 201);
    }

    const after = stored(server.sqliteFile);
    expect(after.referrals).toHaveLength(REFERRALS);
    expect(new Set(after.referrals.map((row) => row.reference)).size).toBe(REFERRALS);
    expect(after.cases).toBe(REFERRALS);
    expect(after.statistics).toBe(REFERRALS);
    const finalById = new Map(after.referrals.map((row) => [row.id, row]));
    for (const { id, result } of [...answered.map(({ id, ...result }) => ({ id, result: result as Sent })), ...resent]) {
      if (result.status === 'no answer') throw new Error(`${id} had no answer after the restart`);
      expect(finalById.get(id)).toEqual({ id, reference: result.receipt.reference, digest: result.receipt.digest });
    }
  });
});
