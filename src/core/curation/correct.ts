// Corrections applied to one document's analysis, before the corpus indexes it: so a corrected quote,
// entity or figure is what highlights, hovers, the entity registry and the claims all see.
import { resolveAnchors } from '../anchors.js';
import { ownCopy } from '../analysis/compact.js';
import { entityKey } from '../entities/registry.js';
import type { DocumentAnalysis, EntityAnnotation, EntityLabel, NumberAnnotation, QuoteAnnotation, Span } from '../types.js';
import type { AnchoredCorrection, EntityRule } from './model.js';

/** Figures read from a span the researcher marked as a number (the number annotator, run on the span). */
export type FigureReader = (text: string) => NumberAnnotation[];

export interface Corrected {
  analysis: DocumentAnalysis;
  /** Corrections whose text is no longer in the document. */
  orphans: AnchoredCorrection[];
}

/** Entity rules in the form applied per mention: by label and key of the name. */
export class EntityRules {
  private readonly retypes = new Map<string, EntityLabel>();
  private readonly merges = new Map<string, { name: string; label: EntityLabel }>();
  /** Ids (`LABEL|key`) of short forms kept apart from the long form they would join. */
  readonly apart = new Set<string>();

  constructor(rules: readonly EntityRule[]) {
    for (const r of rules) {
      const id = `${r.label}|${entityKey(r.entity)}`;
      if (r.action === 'retype') this.retypes.set(id, r.to);
      else if (r.action === 'merge') this.merges.set(id, { name: r.into, label: r.intoLabel });
      else this.apart.add(id);
    }
  }

  get size(): number {
    return this.retypes.size + this.merges.size + this.apart.size;
  }

  /**
   * The mention as the rules have it: a name kept apart stays the words written (`Kim`, which the annotator
   * took for `Kim Jong Un`); then retyped; then merged, and the name merged into retyped as that name is.
   */
  apply(e: EntityAnnotation): EntityAnnotation {
    let out = e;
    if (this.apart.size && this.apart.has(`${e.label}|${entityKey(e.text)}`) && entityKey(e.name) !== entityKey(e.text)) out = { ...out, name: e.text };
    out = this.retyped(out);
    const merged = this.merges.get(`${out.label}|${entityKey(out.name)}`);
    return merged ? this.retyped({ ...out, name: merged.name, label: merged.label }) : out;
  }

  private retyped(e: EntityAnnotation): EntityAnnotation {
    const label = this.retypes.get(`${e.label}|${entityKey(e.name)}`);
    return label ? { ...e, label } : e;
  }

  /** A speaker's name as the rules have it: a merged person or organisation goes by the name merged into. */
  speakerName(name: string): string {
    const key = entityKey(name);
    return this.merges.get(`PERSON|${key}`)?.name ?? this.merges.get(`ORG|${key}`)?.name ?? name;
  }
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The annotation a correction's span points at: the one with the same span, else the one overlapping it most. */
function target<T extends Span>(items: T[], span: Span): number {
  let best = -1;
  let bestOverlap = 0;
  items.forEach((x, i) => {
    const overlap = Math.min(x.end, span.end) - Math.max(x.start, span.start);
    const score = x.start === span.start && x.end === span.end ? Infinity : overlap;
    if (score > bestOverlap) [best, bestOverlap] = [i, score];
  });
  return best;
}

const QUOTE_MARKS = /^[\s"“”‘’'«»„]+|[\s"“”‘’'«»„]+$/g;

export function correctAnalysis(
  text: string,
  raw: DocumentAnalysis,
  corrections: readonly AnchoredCorrection[],
  rules: EntityRules,
  readFigures: FigureReader,
): Corrected {
  if (!corrections.length && !rules.size) return { analysis: raw, orphans: [] };
  let quotes = raw.quotes.slice();
  let entities = raw.entities.map((e) => rules.apply(e));
  let numbers = raw.numbers.slice();
  const orphans: AnchoredCorrection[] = [];
  const spans = resolveAnchors(corrections.map((c) => c.anchor), text);
  corrections.forEach((c, i) => {
    const span = spans[i];
    if (!span) {
      orphans.push(c);
      return;
    }
    // The annotation outlives this text (decoded for the moment, see textStore.ts): its words are their own.
    const written = ownCopy(text.slice(span.start, span.end));
    if (c.action === 'remove') {
      if (c.kind === 'quote') quotes = without(quotes, target(quotes, span));
      else if (c.kind === 'entity') entities = without(entities, target(entities, span));
      else numbers = without(numbers, target(numbers, span));
    } else if (c.action === 'speaker') {
      const at = target(quotes, span);
      if (at >= 0) quotes[at] = { ...quotes[at], speaker: speakerOf(quotes[at], c.speaker, entities) };
    } else if (c.kind === 'entity') {
      const name = c.name ?? written.replace(/['’]s$/, '');
      const added = rules.apply({ kind: 'entity', label: c.label ?? 'PERSON', text: written, name, start: span.start, end: span.end });
      entities = [...entities.filter((e) => !overlaps(e, span)), added];
    } else if (c.kind === 'quote') {
      const quote: QuoteAnnotation = { kind: 'quote', label: 'direct', text: written.replace(QUOTE_MARKS, ''), speaker: null, start: span.start, end: span.end };
      quote.speaker = speakerOf(quote, c.speaker ?? null, entities);
      quotes = [...quotes.filter((q) => !overlaps(q, span)), quote];
    } else {
      const read = readFigures(written)[0];
      const figure: NumberAnnotation = read
        ? { ...read, text: written, start: span.start, end: span.end }
        : { kind: 'number', label: 'count', text: written, value: Number(written.replace(/[^\d.]/g, '')) || null, unit: null, approx: null, start: span.start, end: span.end };
      numbers = [...numbers.filter((n) => !overlaps(n, span)), figure];
    }
  });
  if (rules.size) quotes = quotes.map((q) => (q.speaker ? { ...q, speaker: { ...q.speaker, name: rules.speakerName(q.speaker.name) } } : q));
  const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
  return { analysis: { ...raw, quotes: quotes.sort(byStart), entities: entities.sort(byStart), numbers: numbers.sort(byStart) }, orphans };
}

function without<T>(items: T[], index: number): T[] {
  return index < 0 ? items : [...items.slice(0, index), ...items.slice(index + 1)];
}

/**
 * The speaker the researcher named, at a mention of that name in the document when there is one near the
 * quote (so the inline hint and the speaker's highlight agree), else at the quote's start, zero-width.
 */
function speakerOf(quote: QuoteAnnotation, name: string | null, entities: EntityAnnotation[]): QuoteAnnotation['speaker'] {
  if (name === null) return null;
  const key = entityKey(name);
  let mention: EntityAnnotation | undefined;
  for (const e of entities) {
    if (entityKey(e.name) !== key && entityKey(e.text) !== key) continue;
    if (!mention || Math.abs(e.start - quote.start) < Math.abs(mention.start - quote.start)) mention = e;
  }
  return mention && Math.abs(mention.start - quote.start) < 600
    ? { text: mention.text, name, start: mention.start, end: mention.end }
    : { text: name, name, start: quote.start, end: quote.start };
}
