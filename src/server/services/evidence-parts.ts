/** One part of a sealed chunk as a device sends it (docs/protocol.md, "Upload"). */
export interface ChunkPart {
  referralId: string;
  fileId: string;
  index: number;
  /** SHA-256 (hex) of the whole sealed chunk: checked once every part is in. */
  sha256: string;
  /** The whole chunk's length, and where this part starts in it. */
  length: number;
  offset: number;
  bytes: Uint8Array;
  deviceId: string | null;
}

export type PartOutcome =
  /** Kept; `received` bytes of the chunk are in so far. */
  | { kind: 'staged'; received: number }
  /** The last part: the whole chunk, for the caller to check and store. */
  | { kind: 'complete'; bytes: Uint8Array }
  /** The part does not start where the bytes held end (or overruns the chunk): the device asks what is held. */
  | { kind: 'out-of-order'; received: number };

export interface PartLimits {
  /** Bytes of unfinished chunks this process keeps, of all devices: the oldest touched goes first past it. */
  maxBytes: number;
  /** Unfinished chunks one device may have at once (its upload window, and some to spare). */
  maxPerDevice: number;
  /** An unfinished chunk untouched this long is dropped: its device has gone, or will start it again. */
  ttlMs: number;
}

export const DEFAULT_PART_LIMITS: PartLimits = { maxBytes: 64 * 1024 * 1024, maxPerDevice: 8, ttlMs: 60 * 60_000 };

interface Staged {
  deviceKey: string;
  referralId: string;
  fileId: string;
  index: number;
  sha256: string;
  buffer: Uint8Array;
  received: number;
  touchedAt: number;
}

/**
 * Chunks that arrive in parts, held in this process's memory until their last part. Each part came in
 * its own device-signed request, so nothing unsigned is ever kept; a part cut off by a dropped
 * connection never reaches here. Memory only, on purpose: bounded, gone on restart, and not shared
 * between instances — a device whose next part reaches another instance, or a restarted one, is told
 * it is out of order, asks what is held and sends that chunk again from its start. Losing an
 * unfinished chunk costs bytes, never correctness: a chunk is stored only whole and matching its SHA-256.
 */
export function createPartStaging(now: () => Date, limits: PartLimits = DEFAULT_PART_LIMITS) {
  const staged = new Map<string, Staged>();
  let heldBytes = 0;

  const deviceKeyOf = (deviceId: string | null) => deviceId ?? '(unsigned)';
  const keyOf = (part: Pick<ChunkPart, 'referralId' | 'fileId' | 'index' | 'deviceId'>) => `${deviceKeyOf(part.deviceId)}/${part.referralId}/${part.fileId}/${part.index}`;

  function drop(key: string) {
    const entry = staged.get(key);
    if (!entry) return;
    heldBytes -= entry.buffer.length;
    staged.delete(key);
  }

  /** The oldest touched first: Map keeps insertion order, and a touch re-inserts. */
  function makeRoom(deviceKey: string, bytes: number, at: number) {
    for (const [key, entry] of staged) if (at - entry.touchedAt > limits.ttlMs) drop(key);
    const mine = [...staged].filter(([, entry]) => entry.deviceKey === deviceKey);
    for (const [key] of mine.slice(0, Math.max(0, mine.length - limits.maxPerDevice + 1))) drop(key);
    for (const [key] of staged) {
      if (heldBytes + bytes <= limits.maxBytes) break;
      drop(key);
    }
  }

  return {
    stage(part: ChunkPart): PartOutcome {
      const at = now().getTime();
      const key = keyOf(part);
      let entry = staged.get(key);
      // A chunk begun anew (after a lost answer, or naming another chunk at the same place) replaces what was there.
      if (part.offset === 0 && entry) {
        drop(key);
        entry = undefined;
      }
      if (!entry) {
        if (part.offset !== 0) return { kind: 'out-of-order', received: 0 };
        makeRoom(deviceKeyOf(part.deviceId), part.length, at);
        entry = { deviceKey: deviceKeyOf(part.deviceId), referralId: part.referralId, fileId: part.fileId, index: part.index, sha256: part.sha256, buffer: new Uint8Array(part.length), received: 0, touchedAt: at };
        heldBytes += part.length;
      }
      if (entry.sha256 !== part.sha256 || entry.buffer.length !== part.length || part.offset !== entry.received || part.offset + part.bytes.length > part.length) {
        return { kind: 'out-of-order', received: entry.received };
      }
      entry.buffer.set(part.bytes, part.offset);
      entry.received += part.bytes.length;
      entry.touchedAt = at;
      staged.delete(key);
      staged.set(key, entry);
      if (entry.received < part.length) return { kind: 'staged', received: entry.received };
      // Kept until stored (see `stored`): a status asked meanwhile must not offer it as unfinished.
      return { kind: 'complete', bytes: entry.buffer };
    },

    /** The chunk is stored (or refused): its parts are no longer needed. */
    finished(part: Pick<ChunkPart, 'referralId' | 'fileId' | 'index' | 'deviceId'>) {
      drop(keyOf(part));
    },

    /** Unfinished chunks of one file from this device, with the bytes held of each. */
    partial(referralId: string, fileId: string, deviceId: string | null): { index: number; sha256: string; bytes: number }[] {
      const at = now().getTime();
      const found: { index: number; sha256: string; bytes: number }[] = [];
      for (const entry of staged.values()) {
        const mine = entry.deviceKey === deviceKeyOf(deviceId) && entry.referralId === referralId && entry.fileId === fileId;
        if (mine && entry.received < entry.buffer.length && at - entry.touchedAt <= limits.ttlMs) found.push({ index: entry.index, sha256: entry.sha256, bytes: entry.received });
      }
      return found.sort((a, b) => a.index - b.index);
    },

    /** Bytes held for unfinished chunks (tests, and the bound). */
    heldBytes: () => heldBytes,
  };
}

export type PartStaging = ReturnType<typeof createPartStaging>;
