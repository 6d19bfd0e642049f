import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Built } from './build-with-app-config.ts';

/**
 * Modules that the first question page needs. Today they are in the entry chunk; if they are ever
 * split off (lazy-loaded), their chunks count too, because a referral cannot start without them.
 */
export const FIRST_QUESTION_MODULES = ['src/app/form/CaseLabelPage.tsx'];

export interface FirstLoadFiles {
  js: string[];
  css: string[];
}

/** What index.html itself loads: module scripts, module preloads and stylesheets (paths inside outDir). */
function filesLoadedByHtml(html: string): FirstLoadFiles {
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) {
      const src = attribute(tag, 'src');
      if (src) js.push(src.replace(/^\//, ''));
    } else if (/rel="modulepreload"/.test(tag)) {
      const href = attribute(tag, 'href');
      if (href) js.push(href.replace(/^\//, ''));
    } else if (/rel="stylesheet"/.test(tag)) {
      const href = attribute(tag, 'href');
      if (href) css.push(href.replace(/^\//, ''));
    }
  }
  return { js, css };
}

/**
 * The JS and CSS a device must fetch to show the first question: what index.html loads, every chunk
 * those import statically, and the chunks holding `firstPageModules` (with their own imports).
 */
export function firstLoadFiles({ outDir, chunks }: Built, firstPageModules: readonly string[] = FIRST_QUESTION_MODULES): FirstLoadFiles {
  const fromHtml = filesLoadedByHtml(readFileSync(join(outDir, 'index.html'), 'utf8'));
  if (fromHtml.js.length === 0) throw new Error('index.html loads no module script: cannot tell the entry chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const js = new Set<string>();
  const css = new Set(fromHtml.css);
  const visit = (fileName: string) => {
    if (js.has(fileName)) return;
    js.add(fileName);
    const chunk = byFile.get(fileName);
    for (const sheet of chunk?.viteMetadata?.importedCss ?? []) css.add(sheet);
    for (const imported of chunk?.imports ?? []) visit(imported);
  };
  for (const file of fromHtml.js) visit(file);
  for (const module of firstPageModules) {
    const holders = chunks.filter((chunk) => chunk.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(module)));
    if (holders.length === 0) throw new Error(`No chunk holds ${module}: update FIRST_QUESTION_MODULES in bench/bundle/first-load.ts`);
    for (const chunk of holders) visit(chunk.fileName);
  }
  return { js: [...js].sort(), css: [...css].sort() };
}
