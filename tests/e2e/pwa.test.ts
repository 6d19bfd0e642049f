import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eStack } from '../support/e2e-stack.ts';
import { openApp, showOutbox, storedReferrals, submitReferral, waitForServiceWorker } from '../support/field-app.ts';

// A copy of the build, so the test can deploy a "new version" of the service worker into it.
const stack = useE2eStack({ copyOfDist: true, proxy: true });

describe('installable app', () => {
  it('has a manifest with standalone display, a start URL and 192, 512 and maskable icons that load', async () => {
    const { server } = stack;
    const manifest = await (await fetch(`${server.baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', name: expect.stringContaining('NRM Field'), theme_color: '#0b0c0c' });
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const response = await fetch(`${server.baseUrl}${icon.src}`);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });

  it('offers to install when the browser allows it, and uses the browser’s own prompt', async () => {
    const { context, page } = await stack.newPage();
    await openApp(page, stack.server.baseUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Install this app' }).count()).toBe(0);
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => {
          (window as unknown as { prompted: boolean }).prompted = true;
        },
      });
      dispatchEvent(event);
    });
    await page.getByRole('button', { name: 'Install this app' }).click();
    expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Install this app' }).count()).toBe(0);
    await context.close();
  });

  it('tells iPhone users how to add it to the home screen', async () => {
    const { context, page } = await stack.newPage({
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
    });
    await openApp(page, stack.server.baseUrl);
    await page.getByText('tap Share, then Add to Home Screen').waitFor();
    await context.close();
  });
});

describe('before the app is cached', () => {
  it('says a screen is not on the device yet, rather than showing a blank page', async () => {
    // No service worker: as on a first visit cut off before the app finished saving itself.
    const { context, page } = await stack.newPage({ serviceWorkers: 'block' });
    await openApp(page, stack.server.baseUrl);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'This screen is not on this device yet' }).waitFor();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await openApp(page, page.url());
    await page.getByRole('heading', { name: 'Settings and safety' }).waitFor();
    await context.close();
  });
});

describe('updates', () => {
  it('offers a new version without reloading by itself, and queued referrals survive the update', async () => {
    const { server, proxy, staticDir } = stack;
    const { context, page } = await stack.newPage();
    await openApp(page, proxy.url);
    await waitForServiceWorker(page);

    proxy.cutApi(true);
    await submitReferral(page, 'UPDATE-1', 'Under 18', 'Found in a cannabis grow house; says he is 16.');
    await page.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();
    await expect.poll(() => page.getByTestId('status-line').innerText()).toBe('No signal — 1 waiting');

    appendFileSync(join(staticDir, 'sw.js'), '\n// version 2\n');
    await page.evaluate(async () => {
      (window as unknown as { marker: string }).marker = 'still here';
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByRole('heading', { name: 'A new version of this app is ready' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    await openApp(page, proxy.url);
    await showOutbox(page);
    const item = page.getByTestId('outbox-item').filter({ hasText: 'UPDATE-1' });
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued');

    proxy.cutApi(false);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    expect(storedReferrals(server.sqliteFile).map((row) => row.path)).toEqual(['child']);
    await context.close();
  });
});
