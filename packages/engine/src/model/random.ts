// Seeded randomness and content hashing for training: the same seed and inputs give the same model.

/** A pseudo-random generator returning floats in [0, 1). */
export type Random = () => number;

/** mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough for sampling cases. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles in place (Fisher–Yates) with the given generator. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** Derives an independent seed for a named step so that adding a step elsewhere does not shift this one. */
export function deriveSeed(seed: number, label: string): number {
  return Number.parseInt(contentHash(`${seed}:${label}`).slice(0, 8), 16) >>> 0;
}

/**
 * A 64-bit, non-cryptographic content hash (cyrb53 run twice with different seeds), as hex. It identifies
 * training data in a model artifact; the engine core has no crypto module, and collisions are not a threat here.
 */
export function contentHash(text: string): string {
  const half = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  };
  return half(1) + half(2);
}
