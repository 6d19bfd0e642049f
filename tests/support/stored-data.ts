import type { Page } from 'playwright-core';

/**
 * Everything this origin keeps on the device, as text: every IndexedDB row (byte arrays decoded both
 * as UTF-8 and byte by byte, so no encoding hides a secret), Cache Storage, localStorage and
 * sessionStorage. Each store is listed with its row count, as "[database/store: n]".
 */
export function readEverythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const asText = (value: unknown): void => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        parts.push(new TextDecoder('utf-8').decode(bytes), Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
      } else if (typeof value === 'string') parts.push(value);
      else if (value && typeof value === 'object') for (const inner of Object.values(value)) asText(inner);
      else parts.push(String(value));
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        parts.push(`[${info.name}/${store}: ${rows.length}]`);
        rows.forEach(asText);
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        parts.push(request.url);
        parts.push(await (await cache.match(request))!.text());
      }
    }
    parts.push(JSON.stringify(localStorage), JSON.stringify(sessionStorage));
    return parts.join('\n');
  });
}
