import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import { navigation, snapshot, type Flags, type RunnerResult } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_PATH } from '../../tests/support/browser.ts';
import { startServer } from '../../tests/support/server-process.ts';
import { buildWithAppConfig } from '../bundle/build-with-app-config.ts';
import { HELLO_ROOT } from '../bundle/measure-bundle.ts';
import { PASSPHRASE } from '../../tests/support/field-app.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { print } from '../lib/print.ts';
import { repeat, summarise } from '../lib/stats.ts';

/**
 * Diagnostics that error on Chromium 156 with Lighthouse 12 (its trace lacks `frame_sequence`); they
 * carry no weight in either score, so skipping them changes no figure here.
 */
export const AUDITS_BROKEN_ON_THIS_CHROMIUM = [
  'largest-contentful-paint-element',
  'lcp-lazy-loaded',
  'layout-shifts',
  'non-composited-animations',
  'prioritize-lcp-image',
  'render-blocking-resources',
];

const FLAGS: Flags = {
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance', 'accessibility'],
  skipAudits: AUDITS_BROKEN_ON_THIS_CHROMIUM,
  // Lighthouse leaves IndexedDB alone by default: a vault left by one run would change the next first visit.
  clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'indexeddb', 'local_storage'],
};

interface PageRun {
  performance: number;
  accessibility: number;
  lcp: number;
  tbt: number;
  cls: number;
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (!warned.has(message)) print(`  ${message}`);
  warned.add(message);
}

/** `BENCH_LIGHTHOUSE_REPORTS=<dir>` keeps every full report there, to see where the time goes. */
const reportsDir = process.env.BENCH_LIGHTHOUSE_REPORTS;
let reportNumber = 0;

function read(result: RunnerResult | undefined, what: string): PageRun {
  if (!result) throw new Error(`Lighthouse returned nothing for ${what}`);
  if (reportsDir) {
    reportNumber += 1;
    writeFileSync(join(reportsDir, `${reportNumber}-${what.replace(/[^a-z]+/gi, '-')}.json`), JSON.stringify(result.lhr));
  }
  const { categories, audits, runtimeError, runWarnings } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse failed on ${what}: ${runtimeError.code} ${runtimeError.message}`);
  for (const warning of runWarnings) warnOnce(`lighthouse, ${what}: ${warning}`);
  const errored = Object.values(audits).filter((a) => a.scoreDisplayMode === 'error');
  if (errored.length > 0) warnOnce(`lighthouse, ${what}: audits that errored: ${errored.map((a) => a.id).join(', ')}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcp: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
  };
}

async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

/** Sets the vault up through the form, as a responder does on a new device. */
async function setUpVault(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForSelector('#passphrase', { visible: true });
  await page.type('#passphrase', PASSPHRASE);
  await page.type('#passphrase-again', PASSPHRASE);
  await click(page, 'button[type=submit]');
  await page.waitForSelector('.app-header__action', { visible: true, timeout: 60_000 });
}

/** From the unlock page: unlock, start a referral, and wait for its first question. */
async function openFirstQuestion(page: Page): Promise<void> {
  await page.waitForSelector('#unlock-passphrase', { visible: true });
  await page.type('#unlock-passphrase', PASSPHRASE);
  await click(page, 'button[type=submit]');
  await click(page, 'a[href="/referral/new"]');
  await page.waitForSelector('#caseLabel', { visible: true, timeout: 60_000 });
}

/**
 * Lighthouse (mobile preset) on the pages a navigation can load, each beside the same run's bare Preact
 * page (bench/hello) served by the same server code at `baselineUrl`. The app opens locked on every load,
 * so no navigation lands on a question: the first question's accessibility is taken in snapshot mode
 * after unlocking and starting a referral, and its load time is what the offline-start figure covers.
 */
export async function measureLighthouse(baseUrl: string): Promise<Figure[]> {
  const helloDir = mkdtempSync(join(tmpdir(), 'nrm-bench-hello-'));
  try {
    await buildWithAppConfig(helloDir, HELLO_ROOT);
    const hello = await startServer({ STATIC_DIR: helloDir });
    try {
      return await measureBeside(baseUrl, hello.baseUrl);
    } finally {
      await hello.stop();
    }
  } finally {
    rmSync(helloDir, { recursive: true, force: true });
  }
}

async function measureBeside(baseUrl: string, baselineUrl: string): Promise<Figure[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const page = await browser.newPage();
    const firstVisit = () => navigation(page, `${baseUrl}/`, { flags: FLAGS }).then((r) => read(r, 'first visit /'));
    await firstVisit();
    const firstVisits = await repeat(0, counts.lighthouseRuns, firstVisit);
    const bare = await repeat(1, counts.lighthouseRuns, () => navigation(page, `${baselineUrl}/`, { flags: FLAGS }).then((r) => read(r, 'bare Preact page')));

    await setUpVault(page, baseUrl);
    const returning: PageRun[] = [];
    const question: number[] = [];
    await repeat(0, counts.lighthouseRuns, async () => {
      // The vault and the service worker's cache stay: this is an app start on a device in use.
      returning.push(read(await navigation(page, `${baseUrl}/`, { flags: { ...FLAGS, disableStorageReset: true } }), 'returning device /'));
      await openFirstQuestion(page);
      question.push(read(await snapshot(page, { flags: { ...FLAGS, onlyCategories: ['accessibility'] } }), 'first question (snapshot)').accessibility);
    });

    const figuresFor = (key: string, label: string, runs: PageRun[], note: string): Figure[] => {
      const of = (pick: (run: PageRun) => number) => ({ ...summarise(runs.map(pick)), baseline: summarise(bare.map(pick)).value, baselineLabel: '(bare Preact page)', note });
      return [
        { name: `lighthouse.${key}.performance`, label: `Lighthouse performance, ${label}`, unit: 'score', ...of((r) => r.performance), budget: budgets.lighthousePerformance },
        { name: `lighthouse.${key}.accessibility`, label: `Lighthouse accessibility, ${label}`, unit: 'score', ...of((r) => r.accessibility), budget: budgets.lighthouseAccessibility },
        { name: `lighthouse.${key}.lcp`, label: `Lighthouse LCP, ${label}`, unit: 'ms', ...of((r) => r.lcp), budget: null },
        { name: `lighthouse.${key}.tbt`, label: `Lighthouse TBT, ${label}`, unit: 'ms', ...of((r) => r.tbt), budget: null },
        { name: `lighthouse.${key}.cls`, label: `Lighthouse CLS, ${label}`, unit: 'score', ...of((r) => r.cls), budget: null },
      ];
    };
    return [
      ...figuresFor('first-visit', 'first visit ("Protect this device")', firstVisits, '/ on a new device, storage cleared before each run: the vault set-up page'),
      ...figuresFor('returning', 'app start ("Unlock NRM Field")', returning, '/ on a device with a vault and the service worker installed: the unlock page every app start shows'),
      {
        name: 'lighthouse.first-question.accessibility',
        label: 'Lighthouse accessibility, first question (snapshot)',
        unit: 'score',
        ...summarise(question),
        budget: budgets.lighthouseAccessibility,
        baseline: null,
        note: '/referral/<id>/case-label after unlocking and "Start a referral", snapshot mode',
      },
    ];
  } finally {
    await browser.disconnect();
    chrome.kill();
  }
}
