import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { staticAppRoutes } from '../../src/server/routes/static-app.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A built folder with the two pages the build makes (or only the field app's). */
async function serving({ withConsole }: { withConsole: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'nrm-static-'));
  folders.push(root);
  writeFileSync(join(root, 'index.html'), '<title>field app</title>');
  if (withConsole) {
    mkdirSync(join(root, 'console'));
    writeFileSync(join(root, 'console', 'index.html'), '<title>console</title>');
  }
  const app = Fastify();
  await staticAppRoutes(app, root);
  return app;
}

describe('the built pages', () => {
  it('answers every page under /console/ with the console, and every other page with the field app', async () => {
    const app = await serving({ withConsole: true });
    for (const url of ['/console/', '/console', '/console/cases/42', '/console/?from=bookmark']) {
      const response = await app.inject(url);
      expect([url, response.statusCode, response.body]).toEqual([url, 200, '<title>console</title>']);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    for (const url of ['/', '/outbox', '/consoles', '/settings/console']) {
      expect([url, (await app.inject(url)).body]).toEqual([url, '<title>field app</title>']);
    }
    expect((await app.inject('/api/v1/nothing')).statusCode).toBe(404);
  });

  it('never answers a console address with the field app when the build has no console', async () => {
    const app = await serving({ withConsole: false });
    const response = await app.inject('/console/');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
