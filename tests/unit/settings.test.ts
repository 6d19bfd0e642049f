import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createSettings } from '../../src/store/settings.ts';

describe('device settings', () => {
  it('remembers the last contact with the server', async () => {
    const settings = createSettings(createStore(`settings-${Date.now()}`, 'settings'));
    expect(await settings.lastContactAt()).toBeUndefined();
    await settings.setLastContactAt('2026-11-29T10:42:00.000Z');
    expect(await settings.lastContactAt()).toBe('2026-11-29T10:42:00.000Z');
  });
});
