import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceLists } from '../../src/server/services/reference-lists.ts';
import { referenceListNames, referenceListSchema } from '../../src/shared/reference-lists.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

const get = (list: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}/api/v1/reference/${list}`, { headers });
/** The ETag, after reading the body (an unread body holds its connection open, and the server's close waits for it). */
const etagOf = async (response: Response) => {
  await response.arrayBuffer();
  return response.headers.get('etag');
};

describe('GET /api/v1/reference/:list', () => {
  it.each(referenceListNames)('serves %s as shipped, with a strong ETag of the body and no-cache', async (name) => {
    const response = await get(name);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = await response.text();
    const etag = response.headers.get('etag');
    expect(etag).toBe(`"sha256-${createHash('sha256').update(body).digest('base64url')}"`);
    const shipped = JSON.parse(readFileSync(new URL(`../../src/shared/reference/lists/${name}.json`, import.meta.url), 'utf8'));
    expect(JSON.parse(body)).toEqual(shipped);
    expect(referenceListSchema.parse(JSON.parse(body)).name).toBe(name);
  });

  it('answers 304 with no body while the device’s copy is current, and 200 when it is not', async () => {
    const etag = (await etagOf(await get('uk-towns'))) ?? '';
    for (const header of [etag, `W/${etag}`, `"sha256-older", ${etag}`, '*']) {
      const again = await get('uk-towns', { 'if-none-match': header });
      expect(again.status, header).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('no-cache');
      expect(await again.text()).toBe('');
    }
    const stale = await get('uk-towns', { 'if-none-match': '"sha256-older"' });
    expect(stale.status).toBe(200);
    expect(await etagOf(stale)).toBe(etag);
  });

  it('gives each list its own ETag, which any instance shipping the same files computes alike', async () => {
    const tags = await Promise.all(referenceListNames.map(async (name) => etagOf(await get(name))));
    expect(new Set(tags).size).toBe(referenceListNames.length);
    // Another instance reads the same files afresh: the same tags, so a device may ask any of them.
    const another = loadReferenceLists();
    expect(referenceListNames.map((name) => another.served(name)?.etag)).toEqual(tags);
  });

  it('compresses a list for a client that accepts it, keeping the ETag', async () => {
    const response = await get('uk-towns', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await etagOf(response)).toMatch(/^"sha256-/);
  });

  it('answers an unknown list with a 404 problem, and never a list for a prototype name', async () => {
    for (const name of ['towns', 'constructor', '__proto__', 'ORGANISATIONS', '..%2Fpackage.json']) {
      const response = await get(name);
      expect(response.status, name).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 404, code: 'not-found' });
    }
  });

  it('lets server code check answers against the lists', () => {
    const lists = loadReferenceLists();
    expect(lists.includes('police-forces', 'Kent Police')).toBe(true);
    expect(lists.includes('police-forces', 'kent police')).toBe(false);
    expect(lists.canonical('police-forces', ' kent  police')).toBe('Kent Police');
    expect(lists.canonical('uk-towns', 'Atlantis')).toBeUndefined();
    expect(lists.get('countries').items.some((item) => item.value === 'United Kingdom')).toBe(true);
    expect(lists.served('nope')).toBeUndefined();
  });
});
