import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { PROJECT_ROOT } from '../lib/paths.ts';

const APP_CONFIG = resolve(PROJECT_ROOT, 'vite.config.ts');

export interface Built {
  outDir: string;
  /** The page build's chunks, with their static and dynamic imports (the service worker is built apart). */
  chunks: Rolldown.OutputChunk[];
}

/**
 * Builds with the app's own vite.config.ts (plugins, CSS options, target, service worker) into `outDir`.
 * `root` other than the project's builds another page with exactly the same configuration.
 */
export async function buildWithAppConfig(outDir: string, root: string = PROJECT_ROOT): Promise<Built> {
  const result = await build({
    configFile: APP_CONFIG,
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) =>
    'output' in output ? output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk') : [],
  );
  if (chunks.length === 0) throw new Error(`The build of ${root} produced no JavaScript chunks`);
  return { outDir, chunks };
}
