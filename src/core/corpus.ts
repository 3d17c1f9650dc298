// The corpus: every source's text and analysis, the entities merged across sources, and the claims.
// Views ask the corpus; they never parse text themselves. Analyses are cached by content hash, so a
// document that comes back unchanged (reopened, renamed, reverted) is not analysed again. Every index
// here is updated per document, so one changed source costs in proportion to itself, not to the corpus.
import { createHash } from 'node:crypto';
import { analyze } from './pipeline.js';
import { Compactor, itemAt, overlappingIn, ownCopy } from './analysis/compact.js';
import type { Annotation, DocumentAnalysis, EntityAnnotation, NumberAnnotation, QuoteAnnotation, Span } from './types.js';
import { passagesOf, type Passage } from './claims/passages.js';
import { passageTerms } from './claims/terms.js';
import type { Claim, ClaimInput } from './claims/claims.js';
import { ClaimIndex, type IndexInput } from './claims/claimIndex.js';
import { DEFAULT_GROUP_OPTIONS } from './claims/group.js';
import { finish, inSlices, threadSlices, type Slices } from './steps.js';
import { passagesAt, type ClaimSnapshot, type SnapshotToWrite } from './claims/snapshot.js';
import { storiesFrom, storySteps, type Story } from './claims/stories.js';
import { overlapping, partitionPoint } from './search.js';
import { entityKey, EntityRegistry, type EntityRecord } from './entities/registry.js';
import { anchorAt, resolveAnchors } from './anchors.js';
import { describeSource, type SourceDescription } from './sourceLabel.js';
import { correctionTitle, emptyCuration, isAnchored, type AnchoredCorrection, type Curation, type Mark } from './curation/model.js';
import { correctAnalysis, EntityRules } from './curation/correct.js';
import { passageKey, shapeClaims, type Shaped, type ShapingInput } from './curation/shape.js';
import { TextStore, type StoredText } from './textStore.js';
import type { TextSpill } from './textSpill.js';

export interface CorpusDocument {
  id: string;
  /** Decoded from the corpus's text store when read (the last few read are kept): hold it no longer than needed. */
  readonly text: string;
  hash: string;
  /** What the annotators found; `analysis` is it with the researcher's corrections applied. */
  raw: DocumentAnalysis;
  analysis: DocumentAnalysis;
  passages: Passage[];
}

/** A document as the corpus holds it: its text stored as bytes (textStore.ts). */
class StoredDocument implements CorpusDocument {
  constructor(
    public id: string,
    readonly stored: StoredText,
    public hash: string,
    public raw: DocumentAnalysis,
    public analysis: DocumentAnalysis,
    public passages: Passage[],
  ) {}

  get text(): string {
    return this.stored.text;
  }
}

/** A figure of a document, by its place among the document's figures; made when first read. */
export class FigureAt {
  #figure: NumberAnnotation | undefined;

  constructor(
    readonly doc: string,
    private readonly analysis: DocumentAnalysis,
    private readonly k: number,
  ) {}

  get figure(): NumberAnnotation {
    return (this.#figure ??= itemAt(this.analysis, 'numbers', this.k)!);
  }
}

/** A mark of the researcher's work whose text is no longer in its source, or whose source is gone. */
export interface Orphan {
  mark: Mark;
  /** What the mark belongs to (`added quote`, `passage of claim "…"`, `note on a passage`). */
  owner: string;
  reason: 'text gone' | 'source gone';
}

export type Analyzer = (text: string) => DocumentAnalysis;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class Corpus {
  private readonly docs = new Map<string, StoredDocument>();
  private readonly texts = new TextStore();
  private readonly byHash = new Map<string, DocumentAnalysis>();
  /** Keeps analyses in less memory: strings shared across documents, lists kept as rows (analysis/rows.ts). */
  private readonly compact = new Compactor();
  readonly entities = new EntityRegistry();
  private readonly hashUsers = new Map<string, number>();
  /** Documents sorted by id (corpus order), kept sorted as documents come and go. */
  private readonly sorted: StoredDocument[] = [];
  /** Annotations with corpus-wide names, per document; names change with any document, so any change clears it. */
  private readonly annotationCache = new Map<string, Annotation[]>();
  /** Answers to corpus-wide questions (an entity's mentions everywhere), until the next change. */
  private readonly answers = new Map<string, unknown>();
  /**
   * Figures by value, each as its document and its place in the document's figures: `[doc, k, doc, k, …]`
   * (an object per figure cost memory, and the figures themselves are kept packed: analysis/rows.ts).
   */
  private readonly figuresByValue = new Map<number, (string | number)[]>();
  /** Documents quoting a speaker, by the key of the speaker's name as the document gives it. */
  private readonly quotingDocs = new Map<string, Set<string>>();
  private claimIndex: ClaimIndex | null = null;
  /** Documents changed since the claim index was built or last updated. */
  private readonly claimsStale = new Set<string>();
  /**
   * When set, reading claims never runs a full build (it can take seconds on a large corpus): a reader gets
   * the claims as last built, updated for a few changed documents, and whoever set this drives full builds
   * with `buildClaims`. The extension sets it; the CLI and tests read claims that are always current.
   */
  deferFullClaimBuilds = false;
  /**
   * While set (a scan reading many sources), readers get the claims as last built, without the changed
   * documents applied one by one: the full build that ends the scan catches up. The extension sets it.
   */
  holdClaimUpdates = false;
  /**
   * Passages cut before, by document and what they were cut from (`claimKey`): saved claims carry them, and
   * cutting is the most costly part of adding a document. No answer: they are cut.
   */
  savedPassages: ((id: string, key: string) => Span[] | undefined) | undefined;
  private rulesKey: { curation: Curation; key: string } | undefined;
  private curationValue: Curation = emptyCuration();
  private rules = new EntityRules([]);
  private correctionsBySource = new Map<string, AnchoredCorrection[]>();
  /** Per document, corrections whose text is gone from it. */
  private readonly orphanCorrections = new Map<string, AnchoredCorrection[]>();
  /** Bumped on every change: shaped claims and resolved marks are recomputed when it moves. */
  private version = 0;
  /** Stories as last found, and what they were found from. */
  private storyCache: { version: number; index: ClaimIndex; stories: Story[] } | undefined;
  private shapedCache: { version: number; index: ClaimIndex | null; shaped: Shaped; memos: Map<string, string>; orphans: Orphan[] } | undefined;
  /** Per document (its text and file name): gone with the document, unlike a map by text hash. */
  private readonly descriptions = new WeakMap<CorpusDocument, SourceDescription>();

  constructor(private readonly analyzer: Analyzer = analyze) {}

  /**
   * Texts of the documents set from now on leave memory for `spill` as they pile up (see TextStore): a
   * folder's sources are read back from it a passage or a text at a time.
   */
  spillTextsTo(spill: TextSpill): void {
    this.texts.spillTo(spill);
  }

  /** Adds or replaces a document; analyses it unless `analysis` is given (from a worker, say). */
  set(id: string, text: string, analysis?: DocumentAnalysis): CorpusDocument {
    const hash = contentHash(text);
    const existing = this.docs.get(id);
    if (existing && existing.hash === hash) return existing;
    const raw = analysis ? this.compact.analysis(analysis) : (this.byHash.get(hash) ?? this.compact.analysis(this.analyzer(text)));
    if (existing) this.remove(id);
    // A source set again (edited) keeps its text apart: see TextStore.store.
    const doc = this.add(id, this.texts.store(text, !existing), text, hash, raw);
    this.changed(id);
    return doc;
  }

  /** `text` is `stored` decoded. */
  private add(id: string, stored: StoredText, text: string, hash: string, raw: DocumentAnalysis): CorpusDocument {
    this.byHash.set(hash, raw);
    const corrected = correctAnalysis(text, raw, this.correctionsBySource.get(id) ?? [], this.rules, (t) => this.analyzer(t).numbers);
    if (corrected.orphans.length) this.orphanCorrections.set(id, corrected.orphans);
    // A corrected analysis is made of the raw one's lists: packed again, as the raw one was.
    const result = corrected.analysis === raw ? raw : this.compact.analysis(corrected.analysis);
    const saved = this.savedPassages?.(id, this.claimKey(id, hash));
    const passages = saved ? passagesAt(id, text, saved, stored) : passagesOf(id, text, result, stored);
    const doc = new StoredDocument(id, stored, hash, raw, result, passages);
    this.docs.set(id, doc);
    this.sorted.splice(partitionPoint(this.sorted, (d) => d.id < id), 0, doc);
    this.hashUsers.set(hash, (this.hashUsers.get(hash) ?? 0) + 1);
    this.entities.add(id, result);
    result.numbers.forEach((figure, k) => figure.value !== null && listOf(this.figuresByValue, figure.value).push(id, k));
    for (const q of result.quotes) if (q.speaker) setOf(this.quotingDocs, entityKey(q.speaker.name)).add(id);
    return doc;
  }

  /** Removes a document; returns whether it was there. */
  delete(id: string): boolean {
    if (!this.docs.has(id)) return false;
    this.remove(id);
    this.changed(id);
    return true;
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.orphanCorrections.delete(id);
    this.sorted.splice(partitionPoint(this.sorted, (d) => d.id < id), 1);
    this.entities.remove(id);
    for (const value of new Set(doc.analysis.numbers.map((f) => f.value))) {
      if (value === null) continue;
      const list = this.figuresByValue.get(value)!;
      const rest: (string | number)[] = [];
      for (let k = 0; k < list.length; k += 2) if (list[k] !== id) rest.push(list[k], list[k + 1]);
      if (rest.length) this.figuresByValue.set(value, rest);
      else this.figuresByValue.delete(value);
    }
    for (const q of doc.analysis.quotes) {
      const quoting = q.speaker && this.quotingDocs.get(entityKey(q.speaker.name));
      quoting?.delete(id);
      if (quoting && !quoting.size) this.quotingDocs.delete(entityKey(q.speaker!.name));
    }
    // Keep the analysis cached by hash only while some document still has that text.
    const users = (this.hashUsers.get(doc.hash) ?? 1) - 1;
    if (users) this.hashUsers.set(doc.hash, users);
    else {
      this.hashUsers.delete(doc.hash);
      this.byHash.delete(doc.hash);
    }
  }

  private changed(id: string): void {
    this.version++;
    this.annotationCache.clear();
    this.answers.clear();
    this.claimsStale.add(id);
  }

  get(id: string): CorpusDocument | undefined {
    return this.docs.get(id);
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  get size(): number {
    return this.docs.size;
  }

  /**
   * Documents in corpus order: sorted by id, so claims, hovers and "next source" read the same whatever
   * order the files arrived in.
   */
  documents(): readonly CorpusDocument[] {
    return this.sorted;
  }

  /** Position of a document in corpus order (-1 when absent). */
  rank(id: string): number {
    const at = partitionPoint(this.sorted, (d) => d.id < id);
    return this.sorted[at]?.id === id ? at : -1;
  }

  /** The answer to a corpus-wide question, computed once until the corpus changes. */
  remember<T>(question: string, answer: () => T): T {
    if (!this.answers.has(question)) this.answers.set(question, answer());
    return this.answers.get(question) as T;
  }

  /** The corpus-wide record of an entity mention (canonical name, aliases, sources). */
  entity(e: Pick<EntityAnnotation, 'name' | 'label'>): EntityRecord {
    return this.entities.resolve(e);
  }

  /** A document's annotations in text order, with entity and speaker names canonical across the corpus. */
  annotations(id: string): Annotation[] {
    const cached = this.annotationCache.get(id);
    if (cached) return cached;
    const doc = this.docs.get(id);
    if (!doc) return [];
    const { quotes, entities, numbers } = doc.analysis;
    const canonical = (e: EntityAnnotation): EntityAnnotation => ({ ...e, name: this.entity(e).name });
    const speakerName = (q: QuoteAnnotation): QuoteAnnotation => {
      const named = q.speaker && this.speakerEntity(entities, q.speaker);
      return named ? { ...q, speaker: { ...q.speaker!, name: this.entity(named).name } } : q;
    };
    const all: Annotation[] = [...quotes.map(speakerName), ...entities.map(canonical), ...numbers];
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    this.annotationCache.set(id, all);
    return all;
  }

  /** The entity a quote's speaker is: the one at the speaker mention, else one of the same name. */
  private speakerEntity(entities: EntityAnnotation[], speaker: NonNullable<QuoteAnnotation['speaker']>): EntityAnnotation | undefined {
    return entities.find((e) => e.start === speaker.start && e.end === speaker.end) ?? entities.find((e) => e.name === speaker.name);
  }

  /** All claims, most widely reported first. */
  claims(): Claim[] {
    return this.shaped()?.shaped.claims ?? this.currentClaims()?.claims() ?? [];
  }

  /** The sources grouped by the event they report, each story with its claims; most sources first. */
  stories(): Story[] {
    return finish(this.storySteps());
  }

  /** The stories when found for the corpus as it is now, else undefined (`storySteps` finds them). */
  currentStories(): Story[] | undefined {
    const cache = this.storyCache;
    return cache && cache.version === this.version && cache.index === this.claimIndex ? cache.stories : undefined;
  }

  /**
   * The stories found last, their sources as they are now (new ones as stories of their own) and the claims
   * as they are now; undefined before any were found. For showing while `storySteps` finds them again.
   */
  lastStories(): Story[] | undefined {
    const cache = this.storyCache;
    if (!cache) return undefined;
    const current = this.currentStories();
    if (current) return current;
    const placed = new Set<string>();
    const groups = cache.stories.map((s) => s.sources.filter((id) => this.docs.has(id) && placed.add(id)));
    for (const doc of this.sorted) if (!placed.has(doc.id)) groups.push([doc.id]);
    return storiesFrom(groups, this.claims());
  }

  /**
   * `stories` in steps, for a caller that must not hold the thread for long (at 10,000 sources finding them
   * takes about 2 s); the stories found before when nothing changed since.
   */
  *storySteps(): Generator<void, Story[]> {
    const claims = this.claims();
    const index = this.claimIndex;
    if (!index) return [];
    const version = this.version;
    const current = this.currentStories();
    if (current) return current;
    const sources = this.sorted.map((d) => d.id);
    const stories = yield* storySteps({ sources, termsOf: (source, max) => index.documentTerms(source, max), claims });
    // Kept only if nothing changed meanwhile.
    if (this.version === version && this.claimIndex === index) this.storyCache = { version, index, stories };
    return stories;
  }

  /** The claim a passage belongs to. */
  claimOf(passage: Passage): Claim | undefined {
    const shaped = this.shaped();
    return shaped?.shaped.claimOfPassage.get(passageKey(passage)) ?? this.currentClaims()?.claimOf(passage);
  }

  /** The claim whose passage in document `id` contains `offset`. */
  claimAt(id: string, offset: number): { claim: Claim; passage: Passage } | undefined {
    const passage = this.passageAt(id, offset);
    const claim = passage && this.claimOf(passage);
    return claim && passage ? { claim, passage } : undefined;
  }

  /** The passage of document `id` that contains `offset` (its end included). */
  passageAt(id: string, offset: number): Passage | undefined {
    const passages = this.docs.get(id)?.passages ?? [];
    const p = passages[partitionPoint(passages, (x) => x.end < offset)];
    return p && p.start <= offset ? p : undefined;
  }

  /** Whether reading the claims would need a full build (none yet, or many documents changed since). */
  get claimsNeedFullBuild(): boolean {
    return this.claimIndex === null || this.claimsStale.size > Corpus.INCREMENTAL_LIMIT;
  }

  /**
   * Applies the few documents changed since the claims were last read, now rather than on the next read, so
   * the hover after an edit does not pay for it. Nothing when a full build is due: its caller drives it.
   */
  updateClaims(): void {
    if (this.claimsStale.size && !this.claimsNeedFullBuild) this.currentClaims();
  }

  /** Whether the claims reflect every document as it is now. */
  get claimsCurrent(): boolean {
    return this.claimIndex !== null && this.claimsStale.size === 0;
  }

  /**
   * Brings the claims up to date with a full build spread over time in `slices` (by default the thread's),
   * so a caller on a UI thread stays responsive. Changes made meanwhile are applied after.
   */
  async buildClaims(slices: Slices = threadSlices): Promise<void> {
    this.claimsStale.clear();
    const docs = this.sorted.slice();
    this.claimIndex = await inSlices(ClaimIndex.steps(this.claimInputs(docs), DEFAULT_GROUP_OPTIONS, passageCount(docs)), slices);
    this.answers.clear();
  }

  /** Most changed documents applied one by one to the claims; past it a full build is cheaper. */
  private static readonly INCREMENTAL_LIMIT = 8;

  /**
   * Takes the claims up from a snapshot of an earlier session (claims/snapshot.ts) instead of a full build,
   * in steps as `buildClaims` does. Documents as they were then keep their claims; the others are applied as
   * changes, as in that session; past `INCREMENTAL_LIMIT` of them a full build is still due (the claims
   * meanwhile are these). Undefined, nothing changed, when the snapshot does not fit: a full build is the way.
   */
  async restoreClaims(snapshot: ClaimSnapshot, slices: Slices = threadSlices): Promise<{ changed: number } | undefined> {
    const stale = [...this.claimsStale];
    this.claimsStale.clear();
    const ids = this.sorted.map((d) => d.id);
    const current = (id: string) => {
      const doc = this.docs.get(id);
      return doc && { key: this.claimKey(doc.id, doc.hash), inputs: () => this.inputsOf(doc, false) };
    };
    // Past a share of the documents, updating one by one costs more than a build.
    const most = Math.max(4 * Corpus.INCREMENTAL_LIMIT, Math.floor(ids.length / 20));
    const restored = await inSlices(ClaimIndex.restore(snapshot, ids, current, most), slices);
    if (!restored) {
      for (const id of stale) this.claimsStale.add(id);
      return undefined;
    }
    const { index, changed } = restored;
    for (const id of changed) {
      const doc = this.docs.get(id);
      await slices.run(() => index.update(id, doc && this.inputsOf(doc)));
    }
    this.claimIndex = index;
    this.answers.clear();
    if (changed.length > Corpus.INCREMENTAL_LIMIT) for (const id of changed) this.claimsStale.add(id);
    return { changed: changed.length };
  }

  /** The claims written down for a later session, in steps; undefined unless they are current. */
  async snapshotClaims(slices: Slices = threadSlices): Promise<SnapshotToWrite | undefined> {
    if (this.claimsNeedFullBuild) return undefined;
    const index = this.currentClaims();
    if (!index || !this.claimsCurrent) return undefined;
    const keys = new Map(this.sorted.map((d) => [d.id, this.claimKey(d.id, d.hash)]));
    return inSlices(index.snapshot((id) => keys.get(id)), slices);
  }

  /** What a document's claims are made from besides the rest of the corpus: its text, the researcher's corrections. */
  private claimKey(id: string, hash: string): string {
    if (this.rulesKey?.curation !== this.curationValue) {
      const rules = this.curationValue.corrections.filter((c) => !isAnchored(c));
      this.rulesKey = { curation: this.curationValue, key: rules.length ? contentHash(JSON.stringify(rules)) : '' };
    }
    const own = this.correctionsBySource.get(id);
    return own?.length || this.rulesKey.key ? `${hash}+${own?.length ? contentHash(JSON.stringify(own)) : ''}+${this.rulesKey.key}` : hash;
  }

  private currentClaims(): ClaimIndex | null {
    if (this.claimIndex && this.holdClaimUpdates) return this.claimIndex;
    if (this.claimIndex && this.claimsStale.size <= Corpus.INCREMENTAL_LIMIT) {
      for (const id of this.claimsStale) {
        const doc = this.docs.get(id);
        this.claimIndex.update(id, doc && this.inputsOf(doc));
      }
      this.claimsStale.clear();
      return this.claimIndex;
    }
    // Stale, or none yet: the full build the caller drives catches up.
    if (this.deferFullClaimBuilds) return this.claimIndex;
    this.claimsStale.clear();
    this.claimIndex = ClaimIndex.build(this.claimInputs(this.sorted), DEFAULT_GROUP_OPTIONS, passageCount(this.sorted));
    return this.claimIndex;
  }

  /** Each document's claim inputs, computed as the build reaches it. */
  private *claimInputs(docs: readonly CorpusDocument[]): Generator<[string, Iterable<IndexInput>]> {
    for (const doc of docs) yield [doc.id, this.inputsAsRead(doc)];
  }

  private inputsOf(doc: CorpusDocument, withTerms = true): IndexInput[] {
    return [...this.inputsAsRead(doc, withTerms)];
  }

  /** A document's claim inputs one passage at a time: a build can pause inside a long document. */
  private *inputsAsRead(doc: CorpusDocument, withTerms = true): Generator<IndexInput> {
    const { entities, numbers } = doc.analysis;
    const key = (e: Pick<EntityAnnotation, 'name' | 'label'>) => this.entities.resolvedKey(e);
    for (const passage of doc.passages) {
      yield {
        passage,
        // Its words alone are decoded (core/textStore.ts): a whole text decoded and kept for a while per
        // document lived long enough to be tenured, and a full build left 100 MB of them to the collector.
        terms: withTerms ? passageTerms(passage.text, passage.start, passage.end, entities, numbers, key) : [],
        analysis: doc.analysis,
      };
    }
  }

  // ---- The researcher's work: corrections, shaped claims, notes, source names (see curation/model.ts) ----

  get curation(): Curation {
    return this.curationValue;
  }

  /**
   * Replaces the researcher's work. Only the documents a change concerns are corrected again: those with
   * corrections of their own that changed, and, when an entity rule changed, those mentioning its entities.
   */
  setCuration(next: Curation): void {
    const prev = this.curationValue;
    this.curationValue = next;
    const affected = new Set<string>();
    const bySource = groupBySource(next.corrections.filter(isAnchored));
    for (const id of new Set([...bySource.keys(), ...this.correctionsBySource.keys()])) {
      if (JSON.stringify(bySource.get(id) ?? []) !== JSON.stringify(this.correctionsBySource.get(id) ?? [])) affected.add(id);
    }
    this.correctionsBySource = bySource;
    const rulesOf = (c: Curation) => c.corrections.filter((x) => !isAnchored(x));
    const [before, after] = [rulesOf(prev), rulesOf(next)].map((r) => r.map((x) => JSON.stringify(x)));
    const changedRules = [...rulesOf(prev).filter((_, i) => !after.includes(before[i])), ...rulesOf(next).filter((_, i) => !before.includes(after[i]))];
    if (changedRules.length) {
      this.rules = new EntityRules(rulesOf(next));
      this.entities.keepApart(this.rules.apart);
      const keys = new Set(changedRules.flatMap((r) => (r.action === 'merge' ? [r.entity, r.into] : [r.entity])).map(entityKey));
      for (const doc of this.sorted) {
        const { entities, quotes } = doc.raw;
        if (entities.some((e) => keys.has(entityKey(e.name)) || keys.has(entityKey(e.text))) || quotes.some((q) => q.speaker && keys.has(entityKey(q.speaker.name)))) affected.add(doc.id);
      }
    }
    for (const id of affected) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      this.remove(id);
      this.add(id, doc.stored, doc.text, doc.hash, doc.raw);
      this.changed(id);
    }
    this.version++;
    this.answers.clear();
    this.annotationCache.clear();
  }

  /** A mark of document `id`'s text [start, end): the words with their context, to be found again after edits. */
  mark(id: string, start: number, end: number): Mark {
    return { source: id, anchor: ownCopy(anchorAt(this.docs.get(id)?.text ?? '', start, end)) };
  }

  /** Where a mark is in its source now, or undefined when its source or its text is gone. */
  resolve(mark: Mark): { start: number; end: number } | undefined {
    const doc = this.docs.get(mark.source);
    return (doc && resolveAnchors([mark.anchor], doc.text)[0]) ?? undefined;
  }

  /** The researcher's note on a passage. */
  memoOf(passage: Pick<Passage, 'doc' | 'start'>): string | undefined {
    return this.shaped()?.memos.get(passageKey(passage));
  }

  /** Marks of the researcher's work that no longer find their text, never dropped: listed here until dealt with. */
  orphans(): Orphan[] {
    const out: Orphan[] = [];
    for (const [id, list] of this.correctionsBySource) {
      const gone = !this.docs.has(id);
      for (const c of gone ? list : this.orphanCorrections.get(id) ?? []) out.push({ mark: c, owner: correctionTitle(c), reason: gone ? 'source gone' : 'text gone' });
    }
    return out.concat(this.shaped()?.orphans ?? []);
  }

  /** What a source says about itself (outlet, author, date), read once per document. */
  describe(id: string): SourceDescription {
    const doc = this.docs.get(id);
    const fileName = pathParts(id).pop() ?? id;
    if (!doc) return describeSource('', fileName);
    let description = this.descriptions.get(doc);
    if (!description) this.descriptions.set(doc, (description = ownCopy(describeSource(doc.text, fileName))));
    return description;
  }

  /**
   * How a source is named: the name the researcher gave it, else what its text says about itself. Views
   * and exports list sources by this name alone, so two sources never share one: a name another source
   * also has is followed by the file name, or by as much of the path as tells them apart
   * (`Reuters (a/story.txt)`). `unique: false` gives the name alone (to edit it, say).
   */
  label(id: string, { unique = true } = {}): string {
    const name = this.curationValue.sources[id]?.label ?? this.describe(id).label;
    return (unique && this.remember('shared source names', () => disambiguated(this.sorted.map((d) => [d.id, this.label(d.id, { unique: false })]))).get(id)) || name;
  }

  /** Shaped claims, passage notes and orphaned marks, recomputed when the corpus, the claims or the curation changed. */
  private shaped(): NonNullable<Corpus['shapedCache']> | undefined {
    const { claims, memos } = this.curationValue;
    if (!claims.length && !memos.length) return undefined;
    const index = this.currentClaims();
    if (this.shapedCache && this.shapedCache.version === this.version && this.shapedCache.index === index) return this.shapedCache;
    const orphans: Orphan[] = [];
    // Resolves marks per source, all of a source's marks in one pass over its text.
    const resolveAll = (marks: Mark[], owner: (i: number) => string): (Passage[] | undefined)[] => {
      const out: (Passage[] | undefined)[] = new Array(marks.length);
      const bySource = new Map<string, number[]>();
      marks.forEach((m, i) => listOf(bySource, m.source).push(i));
      for (const [id, indices] of bySource) {
        const doc = this.docs.get(id);
        const spans = doc ? resolveAnchors(indices.map((i) => marks[i].anchor), doc.text) : [];
        indices.forEach((i, k) => {
          const span = spans[k];
          const passages = span && doc ? overlapping(doc.passages, span.end > span.start ? span : { start: span.start, end: span.start + 1 }) : [];
          if (passages.length) out[i] = passages;
          else orphans.push({ mark: marks[i], owner: owner(i), reason: doc ? 'text gone' : 'source gone' });
        });
      }
      return out;
    };
    const flat = claims.flatMap((claim, c) => claim.passages.map((mark) => ({ mark, c })));
    const resolved = resolveAll(flat.map((f) => f.mark), (i) => `passage of claim "${claims[flat[i].c].title ?? claims[flat[i].c].id}"`);
    const shaping: ShapingInput[] = claims.map((shaped) => ({ shaped, passages: [] }));
    flat.forEach((f, i) => shaping[f.c].passages.push(...(resolved[i] ?? [])));
    const memoPassages = resolveAll(memos, () => 'note on a passage');
    const memoMap = new Map<string, string>();
    memos.forEach((m, i) => memoPassages[i]?.forEach((p) => memoMap.set(passageKey(p), m.memo)));
    const inputOf = (p: Passage): ClaimInput => {
      const doc = this.docs.get(p.doc)!;
      return { passage: p, terms: [], figures: overlappingIn(doc.analysis, 'numbers', p), quotes: overlappingIn(doc.analysis, 'quotes', p) };
    };
    const shaped = shapeClaims(index?.claims() ?? [], shaping, (p) => index?.claimOf(p), inputOf, (d) => this.rank(d));
    this.shapedCache = { version: this.version, index, shaped, memos: memoMap, orphans };
    return this.shapedCache;
  }

  /**
   * Every figure in the corpus with this value. A figure is made from its row (analysis/rows.ts) when first
   * read: a common value is in thousands of documents, and a hover looks at one figure of each.
   */
  figuresWithValue(value: number): FigureAt[] {
    const list = this.figuresByValue.get(value) ?? [];
    const out: FigureAt[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const doc = list[k] as string;
      out.push(new FigureAt(doc, this.docs.get(doc)!.analysis, list[k + 1] as number));
    }
    return out;
  }

  /** Documents quoting a speaker, by canonical name: any of the names the speaker goes by. */
  docsQuoting(speaker: string): string[] {
    const docs = new Set<string>();
    for (const label of ['PERSON', 'ORG'] as const) {
      const record = this.entity({ name: speaker, label });
      for (const name of [speaker, record.name, ...record.aliases]) for (const d of this.quotingDocs.get(entityKey(name)) ?? []) docs.add(d);
    }
    return [...docs];
  }

  /** Figures of document `id` inside a passage, for comparisons. */
  figuresIn(passage: Passage): NumberAnnotation[] {
    const doc = this.docs.get(passage.doc);
    return doc ? overlappingIn(doc.analysis, 'numbers', passage) : [];
  }
}

/** `name (tail)` for each id whose name another id shares; the tail is the shortest end of its path no other of them has. */
function disambiguated(named: [id: string, name: string][]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const [id, name] of named) listOf(byName, name).push(id);
  const out = new Map<string, string>();
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    const parts = ids.map(pathParts);
    let pending = ids.map((_, i) => i);
    for (let k = 1; pending.length; k++) {
      const tails = parts.map((p) => p.slice(-k).join('/'));
      const counts = new Map<string, number>();
      for (const t of tails) counts.set(t, (counts.get(t) ?? 0) + 1);
      pending = pending.filter((i) => {
        if (counts.get(tails[i]) !== 1 && parts[i].length > k) return true;
        out.set(ids[i], `${name} (${tails[i]})`);
        return false;
      });
    }
  }
  return out;
}

/** The parts of a document id's path, decoded where the id is a URI (`other%20story.txt`); a CLI path as it is. */
function pathParts(id: string): string[] {
  return id.split(/[\\/]/).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p; // `100% report.txt`: not an escape
    }
  });
}

function groupBySource(corrections: AnchoredCorrection[]): Map<string, AnchoredCorrection[]> {
  const out = new Map<string, AnchoredCorrection[]>();
  for (const c of corrections) listOf(out, c.source).push(c);
  return out;
}

function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** How many passages the documents have. */
function passageCount(docs: readonly CorpusDocument[]): number {
  return docs.reduce((n, doc) => n + doc.passages.length, 0);
}
