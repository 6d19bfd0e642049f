import { existsSync, readFileSync } from 'node:fs';
import type { DeploymentKeyStore, RecordedKey } from '../storage/deployment-key-store.ts';
import { createIntakeKeyringFile, parseIntakeKeyring, rotateIntakeKey, shortFingerprint, type IntakeKeyring } from './intake-keys.ts';
import { createMatchingKeyFile, parseMatchingKey, type MatchingKey } from './matching-key.ts';

/** Where this instance's keys come from (config.ts), and which database it runs on. */
export interface KeySources {
  database: 'sqlite' | 'postgres';
  intakeKeyFile: string;
  /** INTAKE_KEYRING: the keyring's JSON from a secret store, read instead of the file. */
  intakeKeyringSecret?: string;
  matchingKeyFile: string;
  /** MATCHING_KEY: the matching key file's JSON from a secret store, read instead of the file. */
  matchingKeySecret?: string;
}

/** The keys cannot be used with this database; the message says what happened and what to do. */
export class KeyCheckError extends Error {}

export interface DeploymentKeys {
  keyring: IntakeKeyring;
  matchingKey: MatchingKey;
  /** Key files this start made (a new embedded deployment): to be backed up. */
  made: string[];
}

const CREATE_KEYS = 'npm run admin -- create-keys';
const RESTORE = 'restore it from the backup (docs/operations.md, "Backups")';

function intakeWhere(sources: KeySources): string {
  return sources.intakeKeyringSecret ? 'INTAKE_KEYRING' : `the intake keyring ${sources.intakeKeyFile} (INTAKE_KEY_FILE)`;
}

function matchingWhere(sources: KeySources): string {
  return sources.matchingKeySecret ? 'MATCHING_KEY' : `the matching key ${sources.matchingKeyFile} (MATCHING_KEY_FILE)`;
}

/** Why a key file that is missing may not simply be made now (`madeData`: the database holds data made with it); undefined when it may. */
function whyNotMake(what: string, file: string, setting: string, madeData: boolean, sources: KeySources): string | undefined {
  if (madeData) {
    return `There is no ${what} at ${file} (${setting}), but this database holds data made with one. Find it and ${RESTORE}, or point ${setting} at it. A new key would not open anything stored.`;
  }
  if (sources.database === 'postgres') {
    return (
      `There is no ${what} at ${file} (${setting}). On PostgreSQL the server never makes keys by itself, because every instance of a deployment must use the same ones. ` +
      `If this deployment is new, run \`${CREATE_KEYS}\` once with this same configuration, back up the files it makes, and give every instance a copy ` +
      '(or put their contents in INTAKE_KEYRING and MATCHING_KEY from your secret store). If it has run before, restore its key files from the backup.'
    );
  }
  return undefined;
}

async function readIntakeKeyring(sources: KeySources, store: DeploymentKeyStore, recorded: RecordedKey[], now: Date, made: string[]): Promise<IntakeKeyring> {
  if (sources.intakeKeyringSecret) return parseIntakeKeyring(sources.intakeKeyringSecret, 'INTAKE_KEYRING');
  const file = sources.intakeKeyFile;
  if (!existsSync(file)) {
    const sealedData = recorded.some((key) => key.kind !== 'matching') || (await store.hasReferrals());
    const refusal = whyNotMake('intake keyring', file, 'INTAKE_KEY_FILE', sealedData, sources);
    if (refusal) throw new KeyCheckError(refusal);
    try {
      await createIntakeKeyringFile(file, now);
      made.push(file);
    } catch (error) {
      // Made meanwhile by another process starting on the same folder: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseIntakeKeyring(readFileSync(file, 'utf8'), file);
}

function readMatchingKey(sources: KeySources, recorded: RecordedKey[], now: Date, made: string[]): MatchingKey {
  if (sources.matchingKeySecret) return parseMatchingKey(sources.matchingKeySecret, 'MATCHING_KEY');
  const file = sources.matchingKeyFile;
  if (!existsSync(file)) {
    // Only what was matched under a recorded key is lost with it: a deployment from before the finder had none.
    const refusal = whyNotMake('matching key', file, 'MATCHING_KEY_FILE', recorded.some((key) => key.kind === 'matching'), sources);
    if (refusal) throw new KeyCheckError(refusal);
    if (createMatchingKeyFile(file, now)) made.push(file);
  }
  return parseMatchingKey(readFileSync(file, 'utf8'), file);
}

/**
 * The deployment's first intake key is recorded once, by whichever instance gets there first; after that
 * every key the database knows must be in this keyring, under the same fingerprint. Keys the keyring has
 * and the database does not (a rotation) are recorded.
 */
async function checkIntakeKeys(keyring: IntakeKeyring, sources: KeySources, store: DeploymentKeyStore, now: Date): Promise<void> {
  const where = intakeWhere(sources);
  let recorded = await store.list();
  if (!recorded.some((key) => key.kind === 'intake-first')) {
    // A database older than these records: the keyring must hold the keys its referrals were sealed to.
    const sealedTo = await store.envelopeKeyIdsOfOldestAndNewest();
    const missing = sealedTo.filter((keyId) => !keyring.keys.some((key) => key.keyId === keyId));
    if (missing.length > 0) {
      throw new KeyCheckError(
        `Stored referrals are sealed to intake key ${missing.join(' and ')}, which ${where} does not hold. ` +
          `Point INTAKE_KEY_FILE at this deployment's keyring, or ${RESTORE}. A keyring made afresh cannot open what is stored.`,
      );
    }
    const first = keyring.keys[0];
    if (first) await store.record({ kind: 'intake-first', keyId: first.keyId, fingerprint: first.fingerprint, recordedAt: now.toISOString() });
    recorded = await store.list();
  }
  for (const known of recorded.filter((key) => key.kind !== 'matching')) {
    const held = keyring.keys.find((key) => key.keyId === known.keyId);
    if (held?.fingerprint === known.fingerprint) continue;
    throw new KeyCheckError(
      `This database's data is sealed to intake key ${known.keyId} (fingerprint ${shortFingerprint(known.fingerprint)}), which ${where} ` +
        `${held ? 'holds only as a different key' : 'does not hold'}. Every instance of a deployment must use the same keyring: ` +
        `copy it from the instance that made it, or ${RESTORE}. A keyring made afresh cannot open what is stored.`,
    );
  }
  for (const key of keyring.keys) {
    if (!recorded.some((known) => known.kind === 'intake' && known.keyId === key.keyId)) {
      await store.record({ kind: 'intake', keyId: key.keyId, fingerprint: key.fingerprint, recordedAt: now.toISOString() });
    }
  }
}

async function checkMatchingKey(matchingKey: MatchingKey, sources: KeySources, store: DeploymentKeyStore, now: Date): Promise<void> {
  await store.record({ kind: 'matching', keyId: 'current', fingerprint: matchingKey.fingerprint, recordedAt: now.toISOString() });
  const known = (await store.list()).find((key) => key.kind === 'matching');
  if (known && known.fingerprint !== matchingKey.fingerprint) {
    throw new KeyCheckError(
      `${matchingWhere(sources)} is not the key this database's cases were matched with (fingerprint ${shortFingerprint(known.fingerprint)}). ` +
        `Every instance of a deployment must use the same matching key: copy it from the instance that made it, or ${RESTORE}.`,
    );
  }
}

/**
 * Opens this instance's intake keyring and matching key, checked against the fingerprints kept with the
 * data, so that two instances can never seal to different keys and a lost key file is never silently
 * replaced. On a first start on SQLite the key files are made; on PostgreSQL never (`create-keys`).
 */
export async function openDeploymentKeys(sources: KeySources, store: DeploymentKeyStore, now: Date): Promise<DeploymentKeys> {
  const recorded = await store.list();
  const made: string[] = [];
  const keyring = await readIntakeKeyring(sources, store, recorded, now, made);
  const matchingKey = readMatchingKey(sources, recorded, now, made);
  await checkIntakeKeys(keyring, sources, store, now);
  await checkMatchingKey(matchingKey, sources, store, now);
  return { keyring, matchingKey, made };
}

/**
 * `npm run admin -- create-keys`: makes the key files a new deployment lacks, at the configured paths,
 * and records them. Refused where the database already holds data made with other keys.
 */
export async function createDeploymentKeys(sources: KeySources, store: DeploymentKeyStore, now: Date): Promise<string> {
  if (sources.intakeKeyringSecret || sources.matchingKeySecret) {
    throw new KeyCheckError('INTAKE_KEYRING or MATCHING_KEY is set, so this configuration reads its keys from the environment: unset both to make key files, then put their contents in your secret store.');
  }
  const recorded = await store.list();
  const lines: string[] = [];
  if (existsSync(sources.intakeKeyFile)) {
    lines.push(`The intake keyring ${sources.intakeKeyFile} exists already; it was left as it is.`);
  } else {
    if (recorded.some((key) => key.kind !== 'matching') || (await store.hasReferrals())) {
      throw new KeyCheckError(`This database holds referrals sealed to an intake key: a new one would not open them. Find the keyring and ${RESTORE}.`);
    }
    const first = await createIntakeKeyringFile(sources.intakeKeyFile, now);
    lines.push(`Made the intake keyring ${sources.intakeKeyFile} (key ${first.keyId}, fingerprint ${shortFingerprint(first.fingerprint)}).`);
  }
  if (existsSync(sources.matchingKeyFile)) {
    lines.push(`The matching key ${sources.matchingKeyFile} exists already; it was left as it is.`);
  } else {
    if (recorded.some((key) => key.kind === 'matching')) {
      throw new KeyCheckError(`This database's cases were matched with another matching key: find it and ${RESTORE}.`);
    }
    createMatchingKeyFile(sources.matchingKeyFile, now);
    lines.push(`Made the matching key ${sources.matchingKeyFile}.`);
  }
  await openDeploymentKeys(sources, store, now);
  lines.push(
    '',
    'Both files are mode 0600. Now:',
    '  1. back them up, apart from the database backups: without the intake keyring nothing stored can ever be read again;',
    '  2. give every server instance the same two files (INTAKE_KEY_FILE, MATCHING_KEY_FILE), or their contents as INTAKE_KEYRING and MATCHING_KEY.',
    '',
  );
  return lines.join('\n');
}

/** `npm run admin -- rotate-intake-key`: adds a new current key to the keyring file (see docs/operations.md, "Keys"). */
export async function rotateDeploymentIntakeKey(sources: KeySources, store: DeploymentKeyStore, now: Date): Promise<string> {
  if (sources.intakeKeyringSecret) {
    throw new KeyCheckError('INTAKE_KEYRING is set: rotate by adding a key to the secret (make one with this command against a copy in a file, INTAKE_KEY_FILE, with INTAKE_KEYRING unset).');
  }
  // The keyring must be this deployment's before a key is added to it.
  await openDeploymentKeys(sources, store, now);
  const keyId = await rotateIntakeKey(sources.intakeKeyFile, now);
  const { keyring } = await openDeploymentKeys(sources, store, now);
  const added = keyring.keys.find((key) => key.keyId === keyId);
  return [
    `Added intake key ${keyId}${added ? ` (fingerprint ${shortFingerprint(added.fingerprint)})` : ''} to ${sources.intakeKeyFile}; it seals new referrals from now on.`,
    'Back the file up now, copy it to every instance, and restart them all together.',
    '',
  ].join('\n');
}
