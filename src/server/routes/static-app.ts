import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from '../problem.ts';

/** Files a browser must check on every load so an update is seen; everything else is content-hashed. */
const REVALIDATE = /(^|\/)(index\.html|sw\.js|manifest\.webmanifest)$/;

/** The casework console's pages: a separate entry of the same build, never the field app's shell. */
const CONSOLE_PAGES = /^\/console(\/|$|\?)/;
const CONSOLE_INDEX = 'console/index.html';

/**
 * Serves the built PWA; any other page path gets the app shell so deep links work, and any page
 * under /console/ the console's own page.
 */
export async function staticAppRoutes(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built app in ${root}: run "npm run build" first`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders(reply, path) {
      if (REVALIDATE.test(path) || path.endsWith('.html')) reply.header('cache-control', 'no-cache');
      else if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'public, max-age=3600');
    },
  });
  // An API-only or stub build may have no console: its addresses then answer 404 like any other.
  const hasConsole = existsSync(join(root, CONSOLE_INDEX));
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (isPage && CONSOLE_PAGES.test(request.url)) {
      if (hasConsole) return reply.header('cache-control', 'no-cache').sendFile(CONSOLE_INDEX);
      return sendProblem(reply, problem(404, 'not-found', 'There is no console in this build'));
    }
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address'));
  });
}
