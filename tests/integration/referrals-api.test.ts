import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBMISSION_BYTES, receiptSchema } from '../../src/shared/protocol.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage } from '../../src/server/storage/storage.ts';
import { sealJson, sealingAad } from '../../src/shared/sealing.ts';
import { createAccount, enrolDevice, signIn, signedFetch } from '../support/accounts.ts';
import { sealedPreviousSubmissionFor, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
});
afterAll(async () => {
  await server.close();
});

const sealed = (referral = validReferral(), id?: string) => sealedSubmissionFor(server.intakeKey, referral, id);

function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/v1/referrals', () => {
  it('answers 201 with a receipt, then 200 with the same receipt for a repeat', async () => {
    const submission = await sealed();
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
    const submission = await sealed(validReferral('child'));
    const first = await post(submission);
    const { envelope: e } = submission;
    const reordered = `{"envelope":{"ct":"${e.ct}","enc":"${e.enc}","keyId":"${e.keyId}","format":"hpke"},"submittedAt":"${submission.submittedAt}","schemaVersion":3,"id":"${submission.id}"}`;
    const again = await post(reordered);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });

  it('accepts a referral of the previous schema version as it was written, from an enrolled device', async () => {
    const previous = await sealedPreviousSubmissionFor(server.intakeKey, { path: 'child', ageGroup: 'child', account: 'Written by version 2' });
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
    const response = await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(previous) });
    expect(response.status).toBe(201);
    const stored = await server.referrals.findById(previous.id);
    expect(stored).toMatchObject({ schemaVersion: 2, path: 'child' });
    expect(JSON.parse(stored?.envelope ?? '{}')).toEqual(previous.envelope);
  });

  it('answers 409 when the same id arrives with different content, and keeps the first', async () => {
    const submission = await sealed();
    const first = await (await post(submission)).json();
    const changed = await post(await sealed(validReferral('adult-nrm', { howStarted: 'A different account' }), submission.id));
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await changed.json()).toMatchObject({ status: 409, code: 'id-conflict' });
    expect((await server.referrals.findById(submission.id))?.digest).toBe(first.digest);
  });

  it('opens the sealed referral and answers 422 in problem+json with the fields at fault, storing nothing', async () => {
    const before = await server.referrals.count();
    // Deliberately breaks the schema's rules, as a modified client could.
    const response = await post(await sealed(validReferral('child', { underAge: 'teen', howStarted: '' })));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 422, code: 'invalid-referral' });
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['envelope.referral.underAge']);
    expect(await server.referrals.count()).toBe(before);
  });

  it('stores each path under its own kind: child, adult referral, Duty to Notify', async () => {
    for (const [example, path] of [['child', 'child'], ['adult-nrm', 'adult-nrm'], ['dtn', 'dtn'], ['dtn-cooperating', 'dtn']] as const) {
      const submission = await sealed(validReferral(example));
      expect((await post(submission)).status).toBe(201);
      expect(await server.referrals.findById(submission.id)).toMatchObject({ path });
    }
  });

  it('checks list answers against its own lists, and takes a Duty to Notify report only from a Duty to Notify authority', async () => {
    const offList = await post(await sealed(validReferral('child', { ukTowns: ['Leeds', 'Atlantis'] })));
    expect(offList.status).toBe(422);
    expect((await offList.json()).errors).toEqual([{ path: 'envelope.referral.ukTowns', message: 'Enter at least one town or city and choose it from the list' }]);
    const fromCharity = await post(await sealed(validReferral('dtn', { organisation: 'The Salvation Army' })));
    expect(fromCharity.status).toBe(422);
    expect((await fromCharity.json()).errors[0]).toMatchObject({ path: 'envelope.referral.consent', message: expect.stringMatching(/^Only public authorities/) });
  });

  it('takes a Duty to Notify report from an enrolled device only when its account’s organisation is a Duty to Notify authority', async () => {
    const sendFrom = async (organisation: string) => {
      const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', organisation)));
      // The form's organisation answer names a police force either way: it is the responder's word, not the service's.
      const report = await sealed(validReferral('dtn', { organisation: 'West Yorkshire Police' }));
      return { id: report.id, response: await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(report) }) };
    };
    const charity = await sendFrom('The Salvation Army');
    expect(charity.response.status).toBe(422);
    expect((await charity.response.json()).errors).toEqual([
      { path: 'envelope.referral.organisation', message: expect.stringMatching(/^Only a public authority with a Duty to Notify .* enrolled to The Salvation Army\. Keep the draft/) },
    ]);
    expect(await server.referrals.findById(charity.id)).toBeUndefined();
    const police = await sendFrom('West Yorkshire Police');
    expect(police.response.status).toBe(201);
    // A referral the person agreed to comes from anyone the service enrolled.
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder', 'The Salvation Army')));
    const referral = await sealed(validReferral('adult-nrm'));
    expect((await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(referral) })).status).toBe(201);
  });

  it('answers 413 for a body over the limit, 400 for broken JSON and 415 for another media type', async () => {
    const huge = await sealed(validReferral('adult-nrm', { howStarted: 'a'.repeat(MAX_SUBMISSION_BYTES) }));
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'payload-too-large' });
    expect((await post('{"id":')).status).toBe(400);
    expect((await post('id=1', { 'content-type': 'text/csv' })).status).toBe(415);
  });

  it('refuses a referral whose sealed body was changed on the way, or sealed to an unknown key', async () => {
    const submission = await sealed();
    const ct = submission.envelope.ct;
    const flipped = `${ct.slice(0, 10)}${ct[10] === 'A' ? 'B' : 'A'}${ct.slice(11)}`;
    const tampered = await post({ ...submission, envelope: { ...submission.envelope, ct: flipped } });
    expect(tampered.status).toBe(422);
    expect(await tampered.json()).toMatchObject({ code: 'unreadable-envelope' });
    const moved = await post({ ...submission, id: (await sealed()).id });
    expect(moved.status).toBe(422);
    const unknownKey = await post({ ...submission, envelope: { ...submission.envelope, keyId: 'retired' } });
    expect(await unknownKey.json()).toMatchObject({ code: 'unreadable-envelope' });
    expect(await server.referrals.findById(submission.id)).toBeUndefined();
  });

  it('keeps the body sealed at rest: only the index is in the clear', async () => {
    const submission = await sealed(validReferral('adult-nrm', { howStarted: 'Seen at the Riverside car wash, Tuesday' }));
    await post(submission);
    const stored = await server.referrals.findById(submission.id);
    expect(stored?.envelope).not.toContain('Riverside');
    expect(JSON.parse(stored?.envelope ?? '{}')).toEqual(submission.envelope);
  });

  it('gives out the public intake key that devices seal to', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/intake-key`);
    const body = await response.json();
    expect(body).toEqual({ ...server.intakeKey, suite: expect.stringContaining('P-256') });
    const other = await sealJson(body, { check: true }, sealingAad('x', 2));
    expect(other.keyId).toBe(server.intakeKey.keyId);
  });

  it('stores one row and gives twenty identical receipts for twenty simultaneous copies', async () => {
    const submission = await sealed();
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
    const [a, b] = [await sealed(), await sealed()];
    const receiptA = await (await post(a)).json();
    await post(b);
    await post(await sealed());
    const response = await statuses(`since=2000-01-01T00:00:00Z&id=${a.id}&id=${b.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.statuses.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.statuses.find((s: { id: string }) => s.id === a.id)).toEqual({
      id: a.id,
      reference: receiptA.reference,
      status: 'received',
      statusChangedAt: receiptA.receivedAt,
      progress: { stage: 'received', on: null, reconsiderUntil: null },
    });

    const later = await (await statuses(`since=${encodeURIComponent(receiptA.receivedAt)}&id=${a.id}`)).json();
    expect(later.statuses).toEqual([]);
  });

  it('refuses a request without ids, with a bad since, or with too many ids', async () => {
    expect((await statuses('since=2000-01-01T00:00:00Z')).status).toBe(400);
    const ids = await Promise.all(Array.from({ length: 101 }, async () => (await sealed()).id));
    expect((await statuses(`since=yesterday&id=${ids[0]}`)).status).toBe(400);
    const many = ids.map((id) => `id=${id}`).join('&');
    const tooMany = await statuses(`since=2000-01-01T00:00:00Z&${many}`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].message).toBe('Ask about at most 100 referrals at once');
  });
});

describe('SQLite storage', () => {
  it('runs in WAL mode with full sync, and keeps rows across a reopen', async () => {
    const submission = await sealed();
    await post(submission);
    const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    const reopened = await openStorage(connectSqlite(server.sqliteFile));
    try {
      expect((await reopened.referrals.findById(submission.id))?.id).toBe(submission.id);
    } finally {
      await reopened.close();
    }
  });
});
