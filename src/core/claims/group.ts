// The grouping of passages from different sources that state the same thing.
//
// Each passage is a sparse vector of IDF-weighted terms. Candidate pairs come from an inverted index over
// each passage's most salient terms (blocking), so the work grows with the number of passages, not with
// its square. Pairs above a similarity threshold are merged strongest first (single links as evidence),
// and a merge must keep the mean similarity across the two groups high, which stops chains of loosely
// related passages from collapsing into one claim.
import { partitionIndex, partitionPoint } from '../search.js';
import { copying, finish, touching } from '../steps.js';
import { StringMap } from '../stringMap.js';
import { ChunkedList } from '../chunkedList.js';

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
  /** Tens of thousands of terms at 10,000 sources: in shards (see `StringMap`). */
  private readonly ids = new StringMap<number>();
  private readonly byId: string[] = [];

  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.byId.length));
      this.byId.push(key);
    }
    return id;
  }

  /** The key's id, if it has one. */
  get(key: string): number | undefined {
    return this.ids.get(key);
  }

  get size(): number {
    return this.byId.length;
  }

  /** The keys in id order. */
  keys(): IterableIterator<string> {
    return this.byId.values();
  }
}

/** Slots of a chunk of staged terms (see `Vectors.stage`): a megabyte of ids and one of boosts. */
const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;
/** Slots settled between two pauses: 128 Ki terms and weights, a megabyte. */
const SETTLE_STEP = 1 << 17;

/** Term ids as the vectors store them (see `Vectors.termPool`). */
export type TermArray = Uint16Array | Int32Array;
const NARROW_MAX = 0xffff;

/** Scratch for the kinds of two passages' figures (`Vectors.withoutUnmatchedFigures`). */
const kindsA = new Int32Array(256);
const kindsB = new Int32Array(256);

/** Fewest terms two passages must share to state the same thing: one shared word is a coincidence. */
const MIN_SHARED_TERMS = 2;

/**
 * The passages' vectors, by passage id, in flat typed arrays: hundreds of thousands of passages as objects
 * with arrays of their own took most of the claim index's memory. Each passage's term ids (ascending) and
 * weights sit in shared pools; its most salient terms (for the inverted index) are read off its weights when
 * asked (kept, they were 12 MiB at 10,000 sources). A removed passage leaves a hole that the next full build
 * does not carry over.
 */
export class Vectors {
  /** Term ids two bytes each while every id fits (about 32,000 terms at 10,000 sources), else four (`widen`). */
  private termPool: TermArray = new Uint16Array(1 << 16);
  private wide = false;
  private weightPool = new Float32Array(1 << 16);
  private used = 0;
  private from = new Int32Array(1 << 12);
  private count = new Uint16Array(1 << 12);
  private norms = new Float32Array(1 << 12);
  private readonly docs = new ChunkedList<string>('');
  /** One past the highest passage id stored. */
  private idCount = 0;
  /** Boosts staged that a 32-bit float cannot hold exactly, by slot (none with today's boosts). */
  private exactBoosts: Map<number, number> | undefined;
  private trimmed = false;
  /** A fresh index's first pass, staged: terms and boosts by slot, `CHUNK` slots a chunk (see `stage`). */
  private chunks: ({ terms: TermArray; boosts: Float32Array } | undefined)[] | undefined;
  /** Whether staged chunks were settled once (later passages go to the pools directly). */
  private settled = false;
  /** By term id, the kind of figure the term is (`setFigureKind`), else -1; and per passage, whether it has one. */
  private figureKinds = new Int32Array(0);
  private figured: Uint8Array = new Uint8Array(0);

  /** The weights of the salient terms `salient` is choosing. */
  private readonly salientWeights: Float64Array;

  constructor(private readonly blockingTerms: number) {
    this.salientWeights = new Float64Array(blockingTerms);
  }

  /** Stores passage `id`'s vector: its terms (as ids) weighted by `idf`. */
  add(id: number, doc: string, terms: { id: number; boost: number }[], idf: (id: number) => number): void {
    this.stage(id, doc, terms);
    this.weigh(id, idf);
  }

  /**
   * Room for passages 0 … n-1 at once, in a fresh index: a per-passage array of hundreds of thousands grown
   * as passages come was copied in one step of a build (10-20 ms each at 10,000 sources).
   */
  reserve(n: number): void {
    if (this.idCount > 0 || n <= 0) return;
    this.roomForIds(n - 1);
  }

  /**
   * Stores passage `id`'s terms before their weights are known (a full build counts every passage first):
   * the boosts wait in the weights' slots, so no list of terms per passage is held meanwhile. A fresh index's
   * first pass stages into chunks that `weigh` settles into pools of their size: pools grown by copies
   * while a build of 10,000 sources filled them left up to three times their size to be collected.
   */
  stage(id: number, doc: string, terms: { id: number; boost: number }[]): void {
    if (this.used === 0 && this.idCount === 0 && !this.settled) this.chunks ??= [];
    if (this.chunks) this.roomForIds(id);
    else this.room(id, terms.length);
    const sorted = [...terms].sort((a, b) => a.id - b.id);
    const at = this.used;
    sorted.forEach((t, k) => {
      this.put(at + k, t.id, t.boost);
      // A boost a 32-bit float cannot hold exactly waits aside, so weights come out as from the boost itself.
      if (Math.fround(t.boost) !== t.boost) (this.exactBoosts ??= new Map()).set(at + k, t.boost);
    });
    this.used += sorted.length;
    this.from[id] = at;
    this.count[id] = sorted.length;
    this.docs.set(id, doc);
    this.idCount = Math.max(this.idCount, id + 1);
    // Read from `sorted`: while staging, the terms are in the chunks, not the pool.
    this.noteFigures(id, sorted.length, (k) => sorted[k].id);
  }

  /**
   * Marks term `term` as a figure of kind `kind` (amounts, dates, times…). A figure one passage states and
   * the other states nothing of its kind for is a detail left out, not a difference: it is left out of both
   * norms when the two are compared (`Designer Lilly Pulitzer dies` / `… dies at 81`). Two figures of one
   * kind that differ still count against each other.
   */
  setFigureKind(term: number, kind: number): void {
    if (term >= this.figureKinds.length) {
      const bigger = new Int32Array(Math.max(term + 1, this.figureKinds.length * 2, 1024)).fill(-1);
      bigger.set(this.figureKinds);
      this.figureKinds = bigger;
    }
    this.figureKinds[term] = kind;
  }

  private isFigure(term: number): boolean {
    return term < this.figureKinds.length && this.figureKinds[term] >= 0;
  }

  /** Notes whether passage `id`, of `n` terms (`termAt`), states a figure. */
  private noteFigures(id: number, n: number, termAt: (k: number) => number): void {
    let any = false;
    for (let k = 0; k < n && !any; k++) any = this.isFigure(termAt(k));
    if (!any && id >= this.figured.length) return;
    if (id >= this.figured.length) this.figured = grownBytes(this.figured, id);
    this.figured[id] = any ? 1 : 0;
  }

  /** Stores a term and its boost at `slot`, in the chunks while staging, else in the pools. */
  private put(slot: number, term: number, boost: number): void {
    if (term > NARROW_MAX && !this.wide) this.widen();
    if (!this.chunks) {
      this.termPool[slot] = term;
      this.weightPool[slot] = boost;
      return;
    }
    const c = slot >>> CHUNK_BITS;
    const chunk = (this.chunks[c] ??= { terms: this.termArray(CHUNK), boosts: new Float32Array(CHUNK) });
    chunk.terms[slot & (CHUNK - 1)] = term;
    chunk.boosts[slot & (CHUNK - 1)] = boost;
  }

  /**
   * Moves the staged chunks into pools of their size (and a little room, see `trimming`), letting each chunk
   * go; a megabyte a step (at 10,000 sources the pools are tens of megabytes).
   */
  *settling(): Generator<void> {
    const chunks = this.chunks;
    if (!chunks) return;
    this.chunks = undefined;
    this.settled = true;
    const room = this.used + (this.used >> 5);
    const terms = this.termArray(room);
    yield;
    const weights = new Float32Array(room);
    yield;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c];
      if (!chunk) continue;
      const from = c * CHUNK;
      const n = Math.min(CHUNK, this.used - from);
      // A megabyte of the fresh pools a step: their pages are handed over as they are first written (see `touching`).
      for (let k = 0; k < n; k += SETTLE_STEP) {
        terms.set(chunk.terms.subarray(k, Math.min(n, k + SETTLE_STEP)), from + k);
        weights.set(chunk.boosts.subarray(k, Math.min(n, k + SETTLE_STEP)), from + k);
        yield;
      }
      chunks[c] = undefined;
    }
    this.termPool = terms;
    this.weightPool = weights;
  }

  /** Weighs passage `id`'s staged terms by `idf`: its weights and norm. */
  weigh(id: number, idf: (id: number) => number): void {
    if (this.chunks) for (const _ of this.settling());
    const at = this.from[id];
    const n = this.count[id];
    let sum = 0;
    for (let k = at; k < at + n; k++) {
      const boost = this.exactBoosts?.get(k) ?? this.weightPool[k];
      this.exactBoosts?.delete(k);
      const w = idf(this.termPool[k]) * boost;
      this.weightPool[k] = w;
      sum += w * w;
    }
    this.norms[id] = Math.sqrt(sum);
  }

  /**
   * Gives back the pools' room to grow (after a full build: at 10,000 sources, tens of megabytes) but a
   * thirty-second, so that the first edits after a build do not copy the largest pools.
   */
  *trimming(): Generator<void> {
    // At 10,000 sources each pool is a copy of up to 17 MB.
    const ids = this.idCount;
    const room = (needed: number) => needed + (needed >> 5);
    const fit = <T extends Int32Array | Float32Array | Uint16Array>(a: T, needed: number): T =>
      a.length > room(needed) ? (a.slice(0, room(needed)) as T) : a;
    // The pools in steps (see `copying`).
    const pool = room(this.used);
    if (this.termPool.length > pool) this.termPool = yield* copying(this.termPool, this.termArray(pool), this.used);
    if (this.weightPool.length > pool) this.weightPool = yield* copying(this.weightPool, new Float32Array(pool), this.used);
    this.from = fit(this.from, ids);
    this.count = fit(this.count, ids);
    this.norms = fit(this.norms, ids);
    this.trimmed = true;
  }

  doc(id: number): string {
    return this.docs.get(id);
  }

  /** How many terms passage `id` has, and its vector's norm. */
  size(id: number): number {
    return this.count[id];
  }

  norm(id: number): number {
    return this.norms[id];
  }

  /** Writes passage `id`'s term ids to `at` of `into` (a snapshot). */
  termsInto(id: number, into: Int32Array, at: number): void {
    for (let k = 0, from = this.from[id], n = this.count[id]; k < n; k++) into[at + k] = this.termPool[from + k];
  }

  /** Writes passage `id`'s term weights to `at` of `into` (a snapshot). */
  weightsInto(id: number, into: Float32Array, at: number): void {
    into.set(this.weights(id), at);
  }

  /** Writes passage `id`'s salient terms to `slot` of `salient`, `blockingTerms` slots, -1 past the last. */
  salientInto(id: number, salient: Int32Array, slot: number): void {
    const own = this.salient(id);
    for (let k = 0; k < this.blockingTerms; k++) salient[slot + k] = k < own.length ? own[k] : -1;
  }

  /**
   * Vectors stored before (a snapshot's), for passages 0 … n-1: `counts[id]` terms each, one passage after
   * another in `terms` and `weights` (their salient terms are read off the weights). Each passage is then
   * `locate`d.
   * Arrays whose buffers have room to grow past them (a decoded snapshot's) are taken over, others copied.
   */
  static packed(blockingTerms: number, p: { counts: Uint16Array; norms: Float32Array; terms: Int32Array; weights: Float32Array }): Vectors {
    const v = new Vectors(blockingTerms);
    const n = p.counts.length;
    const room = (length: number) => length + (length >> 3) + 1024;
    const capacity = (a: ArrayBufferView & { BYTES_PER_ELEMENT: number }) => Math.floor((a.buffer.byteLength - a.byteOffset) / a.BYTES_PER_ELEMENT);
    // Pools grow together and by doubling: equal capacities, none empty.
    const terms = Math.min(capacity(p.terms), capacity(p.weights));
    const pool = terms > p.terms.length ? terms : room(p.terms.length);
    // Taken over as they are, four bytes an id.
    v.wide = true;
    v.termPool = terms > p.terms.length ? new Int32Array(p.terms.buffer as ArrayBuffer, p.terms.byteOffset, pool) : grown(p.terms, new Int32Array(pool));
    v.weightPool = terms > p.terms.length ? new Float32Array(p.weights.buffer as ArrayBuffer, p.weights.byteOffset, pool) : grown(p.weights, new Float32Array(pool));
    v.used = p.terms.length;
    const ids = Math.min(capacity(p.counts), capacity(p.norms));
    const adopt = ids > n;
    const slots = adopt ? ids : room(n);
    v.count = adopt ? new Uint16Array(p.counts.buffer as ArrayBuffer, p.counts.byteOffset, slots) : grown(p.counts, new Uint16Array(slots));
    v.norms = adopt ? new Float32Array(p.norms.buffer as ArrayBuffer, p.norms.byteOffset, slots) : grown(p.norms, new Float32Array(slots));
    v.from = new Int32Array(slots);
    // Grown as after a full build's trim: by an eighth.
    v.trimmed = true;
    return v;
  }

  /** Where a packed passage's terms start, and its document. */
  locate(id: number, doc: string, from: number): void {
    this.from[id] = from;
    this.docs.set(id, doc);
    this.idCount = Math.max(this.idCount, id + 1);
    this.noteFigures(id, this.count[id], (k) => this.termPool[from + k]);
  }

  /**
   * The term ids candidates are looked up by: the `blockingTerms` of highest weight, most salient first (ties
   * by lower id). Read off the stored weights, which do not change once weighed: the same on every read.
   */
  salient(id: number): number[] {
    const out: number[] = [];
    const weights = this.salientWeights;
    const k = this.blockingTerms;
    // Terms are in ascending id order: a later term of equal weight goes after the ones taken. Shifted in
    // place: a splice made an array each time, for each of millions of reads in a large build.
    for (let s = this.from[id], end = s + this.count[id]; s < end; s++) {
      const w = this.weightPool[s];
      let at = out.length;
      while (at > 0 && w > weights[at - 1]) at--;
      if (at >= k) continue;
      for (let m = Math.min(out.length, k - 1); m > at; m--) {
        out[m] = out[m - 1];
        weights[m] = weights[m - 1];
      }
      out[at] = this.termPool[s];
      weights[at] = w;
    }
    return out;
  }

  /** An array for term ids of the width in use. */
  private termArray(length: number): TermArray {
    return this.wide ? new Int32Array(length) : new Uint16Array(length);
  }

  /** Term ids four bytes each from now on: an id past two bytes' reach came. */
  private widen(): void {
    this.wide = true;
    this.termPool = grown(this.termPool, new Int32Array(this.termPool.length));
    if (this.chunks) for (const chunk of this.chunks) if (chunk) chunk.terms = grown(chunk.terms, new Int32Array(chunk.terms.length));
  }

  /** The passage's term ids. */
  terms(id: number): TermArray {
    return this.termPool.subarray(this.from[id], this.from[id] + this.count[id]);
  }

  /** The passage's `k`th term id (of `size(id)`, ascending): read in place, where `terms` makes a view. */
  termAt(id: number, k: number): number {
    return this.termPool[this.from[id] + k];
  }

  /** Whether the passage has term `t`. */
  hasTerm(id: number, t: number): boolean {
    const from = this.from[id];
    const k = partitionIndex(this.count[id], (x) => this.termPool[from + x] < t);
    return k < this.count[id] && this.termPool[from + k] === t;
  }

  /** The passage's term weights, in the order of `terms`. */
  weights(id: number): Float32Array {
    return this.weightPool.subarray(this.from[id], this.from[id] + this.count[id]);
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
    if (shared < MIN_SHARED_TERMS) return 0;
    if ((a < this.figured.length && this.figured[a]) || (b < this.figured.length && this.figured[b])) return this.withoutUnmatchedFigures(a, b, dot);
    return dot / (na * nb);
  }

  /** The cosine of two passages leaving out of each norm its figures of a kind the other states none of. */
  private withoutUnmatchedFigures(a: number, b: number, dot: number): number {
    // Kinds in reused arrays: this runs for a good share of the millions of pairs a large build compares.
    const nA = this.kindsOf(a, kindsA);
    const nB = this.kindsOf(b, kindsB);
    const na2 = this.normWithout(a, kindsB, nB);
    const nb2 = this.normWithout(b, kindsA, nA);
    return na2 > 0 && nb2 > 0 ? Math.min(1, dot / Math.sqrt(na2 * nb2)) : 0;
  }

  /** Passage `id`'s squared norm without its figures of a kind not among `kinds[0 … n)`. */
  private normWithout(id: number, kinds: Int32Array, n: number): number {
    let n2 = this.norms[id] * this.norms[id];
    for (let k = this.from[id], end = k + this.count[id]; k < end; k++) {
      const t = this.termPool[k];
      if (!this.isFigure(t)) continue;
      let found = false;
      for (let i = 0; i < n && !found; i++) found = kinds[i] === this.figureKinds[t];
      if (!found) n2 -= this.weightPool[k] * this.weightPool[k];
    }
    return n2;
  }

  /** Writes the kinds of passage `id`'s figures to `out` (as many as fit); returns how many. */
  private kindsOf(id: number, out: Int32Array): number {
    let n = 0;
    for (let k = this.from[id], end = k + this.count[id]; k < end && n < out.length; k++) {
      const t = this.termPool[k];
      if (this.isFigure(t)) out[n++] = this.figureKinds[t];
    }
    return n;
  }

  private room(id: number, terms: number): void {
    if (this.used + terms > this.termPool.length) {
      const length = roomFor(this.termPool.length, this.used + terms, this.trimmed);
      this.termPool = grown(this.termPool, this.termArray(length));
      this.weightPool = grown(this.weightPool, new Float32Array(length));
    }
    this.roomForIds(id);
  }

  /** Room for passage `id` in the per-passage arrays. */
  private roomForIds(id: number): void {
    if (id >= this.from.length || id >= this.count.length || id >= this.norms.length) {
      const length = roomFor(this.from.length, id + 1, this.trimmed);
      this.from = grown(this.from, new Int32Array(length));
      this.count = grown(this.count, new Uint16Array(length));
      this.norms = grown(this.norms, new Float32Array(length));
    }
  }
}

/**
 * A pool's new length, at least what is needed: half more than now while a build fills it, an eighth more
 * once trimmed (a few edits after a full build would otherwise leave up to a third of the largest pools unused).
 */
function roomFor(length: number, needed: number, trimmed: boolean): number {
  return Math.max(needed, length + (trimmed ? length >> 3 : length >> 1), 1024);
}

export function grown<T extends Int32Array | Float32Array | Uint16Array>(from: Int32Array | Float32Array | Uint16Array, to: T): T {
  to.set(from as never);
  return to;
}

/** Passage ids by salient term, each list ascending (ids are handed out in increasing order). */
export class Postings {
  /**
   * Lists added or changed since the packed ones were loaded. A term in one passage keeps that passage's id as
   * is: most salient terms are rare, and a list each cost memory.
   */
  private readonly lists = new Map<number, number | number[]>();
  /** Lists packed by a full build or a snapshot's load, one after another: term k's are `packed[offsets[k] … offsets[k + 1])`. */
  private packed = new Int32Array(0);
  private offsets = new Int32Array(1);
  /** The list `view` shows for a term in one passage. */
  private readonly one = new Int32Array(1);

  add(id: number, salient: number[]): void {
    for (const k of salient) {
      const entry = this.changeable(k);
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
      const entry = this.changeable(k);
      if (entry === undefined) continue;
      if (typeof entry === 'number') {
        if (entry === id) this.drop(k);
        continue;
      }
      const at = partitionPoint(entry, (x) => x < id);
      if (entry[at] === id) entry.splice(at, 1);
      if (entry.length === 1) this.lists.set(k, entry[0]);
      else if (!entry.length) this.drop(k);
    }
  }

  /** Term k's list, a copy. */
  get(k: number): number[] {
    const { ids, from, to } = this.view(k, { ids: NO_POSTINGS, from: 0, to: 0 });
    return Array.from({ length: to - from }, (_, i) => ids[from + i]);
  }

  /**
   * Term k's list as `into.ids[from … to)`, valid until the next call: read in place, where `get` makes an
   * array or a view (a large build reads millions of lists).
   */
  view(k: number, into: PostingsView): PostingsView {
    const entry = this.lists.get(k);
    if (typeof entry === 'number') {
      this.one[0] = entry;
      into.ids = this.one;
      into.from = 0;
      into.to = 1;
    } else if (entry !== undefined) {
      into.ids = entry;
      into.from = 0;
      into.to = entry.length;
    } else {
      const packed = k + 1 < this.offsets.length;
      into.ids = this.packed;
      into.from = packed ? this.offsets[k] : 0;
      into.to = packed ? this.offsets[k + 1] : 0;
    }
    return into;
  }

  /**
   * Packs the postings of passages 0 … n-1 from their salient slots (a build's or a snapshot's; -1 past
   * the last). False, nothing changed, when a slot holds no term id below `terms`.
   */
  *loading(salient: Int32Array, n: number, blockingTerms: number, terms: number): Generator<void, boolean> {
    // In steps of so many passages (PACK_STEP): at 10,000 sources three million slots, read twice.
    const offsets = new Int32Array(terms + 1);
    for (let id = 0; id < n; id++) {
      for (let s = id * blockingTerms, end = s + blockingTerms; s < end && salient[s] >= 0; s++) {
        if (salient[s] >= terms) return false;
        offsets[salient[s] + 1]++;
      }
      if (id % PACK_STEP === 0) yield;
    }
    for (let k = 0; k < terms; k++) offsets[k + 1] += offsets[k];
    const packed = new Int32Array(offsets[terms]);
    // Written all over below: its pages taken first, a step at a time.
    yield* touching(packed);
    const next = offsets.slice(0, terms);
    yield;
    // Passage by passage, so each list comes out ascending.
    for (let id = 0; id < n; id++) {
      for (let s = id * blockingTerms, end = s + blockingTerms; s < end && salient[s] >= 0; s++) packed[next[salient[s]]++] = id;
      if (id % PACK_STEP === 0) yield;
    }
    this.lists.clear();
    this.packed = packed;
    this.offsets = offsets;
    return true;
  }

  /** Term k's list as one to change in place (a packed list is copied out first), or undefined when it has none. */
  private changeable(k: number): number | number[] | undefined {
    const entry = this.lists.get(k);
    if (entry !== undefined) return entry;
    const list = this.get(k);
    if (!list.length) return undefined;
    this.lists.set(k, list);
    return list;
  }

  /** Term k has no passage left: a packed list it had is hidden by an empty one. */
  private drop(k: number): void {
    if (k + 1 < this.offsets.length && this.offsets[k] < this.offsets[k + 1]) this.lists.set(k, []);
    else this.lists.delete(k);
  }
}

const NO_POSTINGS: readonly number[] = [];

/** A list of passage ids read in place: `ids[from … to)` (see `Postings.view`). */
export interface PostingsView {
  ids: ArrayLike<number>;
  from: number;
  to: number;
}
/** Passages filed between two pauses: each files its salient terms far apart in the lists (cache misses). */
const PACK_STEP = 2_500;

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
 * a passage in a claim retold hundreds of times filled memory and the ordering with links that change nothing
 * (12 gave 0.2% fewer claims at 10,000 sources, and the edge queue of the build's peak a third more).
 */
const MAX_EDGES = 8;

/**
 * Pairs of passage `i` with passages of other documents that are similar enough. Candidates share salient
 * terms with it (counted over the inverted index, rarest terms first), so the similarity is computed for
 * few pairs. `after` limits the candidates to ids above `i` (each pair once in a full build);
 * `accept` to a subset; `compatible` drops pairs that cannot state the same thing however alike.
 */
export function edgesOf(
  i: number,
  vectors: Vectors,
  postings: Postings,
  options: GroupOptions,
  emit: EdgeSink,
  after: boolean,
  accept?: (j: number) => boolean,
  compatible?: (i: number, j: number) => boolean,
): void {
  const doc = vectors.doc(i);
  // Shared salient terms per candidate, counted in reused arrays: this runs for every passage of a build, and
  // arrays made per call were gigabytes of garbage at 10,000 sources, which kept the collector busy.
  let touched = 0;
  let read = 0;
  let most = 0;
  for (const k of vectors.salient(i)) {
    const { ids, from, to } = postings.view(k, list);
    // After `i`: from the first id above it.
    const first = after ? from + partitionIndex(to - from, (x) => ids[from + x] <= i) : from;
    for (let p = first; p < to && read < MAX_POSTINGS; p++, read++) {
      const j = ids[p];
      if (j === i) continue;
      if (j >= sharedCounts.length) sharedCounts = grownBytes(sharedCounts, j);
      const count = ++sharedCounts[j];
      if (count === 1) candidates[touched++] = j;
      if (count > most) most = count;
    }
  }
  // Candidates by the number of salient terms they share, most first (found through the rarest terms first
  // within a count: a stable counting sort), then a few sharing only one: a short passage can say the same
  // as a long one with one salient term in common.
  bucketStarts.fill(0, 0, most + 2);
  for (let t = 0; t < touched; t++) bucketStarts[most - sharedCounts[candidates[t]] + 1]++;
  for (let b = 1; b <= most; b++) bucketStarts[b] += bucketStarts[b - 1];
  const singlesFrom = most > 0 ? bucketStarts[most - 1] : 0;
  for (let t = 0; t < touched; t++) {
    const j = candidates[t];
    ranked[bucketStarts[most - sharedCounts[j]]++] = j;
    sharedCounts[j] = 0;
  }
  let budget = MAX_CANDIDATES;
  let found = 0;
  for (let r = 0; r < touched && budget > 0; r++) {
    if (r === singlesFrom) budget = Math.min(budget, MAX_SINGLE_TERM_CANDIDATES);
    const j = ranked[r];
    if (vectors.doc(j) === doc || (accept && !accept(j))) continue;
    budget--;
    const s = vectors.cosine(i, j);
    if (s >= options.threshold && (!compatible || compatible(i, j))) {
      foundIds[found] = j;
      foundSims[found++] = s;
    }
  }
  if (found <= MAX_EDGES) {
    for (let f = 0; f < found; f++) emit(i, foundIds[f], foundSims[f]);
    return;
  }
  // The strongest MAX_EDGES, strongest first (ties by lower id), chosen in place.
  for (let e = 0; e < MAX_EDGES; e++) {
    let best = e;
    for (let f = e + 1; f < found; f++) {
      if (foundSims[f] > foundSims[best] || (foundSims[f] === foundSims[best] && foundIds[f] < foundIds[best])) best = f;
    }
    const j = foundIds[best];
    const s = foundSims[best];
    foundIds[best] = foundIds[e];
    foundSims[best] = foundSims[e];
    foundIds[e] = j;
    foundSims[e] = s;
    emit(i, j, s);
  }
}

/** `edgesOf`'s reused arrays: the lists it reads, its candidates as found and ranked, and the pairs it keeps. */
const list: PostingsView = { ids: NO_POSTINGS, from: 0, to: 0 };
const candidates = new Int32Array(MAX_POSTINGS);
const ranked = new Int32Array(MAX_POSTINGS);
/** Where each count's candidates start in `ranked`, most shared terms first (a count fits a byte). */
const bucketStarts = new Int32Array(257);
const foundIds = new Int32Array(MAX_CANDIDATES);
const foundSims = new Float64Array(MAX_CANDIDATES);

/** Levels of similarity the pairs are ordered by (between the threshold and 1). */
const LEVELS = 1024;

/** Most numbers in a chunk of a level of the edge queue (a quarter of a megabyte). */
const PAIR_CHUNK = 1 << 16;

/**
 * Pairs ordered strongest first without a sort: bucketed by similarity level, in the order they came within a
 * level (passage order). Stored flat, two numbers per pair: millions of pairs are no millions of objects.
 */
export class EdgeQueue {
  /**
   * Per level, the pairs' passages, two numbers per pair (the similarity only places a pair in its level), in
   * chunks of a fixed size: one growing array per level was copied whole each time it grew, tens of
   * milliseconds in one step at 10,000 sources.
   */
  private readonly levels: ({ chunks: Int32Array[]; used: number } | undefined)[] = [];
  size = 0;

  constructor(private readonly threshold: number) {}

  readonly push: EdgeSink = (i, j, s) => {
    const l = Math.min(LEVELS - 1, Math.max(0, Math.floor(((1 - s) / (1 - this.threshold)) * LEVELS)));
    const level = (this.levels[l] ??= { chunks: [], used: 0 });
    let chunk = level.chunks[level.chunks.length - 1];
    if (!chunk || level.used === chunk.length) {
      // Small at first (most levels of a small update hold a few pairs), doubling up to a fixed size.
      chunk = new Int32Array(Math.min(PAIR_CHUNK, 64 << Math.min(level.chunks.length, 10)));
      level.chunks.push(chunk);
      level.used = 0;
    }
    chunk[level.used++] = i;
    chunk[level.used++] = j;
    this.size++;
  };

  /** The pairs, strongest first, once: each level is let go as soon as it is read (a large build's pairs fill memory). */
  *pairs(): Generator<[number, number]> {
    for (let l = 0; l < this.levels.length; l++) {
      const level = this.levels[l];
      this.levels[l] = undefined;
      if (!level) continue;
      for (let c = 0; c < level.chunks.length; c++) {
        const chunk = level.chunks[c];
        const end = c === level.chunks.length - 1 ? level.used : chunk.length;
        level.chunks[c] = EMPTY_CHUNK; // read: let it go
        for (let k = 0; k < end; k += 2) yield [chunk[k], chunk[k + 1]];
      }
    }
  }
}

const EMPTY_CHUNK = new Int32Array(0);

let sharedCounts: Uint8Array = new Uint8Array(1024);

/** `bytes` in a longer array that holds index `atLeast`. */
export function grownBytes(bytes: Uint8Array, atLeast: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(atLeast + 1, bytes.length * 2));
  bigger.set(bytes);
  return bigger;
}

/** Pairs weighed for merging between two pauses of a full build (a thousand took up to 50 ms), and groups listed. */
const PAIRS_STEP = 100;
const MERGE_STEP = 1_000;

/**
 * Groups of `ids` from their pairs, strongest first, keeping groups cohesive; each group ascending. Yields
 * every so many pairs, so a caller can spread a large merge over time; `mergeAll` runs it at once.
 */
export function* mergeSteps(ids: ArrayLike<number>, edges: EdgeQueue, similarity: (i: number, j: number) => number, cohesion: number): Generator<void, number[][]> {
  // Passages by position in `ids` (a full build's ids are their positions), each group a linked list kept under
  // its first member, in typed arrays: a map and an array per passage took tens of megabytes at 10,000 sources.
  const n = ids.length;
  let dense = true;
  for (let k = 0; k < n && dense; k++) dense = ids[k] === k;
  const positions = dense ? undefined : new Map(Array.from(ids, (id, k) => [id, k]));
  const at = (id: number): number => (positions ? positions.get(id)! : id);
  const groupOf = new Int32Array(n);
  const next = new Int32Array(n);
  const last = new Int32Array(n);
  const sizes = new Int32Array(n);
  // Four fresh arrays of a passage each: their pages taken a megabyte a step (a step of 30 ms at 10,000 sources).
  yield* touching(groupOf);
  yield* touching(next, -1);
  yield* touching(last);
  yield* touching(sizes, 1);
  for (let k = 0; k < n; k++) groupOf[k] = last[k] = k;
  yield;
  /** The ids of a group's first `max` members, in order. */
  const firstIds = (g: number, max: number): number[] => {
    const out: number[] = [];
    for (let k = g; k >= 0 && out.length < max; k = next[k]) out.push(ids[k]);
    return out;
  };
  let done = 0;
  for (const [i, j] of edges.pairs()) {
    if (++done % PAIRS_STEP === 0) yield;
    const gi = groupOf[at(i)];
    const gj = groupOf[at(j)];
    if (gi === gj) continue;
    if (sizes[gi] + sizes[gj] > 2 && meanSimilarity(firstIds(gi, SAMPLE), firstIds(gj, SAMPLE), similarity) < cohesion) continue;
    const [keep, drop] = sizes[gi] >= sizes[gj] ? [gi, gj] : [gj, gi];
    for (let k = drop; k >= 0; k = next[k]) groupOf[k] = keep;
    next[last[keep]] = drop;
    last[keep] = last[drop];
    sizes[keep] += sizes[drop];
  }
  const groups: number[][] = [];
  for (let g = 0; g < n; g++) {
    if (groupOf[g] === g) groups.push(firstIds(g, Infinity).sort((x, y) => x - y));
    if (g % MERGE_STEP === 0) yield;
  }
  return groups;
}

export function mergeAll(ids: ArrayLike<number>, edges: EdgeQueue, similarity: (i: number, j: number) => number, cohesion: number): number[][] {
  return finish(mergeSteps(ids, edges, similarity, cohesion));
}

/** Members of each group the mean similarity between two groups is taken over, so large groups stay cheap. */
const SAMPLE = 12;

/** Mean similarity between two groups (samples of their first members, in order). */
function meanSimilarity(sa: number[], sb: number[], similarity: (i: number, j: number) => number): number {
  let sum = 0;
  for (const x of sa) for (const y of sb) sum += similarity(x, y);
  return sum / (sa.length * sb.length);
}
