import { DATABASE_NAME, type FieldDatabase } from './db.ts';
import { SETTINGS_DATABASE } from './settings.ts';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Deletes every local record, key and cache of this app on this device. */
export async function wipeDevice(db: FieldDatabase): Promise<void> {
  db.close();
  const listed = 'databases' in indexedDB ? (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : [])) : [];
  const names = new Set([DATABASE_NAME, SETTINGS_DATABASE, ...listed]);
  await Promise.all([...names].map(deleteDatabase));
  if ('caches' in globalThis) await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
}
