import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** What can go wrong between a device and the server. */
export type Fault = 'refuse' | 'drop-request' | 'drop-response-after-commit' | 'http-500' | 'http-503' | 'http-429' | 'stall';

export interface FaultPlan {
  seed: number;
  /** Share of referral POSTs that meet a fault. */
  rate: number;
  /** Relative weight of each fault. */
  weights: Partial<Record<Fault, number>>;
  /** How long a stalled request is held before it goes on to the server (the client has given up by then). */
  stallMs: number;
}

export interface FaultProxy {
  url: string;
  /** While set, every /api/ request has its connection cut, as in a basement with no signal. */
  cutApi(cut: boolean): void;
  /** While set, referral POSTs are held until released (to catch the app mid-send). */
  holdPosts(hold: boolean): void;
  /** Cuts the connection of the next `count` evidence chunk uploads part-way through their bodies. */
  dropChunkUploads(count: number): void;
  /** Chunk uploads cut so far, and chunk uploads that went through to the server. */
  chunkCounts(): { dropped: number; forwarded: number };
  /** Starts injecting faults into referral POSTs by plan; undefined stops it. */
  injectFaults(plan: FaultPlan | undefined): void;
  /** How many times each fault was injected, and how many POSTs of each id went through. */
  counts(): Record<Fault | 'forwarded', number>;
  postsById(): Map<string, number>;
  close(): Promise<void>;
}

function pickFault(random: () => number, plan: FaultPlan): Fault | undefined {
  if (random() >= plan.rate) return undefined;
  const entries = Object.entries(plan.weights) as [Fault, number][];
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [fault, weight] of entries) {
    roll -= weight;
    if (roll < 0) return fault;
  }
  return entries.at(-1)?.[0];
}

/** A small HTTP proxy between the browser (or the engine) and the real server, for cutting and breaking traffic. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let apiCut = false;
  let held: (() => void)[] | undefined;
  let plan: FaultPlan | undefined;
  let random = seededRandom(1);
  const counts = { refuse: 0, 'drop-request': 0, 'drop-response-after-commit': 0, 'http-500': 0, 'http-503': 0, 'http-429': 0, stall: 0, forwarded: 0 };
  const posts = new Map<string, number>();
  const uploads = { toDrop: 0, dropped: 0, forwarded: 0 };

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, dropAnswer: boolean) {
    counts.forwarded += 1;
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (dropAnswer) {
        // The server has committed and answered; the device never hears it.
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  }

  const server = createServer((req, res) => {
    if (apiCut && req.url?.startsWith('/api/')) {
      req.socket.destroy();
      return;
    }
    const isChunk = req.method === 'PUT' && /\/files\/[^/]+\/chunks\/\d+(\?|$)/.test(req.url ?? '');
    if (isChunk && uploads.toDrop > 0) {
      // The signal goes in the middle of the upload: some bytes arrive, then the connection is gone.
      uploads.toDrop -= 1;
      uploads.dropped += 1;
      req.once('data', () => req.socket.destroy());
      return;
    }
    if (isChunk) uploads.forwarded += 1;
    const isPost = req.method === 'POST' && req.url === '/api/v1/referrals';
    const fault = isPost && plan && !held ? pickFault(random, plan) : undefined;
    if (fault) counts[fault] += 1;
    if (fault === 'refuse') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (isPost) {
        const id = /"id":"([^"]+)"/.exec(body.toString())?.[1] ?? '?';
        posts.set(id, (posts.get(id) ?? 0) + 1);
      }
      if (isPost && held) {
        held.push(() => forward(req, body, res, false));
        return;
      }
      switch (fault) {
        case 'drop-request':
          req.socket.destroy();
          return;
        case 'drop-response-after-commit':
          forward(req, body, res, true);
          return;
        case 'http-500':
          res.writeHead(500).end();
          return;
        case 'http-503':
          res.writeHead(503, { 'Retry-After': '0' }).end();
          return;
        case 'http-429':
          res.writeHead(429, { 'Retry-After': '0' }).end();
          return;
        case 'stall':
          setTimeout(() => forward(req, body, res, false), plan?.stallMs ?? 0);
          return;
        default:
          forward(req, body, res, false);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cutApi(cut) {
      apiCut = cut;
    },
    holdPosts(hold) {
      if (hold) {
        held ??= [];
        return;
      }
      const release = held ?? [];
      held = undefined;
      for (const go of release) go();
    },
    dropChunkUploads(count) {
      uploads.toDrop = count;
    },
    chunkCounts: () => ({ dropped: uploads.dropped, forwarded: uploads.forwarded }),
    injectFaults(next) {
      plan = next;
      random = seededRandom(next?.seed ?? 1);
    },
    counts: () => ({ ...counts }),
    postsById: () => new Map(posts),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
