// Questions the views ask of the corpus about one annotation: where else is this figure, this quote, this
// entity, and do the sources agree. Hovers, Go to Definition, Find All References and the claims view all
// answer from here, so they always agree with one another.
import type { Corpus } from './corpus.js';
import type { Annotation, EntityAnnotation, NumberAnnotation, QuoteAnnotation, Span } from './types.js';
import type { Passage } from './claims/passages.js';
import type { Claim } from './claims/claims.js';
import { alignFigures, compareFigures, isQuantity, sameQuantity, type Verdict } from './claims/agreement.js';
import type { EntityRecord } from './entities/registry.js';
import { overlapping } from './search.js';
import { entitiesLabelled } from './analysis/compact.js';

/** A place in a source. */
export interface Location extends Span {
  doc: string;
}

export interface FigureMatch extends Location {
  figure: NumberAnnotation;
  /** The passage the figure is stated in. */
  passage: Passage | null;
  /** Whether that passage is in the hovered figure's claim. */
  inClaim: boolean;
  verdict: Verdict;
}

export interface NumberReport {
  figure: NumberAnnotation;
  claim: Claim | null;
  /** The same quantity in the other sources, one best match per source, in corpus order. */
  matches: FigureMatch[];
  /** The verdict over all matches (`agree` when nothing to compare). */
  verdict: Verdict;
}

export type WordDiff = { op: 'same' | 'added' | 'removed'; text: string }[];

export interface QuoteMatch extends Location {
  quote: QuoteAnnotation;
  /** Differences from the quote asked about to this one, word by word. */
  diff: WordDiff;
  identical: boolean;
}

export interface QuoteReport {
  quote: QuoteAnnotation;
  claim: Claim | null;
  matches: QuoteMatch[];
  /** Passages of the same claim in sources that report it without quoting. */
  paraphrases: Passage[];
}

export interface EntityReport {
  record: EntityRecord;
  /** Every mention in every source, in corpus order. */
  mentions: (Location & { text: string })[];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Word-level difference of two quotes (longest common subsequence), ignoring case and punctuation. */
export function wordDiff(from: string, to: string): WordDiff {
  const a = from.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const b = to.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const eq = (x: string, y: string) => x.toLowerCase().replace(/’/g, "'") === y.toLowerCase().replace(/’/g, "'");
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = eq(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: WordDiff = [];
  const push = (op: WordDiff[number]['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(a[i], b[j])) {
      push('same', b[j]);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) push('added', b[j++]);
    else push('removed', a[i++]);
  }
  return out;
}

/** Share of the shorter quote's words found in the longer one: partial quotes count as the same words. */
function containment(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = new Set(words(b));
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (!small.size) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

function byCorpusOrder(corpus: Corpus): (a: { doc: string }, b: { doc: string }) => number {
  // Each document's rank looked up once: a sort compares the same documents many times.
  const ranks = new Map<string, number>();
  const rank = (doc: string) => {
    let r = ranks.get(doc);
    if (r === undefined) ranks.set(doc, (r = corpus.rank(doc)));
    return r;
  };
  return (a, b) => rank(a.doc) - rank(b.doc);
}

function passageOf(corpus: Corpus, doc: string, span: Span): Passage | null {
  return overlapping(corpus.get(doc)?.passages ?? [], span)[0] ?? null;
}

function claimOfSpan(corpus: Corpus, doc: string, span: Span): Claim | null {
  const passage = passageOf(corpus, doc, span);
  return (passage && corpus.claimOf(passage)) ?? null;
}

/** The annotation of document `doc` under `offset`: the innermost one (an entity inside a quote wins). */
export function annotationAt(corpus: Corpus, doc: string, offset: number): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of corpus.annotations(doc)) {
    if (a.start > offset) break;
    if (offset <= a.end && (!best || a.end - a.start < best.end - best.start)) best = a;
  }
  return best;
}

export function numberReport(corpus: Corpus, doc: string, figure: NumberAnnotation): NumberReport {
  const claim = claimOfSpan(corpus, doc, figure);
  const best = new Map<string, FigureMatch>();
  const distance = (x: FigureMatch) => Math.abs((x.figure.value ?? 0) - (figure.value ?? 0));
  const consider = (m: FigureMatch) => {
    const current = best.get(m.doc);
    // Prefer the figure stated in the same claim, then the nearest value.
    if (!current || (m.inClaim && !current.inClaim) || (m.inClaim === current.inClaim && distance(m) < distance(current))) best.set(m.doc, m);
  };
  const claimSources = new Set(claim?.sources);
  // Only a source of the claim can state a figure in it.
  const match = (at: string, found: NumberAnnotation, passage: Passage | null, verdict: Verdict): FigureMatch =>
    ({ doc: at, start: found.start, end: found.end, figure: found, passage, inClaim: !!passage && claimSources.has(at) && corpus.claimOf(passage) === claim, verdict });
  const elsewhere = (other: { doc: string; figure: NumberAnnotation }, verdict: Verdict): FigureMatch =>
    match(other.doc, other.figure, passageOf(corpus, other.doc, other.figure), verdict);
  // A figure found elsewhere has the very value hovered, so in a source outside the claim the first one is as
  // good as any: a common value (`two`, `first`) in thousands of figures costs one look per source.
  const settled = (d: string) => !claimSources.has(d) && best.has(d);
  if (isQuantity(figure)) {
    // The claim's other passages: their figures for the same quantity, whatever the value.
    for (const p of claim?.passages ?? []) {
      if (p.doc === doc) continue;
      for (const pair of alignFigures([figure], corpus.figuresIn(p))) consider(match(p.doc, pair.b, p, pair.verdict));
    }
    // Elsewhere: the same value for the same kind of thing.
    for (const other of corpus.figuresWithValue(figure.value!)) {
      if (other.doc !== doc && !settled(other.doc) && sameQuantity(figure, other.figure)) consider(elsewhere(other, compareFigures(figure, other.figure)));
    }
  } else if (figure.value !== null) {
    for (const other of corpus.figuresWithValue(figure.value)) {
      if (other.doc !== doc && !settled(other.doc) && other.figure.label === figure.label) consider(elsewhere(other, 'agree'));
    }
  }
  const matches = [...best.values()].sort(byCorpusOrder(corpus));
  const verdict: Verdict = matches.some((m) => m.verdict === 'differ') ? 'differ' : matches.some((m) => m.verdict === 'approximate') ? 'approximate' : 'agree';
  return { figure, claim, matches, verdict };
}

const SAME_QUOTE = 0.6;

/** `quote` as `annotationAt` or `Corpus.annotations` give it: its speaker's name is canonical across the corpus. */
export function quoteReport(corpus: Corpus, doc: string, quote: QuoteAnnotation): QuoteReport {
  const claim = claimOfSpan(corpus, doc, quote);
  const matches = new Map<string, QuoteMatch>();
  const candidates = new Set<string>(claim?.sources ?? []);
  if (quote.speaker) for (const d of corpus.docsQuoting(quote.speaker.name)) candidates.add(d);
  for (const other of candidates) {
    if (other === doc) continue;
    for (const q of corpus.get(other)?.analysis.quotes ?? []) {
      const score = containment(quote.text, q.text);
      if (score < SAME_QUOTE) continue;
      const current = matches.get(other);
      if (current && containment(quote.text, current.quote.text) >= score) continue;
      const diff = wordDiff(quote.text, q.text);
      matches.set(other, { doc: other, start: q.start, end: q.end, quote: q, diff, identical: diff.every((d) => d.op === 'same') });
    }
  }
  const paraphrases = (claim?.passages ?? []).filter((p) => p.doc !== doc && !matches.has(p.doc));
  return { quote, claim, matches: [...matches.values()].sort(byCorpusOrder(corpus)), paraphrases };
}

export function entityReport(corpus: Corpus, entity: Pick<EntityAnnotation, 'name' | 'label'>): EntityReport {
  const record = corpus.entity(entity);
  // Every mention of a widely reported entity takes a walk over all its sources: once per change.
  return corpus.remember(`entity:${record.label}:${record.key}`, () => ({ record, mentions: mentionsOf(corpus, record) }));
}

function mentionsOf(corpus: Corpus, record: EntityRecord): EntityReport['mentions'] {
  const mentions: EntityReport['mentions'] = [];
  // Whether a name is the record's, asked once per name (sources name the same entities again and again), by
  // its key alone: building the record of every name a hover meets sorted their sources each time.
  const isRecord = new Map<string, boolean>();
  const ofRecord = (e: EntityAnnotation) => {
    let yes = isRecord.get(e.name);
    if (yes === undefined) isRecord.set(e.name, (yes = corpus.entities.resolvedKey(e) === record.key));
    return yes;
  };
  for (const id of record.docs.keys()) {
    const analysis = corpus.get(id)?.analysis;
    for (const e of analysis ? entitiesLabelled(analysis, record.label) : []) {
      if (ofRecord(e)) mentions.push({ doc: id, start: e.start, end: e.end, text: e.text });
    }
  }
  return mentions;
}

/** Where the same item is in every source: for Go to Definition and Find All References. */
export function sameItem(corpus: Corpus, doc: string, a: Annotation): Location[] {
  const self: Location = { doc, start: a.start, end: a.end };
  switch (a.kind) {
    case 'entity':
      return entityReport(corpus, a).mentions.map(({ doc: d, start, end }) => ({ doc: d, start, end }));
    case 'number':
      return [self, ...numberReport(corpus, doc, a).matches.map(({ doc: d, start, end }) => ({ doc: d, start, end }))];
    case 'quote': {
      const report = quoteReport(corpus, doc, a);
      return [self, ...report.matches.map(({ doc: d, start, end }) => ({ doc: d, start, end })), ...report.paraphrases.map(({ doc: d, start, end }) => ({ doc: d, start, end }))];
    }
  }
}
