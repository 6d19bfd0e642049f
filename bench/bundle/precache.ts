import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files the service worker precaches, read from the manifest that the build injected into sw.js
 * (workbox writes it as JSON: {"revision":…,"url":…}), so this is what devices really store.
 */
export function precachedFiles(outDir: string): string[] {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{"revision":(?:null|"[^"]*"),"url":"([^"]+)"\}/g)].map((match) => match[1] as string);
  if (urls.length === 0) throw new Error(`Found no precache manifest in ${join(outDir, 'sw.js')}: has its format changed?`);
  return urls;
}
