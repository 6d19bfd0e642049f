import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { referenceListNames, type ReferenceListName } from '../../src/shared/reference-lists.ts';
import { useE2eStack } from '../support/e2e-stack.ts';
import { waitForServiceWorker } from '../support/field-app.ts';

// Playwright's default viewport, as before.
const stack = useE2eStack({ page: {} });

/** A value found in one list's chunk only (police forces: the chunk with forces and no charities). */
const markers: Record<ReferenceListName, { has: string; lacks?: string }> = {
  organisations: { has: 'Trafficking Awareness Raising Alliance TARA' },
  'local-authorities': { has: 'The Aberdeenshire Council' },
  'uk-towns': { has: 'Aberaeron' },
  'uk-regions': { has: 'Kincardineshire' },
  countries: { has: 'Vatican City' },
  nationalities: { has: 'Sammarinese' },
  'police-forces': { has: 'Avon and Somerset Constabulary', lacks: 'Trafficking Awareness' },
};

/** The precached scripts, by URL, with their text. */
const precachedScripts = (page: Page) =>
  page.evaluate(async () => {
    const scripts: { url: string; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!new URL(request.url).pathname.endsWith('.js')) continue;
        const response = await cache.match(request);
        scripts.push({ url: request.url, text: (await response?.text()) ?? '' });
      }
    }
    return scripts;
  });

const keptLists = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // Never creates the database, and closes it at once: an open connection would block the app's own upgrade.
        const open = indexedDB.open('nrm-field-reference');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          const done = (names: string[]) => {
            db.close();
            resolve(names);
          };
          if (!db.objectStoreNames.contains('lists')) return done([]);
          const keys = db.transaction('lists').objectStore('lists').getAllKeys();
          keys.onsuccess = () => done(keys.result.map(String).sort());
          keys.onerror = () => done([]);
        };
      }),
  );

describe('reference lists in the installed app', () => {
  it('are precached with the app and load with the network cut; the server’s copies are kept and then revalidated with 304s', async () => {
    const { server, context, page } = stack;
    await page.goto(server.baseUrl);
    await waitForServiceWorker(page);

    // At start the app asked the server for each list (nothing held yet: 200s) and kept them.
    await expect.poll(() => keptLists(page), { timeout: 20_000 }).toEqual([...referenceListNames].sort());

    const scripts = await precachedScripts(page);
    const chunkOf = (name: ReferenceListName) => scripts.find(({ text }) => text.includes(markers[name].has) && !(markers[name].lacks && text.includes(markers[name].lacks)));
    for (const name of referenceListNames) expect(chunkOf(name), name).toBeDefined();

    await context.setOffline(true);
    for (const name of referenceListNames) {
      const url = chunkOf(name)?.url ?? '';
      expect(await page.evaluate(async (chunk) => (await fetch(chunk)).ok, url), name).toBe(true);
    }
    await context.setOffline(false);

    // The next start asks again with the kept ETags, and nothing changed.
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/reference/')) answers.push(response.status());
    });
    await page.reload();
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBe(referenceListNames.length);
    expect(answers.every((status) => status === 304)).toBe(true);
  });
});
