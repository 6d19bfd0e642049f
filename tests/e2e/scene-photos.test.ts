import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { completeForm, personRow, quickCapture, restOf, startEncounter } from '../support/encounter-app.ts';
import { photo, receivedFiles, sha256 } from '../support/evidence.ts';
import { openApp, sendFromCheck, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';

const stack = useE2eStack();

const raid = { operation: 'Operation Heron', place: 'Heron Nail Bar, 3 Quay Street, Hull', policeForce: 'Humberside Police', crimeReference: 'HER-2026-55', officers: 'DC Ana Silva 4410' };
const label = (n: number) => `${raid.operation} – person ${n}`;

describe('photos of the scene, taken once at the encounter, go with every person’s referral', () => {
  let context: BrowserContext;
  let page: Page;
  let scene: Buffer;
  const walk = walkInSteps();
  const thumbnails = (list: string) => page.getByTestId(list).locator('img.app-file-list__thumb').count();

  beforeAll(async () => {
    ({ context, page } = await stack.newPage({ viewport: 'phone' }));
  });

  afterAll(async () => {
    await context?.close();
  });

  walk.step('takes a photo of the scene after one person is added, offline, and shows it on the encounter', async () => {
    await openApp(page, stack.server.baseUrl);
    await waitForServiceWorker(page);
    scene = await photo(page, 900, 700);
    await context.setOffline(true);
    await startEncounter(page, raid);
    await page.getByRole('button', { name: 'Add a person' }).click();
    await quickCapture(page, examples['adult-nrm'], 'back');

    const camera = page.waitForEvent('filechooser');
    await page.getByTestId('scene-photos').getByRole('button', { name: 'Take a photo' }).click();
    await (await camera).setFiles([{ name: 'back-room.png', mimeType: 'image/png', buffer: scene }]);
    await expect.poll(() => thumbnails('scene-photo-list'), { timeout: 20_000 }).toBe(1);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: 'test-results/scene-photos-360.png', fullPage: true });
  });

  walk.step('gives the photo to the person already met and to the one added after it', async () => {
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
    await expect.poll(() => thumbnails('person-photo-list'), { timeout: 20_000 }).toBe(1);
    await quickCapture(page, examples['adult-nrm'], 'back');
    await personRow(page, label(1)).getByRole('link', { name: /^Quick capture/ }).click();
    await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
    await expect.poll(() => thumbnails('person-photo-list'), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Save and go back to the encounter' }).click();
    await page.getByRole('heading', { name: raid.operation, exact: true }).waitFor();
  });

  walk.step('sends the first person’s referral with the scene photo, which arrives byte for byte', async () => {
    await personRow(page, label(1)).getByRole('link', { name: /^Complete the referral/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/resume'));
    let evidenceShown = '';
    await completeForm(page, { ...restOf(examples['adult-nrm']), evidenceDescription: 'The back room of the nail bar where they slept.' }, [], {
      onPage: async (pageId) => {
        if (pageId === 'evidence') evidenceShown = await page.getByTestId('evidence-count').innerText();
      },
    });
    expect(evidenceShown).toBe('1 file attached');
    await sendFromCheck(page);
    await context.setOffline(false);
    await page.getByRole('link', { name: 'Back to the encounter' }).click();
    const row = personRow(page, label(1));
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    const id = (await row.getAttribute('data-id'))!;
    expect(await receivedFiles(stack.server, id)).toEqual([{ name: 'back-room.png', type: 'image/png', declared: sha256(scene), received: sha256(scene) }]);
  });
});
