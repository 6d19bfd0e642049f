import { describe, expect, it } from 'vitest';
import { useE2eStack } from '../support/e2e-stack.ts';
import { fillForm, openApp, sendFromCheck, showOutbox, storedReferrals, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';
import { photo, receivedFiles, sha256 } from '../support/evidence.ts';

const stack = useE2eStack({ page: { viewport: 'phone' } });

/** What the device's database still holds, table by table. */
const deviceCounts = () =>
  stack.page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('nrm-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['drafts', 'envelopes', 'files', 'fileChunks'];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );

describe('evidence attached offline', () => {
  it('refuses what it must with a clear message, sends two photos and a PDF with the referral, and leaves nothing on the device', { timeout: 180_000 }, async () => {
    const { server, context, page } = stack;
    await openApp(page, server.baseUrl);
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    await waitForServiceWorker(page);
    const photos = [await photo(page, 1200, 800), await photo(page, 900, 900)];
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 7), Buffer.from('\n%%EOF\n')]);

    await context.setOffline(true);
    await page.reload();
    await unlockOrSetUp(page);
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.waitForURL(/\/case-label$/);
    const answers = { ...examples['adult-nrm'], caseLabel: 'OP-EVIDENCE-3' };
    await fillForm(page, answers, { stopAt: 'evidence' });
    await page.getByRole('heading', { name: 'Upload evidence' }).waitFor();
    // "Take a photo" is a GOV.UK button that opens the camera (the file input it drives stays hidden).
    expect(await page.locator('#evidence-camera').getAttribute('capture')).toBe('environment');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Take a photo' }).click();
    const camera = await chooser;
    expect(camera.isMultiple()).toBe(false);
    await camera.setFiles([]);
    expect(await page.getByTestId('storage-left').innerText()).toMatch(/space left for this app/);

    const files = page.locator('#evidence-files');
    await files.setInputFiles([
      { name: 'rota-1.png', mimeType: 'image/png', buffer: photos[0]! },
      { name: 'rota-2.png', mimeType: 'image/png', buffer: photos[1]! },
      { name: 'pay-slip.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    // Each file is stored as soon as it is chosen: no second step that leaving the page could skip.
    await expect.poll(() => page.getByTestId('evidence-count').innerText(), { timeout: 20_000 }).toBe('3 files attached');
    const list = page.getByTestId('evidence-list');
    // PNGs (screenshots, rotas) are kept as they are, each offered smaller with the size it would have, with its thumbnail.
    await expect.poll(() => list.getByRole('button', { name: /^Make it smaller \(.*(KB|MB)\) rota-\d\.png$/ }).count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => list.locator('img.app-file-list__thumb').count()).toBe(2);
    // Made smaller and back again: the file keeps its place, and the original is what goes.
    await list.getByRole('button', { name: /^Make it smaller .* rota-2\.png$/ }).click();
    const names = () => list.locator('.app-file-list__name .govuk-\\!-font-weight-bold').allInnerTexts();
    await expect.poll(names, { timeout: 20_000 }).toEqual(['rota-1.png', 'rota-2.jpg', 'pay-slip.pdf']);
    await list.getByText(/^Smaller copy of a .* photo/).waitFor();
    await list.getByRole('button', { name: /^Use the original .* rota-2\.jpg$/ }).click();
    await expect.poll(names, { timeout: 20_000 }).toEqual(['rota-1.png', 'rota-2.png', 'pay-slip.pdf']);
    expect(await page.getByTestId('evidence-count').innerText()).toBe('3 files attached');

    // A wrong type is refused by name; nothing attached is lost.
    await files.setInputFiles([{ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }]);
    await page.locator('.govuk-error-summary').getByText('tool.exe is not a file you can attach. Choose a JPG or PNG photo, or a PDF, DOC or DOCX document').waitFor();
    expect(await page.getByTestId('evidence-count').innerText()).toBe('3 files attached');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/evidence-description$/);
    await page.locator('#evidenceDescription').fill('Two photos of the work rota on the kitchen wall, and a pay slip with nothing paid.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
    // The evidence section is folded to one line, like every complete section; Show opens it.
    await page.getByRole('button', { name: 'Show evidence' }).click();
    await page.getByText('3 files').waitFor();
    await sendFromCheck(page);

    await page.getByRole('link', { name: 'Go to your outbox' }).click();
    const item = page.getByTestId('outbox-item').filter({ hasText: 'OP-EVIDENCE-3' });
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued');
    await context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 60_000 }).toBe('delivered');
    await showOutbox(page);

    // The server holds the referral and its three files, each byte-identical to what was chosen.
    const [row] = storedReferrals(server.sqliteFile);
    expect(row?.path).toBe('adult-nrm');
    expect(await receivedFiles(server, row!.id)).toEqual([
      { name: 'rota-1.png', type: 'image/png', declared: sha256(photos[0]!), received: sha256(photos[0]!) },
      { name: 'rota-2.png', type: 'image/png', declared: sha256(photos[1]!), received: sha256(photos[1]!) },
      { name: 'pay-slip.pdf', type: 'application/pdf', declared: sha256(pdf), received: sha256(pdf) },
    ]);

    // Nothing of the referral or its files is left on the device.
    expect(await deviceCounts()).toEqual({ drafts: 0, envelopes: 0, files: 0, fileChunks: 0 });
  });

  it('refuses a 26 MB file and a 101st file by name, and keeps every file already attached', { timeout: 180_000 }, async () => {
    const { page } = stack;
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.waitForURL(/\/case-label$/);
    await fillForm(page, { ...examples.child, caseLabel: 'OP-LIMITS' }, { stopAt: 'evidence' });
    const files = page.locator('#evidence-files');
    const pdf = (name: string, bytes: number) => ({ name, mimeType: 'application/pdf', buffer: Buffer.alloc(bytes, 7) });

    await files.setInputFiles([pdf('statement.pdf', 2_000)]);
    await expect.poll(() => page.getByTestId('evidence-count').innerText(), { timeout: 20_000 }).toBe('1 file attached');

    // 26 MB crosses the DevTools protocol as base64: slow on a busy machine, so it gets longer than a click.
    await files.setInputFiles([pdf('cctv-export.pdf', 26_000_000)], { timeout: 90_000 });
    await page.locator('.govuk-error-summary').getByText(/^cctv-export\.pdf is .+\. Each file must be 25 MB or smaller$/).waitFor();
    expect(await page.getByTestId('evidence-count').innerText()).toBe('1 file attached');

    await files.setInputFiles(Array.from({ length: 99 }, (_, i) => pdf(`page-${i + 2}.pdf`, 1_000)));
    await expect.poll(() => page.getByTestId('evidence-count').innerText(), { timeout: 60_000 }).toBe('100 files attached');

    await files.setInputFiles([pdf('one-too-many.pdf', 1_000)]);
    await page.locator('.govuk-error-summary').getByText('one-too-many.pdf was not attached: a referral can have up to 100 files. Remove a file to attach another').waitFor();
    expect(await page.getByTestId('evidence-count').innerText()).toBe('100 files attached');
  });
});
