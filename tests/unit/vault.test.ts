import { describe, expect, it } from 'vitest';
import { box, unbox } from '../../src/store/box.ts';
import { AttemptsExhaustedError, PBKDF2_ITERATIONS, TooSoonError, WrongPassphraseError, createVault, unlockDelayMs } from '../../src/store/vault.ts';
import { freshDatabase } from '../support/fixtures.ts';

// Fewer PBKDF2 rounds keep these tests quick; the default is checked on its own.
const fast = { iterations: 1_000 };
const at = (ms: number) => new Date(Date.parse('2026-11-29T09:00:00Z') + ms);

describe('device vault', () => {
  it('derives its wrapping key with PBKDF2-SHA256 at 600,000 iterations or more by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const db = freshDatabase();
    await createVault(db).create('correct horse battery', at(0));
    expect((await db.vault.get('device'))?.iterations).toBe(PBKDF2_ITERATIONS);
  });

  it('stores the data key only wrapped, and unwraps it to a key that cannot be exported', async () => {
    const db = freshDatabase();
    const vault = createVault(db, fast);
    const key = await vault.create('correct horse battery', at(0));
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const sealed = await box(key, { name: 'Anneliese' }, 'draft:1');
    const again = await vault.unlock('correct horse battery', at(1));
    expect(await unbox(again, sealed, 'draft:1')).toEqual({ name: 'Anneliese' });
    await expect(unbox(again, sealed, 'draft:2')).rejects.toThrow();
    const record = await db.vault.get('device');
    expect(record?.wrappedKey.byteLength).toBe(48);
  });

  it('keeps everything readable after a passphrase change, and only the new passphrase opens it', async () => {
    const db = freshDatabase();
    const vault = createVault(db, fast);
    const key = await vault.create('first passphrase', at(0));
    const sealed = await box(key, 'kept', 'label:1');
    await expect(vault.changePassphrase('wrong one', 'second passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.changePassphrase('first passphrase', 'second passphrase');
    await expect(vault.unlock('first passphrase', at(1))).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await unbox(await vault.unlock('second passphrase', at(2)), sealed, 'label:1')).toBe('kept');
  });

  it('makes the user wait longer after each wrong passphrase past the third', async () => {
    expect([1, 2, 3, 4, 5, 9, 20].map(unlockDelayMs)).toEqual([0, 0, 5_000, 10_000, 20_000, 300_000, 300_000]);
    const db = freshDatabase();
    const vault = createVault(db, fast);
    await vault.create('right passphrase', at(0));
    for (const n of [1, 2]) await expect(vault.unlock('nope', at(n))).rejects.toMatchObject({ attemptsLeft: 10 - n, retryAt: at(n).getTime() });
    await expect(vault.unlock('nope', at(3))).rejects.toMatchObject({ attemptsLeft: 7, retryAt: at(3).getTime() + 5_000 });
    await expect(vault.unlock('right passphrase', at(4))).rejects.toBeInstanceOf(TooSoonError);
    expect(await vault.unlock('right passphrase', at(5_003))).toBeDefined();
    expect(await vault.status()).toEqual({ attemptsLeft: 10, retryAt: 0 });
  });

  it('says the device must be wiped when the last allowed attempt fails', async () => {
    const db = freshDatabase();
    const vault = createVault(db, { ...fast, maxAttempts: 3 });
    await vault.create('right passphrase', at(0));
    await expect(vault.unlock('a', at(0))).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(vault.unlock('b', at(1))).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(vault.unlock('c', at(2))).rejects.toBeInstanceOf(AttemptsExhaustedError);
  });
});
