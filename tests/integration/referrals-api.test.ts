import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBMISSION_BYTES, receiptSchema } from '../../src/shared/protocol.ts';
import { openSqliteStore } from '../../src/server/storage/sqlite.ts';
import { submissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/v1/referrals', () => {
  it('answers 201 with a receipt, then 200 with the same receipt for a repeat', async () => {
    const submission = submissionFor();
    const first = await post(submission);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const receipt = receiptSchema.parse(await first.json());
    expect(receipt.id).toBe(submission.id);

    const again = await post(submission);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(receipt);
    expect(await server.referrals.findById(submission.id)).toMatchObject({ reference: receipt.reference, path: 'adult-nrm' });
  });

  it('treats the same content with its keys in another order as a repeat', async () => {
    const submission = submissionFor(validReferral({ ageGroup: 'child' }));
    const first = await post(submission);
    const reordered = `{"envelope":{"referral":{"account":${JSON.stringify(submission.envelope.referral.account)},"ageGroup":"child","path":"child"},"format":"plain"},"submittedAt":"${submission.submittedAt}","schemaVersion":2,"id":"${submission.id}"}`;
    const again = await post(reordered);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });

  it('accepts a referral of the previous schema version as it was written', async () => {
    const { envelope, ...rest } = submissionFor();
    const previous = { ...rest, schemaVersion: 1, envelope: { format: 'plain', referral: { ageGroup: 'child', account: envelope.referral.account } } };
    const response = await post(previous);
    expect(response.status).toBe(201);
    const stored = await server.referrals.findById(previous.id);
    expect(stored).toMatchObject({ schemaVersion: 1, path: 'child' });
    expect(JSON.parse(stored?.envelope ?? '{}')).toEqual(previous.envelope);
  });

  it('answers 409 when the same id arrives with different content, and keeps the first', async () => {
    const submission = submissionFor();
    const first = await (await post(submission)).json();
    const changed = await post({ ...submission, envelope: { format: 'plain', referral: validReferral({ account: 'A different account' }) } });
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await changed.json()).toMatchObject({ status: 409, code: 'id-conflict' });
    expect((await server.referrals.findById(submission.id))?.digest).toBe(first.digest);
  });

  it('answers 422 in problem+json with the fields at fault, and stores nothing', async () => {
    const before = await server.referrals.count();
    const submission = submissionFor(validReferral({ account: '' }));
    const response = await post({ ...submission, envelope: { format: 'plain', referral: { ...submission.envelope.referral, ageGroup: 'teen' } } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 422, code: 'invalid-referral' });
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['envelope.referral.ageGroup', 'envelope.referral.account']);
    expect(await server.referrals.count()).toBe(before);
  });

  it('answers 413 for a body over the limit, 400 for broken JSON and 415 for another media type', async () => {
    const huge = submissionFor(validReferral({ account: 'a'.repeat(MAX_SUBMISSION_BYTES) }));
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'payload-too-large' });
    expect((await post('{"id":')).status).toBe(400);
    expect((await post('id=1', { 'content-type': 'text/csv' })).status).toBe(415);
  });

  it('stores one row and gives twenty identical receipts for twenty simultaneous copies', async () => {
    const submission = submissionFor();
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(submission)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const receipts = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from referrals where id = ?').get(submission.id)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not-found' });
  });
});

describe('GET /api/v1/receipts', () => {
  const statuses = (query: string) => fetch(`${server.baseUrl}/api/v1/receipts?${query}`);

  it('gives the status of the referrals named, changed after `since`, and nothing else', async () => {
    const [a, b] = [submissionFor(), submissionFor()];
    const receiptA = await (await post(a)).json();
    await post(b);
    const other = submissionFor();
    await post(other);
    const response = await statuses(`since=2000-01-01T00:00:00Z&id=${a.id}&id=${b.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.statuses.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.statuses.find((s: { id: string }) => s.id === a.id)).toEqual({ id: a.id, reference: receiptA.reference, status: 'received', statusChangedAt: receiptA.receivedAt });

    const later = await (await statuses(`since=${encodeURIComponent(receiptA.receivedAt)}&id=${a.id}`)).json();
    expect(later.statuses).toEqual([]);
  });

  it('refuses a request without ids, with a bad since, or with too many ids', async () => {
    expect((await statuses('since=2000-01-01T00:00:00Z')).status).toBe(400);
    expect((await statuses(`since=yesterday&id=${submissionFor().id}`)).status).toBe(400);
    const many = Array.from({ length: 101 }, () => `id=${submissionFor().id}`).join('&');
    const tooMany = await statuses(`since=2000-01-01T00:00:00Z&${many}`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].message).toBe('Ask about at most 100 referrals at once');
  });
});

describe('SQLite storage', () => {
  it('runs in WAL mode with full sync, and keeps rows across a reopen', async () => {
    const submission = submissionFor();
    await post(submission);
    const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    const reopened = await openSqliteStore(server.sqliteFile);
    try {
      expect((await reopened.findById(submission.id))?.id).toBe(submission.id);
    } finally {
      await reopened.close();
    }
  });
});
