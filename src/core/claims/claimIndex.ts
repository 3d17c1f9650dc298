// The claims of a corpus, kept up to date as documents come and go.
//
// A full build groups every passage at once (see group.ts). After that, a changed document is regrouped
// locally: its old passages leave their claims, its new passages find candidates through the inverted
// index, and only the claims they touch are grouped again. Term weights use the document frequencies of
// the moment, so after many edits the grouping can drift a little from what a full build would give;
// the corpus rebuilds in full when many documents changed at once.
import type { Passage } from './passages.js';
import { partitionPoint } from '../search.js';
import { byReach, claimOf, type Claim, type ClaimInput } from './claims.js';
import { DEFAULT_GROUP_OPTIONS, EdgeQueue, edgesOf, mergeAll, mergeSteps, Postings, TermTable, Vectors, type GroupOptions } from './group.js';

const NO_TERMS: ClaimInput['terms'] = [];
const NO_FIGURES: ClaimInput['figures'] = [];
const NO_QUOTES: ClaimInput['quotes'] = [];
type TermIds = { id: number; boost: number }[];
const NO_IDS: TermIds = [];

/** A passage's figures and quotes, kept only for the passages that have some. */
type Mentions = Pick<ClaimInput, 'figures' | 'quotes'>;

/** Passages handled between two pauses of a full build that is spread over time. */
const STEP = 500;

export class ClaimIndex {
  /** By passage id (a hole where a passage was removed): the passage, its claim group, its figures and quotes. */
  private readonly passages: Passage[] = [];
  private readonly groupOf: number[] = [];
  private readonly mentions = new Map<number, Mentions>();
  private readonly vectors: Vectors;
  private live = 0;
  private readonly docNodes = new Map<string, number[]>();
  private readonly termIds = new TermTable();
  /** Passages per term id. */
  private readonly df: number[] = [];
  private readonly postings = new Postings();
  private readonly groups = new Map<number, number[]>();
  private readonly claimCache = new Map<number, Claim>();
  private sorted: Claim[] | null = null;
  private nextId = 0;
  private nextGroup = 0;

  private constructor(private readonly options: GroupOptions) {
    this.vectors = new Vectors(options.blockingTerms);
  }

  /**
   * A full build over documents in corpus order, as steps: each `yield` is a point where a caller that
   * must not hold the thread for long can pause. `ClaimIndex.build` runs it to the end at once.
   */
  static *steps(docs: Iterable<[string, ClaimInput[]]>, options: GroupOptions = DEFAULT_GROUP_OPTIONS): Generator<void, ClaimIndex> {
    const index = new ClaimIndex(options);
    const ids: number[] = [];
    const termsOf: TermIds[] = [];
    for (const [doc, inputs] of docs) {
      const own: number[] = [];
      for (const input of inputs) {
        const id = index.nextId++;
        index.place(id, input);
        own.push(id);
        ids.push(id);
        termsOf.push(index.count(input));
      }
      index.docNodes.set(doc, own);
      yield; // computing a document's terms takes about as long as a step
    }
    for (const id of ids) {
      index.vectorize(id, termsOf[id]);
      termsOf[id] = NO_IDS;
      if (id % STEP === 0) yield;
    }
    const edges = new EdgeQueue(options.threshold);
    for (const id of ids) {
      edgesOf(id, index.vectors, index.postings, options, edges.push, true);
      if (id % STEP === 0) yield;
    }
    yield;
    const groups = yield* mergeSteps(ids, edges, index.similarity, options.cohesion);
    yield;
    index.setGroups(groups);
    // Claims made now, in steps, so that reading them later costs nothing. Taken at their first passage,
    // groups come in reading order (ids follow it in a full build), and bucketing them by reach keeps that
    // order within a bucket: the claims' order without a sort.
    const byReach: Claim[][] = [];
    for (const id of ids) {
      const g = index.groupOf[id];
      if (index.groups.get(g)![0] !== id) continue;
      const claim = index.claimOfGroup(g);
      (byReach[claim.sources.length] ??= []).push(claim);
      if (id % STEP === 0) yield;
    }
    index.sorted = byReach.reverse().flatMap((bucket) => bucket ?? []);
    return index;
  }

  static build(docs: Iterable<[string, ClaimInput[]]>, options: GroupOptions = DEFAULT_GROUP_OPTIONS): ClaimIndex {
    const steps = ClaimIndex.steps(docs, options);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /** Replaces one document's passages (`undefined`: removes the document), regrouping only the claims it touches. */
  update(doc: string, inputs: ClaimInput[] | undefined): void {
    const touched = new Set<number>();
    for (const id of this.docNodes.get(doc) ?? []) {
      const g = this.groupOf[id];
      touched.add(g);
      const members = this.groups.get(g)!;
      members.splice(members.indexOf(id), 1);
      this.postings.remove(id, this.vectors.salient(id));
      for (const t of this.vectors.terms(id)) this.df[t]--;
      delete this.passages[id];
      this.mentions.delete(id);
      this.live--;
    }
    this.docNodes.delete(doc);
    const added: number[] = [];
    if (inputs?.length) {
      const terms = inputs.map((input) => this.count(input));
      inputs.forEach((input, i) => {
        const id = this.nextId++;
        this.place(id, input);
        this.vectorize(id, terms[i]);
        added.push(id);
      });
      this.docNodes.set(doc, added);
    }
    // The claims the new passages would join.
    for (const id of added) edgesOf(id, this.vectors, this.postings, this.options, (_, j) => touched.add(this.groupOf[j]), false);
    // Regroup the neighbourhood: the touched claims' remaining passages and the new ones.
    const neighbourhood = new Set<number>(added);
    for (const g of touched) {
      for (const id of this.groups.get(g) ?? []) neighbourhood.add(id);
      const claim = this.claimCache.get(g);
      if (claim && this.sorted) this.sorted.splice(this.positionOf(claim), 1);
      this.groups.delete(g);
      this.claimCache.delete(g);
    }
    const ids = [...neighbourhood].sort((a, b) => a - b);
    const edges = new EdgeQueue(this.options.threshold);
    for (const id of ids) edgesOf(id, this.vectors, this.postings, this.options, edges.push, true, (j) => neighbourhood.has(j));
    const regrouped = this.setGroups(mergeAll(ids, edges, this.similarity, this.options.cohesion));
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

  /** The claim a passage belongs to. */
  claimOf(passage: Passage): Claim | undefined {
    const id = this.idOf(passage);
    return id === undefined ? undefined : this.claimOfGroup(this.groupOf[id]);
  }

  /** Counts a passage's terms in the document frequencies; returns them as ids. */
  private count(input: ClaimInput): TermIds {
    return input.terms.map((t) => {
      const id = this.termIds.of(t.key);
      this.df[id] = (this.df[id] ?? 0) + 1;
      return { id, boost: t.boost };
    });
  }

  /** A passage's id: its document's ids are in passage order (no map from passage objects: it cost memory). */
  private idOf(passage: Passage): number | undefined {
    const ids = this.docNodes.get(passage.doc);
    if (!ids) return undefined;
    const id = ids[partitionPoint(ids, (i) => this.passages[i].start < passage.start)];
    return id !== undefined && this.passages[id] === passage ? id : undefined;
  }

  /** Takes a passage in under `id` (its vector comes once the document frequencies are counted). */
  private place(id: number, input: ClaimInput): void {
    this.passages[id] = input.passage;
    if (input.figures.length || input.quotes.length) this.mentions.set(id, { figures: input.figures, quotes: input.quotes });
    this.live++;
  }

  private vectorize(id: number, terms: TermIds): void {
    const n = this.live;
    this.vectors.add(id, this.passages[id].doc, terms, (t) => Math.log(1 + n / (this.df[t] || 1)));
    this.postings.add(id, this.vectors.salient(id));
  }

  private readonly similarity = (i: number, j: number): number => this.vectors.cosine(i, j);

  private setGroups(groups: number[][]): number[] {
    return groups.map((members) => {
      const g = this.nextGroup++;
      this.groups.set(g, members);
      for (const id of members) this.groupOf[id] = g;
      return g;
    });
  }

  private claimOfGroup(g: number): Claim {
    let claim = this.claimCache.get(g);
    if (!claim) {
      // Reading order: documents by id, passages by position (ids follow it within a full build, not after edits).
      const members = this.groups.get(g)!.slice().sort((a, b) => {
        const pa = this.passages[a];
        const pb = this.passages[b];
        return pa.doc < pb.doc ? -1 : pa.doc > pb.doc ? 1 : pa.start - pb.start;
      });
      claim = claimOf(
        members.map((id) => ({ passage: this.passages[id], figures: NO_FIGURES, quotes: NO_QUOTES, ...this.mentions.get(id), terms: NO_TERMS })),
        (i, j) => this.similarity(members[i], members[j]),
      );
      this.claimCache.set(g, claim);
    }
    return claim;
  }
}
