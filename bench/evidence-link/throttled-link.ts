import { createConnection, createServer, type Socket } from 'node:net';

export interface LinkOptions {
  /** Upload bandwidth of the whole link, shared by every connection (a phone has one radio). */
  upBitsPerSecond: number;
  /** Round trip added to everything: half on the way up, half on the way down, and one for each new connection. */
  roundTripMs: number;
  /** Byte counts of the upload at which every connection is cut, as when the signal goes for a moment. */
  dropAtUpBytes: readonly number[];
}

export interface ThrottledLink {
  /** host:port of the link's device end. */
  port: number;
  /** Bytes carried up (device to server) so far: what the upload cost on the air, headers and all. */
  upBytes(): number;
  /** How many times every connection was cut. */
  drops(): number;
  /** Time the uplink carried nothing, from the first byte up to now: what the device's pauses cost. */
  idleMs(): number;
  close(): Promise<void>;
}

/** Pieces the upload is cut into on the link: small, so connections interleave and a drop can fall mid-request. */
const PIECE_BYTES = 4 * 1024;
/** Bytes a connection may have waiting for the link before the device is told to wait (a radio's send buffer). */
const QUEUE_HIGH_WATER = 32 * 1024;
/** How far a late timer may catch up (a stalled event loop must not turn into a burst of link time). */
const MAX_CATCH_UP_MS = 200;

interface Piece {
  pair: Pair;
  bytes: Buffer;
}

interface Pair {
  device: Socket;
  server: Socket;
  queued: number;
  open: boolean;
}

/**
 * A slow, unreliable uplink on loopback: a TCP proxy that carries the device's bytes to the server at
 * `upBitsPerSecond` across all its connections, in order, with the round trip added, and cuts every
 * connection when the upload passes each of `dropAtUpBytes`. Bytes queued but not yet on the link when
 * it is cut are lost with it but never counted: only bytes that went over the air are.
 */
export async function startThrottledLink(target: { host: string; port: number }, options: LinkOptions): Promise<ThrottledLink> {
  const oneWay = options.roundTripMs / 2;
  const bytesPerMs = options.upBitsPerSecond / 8 / 1000;
  const drops = [...options.dropAtUpBytes].sort((a, b) => a - b);
  const pairs = new Set<Pair>();
  const queue: Piece[] = [];
  let carried = 0;
  let dropped = 0;
  let busy = false;
  let linkFreeAt = 0;
  let idle = 0;
  let idleSince: number | undefined;

  function cutEverything() {
    dropped += 1;
    queue.length = 0;
    for (const pair of pairs) close(pair);
  }

  function close(pair: Pair) {
    pair.open = false;
    pairs.delete(pair);
    pair.device.destroy();
    pair.server.destroy();
  }

  /** Carries the next piece over the link; its last byte arrives one way's latency after it is sent. */
  function pump() {
    if (busy) return;
    // A connection closed meanwhile sends nothing more.
    while (queue[0] && !queue[0].pair.open) queue.shift();
    const piece = queue.shift();
    const now = performance.now();
    if (!piece) {
      idleSince ??= now;
      return;
    }
    // A piece waiting when the last one ended goes on at that end, however late this timer ran on a busy
    // machine: only a link that had nothing to send starts again now. So the emulated link keeps its rate.
    const start = idleSince === undefined && linkFreeAt > 0 ? Math.max(linkFreeAt, now - MAX_CATCH_UP_MS) : now;
    if (idleSince !== undefined) idle += now - idleSince;
    idleSince = undefined;
    busy = true;
    linkFreeAt = start + piece.bytes.length / bytesPerMs;
    setTimeout(() => {
      busy = false;
      const { pair, bytes } = piece;
      pair.queued -= bytes.length;
      if (pair.open) {
        carried += bytes.length;
        setTimeout(() => {
          if (pair.open) pair.server.write(bytes);
        }, oneWay);
        if (pair.queued < QUEUE_HIGH_WATER) pair.device.resume();
      }
      if (drops.length > 0 && carried >= (drops[0] ?? Number.POSITIVE_INFINITY)) {
        drops.shift();
        cutEverything();
      }
      pump();
    }, linkFreeAt - now);
  }

  const server = createServer((device) => {
    device.pause();
    const upstream = createConnection(target);
    const pair: Pair = { device, server: upstream, queued: 0, open: true };
    pairs.add(pair);
    device.on('error', () => close(pair));
    upstream.on('error', () => close(pair));
    device.on('close', () => close(pair));
    upstream.on('close', () => close(pair));
    // The down link is not the bottleneck (3G downloads are several times faster): latency only.
    upstream.on('data', (bytes: Buffer) => {
      setTimeout(() => {
        if (pair.open) device.write(bytes);
      }, oneWay);
    });
    device.on('data', (bytes: Buffer) => {
      for (let start = 0; start < bytes.length; start += PIECE_BYTES) queue.push({ pair, bytes: bytes.subarray(start, start + PIECE_BYTES) });
      pair.queued += bytes.length;
      if (pair.queued >= QUEUE_HIGH_WATER) device.pause();
      pump();
    });
    // A new connection costs a round trip before its first byte goes up.
    setTimeout(() => {
      if (pair.open) device.resume();
    }, options.roundTripMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The throttled link has no port');
  return {
    port: address.port,
    upBytes: () => carried,
    drops: () => dropped,
    idleMs: () => idle + (idleSince === undefined ? 0 : performance.now() - idleSince),
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) close(pair);
        server.close(() => resolve());
      }),
  };
}
