import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner only: the server's data is nobody else's business on a shared machine. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Makes the folder (and any parent it lacks) owner-only. An existing folder of this user's that others
 * may read is tightened too: the data directory of a deployment made before this was checked.
 */
export function privateDirectory(dir: string, { tightenExisting }: { tightenExisting: boolean }): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    return;
  }
  const stat = statSync(dir);
  if (tightenExisting && (stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(dir, PRIVATE_DIRECTORY_MODE);
}

/**
 * The SQLite file, made owner-only before SQLite first opens it, so it is never readable by others even for
 * a moment; SQLite gives its `-wal` and `-shm` files the mode of the database file. Files of a database made
 * before this was checked are tightened.
 */
export function privateDatabaseFile(file: string): void {
  privateDirectory(dirname(file), { tightenExisting: true });
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
