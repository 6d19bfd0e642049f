import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';

// The server refuses to start without a built app; these tests need only the API.
const appShell = 'tests/support/app-shell-stub';
let plain: RunningServer;
let tryOut: RunningServer;
beforeAll(async () => {
  // Started together: each start is a process of its own, and the machine may be busy.
  [plain, tryOut] = await Promise.all([startServer({ STATIC_DIR: appShell }), startServer({ STATIC_DIR: appShell, ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([plain?.stop(), tryOut?.stop()]);
});

const unsignedPost = (server: RunningServer) => fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

describe('the server as it starts', () => {
  it('requires device signatures when started with no settings at all', async () => {
    const response = await unsignedPost(plain);
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([401, 'device-signature-required']);
    expect(plain.output()).toMatch(/Device signatures: required/);
  });

  it('takes unsigned requests from this machine only with the try-out setting, and says so loudly', async () => {
    // Past the device guard: refused for its (empty) content instead.
    expect((await unsignedPost(tryOut)).status).toBe(422);
    expect(tryOut.output()).toMatch(/!! ALLOW_UNSIGNED_FROM_LOOPBACK is on/);
  });

  it('refuses to start unsigned on any address but loopback, and to believe every proxy, saying what to do instead', async () => {
    const [onEveryAddress, everyProxy] = await Promise.allSettled([
      startServer({ STATIC_DIR: appShell, ALLOW_UNSIGNED_FROM_LOOPBACK: 'true', HOST: '0.0.0.0' }),
      startServer({ STATIC_DIR: appShell, TRUST_PROXY: 'true' }),
    ]);
    expect(onEveryAddress.status === 'rejected' && String(onEveryAddress.reason)).toMatch(/NRM Field did not start: ALLOW_UNSIGNED_FROM_LOOPBACK=true .* only on loopback: set HOST to 127\.0\.0\.1/);
    expect(everyProxy.status === 'rejected' && String(everyProxy.reason)).toMatch(/NRM Field did not start: TRUST_PROXY=true would believe any client.*TRUST_PROXY=1/);
  }, 60_000);
});
