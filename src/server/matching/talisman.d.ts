// talisman ships CommonJS without types; these are the two functions the matcher uses.
// The `.js` paths are what Node's ESM resolver needs, as the package has no exports map.

declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity, 0 (nothing alike) to 1 (identical). */
  export default function jaroWinkler(a: string, b: string): number;
}

declare module 'talisman/phonetics/double-metaphone.js' {
  /** The primary and alternate Double Metaphone codes, each at most 4 letters. */
  export default function doubleMetaphone(word: string): [string, string];
}
