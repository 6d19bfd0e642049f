import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/app/shell/load-once.ts';

describe('loadOnce', () => {
  it('loads once for every caller, and asks again after a load that failed', async () => {
    const answers = [Promise.reject(new Error('chunk not fetched')), Promise.resolve('lists')];
    let loads = 0;
    const open = loadOnce(() => answers[loads++] ?? Promise.reject(new Error('asked too often')));
    await expect(open()).rejects.toThrow('chunk not fetched');
    expect(await open()).toBe('lists');
    expect(await open()).toBe('lists');
    expect(loads).toBe(2);
  });
});
