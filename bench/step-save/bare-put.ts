const DATABASE = 'nrm-field-bench-bare';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The floor under any save: one put of the same record in its own transaction, waited on until it commits. */
export async function openBarePut(): Promise<(account: string) => Promise<void>> {
  await request(indexedDB.deleteDatabase(DATABASE));
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('drafts', { keyPath: 'id' });
  const db = await request(open);
  return (account) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ id: 'bench', account, updatedAt: new Date().toISOString() });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
}
