import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_NODE_FLAGS } from '../../scripts/build-server.ts';
import { intakeKeyResponseSchema } from '../../src/shared/protocol.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { deviceKey, freshDatabase, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

// Inside the project, as the real build's dist-server/ is, so the packages left out of the file are found.
const BUILD_DIR = 'node_modules/.cache/nrm-built-server-test';
const ENTRY = `${BUILD_DIR}/main.mjs`;

let server: RunningServer;
beforeAll(async () => {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  await buildServer(ENTRY);
  server = await startServer({ STATIC_DIR: 'tests/support/app-shell-stub', ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' }, { entry: ENTRY });
});
afterAll(async () => {
  await server?.stop();
  rmSync(BUILD_DIR, { recursive: true, force: true });
});

describe('the built server (npm start and npm run serve run it)', () => {
  it('is one file that needs no TypeScript loader', () => {
    const built = readFileSync(ENTRY, 'utf8');
    // Nothing of the project's own is left to load, and nothing written in TypeScript.
    expect(built).not.toMatch(/(from|import\() *["']\.\.?\//);
    expect(built).not.toMatch(/(from|import\() *["'][^"']*\.tsx?["']/);
  });

  it('is run by npm run serve (and so npm start) with the Node flags the tests and the bench use', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.serve).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} scripts/serve.mjs`);
    expect(scripts.start).toMatch(/npm run serve$/);
  });

  it('serves the reference lists shipped with the release, byte for byte as stored', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/reference/uk-towns`);
    expect(response.status).toBe(200);
    const shipped: unknown = JSON.parse(readFileSync('src/shared/reference/lists/uk-towns.json', 'utf8'));
    expect(await response.text()).toBe(JSON.stringify(shipped));
  });

  it('takes a referral from the outbox and gives back its receipt', async () => {
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const intakeKey = intakeKeyResponseSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json());
    await queueSubmission(db, await deviceKey, await sealedSubmissionFor(intakeKey, validReferral('adult-nrm')), 'BUILT-1', clock.now());
    const engine = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, timeoutMs: 5_000 }),
      clock,
      random: Math.random,
      exclusive: (task) => task(),
      uploadFiles,
      backoff: { baseMs: 5, capMs: 50 },
    });
    await engine.drain({ now: true });
    const [item] = await listOutbox(db, await deviceKey);
    expect(item?.state).toBe('delivered');
    expect(item?.receipt?.reference).toMatch(/^NRM-[34679ACDEFGHJKMNPQRTVWXY]{4}-[34679ACDEFGHJKMNPQRTVWXY]{2}$/);
  });
});
