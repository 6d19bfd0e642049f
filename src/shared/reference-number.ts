/**
 * Receipt references are read aloud over a radio or a phone, so the alphabet leaves out
 * look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B) and U (accidental words).
 */
export const REFERENCE_ALPHABET = '34679ACDEFGHJKMNPQRTVWXY';

export const REFERENCE_PATTERN = new RegExp(`^NRM-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{2}$`);

/** Builds a reference such as NRM-7K3F-9Q from a source of random integers in [0, n). */
export function makeReference(randomInt: (n: number) => number): string {
  const pick = () => REFERENCE_ALPHABET.charAt(randomInt(REFERENCE_ALPHABET.length));
  const chars = Array.from({ length: 6 }, pick).join('');
  return `NRM-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
