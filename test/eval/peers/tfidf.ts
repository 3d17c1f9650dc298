// Peer for claims: TF-IDF cosine between two texts. Words are lower-cased letter/digit runs minus English
// function words; tf is the raw count, idf the smoothed ln((1 + N) / (1 + df)) + 1 over the texts given.
const STOP = new Set(
  ('a an the and or but if of to in on at by for from with as is are was were be been being has have had do does did ' +
    'it its this that these those he she they we you i his her their our your him them us me my who whom which what when ' +
    'where why how not no so than then there here also into over after before about up out will would can could may might ' +
    'shall should said says say just more most other some such only own same too very s t').split(' '),
);

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
}

export class TfIdf {
  private readonly vectors: Map<string, number>[];

  constructor(texts: string[]) {
    const bags = texts.map((t) => {
      const bag = new Map<string, number>();
      for (const w of words(t)) bag.set(w, (bag.get(w) ?? 0) + 1);
      return bag;
    });
    const df = new Map<string, number>();
    for (const bag of bags) for (const w of bag.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const n = texts.length;
    this.vectors = bags.map((bag) => {
      const v = new Map<string, number>();
      let norm = 0;
      for (const [w, tf] of bag) {
        const x = tf * (Math.log((1 + n) / (1 + df.get(w)!)) + 1);
        v.set(w, x);
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [w, x] of v) v.set(w, x / norm);
      return v;
    });
  }

  /** Cosine of texts `i` and `j` (indices into the constructor's list). */
  cosine(i: number, j: number): number {
    const [a, b] = this.vectors[i].size < this.vectors[j].size ? [this.vectors[i], this.vectors[j]] : [this.vectors[j], this.vectors[i]];
    let sum = 0;
    for (const [w, x] of a) sum += x * (b.get(w) ?? 0);
    return sum;
  }
}

/** A scored candidate pair for threshold tuning. */
export interface ScoredPair {
  similarity: number;
  gold: boolean;
}

export interface ThresholdScore {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  f1: number;
}

/** "Same" = similarity ≥ threshold (never at similarity 0); `goldOutside` counts gold pairs no candidate covers. */
export function atThreshold(pairs: ScoredPair[], threshold: number, goldOutside = 0): ThresholdScore {
  let tp = 0;
  let fp = 0;
  let fn = goldOutside;
  for (const p of pairs) {
    const same = p.similarity > 0 && p.similarity >= threshold;
    if (same && p.gold) tp++;
    else if (same) fp++;
    else if (p.gold) fn++;
  }
  return { threshold, tp, fp, fn, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 };
}

/** The best F1 over thresholds 0.00, 0.01, … 1.00 (the lowest threshold among equals). */
export function bestThreshold(pairs: ScoredPair[], goldOutside = 0): ThresholdScore {
  let best = atThreshold(pairs, 0, goldOutside);
  for (let k = 1; k <= 100; k++) {
    const x = atThreshold(pairs, k / 100, goldOutside);
    if (x.f1 > best.f1) best = x;
  }
  return best;
}
