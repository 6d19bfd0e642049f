// npm run serve: the built server (made by scripts/build-server.ts in npm run build), or a clear word
// when there is none yet. It does not import the build script, so esbuild stays out of the server's memory.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist-server/main.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error(`NRM Field did not start: there is no built server at ${fileURLToPath(bundle)}. Run "npm run build" first, then "npm run serve" again.`);
  process.exit(1);
}
await import(bundle.href);
