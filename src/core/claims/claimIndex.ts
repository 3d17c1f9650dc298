// The claims of a corpus, kept up to date as documents come and go.
//
// A full build groups every passage at once (see group.ts). After that, a changed document is regrouped
// locally: its old passages leave their claims, its new passages find candidates through the inverted
// index, and only the claims they touch are grouped again. Term weights use the document frequencies of
// the moment, so after many edits the grouping can drift a little from what a full build would give;
// the corpus rebuilds in full when many documents changed at once.
import type { Passage } from './passages.js';
import type { DocumentAnalysis, NumberAnnotation, QuoteAnnotation } from '../types.js';
import { partitionIndex, partitionPoint } from '../search.js';
import { overlappingIn } from '../analysis/compact.js';
import { byReach, claimOf, type Claim, type ClaimInput } from './claims.js';
import { DEFAULT_GROUP_OPTIONS, EdgeQueue, edgesOf, grown, grownBytes, mergeAll, mergeSteps, Postings, TermTable, Vectors, type GroupOptions } from './group.js';
import { piecesOf, type ClaimSnapshot, type SnapshotToWrite } from './snapshot.js';
import { OPPOSITES } from './synonyms.js';
import { finish, touching } from '../steps.js';
import { ChunkedList } from '../chunkedList.js';
import { figureKind } from './terms.js';

const NO_TERMS: ClaimInput['terms'] = [];
type TermIds = { id: number; boost: number }[];

/** Passage ids `first` … `first + count - 1`. */
interface IdRange {
  first: number;
  count: number;
}

function* idsIn(range: IdRange | undefined): Generator<number> {
  if (range) for (let id = range.first; id < range.first + range.count; id++) yield id;
}

const NO_ANALYSIS: DocumentAnalysis = { quotes: [], entities: [], numbers: [], sentences: [], paragraphs: [] };

/**
 * What the index takes per passage: its terms, and its document's analysis, from which the passage's figures
 * and quotes are read when a claim is made. (Kept as two lists per passage they cost ~13 MiB at 10,000
 * sources; the analysis is held anyway. A passage of a document since replaced keeps the analysis it was cut
 * from, so its figures stay those of its own text.)
 */
export interface IndexInput {
  passage: Passage;
  terms: ClaimInput['terms'];
  analysis: DocumentAnalysis;
}

/**
 * Passages weighed (or written to a snapshot) between two pauses of a full build spread over time: a few
 * milliseconds of work.
 */
const STEP = 50;
/** Groups filed between two pauses. */
const GROUPS_STEP = 1_000;

export class ClaimIndex {
  /** By passage id (undefined where a passage was removed): the passage, its claim group (-1 before it has one). */
  private readonly passages = new ChunkedList<Passage | undefined>(undefined);
  private readonly groupOf = new ChunkedList<number>(-1);
  /** By document: the analysis its passages were cut from (a slot per passage cost 3 MiB at 10,000 sources). */
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly vectors: Vectors;
  private live = 0;
  /**
   * Each document's passage ids: they run on from the first (handed out a document at a time), so a range
   * (a list of ids each was 5 MiB at 10,000 sources).
   */
  private readonly docIds = new Map<string, IdRange>();
  private readonly termIds = new TermTable();
  /** Passages per term id, in a typed array: grown by plain copies (tens of thousands of terms at 10,000 sources). */
  private df = new Int32Array(1024);
  private readonly postings = new Postings();
  /** Term ids of concepts with opposites, and a flag per term id telling which have any. */
  private readonly opposites = new Map<number, number[]>();
  private opposable: Uint8Array = new Uint8Array(0);
  /** Kinds of figure (terms.ts `figureKind`) by id. */
  private readonly figureKindIds = new Map<string, number>();
  private readonly groups = new Map<number, number[]>();
  private readonly claimCache = new Map<number, Claim>();
  private sorted: Claim[] | null = null;
  private nextId = 0;
  private nextGroup = 0;
  /** Bumped by every update: a snapshot taken in steps is dropped if the index changed meanwhile. */
  private revision = 0;

  private constructor(private readonly options: GroupOptions, vectors?: Vectors) {
    this.vectors = vectors ?? new Vectors(options.blockingTerms);
  }

  /**
   * A full build over documents in corpus order, as steps: each `yield` is a point where a caller that
   * must not hold the thread for long can pause. `ClaimIndex.build` runs it to the end at once. Given how
   * many passages are coming, it makes room for them first.
   */
  static *steps(docs: Iterable<[string, Iterable<IndexInput>]>, options: GroupOptions = DEFAULT_GROUP_OPTIONS, expectedPassages = 0): Generator<void, ClaimIndex> {
    const index = new ClaimIndex(options);
    if (expectedPassages > 0) {
      // The vectors' per-passage arrays, grown as passages came, were copied in single steps (three at the
      // same passage: a step of 40 ms at 10,000 sources).
      index.vectors.reserve(expectedPassages);
      yield;
    }
    for (const [doc, inputs] of docs) {
      const first = index.nextId;
      for (const input of inputs) {
        const id = index.nextId++;
        index.place(id, input);
        // Weighed once every passage is counted: until then the vectors hold the terms, not a list each.
        index.vectors.stage(id, input.passage.doc, index.count(input));
        // A passage's terms are computed as it is read: a pause after each, as a long one takes milliseconds
        // (16 a step made steps of 40-60 ms at 10,000 sources).
        yield;
      }
      index.docIds.set(doc, { first, count: index.nextId - first });
      yield;
    }
    // A full build's ids are 0 … n-1.
    const n = index.nextId;
    yield* index.vectors.settling();
    yield* index.weighingAll(n);
    const edges = new EdgeQueue(options.threshold);
    // A pause after each passage's candidates: one with common terms compares hundreds.
    for (let id = 0; id < n; id++) {
      edgesOf(id, index.vectors, index.postings, options, edges.push, true, undefined, index.compatible);
      yield;
    }
    yield;
    const ids = new Int32Array(n);
    yield* touching(ids);
    for (let id = 0; id < n; id++) ids[id] = id;
    yield;
    const groups = yield* mergeSteps(ids, edges, index.similarity, options.cohesion);
    yield;
    for (let k = 0; k < groups.length; k += GROUPS_STEP) {
      index.setGroups(groups.slice(k, k + GROUPS_STEP));
      yield;
    }
    // Claims made now, in steps, so that reading them later costs nothing. Taken at their first passage,
    // groups come in reading order (ids follow it in a full build), and bucketing them by reach keeps that
    // order within a bucket: the claims' order without a sort.
    const byReach: Claim[][] = [];
    for (let id = 0; id < n; id++) {
      const g = index.groupOf.get(id);
      if (index.groups.get(g)![0] !== id) continue;
      const claim = index.claimOfGroup(g);
      (byReach[claim.sources.length] ??= []).push(claim);
      yield; // a claim for a group of thousands of passages takes milliseconds
    }
    index.sorted = byReach.reverse().flatMap((bucket) => bucket ?? []);
    return index;
  }

  static build(docs: Iterable<[string, Iterable<IndexInput>]>, options: GroupOptions = DEFAULT_GROUP_OPTIONS, expectedPassages = 0): ClaimIndex {
    return finish(ClaimIndex.steps(docs, options, expectedPassages));
  }

  /** Replaces one document's passages (`undefined`: removes the document), regrouping only the claims it touches. */
  update(doc: string, inputs: IndexInput[] | undefined): void {
    this.revision++;
    const touched = new Set<number>();
    for (const id of idsIn(this.docIds.get(doc))) {
      const g = this.groupOf.get(id);
      touched.add(g);
      const members = this.groups.get(g)!;
      members.splice(members.indexOf(id), 1);
      this.postings.remove(id, this.vectors.salient(id));
      for (const t of this.vectors.terms(id)) this.df[t]--;
      this.passages.set(id, undefined);
      this.live--;
    }
    this.docIds.delete(doc);
    this.analyses.delete(doc);
    const added: number[] = [];
    if (inputs?.length) {
      const terms = inputs.map((input) => this.count(input));
      inputs.forEach((input, i) => {
        const id = this.nextId++;
        this.place(id, input);
        this.vectorize(id, terms[i]);
        added.push(id);
      });
      this.docIds.set(doc, { first: added[0], count: added.length });
    }
    // The claims the new passages would join.
    const joined = new Set<number>();
    for (const id of added) edgesOf(id, this.vectors, this.postings, this.options, (_, j) => joined.add(this.groupOf.get(j)), false);
    // Regrouped: the new passages with the claims they would join, together; each other claim that lost
    // passages on its own. Taking a source away takes evidence away: it splits claims, never joins two
    // (regrouped together, two claims that had lost a source's passages could meet, and adding the source
    // back would not part them: the claims then depended on the order of the edits).
    const neighbourhoods: number[][] = [added.slice()];
    for (const g of joined) neighbourhoods[0].push(...(this.groups.get(g) ?? []));
    for (const g of touched) if (!joined.has(g)) neighbourhoods.push(this.groups.get(g) ?? []);
    for (const g of new Set([...touched, ...joined])) {
      const claim = this.claimCache.get(g);
      if (claim && this.sorted) this.sorted.splice(this.positionOf(claim), 1);
      this.groups.delete(g);
      this.claimCache.delete(g);
    }
    const regrouped: number[] = [];
    for (const members of neighbourhoods) {
      if (!members.length) continue;
      const ids = [...new Set(members)].sort((a, b) => a - b);
      const neighbourhood = new Set(ids);
      const edges = new EdgeQueue(this.options.threshold);
      for (const id of ids) edgesOf(id, this.vectors, this.postings, this.options, edges.push, true, (j) => neighbourhood.has(j), this.compatible);
      regrouped.push(...this.setGroups(mergeAll(ids, edges, this.similarity, this.options.cohesion)));
    }
    // The sorted list stays sorted: the new claims go in at their places.
    if (this.sorted) {
      for (const g of regrouped) {
        const claim = this.claimOfGroup(g);
        this.sorted.splice(partitionPoint(this.sorted, (c) => byReach(c, claim) < 0), 0, claim);
      }
    }
  }

  /** Where a claim is in the sorted list (claims compare equal only to themselves: first passages differ). */
  private positionOf(claim: Claim): number {
    const at = partitionPoint(this.sorted!, (c) => byReach(c, claim) < 0);
    return this.sorted![at] === claim ? at : this.sorted!.indexOf(claim);
  }

  /** All claims, most widely reported first. */
  claims(): Claim[] {
    this.sorted ??= [...this.groups.keys()].map((g) => this.claimOfGroup(g)).sort(byReach);
    return this.sorted;
  }

  /**
   * A document's terms as a whole, for finding the sources that report one event (stories.ts): the weights
   * of its passages' terms summed, the `max` heaviest (ties by lower id), by term id.
   */
  documentTerms(doc: string, max: number): { id: number; boost: number }[] {
    const range = this.docIds.get(doc);
    if (!range) return [];
    // Summed in an array by term id, reused (a map per document was most of finding stories' time).
    if (termSums.length < this.termIds.size) termSums = new Float64Array(Math.max(this.termIds.size, termSums.length * 2));
    const touched: number[] = [];
    for (let id = range.first; id < range.first + range.count; id++) {
      if (!this.passages.get(id)) continue; // removed
      const terms = this.vectors.terms(id);
      const weights = this.vectors.weights(id);
      for (let k = 0; k < terms.length; k++) {
        if (termSums[terms[k]] === 0) touched.push(terms[k]);
        termSums[terms[k]] += weights[k];
      }
    }
    const heaviest = touched.map((id) => ({ id, boost: Math.fround(termSums[id]) }));
    for (const id of touched) termSums[id] = 0;
    // Weights a 32-bit float holds exactly (fround), as the vectors keep them.
    return heaviest.sort((a, b) => b.boost - a.boost || a.id - b.id).slice(0, max);
  }

  /** The claim a passage belongs to. */
  claimOf(passage: Passage): Claim | undefined {
    const id = this.idOf(passage);
    return id === undefined ? undefined : this.claimOfGroup(this.groupOf.get(id));
  }

  /**
   * What a later session needs to take this index up without a build (see snapshot.ts), in steps; undefined
   * when the index changed meanwhile or a document has no key. `keyOf` gives what a document's passages were
   * made from. Passage ids are renumbered in order (only their order matters to the grouping).
   */
  *snapshot(keyOf: (doc: string) => string | undefined): Generator<void, SnapshotToWrite | undefined> {
    const revision = this.revision;
    const claims = this.claims();
    // Documents by first id cover the ids in order; those without passages go last.
    const docs = [...this.docIds].sort(([, a], [, b]) => (a.count ? a.first : Infinity) - (b.count ? b.first : Infinity));
    const keys: string[] = [];
    for (const [doc] of docs) {
      const key = keyOf(doc);
      if (key === undefined) return undefined;
      keys.push(key);
      if (keys.length % (STEP * 4) === 0) yield;
    }
    yield;
    if (this.revision !== revision) return undefined;
    const n = this.live;
    const blocking = this.options.blockingTerms;
    const renumbered = new Int32Array(this.nextId).fill(-1);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const termCounts = new Uint16Array(n);
    const norms = new Float32Array(n);
    // The old id of each passage in snapshot order (a typed array: a list of hundreds of thousands grown
    // as passages came was copied in single steps).
    const old = new Int32Array(n);
    let count = 0;
    let termSlots = 0;
    for (const [, range] of docs) {
      for (const id of idsIn(range)) {
        const p = this.passage(id);
        const next = count++;
        if (next >= n) return undefined;
        renumbered[id] = next;
        starts[next] = p.start;
        ends[next] = p.end;
        termCounts[next] = this.vectors.size(id);
        norms[next] = this.vectors.norm(id);
        termSlots += termCounts[next];
        old[next] = id;
      }
      if (count % (STEP * 8) < range.count) {
        yield;
        if (this.revision !== revision) return undefined;
      }
    }
    if (count !== n) return undefined;
    yield;
    if (this.revision !== revision) return undefined;
    const vectors = this.vectors;
    const changed = () => this.revision !== revision;
    const lengths = { terms: termSlots, weights: termSlots, salient: n * blocking };
    // The vectors' arrays, tens of megabytes at 10,000 sources, made a piece at a time as they are written.
    const pieces = (name: 'terms' | 'weights' | 'salient') => {
      if (name === 'salient') return piecesOf(n, lengths.salient, () => blocking, (into, at, next) => vectors.salientInto(old[next], into, at), Int32Array, changed);
      const size = (next: number) => termCounts[next];
      return name === 'terms'
        ? piecesOf(n, termSlots, size, (into, at, next) => vectors.termsInto(old[next], into, at), Int32Array, changed)
        : piecesOf(n, termSlots, size, (into, at, next) => vectors.weightsInto(old[next], into, at), Float32Array, changed);
    };
    const claimSizes = new Uint32Array(claims.length);
    const claimPassages = new Int32Array(n);
    const claimIds: string[] = [];
    const labels: string[] = [];
    const kinds: string[] = [];
    const statuses: string[] = [];
    let at = 0;
    for (const [c, claim] of claims.entries()) {
      claimSizes[c] = claim.passages.length;
      for (const p of claim.passages) claimPassages[at++] = renumbered[this.idOf(p) ?? -1] ?? -1;
      claimIds.push(claim.id);
      labels.push(claim.label);
      kinds.push(claim.kind);
      statuses.push(claim.status);
      // A step per so many passages: the first claims are the largest.
      if (at % STEP < claim.passages.length) {
        yield;
        if (this.revision !== revision) return undefined;
      }
    }
    if (at !== n || claimPassages.some((id) => id < 0)) return undefined;
    const df = new Int32Array(this.termIds.size);
    df.set(this.df.subarray(0, df.length));
    return {
      options: this.options,
      docs: docs.map(([doc]) => doc),
      keys,
      counts: Uint32Array.from(docs, ([, range]) => range.count),
      starts,
      ends,
      termCounts,
      norms,
      vectors: { lengths, pieces },
      termKeys: [...this.termIds.keys()],
      df,
      claimSizes,
      claimPassages,
      claimIds,
      labels,
      kinds,
      statuses,
    };
  }

  /**
   * The index a snapshot was taken of, taken up for the documents as they are now, in steps. `current(doc)`
   * gives a document's key and its passages with their figures and quotes (terms are not needed: the
   * vectors are the snapshot's). A document whose key or passages differ, or that is gone, keeps its saved
   * passages as stand-ins that the caller must replace with `update` before reading claims: it is among
   * `changed`, with the documents of `docs` the snapshot lacks. Undefined when more than `maxChanged`
   * documents changed, or the snapshot does not hold together.
   */
  static *restore(
    s: ClaimSnapshot,
    docs: readonly string[],
    current: (doc: string) => { key: string; inputs(): IndexInput[] } | undefined,
    maxChanged = Infinity,
    options: GroupOptions = DEFAULT_GROUP_OPTIONS,
  ): Generator<void, { index: ClaimIndex; changed: string[] } | undefined> {
    if (JSON.stringify(s.options) !== JSON.stringify(options)) return undefined;
    const changed = new Set<string>();
    const saved = new Set(s.docs);
    // Every document's key checked, a few hundred a step (10,000 at once were a step of 15-20 ms).
    for (let k = 0; k < s.docs.length; k++) {
      if (current(s.docs[k])?.key !== s.keys[k]) changed.add(s.docs[k]);
      if (k % (STEP * 10) === STEP * 10 - 1) yield;
    }
    for (const doc of docs) if (!saved.has(doc)) changed.add(doc);
    if (changed.size > maxChanged) return undefined;
    yield;
    const n = s.starts.length;
    const vectors = Vectors.packed(options.blockingTerms, { counts: s.termCounts, norms: s.norms, terms: s.terms, weights: s.weights });
    yield;
    const index = new ClaimIndex(options, vectors);
    for (let t = 0; t < s.termKeys.length; t++) {
      index.noteTerm(s.termKeys[t], index.termIds.of(s.termKeys[t]));
      if (t % (STEP * 40) === 0) yield;
    }
    if (index.termIds.size !== s.termKeys.length) return undefined;
    index.df = new Int32Array(Math.max(1024, s.df.length * 2));
    index.df.set(s.df);
    let id = 0;
    let termSlot = 0;
    for (const [k, doc] of s.docs.entries()) {
      const count = s.counts[k];
      let inputs = changed.has(doc) ? undefined : current(doc)?.inputs();
      // Cut differently than when saved (passages are checked, not trusted): a change like any other.
      if (inputs && (inputs.length !== count || inputs.some((input, i) => input.passage.start !== s.starts[id + i] || input.passage.end !== s.ends[id + i]))) {
        inputs = undefined;
        changed.add(doc);
      }
      index.docIds.set(doc, { first: id, count });
      for (let i = 0; i < count; i++, id++) {
        vectors.locate(id, doc, termSlot);
        termSlot += s.termCounts[id];
        index.place(id, inputs?.[i] ?? { passage: { doc, start: s.starts[id], end: s.ends[id], text: '', line: 1 }, terms: NO_TERMS, analysis: NO_ANALYSIS });
      }
      if (id % STEP < count) yield;
    }
    index.nextId = n;
    if (!(yield* index.postings.loading(s.salient, n, options.blockingTerms, s.termKeys.length))) return undefined;
    yield;
    // Claims as saved, in the order saved; each group's ids ascending, as a build leaves them (every
    // passage's group slot is -1 since it was placed).
    let at = 0;
    for (let g = 0; g < s.claimSizes.length; g++) {
      const size = s.claimSizes[g];
      const members = Array.from(s.claimPassages.subarray(at, at + size));
      at += size;
      if (!size || members.some((m) => !(m >= 0 && m < n) || index.groupOf.get(m) !== -1)) return undefined;
      const passages = members.map((m) => index.passage(m));
      for (const m of members) index.groupOf.set(m, g);
      index.groups.set(g, members.sort((a, b) => a - b));
      index.claimCache.set(g, {
        id: s.claimIds[g],
        label: s.labels[g],
        kind: s.kinds[g] as Claim['kind'],
        status: s.statuses[g] as Claim['status'],
        sources: [...new Set(passages.map((p) => p.doc))],
        passages,
      });
      if (at % STEP < size) yield;
    }
    index.nextGroup = s.claimSizes.length;
    index.sorted = [...index.claimCache.values()];
    return { index, changed: [...changed] };
  }

  /** Counts a passage's terms in the document frequencies; returns them as ids. */
  private count(input: IndexInput): TermIds {
    return input.terms.map((t) => {
      const known = this.termIds.size;
      const id = this.termIds.of(t.key);
      if (id === known) this.noteTerm(t.key, id);
      if (id >= this.df.length) this.df = grown(this.df, new Int32Array(this.df.length * 2));
      this.df[id]++;
      return { id, boost: t.boost };
    });
  }

  /** A passage's id: its document's ids are in passage order (no map from passage objects: it cost memory). */
  private idOf(passage: Passage): number | undefined {
    const range = this.docIds.get(passage.doc);
    if (!range) return undefined;
    const id = range.first + partitionIndex(range.count, (k) => this.passage(range.first + k).start < passage.start);
    return this.passage(id) === passage ? id : undefined;
  }

  /** The passage of an id in use (a group's member, a document's range). */
  private passage(id: number): Passage {
    return this.passages.get(id)!;
  }

  /** Takes a passage in under `id` (its vector comes once the document frequencies are counted). */
  private place(id: number, input: IndexInput): void {
    this.passages.set(id, input.passage);
    this.analyses.set(input.passage.doc, input.analysis);
    this.live++;
  }

  private vectorize(id: number, terms: TermIds): void {
    this.vectors.stage(id, this.passage(id).doc, terms);
    this.weigh(id);
  }

  /** Weighs a staged vector by the document frequencies of now and files it under its salient terms. */
  private weigh(id: number): void {
    this.weighVector(id);
    this.postings.add(id, this.vectors.salient(id));
  }

  /**
   * Weighs passages 0 … n-1 of a full build and files them under their salient terms at once, from slots as a
   * snapshot's are loaded: a list of ids per term, grown passage by passage, left tens of megabytes of garbage
   * at the build's peak (10,000 sources).
   */
  private *weighingAll(n: number): Generator<void> {
    const { blockingTerms } = this.options;
    const salient = new Int32Array(n * blockingTerms);
    for (let id = 0; id < n; id++) {
      this.weighVector(id);
      this.vectors.salientInto(id, salient, id * blockingTerms);
      if (id % STEP === 0) yield;
    }
    yield* this.vectors.trimming();
    yield* this.postings.loading(salient, n, blockingTerms, this.termIds.size);
  }

  private weighVector(id: number): void {
    const n = this.live;
    this.vectors.weigh(id, (t) => Math.log(1 + n / (this.df[t] || 1)));
  }

  private readonly similarity = (i: number, j: number): number => this.vectors.cosine(i, j);

  /** What the index notes of a new term: the kind of figure it is, the terms it contradicts. */
  private noteTerm(key: string, id: number): void {
    const kind = figureKind(key);
    if (kind !== undefined) {
      let k = this.figureKindIds.get(kind);
      if (k === undefined) this.figureKindIds.set(kind, (k = this.figureKindIds.size));
      this.vectors.setFigureKind(id, k);
    }
    this.linkOpposites(key, id);
  }

  /** Links a term to the terms of opposite concepts known so far (synonyms.ts), both ways. */
  private linkOpposites(key: string, id: number): void {
    for (const other of OPPOSITES.get(key) ?? []) {
      const o = this.termIds.get(other);
      if (o === undefined) continue;
      for (const [from, to] of [[id, o], [o, id]]) {
        this.opposites.set(from, [...(this.opposites.get(from) ?? []), to]);
        if (from >= this.opposable.length) this.opposable = grownBytes(this.opposable, from);
        this.opposable[from] = 1;
      }
    }
  }

  /**
   * Whether two passages can state the same thing: not when one says what the other contradicts (`rise` /
   * `fall`) and neither says both. Most terms have no opposite, so a flag per term id is read first.
   */
  private readonly compatible = (i: number, j: number): boolean => !this.opposites.size || (!this.contradicts(i, j) && !this.contradicts(j, i));

  /** Whether passage `a` says a term whose opposite `b` says, neither saying both (read in place: this runs for millions of pairs). */
  private contradicts(a: number, b: number): boolean {
    const v = this.vectors;
    for (let k = 0, n = v.size(a); k < n; k++) {
      const t = v.termAt(a, k);
      if (t >= this.opposable.length || !this.opposable[t] || v.hasTerm(b, t)) continue;
      for (const o of this.opposites.get(t)!) if (v.hasTerm(b, o) && !v.hasTerm(a, o)) return true;
    }
    return false;
  }

  private setGroups(groups: number[][]): number[] {
    return groups.map((members) => {
      const g = this.nextGroup++;
      this.groups.set(g, members);
      for (const id of members) this.groupOf.set(id, g);
      return g;
    });
  }

  private claimOfGroup(g: number): Claim {
    let claim = this.claimCache.get(g);
    if (!claim) {
      // Reading order: documents by id, passages by position (ids follow it within a full build, not after edits).
      const members = this.groups.get(g)!.slice().sort((a, b) => {
        const pa = this.passage(a);
        const pb = this.passage(b);
        return pa.doc < pb.doc ? -1 : pa.doc > pb.doc ? 1 : pa.start - pb.start;
      });
      claim = claimOf(
        members.map((id) => {
          const passage = this.passage(id);
          return new GroupMember(passage, this.analyses.get(passage.doc) ?? NO_ANALYSIS);
        }),
        (i, j) => this.similarity(members[i], members[j]),
      );
      this.claimCache.set(g, claim);
    }
    return claim;
  }
}

/**
 * A passage of a group as its claim reads it: its figures and quotes are read off its document's analysis
 * each time they are asked for (its own figures made from their rows alone, analysis/rows.ts), not kept.
 * A claim of thousands of passages once held all their figures through its step: a collection falling in
 * that step found nearly every such object alive, and V8 then made them in the old generation for the rest of
 * the build (allocation-site pretenuring), where hundreds of megabytes of garbage piled up (a first index of
 * 10,000 sources peaked at 480-740 MiB instead of 400 in about half the runs). A class instance, not an
 * object literal: V8 decides that per literal.
 */
class GroupMember implements ClaimInput {
  readonly terms = NO_TERMS;

  constructor(
    readonly passage: Passage,
    private readonly analysis: DocumentAnalysis,
  ) {}

  get figures(): NumberAnnotation[] {
    return overlappingIn(this.analysis, 'numbers', this.passage);
  }

  get quotes(): QuoteAnnotation[] {
    return overlappingIn(this.analysis, 'quotes', this.passage);
  }
}

/** A document's term weights summed by term id (`documentTerms`), zero between calls. */
let termSums = new Float64Array(1024);
