import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { createReferenceLists } from '../../src/app/form/reference-lists.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import { referenceListNames, type ReferenceListData, type ReferenceListName } from '../../src/shared/reference-lists.ts';

let stores = 0;
const newStore = () => createStore(`reference-test-${(stores += 1)}`, 'lists');

const towns = (version: string, ...values: string[]): ReferenceListData => ({ name: 'uk-towns', version, items: values.map((value) => ({ value })) });

/** Only uk-towns is shipped here; the other lists are as in the app. */
function shippedWith(list: ReferenceListData) {
  return Object.fromEntries(referenceListNames.map((name) => [name, async () => ({ default: name === 'uk-towns' ? list : { ...list, name } })])) as Record<
    ReferenceListName,
    () => Promise<{ default: unknown }>
  >;
}

/** A server that knows one version of each list and answers If-None-Match as ours does. */
function fakeServer(lists: Partial<Record<ReferenceListName, ReferenceListData>>) {
  const requests: { url: string; ifNoneMatch: string | null }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const ifNoneMatch = new Headers(init?.headers).get('if-none-match');
    requests.push({ url, ifNoneMatch });
    const name = url.split('/').pop() as ReferenceListName;
    const list = lists[name];
    if (!list) return new Response('{}', { status: 404 });
    const etag = `"${list.version}"`;
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(JSON.stringify(list), { status: 200, headers: { etag, 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

describe('reference lists on the device', () => {
  it('loads the shipped copy when nothing newer is held, and parses it once', async () => {
    const shipped = shippedWith(towns('2026-04-1', 'Ayr', 'Bath'));
    const spy = vi.spyOn(shipped, 'uk-towns');
    const lists = createReferenceLists({ api: createApiClient({ fetch: fakeServer({}).fetch }), store: newStore(), shipped });
    const list = await lists.load('uk-towns');
    expect(list.items.map((item) => item.label)).toEqual(['Ayr', 'Bath']);
    expect(await lists.load('uk-towns')).toBe(list);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('fetches a newer list, keeps it, and loads it from then on — offline too', async () => {
    const store = newStore();
    const server = fakeServer({ 'uk-towns': towns('2026-05-1', 'Ayr', 'Bath', 'Cupar') });
    const lists = createReferenceLists({ api: createApiClient({ fetch: server.fetch }), store, shipped: shippedWith(towns('2026-04-1', 'Ayr', 'Bath')) });
    expect(await lists.refresh()).toEqual(['uk-towns']);
    expect(server.requests.find((request) => request.url === '/api/v1/reference/uk-towns')?.ifNoneMatch).toBeNull();
    expect((await lists.load('uk-towns')).version).toBe('2026-05-1');

    // A later visit, with no signal: the kept copy is still there.
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const later = createReferenceLists({ api: createApiClient({ fetch: offline }), store, shipped: shippedWith(towns('2026-04-1', 'Ayr', 'Bath')) });
    expect((await later.load('uk-towns')).items).toHaveLength(3);
    expect(await later.refresh()).toEqual([]);
  });

  it('asks with the kept ETag and keeps its copy on 304', async () => {
    const store = newStore();
    await set('uk-towns', { etag: '"2026-05-1"', list: towns('2026-05-1', 'Ayr', 'Cupar') }, store);
    const server = fakeServer({ 'uk-towns': towns('2026-05-1', 'Ayr', 'Cupar') });
    const lists = createReferenceLists({ api: createApiClient({ fetch: server.fetch }), store, shipped: shippedWith(towns('2026-04-1', 'Ayr')) });
    expect(await lists.refresh()).toEqual([]);
    expect(server.requests.find((request) => request.url.endsWith('/uk-towns'))?.ifNoneMatch).toBe('"2026-05-1"');
    expect((await lists.load('uk-towns')).version).toBe('2026-05-1');
  });

  it('prefers a newer shipped list over an older kept one (the app was updated)', async () => {
    const store = newStore();
    await set('uk-towns', { etag: '"2026-03-1"', list: towns('2026-03-1', 'Ayr') }, store);
    const lists = createReferenceLists({ api: createApiClient({ fetch: fakeServer({}).fetch }), store, shipped: shippedWith(towns('2026-04-1', 'Ayr', 'Bath')) });
    expect((await lists.load('uk-towns')).version).toBe('2026-04-1');
  });

  it('ignores what does not parse: a broken kept copy, a wrong list, an answer without an ETag', async () => {
    const store = newStore();
    await set('uk-towns', { etag: '"x"', list: { name: 'uk-towns', version: '2027-01-1', items: [] } }, store);
    const shipped = shippedWith(towns('2026-04-1', 'Ayr'));
    const lists = createReferenceLists({ api: createApiClient({ fetch: fakeServer({}).fetch }), store, shipped });
    expect((await lists.load('uk-towns')).version).toBe('2026-04-1');

    const wrong = fakeServer({ 'uk-towns': { ...towns('2027-01-1', 'Ayr'), name: 'countries' } });
    expect(await createReferenceLists({ api: createApiClient({ fetch: wrong.fetch }), store, shipped }).refresh()).toEqual([]);
    const noTag = vi.fn(async () => new Response(JSON.stringify(towns('2027-01-1', 'Ayr')), { status: 200 })) as unknown as typeof fetch;
    expect(await createReferenceLists({ api: createApiClient({ fetch: noTag }), store, shipped }).refresh()).toEqual([]);
    expect((await get<{ etag: string }>('uk-towns', store))?.etag).toBe('"x"');
  });

  it('gives a field opened after a refresh the newer list', async () => {
    const server = fakeServer({ 'uk-towns': towns('2026-05-1', 'Ayr', 'Cupar') });
    const lists = createReferenceLists({ api: createApiClient({ fetch: server.fetch }), store: newStore(), shipped: shippedWith(towns('2026-04-1', 'Ayr')) });
    expect((await lists.load('uk-towns')).version).toBe('2026-04-1');
    await lists.refresh();
    expect((await lists.load('uk-towns')).version).toBe('2026-05-1');
  });

  it('ships every list as the app bundles it', async () => {
    const lists = createReferenceLists({ api: createApiClient({ fetch: fakeServer({}).fetch }), store: newStore() });
    for (const name of referenceListNames) expect((await lists.load(name)).name).toBe(name);
  });
});
