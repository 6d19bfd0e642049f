/** Benchmarks talk to the terminal; the lint rule against console.log is for the app and server. */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
