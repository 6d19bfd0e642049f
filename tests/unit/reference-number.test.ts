import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, REFERENCE_PATTERN, makeReference } from '../../src/shared/reference-number.ts';

describe('receipt reference', () => {
  it('always has the NRM-XXXX-XX shape and no look-alike characters', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (draws) => {
        let i = 0;
        const reference = makeReference((n) => (draws[i++] ?? 0) % n);
        expect(reference).toMatch(REFERENCE_PATTERN);
        expect(reference.slice(4)).not.toMatch(/[015SZ28BOILU]/);
      }),
    );
  });

  it('uses every character of its alphabet', () => {
    const seen = new Set<string>();
    let n = 0;
    for (let k = 0; k < REFERENCE_ALPHABET.length; k += 1) {
      for (const c of makeReference(() => n++ % REFERENCE_ALPHABET.length).replace(/NRM|-/g, '')) seen.add(c);
    }
    expect(seen.size).toBe(REFERENCE_ALPHABET.length);
  });
});
