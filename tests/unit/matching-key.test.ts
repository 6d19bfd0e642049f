import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'nrm-field-matching-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the matching key', () => {
  const file = join(dir, 'matching-key.json');
  const key = loadMatchingKey(file, new Date('2026-03-02T10:00:00Z'));

  it('is made on first start, readable by the server alone, and the same key on the next start', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadMatchingKey(file, new Date());
    expect(again.hmac('n:HKS')).toBe(key.hmac('n:HKS'));
    expect(again.open(key.seal({ name: 'arben' }, 'aad'), 'aad')).toEqual({ name: 'arben' });
  });

  it('stores blocking keys as HMACs that say nothing, and differ from another deployment’s', () => {
    const other = loadMatchingKey(join(dir, 'other.json'), new Date());
    expect(key.hmac('n:HKS')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.hmac('n:HKS')).not.toBe(other.hmac('n:HKS'));
    expect(key.hmac('n:HKS')).not.toBe(key.hmac('n:HXS'));
  });

  it('seals so that the text is not there, a changed byte or another AAD is refused, and each seal differs', () => {
    const sealed = key.seal({ fullName: 'arben hoxha' }, 'nrm-field person-features 1');
    expect(sealed).not.toContain('arben');
    expect(key.seal({ fullName: 'arben hoxha' }, 'nrm-field person-features 1')).not.toBe(sealed);
    expect(() => key.open(sealed, 'nrm-field person-features 2')).toThrow();
    // The character before the last always carries data bits; it is swapped for one that differs from it.
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(flipped).not.toBe(sealed);
    expect(() => key.open(flipped, 'nrm-field person-features 1')).toThrow();
  });

  it('refuses a damaged key file rather than making a new key', () => {
    const damaged = join(dir, 'damaged.json');
    loadMatchingKey(damaged, new Date());
    const text = readFileSync(damaged, 'utf8').replace(/"key": "[^"]+"/, '"key": "c2hvcnQ"');
    writeFileSync(damaged, text);
    expect(() => loadMatchingKey(damaged, new Date())).toThrow(/32-byte/);
  });
});
