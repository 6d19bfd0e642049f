import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMETERS, verifyPassword } from '../../src/server/auth/passwords.ts';

describe('password hashing', () => {
  it('uses memory-hard scrypt (64 MiB) with a fresh salt per password', async () => {
    expect(SCRYPT_PARAMETERS).toEqual({ N: 65536, r: 8, p: 1 });
    const [a, b] = [await hashPassword('the same passphrase'), await hashPassword('the same passphrase')];
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('passphrase');
  });

  it('verifies the right password only, and reads the parameters from the stored hash', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    const cheaper = stored.replace('$65536$', '$1024$');
    expect(await verifyPassword('correct horse battery staple', cheaper)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});
