import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromBase64Url, toBase64Url } from '../../shared/base64url.ts';
import { intakeCipherSuite, type IntakePrivateKey, type IntakePublicKey } from '../../shared/sealing.ts';
import { PRIVATE_FILE_MODE, privateDirectory } from '../storage/private-files.ts';

interface StoredKey {
  keyId: string;
  createdAt: string;
  publicKey: string;
  privateKey: string;
}

/** What identifies one key of the keyring without revealing it: recorded with the data (crypto/deployment-keys.ts). */
export interface KeyFingerprint {
  keyId: string;
  /** SHA-256 of the public key, hex. */
  fingerprint: string;
}

/**
 * The server's intake keys. The newest seals new referrals; older ones stay to open what devices
 * sealed before a rotation and have not sent yet.
 */
export interface IntakeKeyring {
  current: IntakePublicKey;
  privateKey(keyId: string): IntakePrivateKey | undefined;
  /** Every key of the ring, oldest first. */
  keys: readonly KeyFingerprint[];
}

export const fingerprintOf = (publicKey: string): string => createHash('sha256').update(fromBase64Url(publicKey)).digest('hex');

/** A fingerprint as people compare it: its first 16 hex digits, in fours. */
export const shortFingerprint = (fingerprint: string): string => fingerprint.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');

function parseKeys(text: string, where: string): StoredKey[] {
  let parsed: { keys?: unknown };
  try {
    parsed = JSON.parse(text) as { keys?: unknown };
  } catch {
    throw new Error(`${where} is not an intake keyring (not JSON): restore it from the backup`);
  }
  const keys = parsed.keys;
  const complete = (key: unknown): key is StoredKey =>
    typeof key === 'object' && key !== null && ['keyId', 'createdAt', 'publicKey', 'privateKey'].every((name) => typeof (key as Record<string, unknown>)[name] === 'string');
  if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${where} holds no intake keys`);
  if (!keys.every(complete)) throw new Error(`${where} has an intake key without its keyId, createdAt, publicKey or privateKey: restore it from the backup`);
  return keys;
}

function writeKeys(file: string, keys: StoredKey[], flag: 'w' | 'wx'): void {
  privateDirectory(dirname(file), { tightenExisting: false });
  writeFileSync(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: PRIVATE_FILE_MODE, flag });
  chmodSync(file, PRIVATE_FILE_MODE);
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

/** Adds a new current key to the keyring file; the old ones keep opening referrals already sealed to them. */
export async function rotateIntakeKey(file: string, now: Date): Promise<string> {
  const keys = existsSync(file) ? parseKeys(readFileSync(file, 'utf8'), file) : [];
  const key = await newKey(now);
  writeKeys(file, [...keys, key], 'w');
  return key.keyId;
}

/** Makes a keyring file with its first key (mode 0600); refuses to overwrite one (`EEXIST`). */
export async function createIntakeKeyringFile(file: string, now: Date): Promise<KeyFingerprint> {
  const key = await newKey(now);
  writeKeys(file, [key], 'wx');
  return { keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey) };
}

/** Opens a keyring from its JSON (the key file's contents, or the INTAKE_KEYRING secret); `where` names it in errors. */
export async function parseIntakeKeyring(text: string, where: string): Promise<IntakeKeyring> {
  const keys = parseKeys(text, where);
  const suite = intakeCipherSuite();
  const privateKeys = new Map<string, IntakePrivateKey>();
  for (const key of keys) privateKeys.set(key.keyId, await suite.kem.deserializePrivateKey(fromBase64Url(key.privateKey).buffer));
  const newest = keys[keys.length - 1] as StoredKey;
  return {
    current: { keyId: newest.keyId, publicKey: newest.publicKey },
    privateKey: (keyId) => privateKeys.get(keyId),
    keys: keys.map((key) => ({ keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey) })),
  };
}

/**
 * Loads the keyring file, making the first key (mode 0600) when there is none: for tests and tools that
 * work on a keyring of their own. The server opens its keys through crypto/deployment-keys.ts, which
 * checks them against the database and never makes a key for PostgreSQL.
 */
export async function loadIntakeKeyring(file: string, now: Date): Promise<IntakeKeyring> {
  if (!existsSync(file)) await rotateIntakeKey(file, now);
  return parseIntakeKeyring(readFileSync(file, 'utf8'), file);
}
