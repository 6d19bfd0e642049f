import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashingGate } from '../../src/server/auth/hashing-gate.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const QUEUE = 4;
const BURST = 20;

/** Waits, without a fixed sleep, until `ready` holds (or fails after a bound). */
async function until(what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a burst of sign-ins', () => {
  const gate = createHashingGate({ concurrency: 1, maxWaiting: QUEUE });
  let server: LoopbackServer;
  let device: TestDevice;
  beforeAll(async () => {
    // A real scrypt cost (16 MiB a hash), not the tests' cheap one: what runs is real hashing.
    server = await startLoopbackServer({ passwordHashing: gate, scryptCost: { N: 2 ** 14, r: 8, p: 1 } });
    device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
  });
  afterAll(async () => {
    await server.close();
  });

  it('is queued up to a bound and refused past it, while referrals keep arriving', async () => {
    // Hold the one hashing slot, so the sign-ins below stay queued for as long as the test looks at them.
    let release: () => void = () => undefined;
    const holding = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const answered: Response[] = [];
    const burst = Array.from({ length: BURST }, (_, i) =>
      fetch(`${server.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${i}@example.org`, password: 'not anyone’s password' }),
      }).then((response) => {
        answered.push(response);
        return response;
      }),
    );

    await until('the queue filling and the rest being refused', () => gate.stats().waiting === QUEUE && answered.length === BURST - QUEUE);
    for (const refused of answered) {
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await refused.json()).toMatchObject({ code: 'server-busy' });
    }

    // Intake does not wait for the queue: each referral is stored while every queued sign-in still waits.
    for (let i = 0; i < 5; i += 1) {
      const response = await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(await sealedSubmissionFor(server.intakeKey)) });
      expect(response.status).toBe(201);
      expect(gate.stats()).toMatchObject({ running: 1, waiting: QUEUE });
    }

    release();
    await holding;
    const statuses = (await Promise.all(burst)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(QUEUE);
    expect(statuses.filter((status) => status === 503)).toHaveLength(BURST - QUEUE);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, peakRunning: 1, refused: BURST - QUEUE });
  });
});
