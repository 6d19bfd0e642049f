import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { startServer, type RunningServer } from './server-process.ts';

/** The screens the e2e tests use: a small phone, and Playwright's own default (a laptop). */
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 720 },
} as const;

export type Viewport = keyof typeof VIEWPORTS | { width: number; height: number };

/** Playwright's context options, with the viewport also by name. Without one, Playwright's default (1280 × 720). */
export type E2eContextOptions = Omit<BrowserContextOptions, 'viewport'> & { viewport?: Viewport };

export interface E2eStackOptions {
  /** Environment of the server process (it runs on its own SQLite file and data folder either way). */
  env?: Record<string, string>;
  /**
   * Starts the server as a deployment runs: every sync request signed. Without it the server runs as
   * `npm start` does (ALLOW_UNSIGNED_FROM_LOOPBACK=true), so a field app that has not enrolled can send.
   */
  signatures?: boolean;
  /**
   * Serves a copy of dist/ (made for this file, removed afterwards) instead of dist/ itself, so a test
   * can deploy a "new version" into it: `stack.staticDir`.
   */
  copyOfDist?: boolean;
  /** Puts the fault proxy (tests/support/fault-proxy.ts) in front of the server: `stack.proxy`. */
  proxy?: boolean;
  /** Opens one context and page for the whole file: `stack.context`, `stack.page`. */
  page?: E2eContextOptions;
}

export interface E2eStack {
  server: RunningServer;
  browser: Browser;
  /** Only with `proxy: true`. */
  proxy: FaultProxy;
  /** Only with `page`. */
  context: BrowserContext;
  /** Only with `page`. */
  page: Page;
  /** Only with `copyOfDist: true`. */
  staticDir: string;
  /** A fresh context (a fresh browser profile) and a page in it; the test closes the context. */
  newPage(options?: E2eContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** Closes the browser, the proxy and the server, and removes what was made for them. */
  stop(): Promise<void>;
}

export function contextOptions({ viewport, ...rest }: E2eContextOptions = {}): BrowserContextOptions {
  if (viewport === undefined) return rest;
  return { ...rest, viewport: typeof viewport === 'string' ? { ...VIEWPORTS[viewport] } : viewport };
}

function only<T>(value: T | undefined, what: string, option: string): T {
  if (value === undefined) throw new Error(`e2e stack: no ${what}; start the stack with ${option}`);
  return value;
}

/** Starts what an e2e file needs: the server (and the proxy in front of it), Chromium, and a page if asked. */
export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  let staticDir: string | undefined;
  let server: RunningServer | undefined;
  let proxy: FaultProxy | undefined;
  let browser: Browser | undefined;
  let shared: { context: BrowserContext; page: Page } | undefined;

  const stop = async () => {
    const errors: unknown[] = [];
    const attempt = async (step: (() => Promise<void>) | undefined) => {
      try {
        await step?.();
      } catch (error) {
        errors.push(error);
      }
    };
    await attempt(browser && (() => browser!.close()));
    await attempt(proxy && (() => proxy!.close()));
    await attempt(server && (() => server!.stop()));
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    if (errors.length > 0) throw new AggregateError(errors, 'e2e stack: could not stop everything');
  };

  const newPage = async (contextOpts?: E2eContextOptions) => {
    const context = await only(browser, 'browser', 'startE2eStack').newContext(contextOptions(contextOpts));
    return { context, page: await context.newPage() };
  };

  try {
    const env: Record<string, string> = { ...options.env };
    if (!options.signatures) env.ALLOW_UNSIGNED_FROM_LOOPBACK = 'true';
    if (options.copyOfDist) {
      staticDir = mkdtempSync(join(tmpdir(), 'nrm-field-dist-'));
      cpSync('dist', staticDir, { recursive: true });
      env.STATIC_DIR = staticDir;
    }
    server = await startServer(env);
    if (options.proxy) proxy = await startFaultProxy(server.baseUrl);
    browser = await launchChromium();
    if (options.page) shared = await newPage(options.page);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    server,
    browser,
    get proxy() {
      return only(proxy, 'fault proxy', '{ proxy: true }');
    },
    get context() {
      return only(shared, 'shared context', '{ page: {...} }').context;
    },
    get page() {
      return only(shared, 'shared page', '{ page: {...} }').page;
    },
    get staticDir() {
      return only(staticDir, 'copy of dist', '{ copyOfDist: true }');
    },
    newPage,
    stop,
  };
}

/**
 * One long walk split into tests that run in order on shared state, so that no one test comes near its
 * timeout. Once a step does not finish (it throws, or times out), the steps after it are skipped: they
 * would fail only because it did. A step that finishes with failed soft assertions (expect.soft) has
 * still walked where it should, so the walk goes on.
 */
export function walkInSteps(): { step(name: string, body: () => Promise<void>): void } {
  let broken: string | undefined;
  return {
    step(name, body) {
      it(name, async ({ skip, onTestFailed }) => {
        if (broken !== undefined) skip(`an earlier step did not finish: ${broken}`);
        let finished = false;
        onTestFailed(() => {
          if (!finished) broken = name;
        });
        await body();
        finished = true;
      });
    },
  };
}

/**
 * The stack for one e2e file: started in beforeAll and stopped in afterAll. Read its parts inside
 * hooks and tests (`stack.server.baseUrl`, `stack.page`), once it has started.
 */
export function useE2eStack(options: E2eStackOptions = {}): E2eStack {
  let started: E2eStack | undefined;
  beforeAll(async () => {
    started = await startE2eStack(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error('e2e stack: not started yet; read it inside a hook or a test, after useE2eStack’s beforeAll');
    return started;
  };
  return {
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
    get proxy() {
      return running().proxy;
    },
    get context() {
      return running().context;
    },
    get page() {
      return running().page;
    },
    get staticDir() {
      return running().staticDir;
    },
    newPage: (contextOpts) => running().newPage(contextOpts),
    stop: () => running().stop(),
  };
}
