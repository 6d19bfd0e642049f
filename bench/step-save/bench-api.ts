/** What the harness page offers the bench; every call returns one duration in milliseconds per save. */
export interface StepSaveBench {
  /** Saves `count` steps through the app's store, each with a different narrative of `length` characters. */
  storeSaves(count: number, length: number): Promise<number[]>;
  /** The same bytes written with a bare IndexedDB put, one transaction each, in the same page. */
  barePuts(count: number, length: number): Promise<number[]>;
}

declare global {
  interface Window {
    stepSaveBench?: StepSaveBench;
  }
}
