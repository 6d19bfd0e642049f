import { DATABASE_NAME, type FieldDatabase } from './db.ts';
import { SETTINGS_DATABASE, type Settings } from './settings.ts';

/** Resolves when deleted, or when another open connection holds it up: its contents are already cleared. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * Deletes every local record, key and cache of this app on this device. The service worker's
 * precache stays: it holds only the public app shell (nothing personal is ever cached), and without
 * it a device wiped with no signal could not even open the app again.
 */
export async function wipeDevice(db: FieldDatabase, settings: Settings): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
  await settings.clear();
  db.close();
  const listed = 'databases' in indexedDB ? (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : [])) : [];
  await Promise.all([...new Set([DATABASE_NAME, SETTINGS_DATABASE, ...listed])].map(deleteDatabase));
  if ('caches' in globalThis) {
    const names = (await caches.keys()).filter((name) => !name.includes('precache'));
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}
