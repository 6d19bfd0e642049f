import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/sync/backoff.ts';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoff with full jitter', () => {
  it('doubles the ceiling with each attempt up to the cap', () => {
    const justBelowOne = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, justBelowOne, policy))).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999,
    ]);
  });

  it('can be any wait from zero to the ceiling', () => {
    expect(backoffDelay(3, () => 0, policy)).toBe(0);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(4_000);
  });

  it('stays capped however many attempts have failed', () => {
    expect(backoffDelay(10_000, () => 0.999999, policy)).toBeLessThan(60_000);
  });
});
