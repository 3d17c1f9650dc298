// Groups passages from different sources that state the same thing.
//
// Each passage is a sparse vector of IDF-weighted terms. Candidate pairs come from an inverted index over
// each passage's most salient terms (blocking), so the work grows with the number of passages, not with
// its square. Pairs above a similarity threshold are merged strongest first (single links as evidence),
// and a merge must keep the mean similarity across the two groups high, which stops chains of loosely
// related passages from collapsing into one claim.
import type { Term } from './terms.js';
import { partitionPoint } from '../search.js';

export interface GroupInput {
  doc: string;
  terms: Term[];
}

export interface GroupOptions {
  /** Cosine similarity at which two passages from different sources state the same claim. */
  threshold: number;
  /** Mean similarity two groups must keep to be merged. */
  cohesion: number;
  /** How many of a passage's most salient terms are used to find candidates. */
  blockingTerms: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { threshold: 0.42, cohesion: 0.3, blockingTerms: 8 };

interface Vector {
  doc: string;
  weights: Map<string, number>;
  norm: number;
  salient: string[];
}

function vectors(items: GroupInput[], blockingTerms: number): { vectors: Vector[] } {
  const df = new Map<string, number>();
  for (const item of items) for (const t of item.terms) df.set(t.key, (df.get(t.key) ?? 0) + 1);
  const n = items.length;
  const out = items.map((item) => {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const t of item.terms) {
      const w = Math.log(1 + n / df.get(t.key)!) * t.boost;
      weights.set(t.key, w);
      sum += w * w;
    }
    const salient = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, blockingTerms).map(([k]) => k);
    return { doc: item.doc, weights, norm: Math.sqrt(sum), salient };
  });
  return { vectors: out };
}

/** Most candidate passages compared with one passage (far more than any claim has sources in practice). */
const MAX_CANDIDATES = 400;

/** Fewest terms two passages must share to state the same thing: one shared word is a coincidence. */
const MIN_SHARED_TERMS = 2;

export function cosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  let shared = 0;
  for (const [k, w] of small.weights) {
    const v = large.weights.get(k);
    if (v === undefined) continue;
    dot += w * v;
    shared++;
  }
  return shared < MIN_SHARED_TERMS ? 0 : dot / (a.norm * b.norm);
}

export interface Grouping {
  /** Groups of item indices; every item is in exactly one group. */
  groups: number[][];
  /** Similarity of two items, computed on demand. */
  similarity(i: number, j: number): number;
}

export function groupPassages(items: GroupInput[], options: GroupOptions = DEFAULT_GROUP_OPTIONS): Grouping {
  const { vectors: vs } = vectors(items, options.blockingTerms);
  const similarity = (i: number, j: number) => cosine(vs[i], vs[j]);

  // Blocking: passages that share one of their salient terms.
  const postings = new Map<string, number[]>();
  vs.forEach((v, i) => {
    for (const k of v.salient) {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      list.push(i);
    }
  });
  const edges: { i: number; j: number; s: number }[] = [];
  const seen = new Set<number>();
  vs.forEach((v, i) => {
    seen.clear();
    // Rarest terms first, and at most MAX_CANDIDATES comparisons per passage: when thousands of passages
    // share their salient terms (near-identical paragraphs), comparing every pair was quadratic.
    let budget = MAX_CANDIDATES;
    for (const k of v.salient) {
      const list = postings.get(k)!;
      // Postings are in passage order: start after i.
      for (let p = partitionPoint(list, (j) => j <= i); p < list.length && budget > 0; p++) {
        const j = list[p];
        if (seen.has(j) || vs[j].doc === v.doc) continue;
        seen.add(j);
        budget--;
        const s = similarity(i, j);
        if (s >= options.threshold) edges.push({ i, j, s });
      }
    }
  });
  edges.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);

  // Merge strongest first, keeping groups cohesive.
  const groupOf = vs.map((_, i) => i);
  const members = new Map<number, number[]>(vs.map((_, i) => [i, [i]]));
  for (const { i, j } of edges) {
    const gi = groupOf[i];
    const gj = groupOf[j];
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    if (a.length + b.length > 2 && meanSimilarity(a, b, similarity) < options.cohesion) continue;
    const [keep, drop] = a.length >= b.length ? [gi, gj] : [gj, gi];
    const moved = members.get(drop)!;
    for (const m of moved) groupOf[m] = keep;
    members.get(keep)!.push(...moved);
    members.delete(drop);
  }
  const groups = [...members.values()].map((g) => g.sort((x, y) => x - y));
  groups.sort((x, y) => x[0] - y[0]);
  return { groups, similarity };
}

/** Mean similarity between two groups, on a bounded sample so large groups stay cheap. */
function meanSimilarity(a: number[], b: number[], similarity: (i: number, j: number) => number): number {
  const sa = a.length > 12 ? a.slice(0, 12) : a;
  const sb = b.length > 12 ? b.slice(0, 12) : b;
  let sum = 0;
  for (const x of sa) for (const y of sb) sum += similarity(x, y);
  return sum / (sa.length * sb.length);
}
