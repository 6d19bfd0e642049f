import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fillForm } from './field-app.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { isVisible } from '../../src/shared/form/page-schema.ts';
import { quickCapturePage } from '../../src/shared/quick-capture.ts';

/** The answers an encounter writes into each person's referral, and those quick capture asks. */
export const PREFILLED = ['caseLabel', 'reportedToPolice', 'policeForce', 'crimeReference', 'otherVictims', 'otherVictimsDetails', 'interview'];
export const QUICK = quickCapturePage.fields.map((def) => def.name);

/** A full example without what the encounter and quick capture already hold: the rest of the form, as fillForm takes it. */
export function restOf(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !PREFILLED.includes(name) && !QUICK.includes(name)));
}

async function choose(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`[id="${id}"]`).fill(value);
  await page.getByRole('option', { name: value, exact: true }).click();
}

export interface EncounterTyped {
  /** A police operation unless said otherwise; outreach asks no police force. */
  kind?: 'police' | 'outreach';
  operation: string;
  place: string;
  policeForce: string;
  crimeReference: string;
  officers: string;
}

/** From the start page: types the shared details (date and time as the app offers them) and starts it. */
export async function startEncounter(page: Page, details: EncounterTyped): Promise<void> {
  await page.getByRole('link', { name: 'Start an encounter' }).click();
  await page.getByRole('heading', { name: 'Start an encounter' }).waitFor();
  const kind = details.kind ?? 'police';
  await page.locator(`input[name="kind"][value="${kind}"]`).check();
  if (kind === 'police') await choose(page, 'policeForce', details.policeForce);
  await page.locator('#operation').fill(details.operation);
  await page.locator('#place').fill(details.place);
  await page.locator('#crimeReference').fill(details.crimeReference);
  await page.locator('#officers').fill(details.officers);
  await page.getByRole('button', { name: 'Start the encounter' }).click();
  await page.getByRole('heading', { name: details.operation, exact: true }).waitFor();
}

/** Answers the quick capture page from `answers` (only what it asks), then saves one way or the other. */
export async function quickCapture(page: Page, answers: Answers, then: 'add' | 'back'): Promise<void> {
  await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
  for (const def of quickCapturePage.fields) {
    const value = answers[def.name];
    if (typeof value !== 'string' || !isVisible(def, answers)) continue;
    if (def.kind === 'radios') await page.locator(`input[name="${def.name}"][value="${value}"]`).check();
    else if (def.kind === 'typeahead') await choose(page, def.name, value);
    else await page.locator(`[id="${def.name}"]`).fill(value);
  }
  const here = page.url();
  await page.getByRole('button', { name: then === 'add' ? 'Save and add another' : 'Save and go back to the encounter' }).click();
  await page.waitForURL((url) => url.href !== here);
}

/** The row of one person on the encounter screen. */
export function personRow(page: Page, label: string) {
  return page.getByTestId('encounter-person').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

/** A file as a test hands it to a file input. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Answers the rest of the form up to check your answers, attaching `files` on the evidence page (photos
 * as taken: where the page attached a smaller copy, the original is chosen instead).
 */
export async function completeForm(page: Page, answers: Answers, files: FilePayload[] = [], options: Omit<Parameters<typeof fillForm>[2] & object, 'stopAt'> = {}): Promise<void> {
  await fillForm(page, answers, { ...options, stopAt: 'evidence' });
  if (files.length > 0 && new URL(page.url()).pathname.endsWith('/evidence')) {
    await page.locator('#evidence-files').setInputFiles(files);
    await expect.poll(() => page.getByTestId('evidence-count').innerText(), { timeout: 20_000 }).toBe(`${files.length} files attached`);
    // A camera JPEG is attached as its smaller copy: each is switched back to the original as taken.
    const list = page.getByTestId('evidence-list');
    for (let left = await list.getByRole('button', { name: /^Use the original/ }).count(); left > 0; left -= 1) {
      await list.getByRole('button', { name: /^Use the original/ }).first().click();
      await expect.poll(() => list.getByRole('button', { name: /^Use the original/ }).count(), { timeout: 20_000 }).toBe(left - 1);
    }
  }
  await fillForm(page, answers, options);
  await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
}
