import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/server/admin-commands.ts';
import { createAccountService } from '../../src/server/services/accounts.ts';
import { createDeviceService } from '../../src/server/services/devices.ts';
import { createAccount, deviceKeys, signIn } from '../support/accounts.ts';
import { startLoopbackServer, TEST_SCRYPT_COST, type LoopbackServer } from '../support/in-process-server.ts';

// Right-to-left override, an escape that clears a terminal, a line break, and an isolate.
const HOSTILE = ['Phone\u202Egnp.exe', '\u001b[2J\u001b[HAll devices revoked', 'Phone\nrevoked 2026-01-01', 'Tab\u2067let'];

let server: LoopbackServer;
let cookie: string;
beforeAll(async () => {
  server = await startLoopbackServer();
  cookie = await signIn(server.baseUrl, await createAccount(server, 'responder'));
});
afterAll(async () => {
  await server.close();
});

const enrol = async (label: string) =>
  fetch(`${server.baseUrl}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ publicKey: (await deviceKeys()).publicKey, label }) });

describe('device names', () => {
  it('are refused at enrolment when they hold control characters or text-direction marks, and taken otherwise', async () => {
    for (const label of HOSTILE) {
      const response = await enrol(label);
      expect(response.status, JSON.stringify(label)).toBe(400);
      const { errors } = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(errors).toEqual([{ path: 'label', message: 'Name the device without control characters or text-direction marks: type the name again' }]);
    }
    expect((await enrol('Zoë’s phone 📱 (team 2)')).status).toBe(201);
    expect((await enrol('هاتف الفريق')).status).toBe(201);
  });

  it('are printed by npm run admin with any such character shown as its code', async () => {
    // Names enrolled before the check: straight into the store.
    const owner = (await server.storage.accounts.findUserByEmail((await createAccount(server, 'responder')).email))?.id ?? '';
    for (const label of HOSTILE) {
      await server.storage.devices.enrol({ id: uuidv7(), userId: owner, label, publicKey: (await deviceKeys()).publicKey, enrolledAt: new Date().toISOString(), revokedAt: null, lastSeenAt: null });
    }
    const now = () => new Date();
    const output = await runAdminCommand(['list-devices'], {
      accounts: createAccountService({ ...server.storage, now, scryptCost: TEST_SCRYPT_COST }),
      devices: createDeviceService({ ...server.storage, now }),
      accountsStore: server.storage.accounts,
      publicUrl: server.baseUrl,
    });
    // Line breaks end rows; nothing else unprintable is left in any row.
    for (const line of output.split('\n')) expect(line).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
    for (const shown of ['Phone\\u{202E}gnp.exe', '\\u{001B}[2J\\u{001B}[HAll devices revoked', 'Phone\\u{000A}revoked 2026-01-01', 'Tab\\u{2067}let']) expect(output).toContain(shown);
    expect(output).toContain('Zoë’s phone 📱 (team 2)');
  });
});
