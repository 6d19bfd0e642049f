import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { evidenceAad, evidenceManifestSchema, importFileKey, openChunk } from '../../src/shared/evidence.ts';
import { openJson, sealingAad } from '../../src/shared/sealing.ts';
import type { RunningServer } from './server-process.ts';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface ReceivedFile {
  name: string;
  type: string;
  /** The manifest's SHA-256 of the plaintext, as the device computed it. */
  declared: string;
  /** SHA-256 of the plaintext the server reassembles from the chunks it holds. */
  received: string;
}

/** Opens a stored referral's sealed answers with the server's intake key, as the decision unit reads them. */
export async function receivedReferral(server: RunningServer, referralId: string): Promise<Record<string, unknown>> {
  const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
  try {
    const row = db.prepare('select envelope, schema_version from referrals where id = ?').get(referralId) as { envelope: string; schema_version: number };
    const sealed = JSON.parse(row.envelope) as { keyId: string; enc: string; ct: string };
    const keyring = await loadIntakeKeyring(join(server.dataDir, 'intake-keys.json'), new Date());
    return (await openJson(keyring.privateKey(sealed.keyId)!, sealed, sealingAad(referralId, row.schema_version))) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

/**
 * Opens a stored referral's evidence as the decision unit would: the manifest with the server's intake
 * key, then every chunk the server holds with its file's key, reassembled in order.
 */
export async function receivedFiles(server: RunningServer, referralId: string): Promise<ReceivedFile[]> {
  const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
  try {
    const { envelope } = db.prepare('select envelope from referrals where id = ?').get(referralId) as { envelope: string };
    const sealed = JSON.parse(envelope) as { keyId: string; evidence?: { enc: string; ct: string } };
    if (!sealed.evidence) return [];
    const keyring = await loadIntakeKeyring(join(server.dataDir, 'intake-keys.json'), new Date());
    const manifest = evidenceManifestSchema.parse(await openJson(keyring.privateKey(sealed.keyId)!, { keyId: sealed.keyId, ...sealed.evidence }, evidenceAad(referralId)));
    const chunk = db.prepare('select bytes from evidence_chunks where referral_id = ? and file_id = ? and idx = ? and sha256 = ?');
    const files: ReceivedFile[] = [];
    for (const file of manifest.files) {
      const key = await importFileKey(file.key);
      const parts: Uint8Array[] = [];
      for (const [index, hash] of file.chunks.entries()) {
        const row = chunk.get(referralId, file.fileId, index, hash) as { bytes: Buffer } | undefined;
        if (!row) throw new Error(`The server holds no chunk ${index} of ${file.name}`);
        parts.push(await openChunk(key, file.fileId, index, new Uint8Array(row.bytes)));
      }
      files.push({ name: file.name, type: file.type, declared: file.sha256, received: sha256(Buffer.concat(parts)) });
    }
    return files;
  } finally {
    db.close();
  }
}

/** A photo as a phone makes it: PNG of noise, drawn in the browser (a few MB, so a smaller copy is offered). */
export async function photo(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d')!;
      const image = context.createImageData(w, h);
      for (let i = 0; i < image.data.length; i += 1) image.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(image, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/png'));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    [width, height] as const,
  );
  return Buffer.from(base64, 'base64');
}
