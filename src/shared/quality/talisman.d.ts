// talisman ships CommonJS without types; this is the tokenizer the quality check uses.
// The `.js` paths are what Node's ESM resolver needs, as the package has no exports map.

declare module 'talisman/tokenizers/ngrams/index.js' {
  /** Every run of `n` consecutive items of the sequence. */
  export default function ngrams<T>(n: number, sequence: readonly T[]): T[][];
}
