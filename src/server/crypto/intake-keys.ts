import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromBase64Url, toBase64Url } from '../../shared/base64url.ts';
import { intakeCipherSuite, type IntakePrivateKey, type IntakePublicKey } from '../../shared/sealing.ts';

interface StoredKey {
  keyId: string;
  createdAt: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The server's intake keys. The newest seals new referrals; older ones stay to open what devices
 * sealed before a rotation and have not sent yet.
 */
export interface IntakeKeyring {
  current: IntakePublicKey;
  privateKey(keyId: string): IntakePrivateKey | undefined;
}

function readKeys(file: string): StoredKey[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: StoredKey[] };
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new Error(`${file} holds no intake keys`);
  return parsed.keys;
}

function writeKeys(file: string, keys: StoredKey[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

async function newKey(now: Date): Promise<StoredKey> {
  const suite = intakeCipherSuite();
  const pair = await suite.kem.generateKeyPair();
  return {
    keyId: `${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`,
    createdAt: now.toISOString(),
    publicKey: toBase64Url(new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey))),
    privateKey: toBase64Url(new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey))),
  };
}

/** Adds a new current key; the old ones keep opening referrals already sealed to them. */
export async function rotateIntakeKey(file: string, now: Date): Promise<string> {
  const keys = existsSync(file) ? readKeys(file) : [];
  const key = await newKey(now);
  writeKeys(file, [...keys, key]);
  return key.keyId;
}

/** Loads the keyring, making the first key (file mode 0600) on first start. */
export async function loadIntakeKeyring(file: string, now: Date): Promise<IntakeKeyring> {
  if (!existsSync(file)) await rotateIntakeKey(file, now);
  const keys = readKeys(file);
  const suite = intakeCipherSuite();
  const privateKeys = new Map<string, IntakePrivateKey>();
  for (const key of keys) privateKeys.set(key.keyId, await suite.kem.deserializePrivateKey(fromBase64Url(key.privateKey).buffer));
  const newest = keys[keys.length - 1] as StoredKey;
  return {
    current: { keyId: newest.keyId, publicKey: newest.publicKey },
    privateKey: (keyId) => privateKeys.get(keyId),
  };
}
