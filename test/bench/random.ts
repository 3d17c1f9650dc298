// A seeded pseudo-random generator (sfc32) and the draws the corpus generator needs. Never Math.random:
// the same seed must give the same corpus on every machine and every run.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** FNV-1a of a string: turns a seed and a name into 32-bit generator state. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32, seeded from a key: small, fast and good enough for sampling text. */
export function rngFor(...key: (string | number)[]): Rng {
  const k = key.join('\u0000');
  let a = hash32(`a${k}`);
  let b = hash32(`b${k}`);
  let c = hash32(`c${k}`);
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still show the seed: skip them.
  for (let i = 0; i < 12; i++) next();
  return { next };
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

/** Index drawn with probability proportional to its weight, from the cumulative weights. */
export function weightedIndex(rng: Rng, cumulative: readonly number[]): number {
  const x = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `count` distinct items in their original order. */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen = shuffled(rng, items.map((_, i) => i)).slice(0, count).sort((x, y) => x - y);
  return chosen.map((i) => items[i]);
}

/** Log-normal draw: lengths of news articles are skewed, a long tail of features. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  const u = Math.max(rng.next(), 1e-12);
  const v = rng.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}
