// Builds the sync server into one file, dist-server/main.mjs, that plain Node runs (npm start, npm run serve).
// Why: run from its TypeScript source through the tsx loader, the server holds that loader, its compiled
// copies and their source maps for as long as it runs: about 45 MB of a 250 MB memory budget
// (docs/performance.md). Packages stay outside the file and load from node_modules as usual.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const SERVER_BUNDLE = fileURLToPath(new URL('../dist-server/main.mjs', import.meta.url));

/**
 * How Node runs the built server (npm run serve, and so npm start; package.json repeats them, a test
 * checks). A small young generation and an old generation that grows by a fifth at a time keep the heap
 * near what is live: under the ingest bench's 50 connections the server peaked at 173 MB instead of
 * 269–290 MB, at the same rate (docs/performance.md). No ceiling is set: a big export still gets its memory.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=20'];

/** `outfile` must lie inside the project, so that the packages left outside it are found in node_modules. */
export async function buildServer(outfile: string = SERVER_BUNDLE): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/server/main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
