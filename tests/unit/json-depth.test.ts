import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/shared/json-depth.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The nesting of a parsed value, counted the slow, obvious way. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('the JSON depth scan', () => {
  it('counts arrays and objects, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan(bytes('[[[1]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(bytes('[[[1]]]'), 2)).toBe(true);
    expect(nestsDeeperThan(bytes('{"a":{"b":[]}}'), 2)).toBe(true);
    expect(nestsDeeperThan(bytes('["[[[[", "\\"[[[[[", {"k\\\\":"]]]{{{"}]'), 2)).toBe(false);
    expect(nestsDeeperThan(bytes('"[[[[[[[[["'), 0)).toBe(false);
    expect(nestsDeeperThan(bytes('{"name":"Zoë ☕ 𝄞 [","x":[1]}'), 2)).toBe(false);
  });

  it('finds 1 MiB of opening brackets too deep at the first level past the limit', () => {
    expect(nestsDeeperThan(bytes('['.repeat(1024 * 1024)))).toBe(true);
    expect(nestsDeeperThan(bytes(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`))).toBe(false);
    expect(nestsDeeperThan(bytes(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`))).toBe(true);
  });

  it('agrees with the depth of the parsed value for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = bytes(JSON.stringify(value));
        const depth = depthOf(value);
        expect(nestsDeeperThan(text, depth)).toBe(false);
        if (depth > 0) expect(nestsDeeperThan(text, depth - 1)).toBe(true);
      }),
      { numRuns: 500, seed: 4242 },
    );
  });
});
