import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptSchema, type Receipt } from '../../src/shared/protocol.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { freshTestSchema, type TestSchema } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const REFERRALS = 1_000;
/** Sent to both instances at the same moment: the cross-instance race the unique constraint settles. */
const SENT_TO_BOTH = 200;
const IN_FLIGHT = 16;

let target: TestSchema | undefined;
const servers: RunningServer[] = [];
// The server refuses to start without a built app; this test needs only the API, and `npm test` runs before any build.
const appShell = 'tests/support/app-shell-stub';
// Every instance of a deployment reads the same intake keyring and matching key, made before they start
// (on PostgreSQL the server never makes them itself).
const keyDir = mkdtempSync(join(tmpdir(), 'nrm-field-keys-'));
let intakeKey: IntakePublicKey;
let env: Record<string, string>;

beforeAll(async () => {
  target = await freshTestSchema();
  const intakeKeyFile = join(keyDir, 'intake-keys.json');
  intakeKey = (await loadIntakeKeyring(intakeKeyFile, new Date())).current;
  loadMatchingKey(join(keyDir, 'matching-key.json'), new Date());
  // Unsigned, as the try-out allows from this machine: what is proven here is exactly-once across instances.
  env = { DATABASE_URL: target.url, DATABASE_SCHEMA: target.schema, STATIC_DIR: appShell, INTAKE_KEY_FILE: intakeKeyFile, ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' };
  // Started together, so they also race to create the schema and run the migrations.
  const starts = await Promise.allSettled([startServer(env), startServer(env)]);
  for (const start of starts) if (start.status === 'fulfilled') servers.push(start.value);
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) throw failed.reason;
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await target?.drop();
  rmSync(keyDir, { recursive: true, force: true });
});

interface Answer {
  server: number;
  status: number;
  receipt?: Receipt;
}

async function send(server: number, body: unknown): Promise<Answer> {
  const response = await fetch(`${servers[server]!.baseUrl}/api/v1/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  return response.ok ? { server, status: response.status, receipt: receiptSchema.parse(answer) } : { server, status: response.status };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Runs the tasks with at most `limit` of them in flight, like a busy load balancer would. */
async function inFlight<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('two server instances on one PostgreSQL database', () => {
  it('store each of 1,000 referrals once and give every copy of an id the same receipt', async () => {
    const submissions = await Promise.all(Array.from({ length: REFERRALS }, () => sealedSubmissionFor(intakeKey)));
    const plan = shuffled(submissions.map((submission, i) => ({ submission, toBoth: i < SENT_TO_BOTH })));
    const answers = await inFlight(
      plan.map(({ submission, toBoth }) =>
        toBoth ? () => Promise.all([send(0, submission), send(1, submission)]) : async () => [await send(Math.random() < 0.5 ? 0 : 1, submission)],
      ),
      IN_FLIGHT,
    );

    const receipts = new Map<string, Receipt | undefined>();
    plan.forEach(({ submission, toBoth }, i) => {
      const copies = answers[i]!;
      expect(copies.map((copy) => copy.status).sort(), submission.id).toEqual(toBoth ? [200, 201] : [201]);
      expect(new Set(copies.map((copy) => JSON.stringify(copy.receipt))).size, submission.id).toBe(1);
      receipts.set(submission.id, copies[0]!.receipt);
    });
    const createdOn = (server: number) => answers.flat().filter((answer) => answer.server === server && answer.status === 201).length;
    expect(createdOn(0)).toBeGreaterThan(0);
    expect(createdOn(1)).toBeGreaterThan(0);

    const rows = await target!.query<{ id: string; reference: string; received_at: string; digest: string }>(
      'select id, reference, received_at, digest from referrals',
    );
    expect(rows).toHaveLength(REFERRALS);
    for (const row of rows) {
      expect(receipts.get(row.id)).toEqual({ id: row.id, reference: row.reference, receivedAt: row.received_at, digest: row.digest });
    }
  }, 60_000);
});

describe('an instance with keys of its own on the same database', () => {
  it('refuses to start, saying which key it lacks and what to do, rather than sealing to a key the others cannot open', async () => {
    const ownKeys = mkdtempSync(join(tmpdir(), 'nrm-field-keys-'));
    try {
      const ownKeyring = join(ownKeys, 'intake-keys.json');
      await loadIntakeKeyring(ownKeyring, new Date());
      const started = startServer({ ...env, INTAKE_KEY_FILE: ownKeyring, MATCHING_KEY_FILE: join(keyDir, 'matching-key.json') });
      await expect(started).rejects.toThrow(/server exited early[\s\S]*sealed to intake key .* which the intake keyring .* does not hold[\s\S]*copy it from the instance that made it/);
      const noKeys = startServer({ ...env, INTAKE_KEY_FILE: join(ownKeys, 'none.json'), MATCHING_KEY_FILE: join(ownKeys, 'none-matching.json') });
      await expect(noKeys).rejects.toThrow(/There is no intake keyring at .* but this database holds data made with one/);
    } finally {
      rmSync(ownKeys, { recursive: true, force: true });
    }
  }, 60_000);
});
