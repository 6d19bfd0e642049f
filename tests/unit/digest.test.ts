import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/server/services/digest.ts';

describe('canonical JSON digest', () => {
  it('gives the same bytes whatever the key order', () => {
    const a = { b: 1, a: { d: [3, { y: 1, x: 2 }], c: 'é' } };
    const b = { a: { c: 'é', d: [3, { x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","d":[3,{"x":2,"y":1}]},"b":1}');
    expect(sha256Hex(canonicalJson(a))).toBe(sha256Hex(canonicalJson(b)));
  });

  it('tells different content apart', () => {
    expect(sha256Hex(canonicalJson({ a: 1 }))).not.toBe(sha256Hex(canonicalJson({ a: 2 })));
  });
});
