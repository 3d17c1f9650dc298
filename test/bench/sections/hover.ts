// 4. Hover and Go to Definition / Find All References latency with 1,000 documents indexed. Calls exactly
// the core functions the providers call (src/extension/hovers.ts, references.ts): annotationAt, then
// numberReport / quoteReport / entityReport for a hover, sameItem for references. The markdown and
// vscode.Location wrapping around them is thin and needs VS Code.
import type { Corpus } from '../../../src/core/corpus.js';
import { analyze } from '../../../src/core/pipeline.js';
import { annotationAt, entityReport, numberReport, quoteReport, sameItem } from '../../../src/core/queries.js';
import type { Annotation } from '../../../src/core/types.js';
import { spillingCorpus, type Bench } from '../context.js';
import { distribution, now } from '../measure.js';
import { int, pick, rngFor, type Rng } from '../random.js';
import { fmt, ms } from '../report.js';
import { editDocument } from '../vary.js';

type PositionKind = 'quote' | 'entity' | 'number' | 'mixed';

interface Position {
  kind: PositionKind;
  doc: string;
  offset: number;
}

const TARGET_P95_MS = 5;
/** Positions per kind; `mixed` is an entity or figure inside a quote (the innermost wins). */
const PER_KIND: Record<PositionKind, number> = { quote: 150, entity: 150, number: 150, mixed: 100 };

/** What the hover provider computes for the annotation under `offset`. */
function hover(corpus: Corpus, doc: string, offset: number): unknown {
  const a = annotationAt(corpus, doc, offset);
  if (!a) return undefined;
  return a.kind === 'number' ? numberReport(corpus, doc, a) : a.kind === 'quote' ? quoteReport(corpus, doc, a) : entityReport(corpus, a);
}

/** What the references provider computes. */
function references(corpus: Corpus, doc: string, offset: number): unknown {
  const a = annotationAt(corpus, doc, offset);
  return a && sameItem(corpus, doc, a);
}

const inside = (outer: Annotation, inner: Annotation) => inner !== outer && inner.start >= outer.start && inner.end <= outer.end;

/** A position of the wanted kind in a random document, or null when this document has none. */
function positionIn(rng: Rng, corpus: Corpus, doc: string, kind: PositionKind): Position | null {
  const all = corpus.annotations(doc);
  const quotes = all.filter((a) => a.kind === 'quote');
  const candidates =
    kind === 'mixed'
      ? all.filter((a) => a.kind !== 'quote' && quotes.some((q) => inside(q, a)))
      : kind === 'quote'
        ? quotes
        : all.filter((a) => a.kind === kind && !quotes.some((q) => inside(q, a)));
  if (!candidates.length) return null;
  const target = pick(rng, candidates);
  // An offset where annotationAt finds this annotation (in a quote: a word not covered by an entity).
  for (let attempt = 0; attempt < 20; attempt++) {
    const offset = int(rng, target.start, target.end - 1);
    const found = annotationAt(corpus, doc, offset);
    if (found && found.kind === target.kind && found.start === target.start && found.end === target.end) return { kind, doc, offset };
  }
  return null;
}

function positions(rng: Rng, corpus: Corpus, ids: string[]): Position[] {
  const out: Position[] = [];
  for (const kind of Object.keys(PER_KIND) as PositionKind[]) {
    let found = 0;
    for (let tries = 0; found < PER_KIND[kind] && tries < PER_KIND[kind] * 50; tries++) {
      const p = positionIn(rng, corpus, pick(rng, ids), kind);
      if (p) {
        out.push(p);
        found++;
      }
    }
  }
  // Interleave the kinds, as a reader's hovers come.
  return out.map((p) => ({ p, key: rng.next() })).sort((a, b) => a.key - b.key).map(({ p }) => p);
}

type Samples = Map<PositionKind | 'all', number[]>;

function record(samples: Samples, kind: PositionKind, ms: number): void {
  for (const k of [kind, 'all'] as const) {
    if (!samples.has(k)) samples.set(k, []);
    samples.get(k)!.push(ms);
  }
}

function timeAll(corpus: Corpus, list: Position[], fn: typeof hover): Samples {
  const samples: Samples = new Map();
  for (const p of list) {
    const t0 = now();
    fn(corpus, p.doc, p.offset);
    record(samples, p.kind, now() - t0);
  }
  return samples;
}

/**
 * The first hover after an edit: set() drops the corpus's caches and marks the document's claims stale; the
 * hover brings back what it needs (entity records, figures and quotes of other sources). Each round edits a
 * document other than the one hovered, then times one hover; kinds in turn. `claimsApplied`: the edit's
 * claims are applied before the hover, as the extension's indexer does when an analysis lands
 * (Corpus.updateClaims); otherwise the hover pays for them too.
 */
function firstHoversAfterEdits(corpus: Corpus, list: Position[], rounds: number, rng: Rng, claimsApplied: boolean): Samples {
  const samples: Samples = new Map();
  const ids = corpus.documents().map((d) => d.id);
  const order: PositionKind[] = ['number', 'quote', 'entity', 'mixed'];
  for (let i = 0; i < rounds; i++) {
    const ofKind = list.filter((x) => x.kind === order[i % order.length]);
    const p = ofKind.length ? ofKind[i % ofKind.length] : list[i % list.length];
    const others = ids.filter((id) => id !== p.doc);
    const id = others[int(rng, 0, others.length - 1)];
    const text = editDocument(rng, corpus.get(id)!.text);
    corpus.set(id, text, analyze(text));
    if (claimsApplied) corpus.updateClaims();
    const t0 = now();
    hover(corpus, p.doc, p.offset);
    record(samples, p.kind, now() - t0);
  }
  return samples;
}

export function hoverLatency(bench: Bench): Record<string, unknown> {
  const { report, options } = bench;
  const size = Math.min(1_000, options.docs);
  const docs = bench.docs.slice(0, size);
  const analyses = bench.analyses.upTo(size);
  report.section(`4. Hover and references latency, ${fmt(size, 0)} documents indexed`);

  // As the extension has it: other sources' passages are read back from the texts' spill file.
  const { corpus, close } = spillingCorpus();
  docs.forEach((d, i) => corpus.set(d.id, d.text, analyses[i]));
  corpus.claims();
  const rng = rngFor(options.seed, 'hover');
  const list = positions(rng, corpus, docs.map((d) => d.id));
  // Warm the corpus-wide lookups (figures by value, speakers) and the JIT on positions not measured.
  for (const p of list.slice(0, 20)) {
    hover(corpus, p.doc, p.offset);
    references(corpus, p.doc, p.offset);
  }
  const hovers = timeAll(corpus, list, hover);
  const refs = timeAll(corpus, list, references);

  const rounds = options.quick ? 12 : 24;
  const afterEdit = firstHoversAfterEdits(corpus, list, rounds, rngFor(options.seed, 'hover-edits'), true);
  const payingForClaims = firstHoversAfterEdits(corpus, list, rounds, rngFor(options.seed, 'hover-edits-unapplied'), false);

  const kinds: (PositionKind | 'all')[] = ['quote', 'entity', 'number', 'mixed', 'all'];
  const row = (t: Samples) =>
    kinds.map((k) => {
      const d = distribution(t.get(k) ?? []);
      return `${fmt(d.p50, 2)} / ${fmt(d.p95, 2)}`;
    });
  report.line(`${list.length} positions on annotations (${kinds.slice(0, 4).map((k) => `${hovers.get(k)?.length ?? 0} ${k}`).join(', ')}; mixed = an entity or figure inside a quote), in random order, 20 warm-up positions first.`);
  report.line('Milliseconds, p50 / p95:');
  report.line();
  report.table(
    ['call', ...kinds],
    [
      ['hover', ...row(hovers)],
      ['references', ...row(refs)],
      ['first hover after an edit', ...row(afterEdit)],
      ['  the same, paying for the claims', ...row(payingForClaims)],
    ],
  );

  const h = distribution(hovers.get('all')!);
  const r = distribution(refs.get('all')!);
  const e = distribution(afterEdit.get('all')!);
  const u = distribution(payingForClaims.get('all')!);
  report.line();
  report.line(`Hover:      p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, max ${ms(h.max)}  (target p95 < ${TARGET_P95_MS} ms)`);
  report.line(`References: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)}  (target p95 < ${TARGET_P95_MS} ms)`);
  report.line(`First hover right after an edit (${rounds} edits of another document, caches invalidated; number, quote, entity and mixed hovers in turn),`);
  report.line(`the edit's claims applied first as the extension does when its analysis lands (the cost is in section 3):`);
  report.line(`            p50 ${ms(e.p50)}, p95 ${ms(e.p95)}, max ${ms(e.max)}  (target p95 < ${TARGET_P95_MS} ms)`);
  report.line(`The same if the hover applied the claims itself: p50 ${ms(u.p50)}, p95 ${ms(u.p95)}, max ${ms(u.max)}`);
  report.check('hover p95', h.p95, 'ms', { op: '<', value: TARGET_P95_MS });
  report.check('references p95', r.p95, 'ms', { op: '<', value: TARGET_P95_MS });
  report.check('first hover after an edit p95', e.p95, 'ms', { op: '<', value: TARGET_P95_MS });
  close();
  const byKind = (t: Samples) => Object.fromEntries(kinds.map((k) => [k, distribution(t.get(k) ?? [])]));
  return { corpusSize: size, positions: list.length, hover: byKind(hovers), references: byKind(refs), firstHoverAfterEdit: byKind(afterEdit), firstHoverPayingForClaims: byKind(payingForClaims) };
}
