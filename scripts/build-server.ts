// Builds the sync server into one file, dist-server/main.mjs, that plain Node runs (npm start, npm run serve).
// Why: run from its TypeScript source through the tsx loader, the server holds that loader, its compiled
// copies and their source maps for as long as it runs: about 45 MB of a 250 MB memory budget
// (docs/performance.md). Packages stay outside the file and load from node_modules as usual.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const SERVER_BUNDLE = fileURLToPath(new URL('../dist-server/main.mjs', import.meta.url));

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
