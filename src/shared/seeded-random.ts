export type Random = () => number;

/**
 * mulberry32: a small, fast seeded generator, so a demo set, a bench fill or a fault-injection walk is
 * the same on every machine and can be repeated exactly from its seed. Not for anything secret.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
