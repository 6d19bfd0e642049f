import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeploymentKeys, KeyCheckError, openDeploymentKeys, rotateDeploymentIntakeKey, type KeySources } from '../../src/server/crypto/deployment-keys.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { loadMatchingKey } from '../../src/server/crypto/matching-key.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage, type Storage } from '../../src/server/storage/storage.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../support/storage-backends.ts';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One instance's key settings: its own folder, unless it is given the files of another. */
function sourcesFor(database: KeySources['database'], dir = newDir()): KeySources {
  return { database, intakeKeyFile: join(dir, 'secrets', 'intake-keys.json'), matchingKeyFile: join(dir, 'secrets', 'matching-key.json') };
}

/** A key file copied to another instance, as an operator gives every instance the same keys. */
function copyKey(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(KeyCheckError);

/** Stores a referral sealed to the current key of `keyring`, as intake does. */
async function storeReferralSealedTo(storage: Storage, keyFile: string): Promise<void> {
  const keyring = await loadIntakeKeyring(keyFile, new Date());
  const submission = await sealedSubmissionFor(keyring.current);
  const at = new Date().toISOString();
  await storage.referrals.insertIfAbsent(
    { id: submission.id, reference: `NRM-TEST-${submission.id.slice(-4)}`, path: 'adult-nrm', schemaVersion: submission.schemaVersion, submittedAt: at, receivedAt: at, digest: 'd'.repeat(64), envelope: JSON.stringify(submission.envelope), deviceId: null, encounterId: null, family: null },
    [],
  );
}

describe.each([sqliteBackend(), postgresBackend()])('the intake key and the matching key recorded with the data, on $name', (backend: Backend) => {
  const kind: KeySources['database'] = backend.name === 'SQLite' ? 'sqlite' : 'postgres';
  let storage: Storage;
  let first: KeySources;
  beforeEach(async () => {
    await backend.setUp();
    storage = await backend.open();
    first = sourcesFor(kind);
    // What a new deployment does first: on SQLite the server's first start, on PostgreSQL `npm run admin -- create-keys`.
    if (kind === 'postgres') await createDeploymentKeys(first, storage.deploymentKeys, new Date());
    await openDeploymentKeys(first, storage.deploymentKeys, new Date());
  });
  afterEach(async () => {
    await storage.close();
    await backend.tearDown();
  });

  it('starts again, and a second instance starts, with the same key files; a second instance with keys of its own is refused, saying what to do', async () => {
    await expect(openDeploymentKeys(first, storage.deploymentKeys, new Date())).resolves.toMatchObject({ made: [] });
    const second = sourcesFor(kind);
    await loadIntakeKeyring(second.intakeKeyFile, new Date());
    copyKey(first.matchingKeyFile, second.matchingKeyFile);
    const attempt = openDeploymentKeys(second, storage.deploymentKeys, new Date());
    await refused(attempt);
    await expect(attempt).rejects.toThrow(/does not hold.*copy it from the instance that made it/);
    copyKey(first.intakeKeyFile, second.intakeKeyFile);
    await expect(openDeploymentKeys(second, storage.deploymentKeys, new Date())).resolves.toBeDefined();
  });

  it('refuses another matching key, which would make every earlier case unfindable', async () => {
    const other = { ...first, matchingKeyFile: join(newDir(), 'matching-key.json') };
    loadMatchingKey(other.matchingKeyFile, new Date());
    await expect(openDeploymentKeys(other, storage.deploymentKeys, new Date())).rejects.toThrow(/\(MATCHING_KEY_FILE\) is not the key this database's cases were matched with/);
  });

  it('never makes a new intake key when the key file is lost, and says to restore it', async () => {
    await storeReferralSealedTo(storage, first.intakeKeyFile);
    rmSync(first.intakeKeyFile);
    await expect(openDeploymentKeys(first, storage.deploymentKeys, new Date())).rejects.toThrow(/no intake keyring at .*restore it from the backup/);
    expect(existsSync(first.intakeKeyFile)).toBe(false);
    await expect(createDeploymentKeys(first, storage.deploymentKeys, new Date())).rejects.toThrow(/a new one would not open them/);
  });

  it('records a rotation, after which an instance still on the old keyring is refused', async () => {
    const old = sourcesFor(kind);
    copyKey(first.intakeKeyFile, old.intakeKeyFile);
    copyKey(first.matchingKeyFile, old.matchingKeyFile);
    expect(await rotateDeploymentIntakeKey(first, storage.deploymentKeys, new Date())).toMatch(/Added intake key .*copy it to every instance/s);
    expect(JSON.parse(readFileSync(first.intakeKeyFile, 'utf8')).keys).toHaveLength(2);
    await expect(openDeploymentKeys(first, storage.deploymentKeys, new Date())).resolves.toBeDefined();
    await expect(openDeploymentKeys(old, storage.deploymentKeys, new Date())).rejects.toThrow(/does not hold/);
  });

  it('reads the keys from secrets in the environment just as from the files', async () => {
    const fromEnvironment: KeySources = {
      ...sourcesFor(kind),
      intakeKeyringSecret: readFileSync(first.intakeKeyFile, 'utf8'),
      matchingKeySecret: readFileSync(first.matchingKeyFile, 'utf8'),
    };
    const { keyring } = await openDeploymentKeys(fromEnvironment, storage.deploymentKeys, new Date());
    expect(keyring.current).toEqual((await loadIntakeKeyring(first.intakeKeyFile, new Date())).current);
    const other = sourcesFor(kind);
    await loadIntakeKeyring(other.intakeKeyFile, new Date());
    const wrong = { ...fromEnvironment, intakeKeyringSecret: readFileSync(other.intakeKeyFile, 'utf8') };
    await expect(openDeploymentKeys(wrong, storage.deploymentKeys, new Date())).rejects.toThrow(/INTAKE_KEYRING does not hold/);
  });
});

describe('a database from before the keys were recorded', () => {
  const backend = sqliteBackend();
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  it('adopts the keyring its referrals were sealed to, and refuses one they were not', async () => {
    const storage = await backend.open();
    try {
      const deployment = sourcesFor('sqlite');
      await loadIntakeKeyring(deployment.intakeKeyFile, new Date());
      await storeReferralSealedTo(storage, deployment.intakeKeyFile);
      const stranger = sourcesFor('sqlite');
      await loadIntakeKeyring(stranger.intakeKeyFile, new Date());
      await expect(openDeploymentKeys(stranger, storage.deploymentKeys, new Date())).rejects.toThrow(/Stored referrals are sealed to intake key .* does not hold/);
      expect(await storage.deploymentKeys.list()).toEqual([]);
      await openDeploymentKeys(deployment, storage.deploymentKeys, new Date());
      expect((await storage.deploymentKeys.list()).map((key) => key.kind).sort()).toEqual(['intake', 'intake-first', 'matching']);
    } finally {
      await storage.close();
    }
  });
});

describe('on PostgreSQL, keys are never made silently', () => {
  const backend = postgresBackend();
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  it('refuses to start without key files, naming the command that makes them, and that command makes them once', async () => {
    const storage = await backend.open();
    try {
      const sources = sourcesFor('postgres');
      await expect(openDeploymentKeys(sources, storage.deploymentKeys, new Date())).rejects.toThrow(/never makes keys by itself.*npm run admin -- create-keys/);
      expect(existsSync(sources.intakeKeyFile)).toBe(false);
      expect(await createDeploymentKeys(sources, storage.deploymentKeys, new Date())).toMatch(/Made the intake keyring .*back them up/s);
      expect(await createDeploymentKeys(sources, storage.deploymentKeys, new Date())).toMatch(/exists already; it was left as it is/);
      await expect(openDeploymentKeys(sources, storage.deploymentKeys, new Date())).resolves.toMatchObject({ made: [] });
    } finally {
      await storage.close();
    }
  });
});

describe('an embedded deployment’s files', () => {
  it('are owner-only: the data folder 0700, the database and its -wal and -shm 0600, the key files 0600', async () => {
    const dir = newDir();
    const file = join(dir, 'data', 'nrm-field.sqlite');
    const storage = await openStorage(connectSqlite(file));
    try {
      const sources = { database: 'sqlite' as const, intakeKeyFile: join(dir, 'data', 'intake-keys.json'), matchingKeyFile: join(dir, 'data', 'matching-key.json') };
      const { made } = await openDeploymentKeys(sources, storage.deploymentKeys, new Date());
      expect(made).toEqual([sources.intakeKeyFile, sources.matchingKeyFile]);
      const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
      expect([join(dir, 'data'), file, `${file}-wal`, `${file}-shm`, ...made].map(mode)).toEqual(['700', '600', '600', '600', '600', '600']);
    } finally {
      await storage.close();
    }
  });
});
