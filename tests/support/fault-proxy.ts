import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  url: string;
  /** While set, every /api/ request has its connection cut, as in a basement with no signal. */
  cutApi(cut: boolean): void;
  close(): Promise<void>;
}

/** A small HTTP proxy between the browser (or engine) and the real server, for cutting the API alone. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let apiCut = false;
  const server = createServer((req, res) => {
    if (apiCut && req.url?.startsWith('/api/')) {
      req.socket.destroy();
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cutApi(cut) {
      apiCut = cut;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
