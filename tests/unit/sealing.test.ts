import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIntakeKeyring, rotateIntakeKey } from '../../src/server/crypto/intake-keys.ts';
import { openJson, sealJson, sealingAad } from '../../src/shared/sealing.ts';

const dir = mkdtempSync(join(tmpdir(), 'nrm-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sealing referrals to the intake key', () => {
  it('makes a keyring file readable by its owner only, and opens what was sealed to it', async () => {
    const file = join(dir, 'keys-a.json');
    const keyring = await loadIntakeKeyring(file, new Date('2026-11-29T09:00:00Z'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const aad = sealingAad('id-1', 2);
    const sealed = await sealJson(keyring.current, { account: 'Held in a flat above the shop' }, aad);
    expect(JSON.stringify(sealed)).not.toContain('flat above');
    expect(await openJson(keyring.privateKey(sealed.keyId)!, sealed, aad)).toEqual({ account: 'Held in a flat above the shop' });
  });

  it('rejects a change to any byte, and a ciphertext moved to another id', async () => {
    const keyring = await loadIntakeKeyring(join(dir, 'keys-b.json'), new Date());
    const aad = sealingAad('id-2', 2);
    const sealed = await sealJson(keyring.current, { n: 1 }, aad);
    const key = keyring.privateKey(sealed.keyId)!;
    for (const field of ['ct', 'enc'] as const) {
      const value = sealed[field];
      for (const at of [0, Math.floor(value.length / 2), value.length - 2]) {
        const changed = `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
        await expect(openJson(key, { ...sealed, [field]: changed }, aad)).rejects.toThrow();
      }
    }
    await expect(openJson(key, sealed, sealingAad('id-3', 2))).rejects.toThrow();
  });

  it('keeps opening referrals sealed before a key rotation', async () => {
    const file = join(dir, 'keys-c.json');
    const before = await loadIntakeKeyring(file, new Date());
    const aad = sealingAad('id-4', 2);
    const old = await sealJson(before.current, { n: 'old' }, aad);
    const newKeyId = await rotateIntakeKey(file, new Date());
    const after = await loadIntakeKeyring(file, new Date());
    expect(after.current.keyId).toBe(newKeyId);
    expect(after.current.keyId).not.toBe(before.current.keyId);
    expect(await openJson(after.privateKey(old.keyId)!, old, aad)).toEqual({ n: 'old' });
  });
});
