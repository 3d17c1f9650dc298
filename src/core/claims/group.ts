// The grouping of passages from different sources that state the same thing.
//
// Each passage is a sparse vector of IDF-weighted terms. Candidate pairs come from an inverted index over
// each passage's most salient terms (blocking), so the work grows with the number of passages, not with
// its square. Pairs above a similarity threshold are merged strongest first (single links as evidence),
// and a merge must keep the mean similarity across the two groups high, which stops chains of loosely
// related passages from collapsing into one claim.
import { partitionPoint } from '../search.js';

export interface GroupOptions {
  /** Cosine similarity at which two passages from different sources state the same claim. */
  threshold: number;
  /** Mean similarity two groups must keep to be merged. */
  cohesion: number;
  /** How many of a passage's most salient terms are used to find candidates. */
  blockingTerms: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { threshold: 0.42, cohesion: 0.3, blockingTerms: 8 };

/** Term ids, so that vectors compare as sorted number arrays rather than string-keyed maps. */
export class TermTable {
  private readonly ids = new Map<string, number>();

  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/** Fewest terms two passages must share to state the same thing: one shared word is a coincidence. */
const MIN_SHARED_TERMS = 2;

/**
 * The passages' vectors, by passage id, in flat typed arrays: hundreds of thousands of passages as objects
 * with arrays of their own took most of the claim index's memory. Each passage's term ids (ascending) and
 * weights sit in shared pools; its most salient terms (for the inverted index) in a pool of `blockingTerms`
 * slots. A removed passage leaves a hole that the next full build does not carry over.
 */
export class Vectors {
  private termPool = new Int32Array(1 << 16);
  private weightPool = new Float32Array(1 << 16);
  private used = 0;
  private from = new Int32Array(1 << 12);
  private count = new Uint16Array(1 << 12);
  private norms = new Float32Array(1 << 12);
  private salientPool = new Int32Array(1 << 15);
  private readonly docs: string[] = [];

  constructor(private readonly blockingTerms: number) {}

  /** Stores passage `id`'s vector: its terms (as ids) weighted by `idf`. */
  add(id: number, doc: string, terms: { id: number; boost: number }[], idf: (id: number) => number): void {
    this.room(id, terms.length);
    const sorted = [...terms].sort((a, b) => a.id - b.id);
    const at = this.used;
    let sum = 0;
    sorted.forEach((t, k) => {
      const w = idf(t.id) * t.boost;
      this.termPool[at + k] = t.id;
      this.weightPool[at + k] = w;
      sum += w * w;
    });
    this.used += sorted.length;
    this.from[id] = at;
    this.count[id] = sorted.length;
    this.norms[id] = Math.sqrt(sum);
    this.docs[id] = doc;
    const salient = sorted
      .map((t, k) => ({ id: t.id, w: this.weightPool[at + k] }))
      .sort((a, b) => b.w - a.w || a.id - b.id)
      .slice(0, this.blockingTerms);
    const slots = id * this.blockingTerms;
    for (let k = 0; k < this.blockingTerms; k++) this.salientPool[slots + k] = k < salient.length ? salient[k].id : -1;
  }

  doc(id: number): string {
    return this.docs[id];
  }

  /** The term ids candidates are looked up by, most salient first. */
  salient(id: number): number[] {
    const out: number[] = [];
    const slots = id * this.blockingTerms;
    for (let k = 0; k < this.blockingTerms && this.salientPool[slots + k] >= 0; k++) out.push(this.salientPool[slots + k]);
    return out;
  }

  /** The passage's term ids. */
  terms(id: number): Int32Array {
    return this.termPool.subarray(this.from[id], this.from[id] + this.count[id]);
  }

  cosine(a: number, b: number): number {
    const na = this.norms[a];
    const nb = this.norms[b];
    if (!na || !nb) return 0;
    let i = this.from[a];
    let j = this.from[b];
    const endI = i + this.count[a];
    const endJ = j + this.count[b];
    const terms = this.termPool;
    const weights = this.weightPool;
    let dot = 0;
    let shared = 0;
    while (i < endI && j < endJ) {
      if (terms[i] < terms[j]) i++;
      else if (terms[i] > terms[j]) j++;
      else {
        dot += weights[i++] * weights[j++];
        shared++;
      }
    }
    return shared < MIN_SHARED_TERMS ? 0 : dot / (na * nb);
  }

  private room(id: number, terms: number): void {
    while (this.used + terms > this.termPool.length) {
      this.termPool = grown(this.termPool, new Int32Array(this.termPool.length * 2));
      this.weightPool = grown(this.weightPool, new Float32Array(this.weightPool.length * 2));
    }
    while (id >= this.from.length) {
      this.from = grown(this.from, new Int32Array(this.from.length * 2));
      this.count = grown(this.count, new Uint16Array(this.count.length * 2));
      this.norms = grown(this.norms, new Float32Array(this.norms.length * 2));
    }
    while ((id + 1) * this.blockingTerms > this.salientPool.length) this.salientPool = grown(this.salientPool, new Int32Array(this.salientPool.length * 2));
  }
}

function grown<T extends Int32Array | Float32Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/** Passage ids by salient term, each list ascending (ids are handed out in increasing order). */
export class Postings {
  /** A term in one passage keeps that passage's id as is: most salient terms are rare, and a list each cost memory. */
  private readonly lists = new Map<number, number | number[]>();

  add(id: number, salient: number[]): void {
    for (const k of salient) {
      const entry = this.lists.get(k);
      if (entry === undefined) {
        this.lists.set(k, id);
        continue;
      }
      const list = typeof entry === 'number' ? [entry] : entry;
      if (list[list.length - 1] > id) list.splice(partitionPoint(list, (x) => x < id), 0, id);
      else list.push(id);
      if (list !== entry) this.lists.set(k, list);
    }
  }

  remove(id: number, salient: number[]): void {
    for (const k of salient) {
      const entry = this.lists.get(k);
      if (entry === undefined) continue;
      if (typeof entry === 'number') {
        if (entry === id) this.lists.delete(k);
        continue;
      }
      const at = partitionPoint(entry, (x) => x < id);
      if (entry[at] === id) entry.splice(at, 1);
      if (entry.length === 1) this.lists.set(k, entry[0]);
      else if (!entry.length) this.lists.delete(k);
    }
  }

  get(k: number): readonly number[] {
    const entry = this.lists.get(k);
    return entry === undefined ? NO_POSTINGS : typeof entry === 'number' ? [entry] : entry;
  }
}

const NO_POSTINGS: readonly number[] = [];

/** Receives a pair of similar passages: `i`, `j` and their similarity. */
export type EdgeSink = (i: number, j: number, s: number) => void;

/**
 * Most candidate passages compared with one passage, most shared salient terms first: a passage needs only a
 * few links into its claim to join it, and in a story retold hundreds of times every further comparison
 * costs time for nothing.
 */
const MAX_CANDIDATES = 80;
/** Most postings read for one passage: a term in thousands of passages says little about any of them. */
const MAX_POSTINGS = 600;
/** Most candidates compared that share a single salient term with the passage. */
const MAX_SINGLE_TERM_CANDIDATES = 20;
/**
 * Most pairs kept per passage, strongest first: enough for a passage to join its claim. Keeping every pair of
 * a passage in a claim retold hundreds of times filled memory and the ordering with links that change nothing.
 */
const MAX_EDGES = 12;

/**
 * Pairs of passage `i` with passages of other documents that are similar enough. Candidates share salient
 * terms with it (counted over the inverted index, rarest terms first), so the similarity is computed for
 * few pairs. `after` limits the candidates to ids above `i` (each pair once in a full build);
 * `accept` to a subset.
 */
export function edgesOf(
  i: number,
  vectors: Vectors,
  postings: Postings,
  options: GroupOptions,
  emit: EdgeSink,
  after: boolean,
  accept?: (j: number) => boolean,
): void {
  const doc = vectors.doc(i);
  // Shared salient terms per candidate, counted in a reused array (a map per passage kept the GC busy).
  const touched: number[] = [];
  let read = 0;
  for (const k of vectors.salient(i)) {
    const list = postings.get(k);
    for (let p = after ? partitionPoint(list, (j) => j <= i) : 0; p < list.length && read < MAX_POSTINGS; p++, read++) {
      const j = list[p];
      if (j === i) continue;
      if (j >= sharedCounts.length) sharedCounts = grow(sharedCounts, j);
      if (sharedCounts[j]++ === 0) touched.push(j);
    }
  }
  // Candidates by the number of salient terms they share, most first (found through the rarest terms first
  // within a count), then a few sharing only one: a short passage can say the same as a long one with one
  // salient term in common.
  const byShared: number[][] = [];
  for (const j of touched) {
    const count = sharedCounts[j];
    sharedCounts[j] = 0;
    (byShared[count] ??= []).push(j);
  }
  let budget = MAX_CANDIDATES;
  const found: { j: number; s: number }[] = [];
  for (let count = byShared.length - 1; count >= 1 && budget > 0; count--) {
    let take = count === 1 ? Math.min(budget, MAX_SINGLE_TERM_CANDIDATES) : budget;
    for (const j of byShared[count] ?? []) {
      if (take === 0) break;
      if (vectors.doc(j) === doc || (accept && !accept(j))) continue;
      take--;
      budget--;
      const s = vectors.cosine(i, j);
      if (s >= options.threshold) found.push({ j, s });
    }
  }
  if (found.length > MAX_EDGES) found.sort((a, b) => b.s - a.s || a.j - b.j).length = MAX_EDGES;
  for (const { j, s } of found) emit(i, j, s);
}

/** Levels of similarity the pairs are ordered by (between the threshold and 1). */
const LEVELS = 1024;

/**
 * Pairs ordered strongest first without a sort: bucketed by similarity level, in the order they came within a
 * level (passage order). Stored flat, three numbers per pair: millions of pairs are no millions of objects.
 */
export class EdgeQueue {
  private readonly levels: number[][] = [];
  size = 0;

  constructor(private readonly threshold: number) {}

  readonly push: EdgeSink = (i, j, s) => {
    const level = Math.min(LEVELS - 1, Math.max(0, Math.floor(((1 - s) / (1 - this.threshold)) * LEVELS)));
    (this.levels[level] ??= []).push(i, j, s);
    this.size++;
  };

  *pairs(): Generator<[number, number]> {
    for (const level of this.levels) {
      if (!level) continue;
      for (let k = 0; k < level.length; k += 3) yield [level[k], level[k + 1]];
    }
  }
}

let sharedCounts: Uint8Array = new Uint8Array(1024);

function grow(counts: Uint8Array, atLeast: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(atLeast + 1, counts.length * 2));
  bigger.set(counts);
  return bigger;
}

/** Pairs merged between two pauses of a full build. */
const MERGE_STEP = 20_000;

/**
 * Groups of `ids` from their pairs, strongest first, keeping groups cohesive; each group ascending. Yields
 * every so many pairs, so a caller can spread a large merge over time; `mergeAll` runs it at once.
 */
export function* mergeSteps(ids: number[], edges: EdgeQueue, similarity: (i: number, j: number) => number, cohesion: number): Generator<void, number[][]> {
  const groupOf = new Map<number, number>(ids.map((i) => [i, i]));
  const members = new Map<number, number[]>(ids.map((i) => [i, [i]]));
  let done = 0;
  for (const [i, j] of edges.pairs()) {
    if (++done % MERGE_STEP === 0) yield;
    const gi = groupOf.get(i)!;
    const gj = groupOf.get(j)!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    if (a.length + b.length > 2 && meanSimilarity(a, b, similarity) < cohesion) continue;
    const [keep, drop] = a.length >= b.length ? [gi, gj] : [gj, gi];
    const moved = members.get(drop)!;
    for (const m of moved) groupOf.set(m, keep);
    members.get(keep)!.push(...moved);
    members.delete(drop);
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y));
}

export function mergeAll(ids: number[], edges: EdgeQueue, similarity: (i: number, j: number) => number, cohesion: number): number[][] {
  const steps = mergeSteps(ids, edges, similarity, cohesion);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Mean similarity between two groups, on a bounded sample so large groups stay cheap. */
function meanSimilarity(a: number[], b: number[], similarity: (i: number, j: number) => number): number {
  const sa = a.length > 12 ? a.slice(0, 12) : a;
  const sb = b.length > 12 ? b.slice(0, 12) : b;
  let sum = 0;
  for (const x of sa) for (const y of sb) sum += similarity(x, y);
  return sum / (sa.length * sb.length);
}
