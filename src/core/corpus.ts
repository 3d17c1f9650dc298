// The corpus: every source's text and analysis, the entities merged across sources, and the claims.
// Views ask the corpus; they never parse text themselves. Analyses are cached by content hash, so a
// document that comes back unchanged (reopened, renamed, reverted) is not analysed again.
import { createHash } from 'node:crypto';
import { analyze } from './pipeline.js';
import { overlapping } from './search.js';
import type { Annotation, DocumentAnalysis, EntityAnnotation, NumberAnnotation, QuoteAnnotation } from './types.js';
import { passagesOf, type Passage } from './claims/passages.js';
import { passageTerms } from './claims/terms.js';
import { buildClaims, type Claim, type ClaimInput } from './claims/claims.js';
import { EntityRegistry, type EntityRecord } from './entities/registry.js';

export interface CorpusDocument {
  id: string;
  text: string;
  hash: string;
  analysis: DocumentAnalysis;
  passages: Passage[];
}

export type Analyzer = (text: string) => DocumentAnalysis;

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class Corpus {
  private readonly docs = new Map<string, CorpusDocument>();
  private readonly byHash = new Map<string, DocumentAnalysis>();
  readonly entities = new EntityRegistry();
  private readonly hashUsers = new Map<string, number>();
  private sorted: CorpusDocument[] | null = null;
  /** Annotations with corpus-wide names, per document; names change with any document, so any change clears it. */
  private readonly annotationCache = new Map<string, Annotation[]>();
  private claimCache: { claims: Claim[]; byPassage: Map<Passage, Claim> } | null = null;
  private lookupCache: { figures: Map<number, { doc: string; figure: NumberAnnotation }[]>; speakers: Map<string, Set<string>> } | null = null;

  constructor(private readonly analyzer: Analyzer = analyze) {}

  /** Adds or replaces a document; analyses it unless `analysis` is given (from a worker, say). */
  set(id: string, text: string, analysis?: DocumentAnalysis): CorpusDocument {
    const hash = contentHash(text);
    const existing = this.docs.get(id);
    if (existing && existing.hash === hash) return existing;
    const result = analysis ?? this.byHash.get(hash) ?? this.analyzer(text);
    this.byHash.set(hash, result);
    if (existing) this.remove(id);
    const doc: CorpusDocument = { id, text, hash, analysis: result, passages: passagesOf(id, text, result) };
    this.docs.set(id, doc);
    this.hashUsers.set(hash, (this.hashUsers.get(hash) ?? 0) + 1);
    this.entities.add(id, result.entities);
    this.changed();
    return doc;
  }

  /** Removes a document; returns whether it was there. */
  delete(id: string): boolean {
    if (!this.docs.has(id)) return false;
    this.remove(id);
    this.changed();
    return true;
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.entities.remove(id);
    // Keep the analysis cached by hash only while some document still has that text.
    const users = (this.hashUsers.get(doc.hash) ?? 1) - 1;
    if (users) this.hashUsers.set(doc.hash, users);
    else {
      this.hashUsers.delete(doc.hash);
      this.byHash.delete(doc.hash);
    }
  }

  private changed(): void {
    this.sorted = null;
    this.annotationCache.clear();
    this.claimCache = null;
    this.lookupCache = null;
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
  documents(): CorpusDocument[] {
    this.sorted ??= [...this.docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.sorted;
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
      if (!q.speaker) return q;
      const named = entities.find((e) => e.start === q.speaker!.start && e.end === q.speaker!.end)
        ?? entities.find((e) => e.name === q.speaker!.name);
      return named ? { ...q, speaker: { ...q.speaker, name: this.entity(named).name } } : q;
    };
    const all: Annotation[] = [...quotes.map(speakerName), ...entities.map(canonical), ...numbers];
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    this.annotationCache.set(id, all);
    return all;
  }

  /** All claims, most widely reported first. Rebuilt lazily after changes. */
  claims(): Claim[] {
    return this.claimIndex().claims;
  }

  /** The claim a passage belongs to. */
  claimOf(passage: Passage): Claim | undefined {
    return this.claimIndex().byPassage.get(passage);
  }

  /** The claim whose passage in document `id` contains `offset`. */
  claimAt(id: string, offset: number): { claim: Claim; passage: Passage } | undefined {
    const doc = this.docs.get(id);
    const passage = doc?.passages.find((p) => offset >= p.start && offset <= p.end);
    const claim = passage && this.claimOf(passage);
    return claim && passage ? { claim, passage } : undefined;
  }

  private claimIndex(): { claims: Claim[]; byPassage: Map<Passage, Claim> } {
    if (this.claimCache) return this.claimCache;
    const inputs: ClaimInput[] = [];
    const key = (e: Pick<EntityAnnotation, 'name' | 'label'>) => this.entity(e).key;
    for (const doc of this.documents()) {
      const { entities, numbers, quotes } = doc.analysis;
      for (const passage of doc.passages) {
        inputs.push({
          passage,
          terms: passageTerms(doc.text, passage.start, passage.end, entities, numbers, key),
          figures: overlapping(numbers, passage),
          quotes: overlapping(quotes, passage),
        });
      }
    }
    const claims = buildClaims(inputs);
    const byPassage = new Map<Passage, Claim>();
    for (const c of claims) for (const p of c.passages) byPassage.set(p, c);
    this.claimCache = { claims, byPassage };
    return this.claimCache;
  }

  /** Every figure in the corpus with this value. */
  figuresWithValue(value: number): { doc: string; figure: NumberAnnotation }[] {
    return this.lookups().figures.get(value) ?? [];
  }

  /** Documents quoting a speaker, by canonical name. */
  docsQuoting(speaker: string): string[] {
    return [...(this.lookups().speakers.get(speaker) ?? [])];
  }

  private lookups(): NonNullable<Corpus['lookupCache']> {
    if (this.lookupCache) return this.lookupCache;
    const figures = new Map<number, { doc: string; figure: NumberAnnotation }[]>();
    const speakers = new Map<string, Set<string>>();
    for (const doc of this.docs.values()) {
      for (const figure of doc.analysis.numbers) {
        if (figure.value === null) continue;
        const list = figures.get(figure.value) ?? [];
        list.push({ doc: doc.id, figure });
        figures.set(figure.value, list);
      }
      for (const a of this.annotations(doc.id)) {
        if (a.kind !== 'quote' || !a.speaker) continue;
        const set = speakers.get(a.speaker.name) ?? new Set<string>();
        set.add(doc.id);
        speakers.set(a.speaker.name, set);
      }
    }
    this.lookupCache = { figures, speakers };
    return this.lookupCache;
  }

  /** Figures of document `id` inside a passage, for comparisons. */
  figuresIn(passage: Passage): NumberAnnotation[] {
    const doc = this.docs.get(passage.doc);
    return doc ? overlapping(doc.analysis.numbers, passage) : [];
  }
}
