// The coverage matrix: claims by sources, as plain data a webview can render. For each claim and source it
// says whether the source carries the claim, where (its first passage), with which figures, whether those
// figures differ from another source's, and whether no other source carries the claim at all.
import type { Corpus } from './corpus.js';
import type { Claim, ClaimKind, ClaimStatus } from './claims/claims.js';
import type { NumberAnnotation } from './types.js';
import { alignFigures, isQuantity } from './claims/agreement.js';

export interface CoverageSource {
  id: string;
  label: string;
  /** Where the source lives, for a tooltip (a workspace path). */
  file: string;
}

export interface CoverageCell {
  /** Index of the source in `CoverageModel.sources`. */
  source: number;
  /** Passages of the claim in this source. */
  passages: number;
  /** The first of them, the one a click opens. */
  first: { start: number; end: number; line: number };
  /** The compared figures (amounts, not dates) as the source writes them, in reading order. */
  figures: string[];
  /** Sources (ids) whose figures for the same quantity differ from this source's. */
  differsFrom: string[];
  /**
   * The odd one out: its figures differ from those of most sources it could be compared with (when one
   * source of five says 30,000 and four say 10,000, only the one).
   */
  differsFromMost: boolean;
  /** No other source carries the claim. */
  only: boolean;
}

export interface CoverageRow {
  id: string;
  label: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** Sources carrying the claim, shown as columns or not. */
  sourceCount: number;
  /** One cell per shown source carrying the claim, in column order. */
  cells: CoverageCell[];
}

export interface CoverageModel {
  /** The columns: the first `maxSources` sources in corpus order. */
  sources: CoverageSource[];
  /** Sources in the corpus, shown as columns or not. */
  totalSources: number;
  /** Claims in the order given, at most `maxRows`, leaving out those carried by no shown source. */
  rows: CoverageRow[];
  totalClaims: number;
}

export interface CoverageOptions {
  /** How a source is named in column headers. */
  label: (id: string) => string;
  /** Where a source lives, for its header's tooltip (the id when not given). */
  file?: (id: string) => string;
  /** Columns past this are left out: a table of thousands of columns helps nobody and freezes the view. */
  maxSources?: number;
  /** Rows past this are left out, so that the message to a webview stays a few megabytes at most. */
  maxRows?: number;
}

/** Most figures listed per cell; a passage of tabulated data has hundreds. */
const MAX_FIGURES = 8;
/**
 * Sources every other source's figures are compared with, as `figureVerdict` does, so that a cell is
 * marked as differing exactly when its claim's status says the figures differ.
 */
const REFERENCE_SOURCES = 8;

export function coverageOf(corpus: Corpus, claims: readonly Claim[], options: CoverageOptions): CoverageModel {
  const { label, file = (id: string) => id, maxSources = 200, maxRows = 20_000 } = options;
  const documents = corpus.documents();
  const sources = documents.slice(0, maxSources).map((d) => ({ id: d.id, label: label(d.id), file: file(d.id) }));
  const column = new Map(sources.map((s, i) => [s.id, i]));
  const rows: CoverageRow[] = [];
  for (const claim of claims) {
    if (rows.length >= maxRows) break;
    if (!claim.sources.some((id) => column.has(id))) continue;
    const cells = cellsOf(corpus, claim, column);
    rows.push({ id: claim.id, label: claim.label, kind: claim.kind, status: claim.status, sourceCount: claim.sources.length, cells });
  }
  return { sources, totalSources: documents.length, rows, totalClaims: claims.length };
}

function cellsOf(corpus: Corpus, claim: Claim, column: ReadonlyMap<string, number>): CoverageCell[] {
  const figures = new Map<string, NumberAnnotation[]>();
  const byDoc = new Map<string, CoverageCell>();
  const only = claim.sources.length === 1;
  for (const p of claim.passages) {
    const found = corpus.figuresIn(p).filter(isQuantity);
    figures.set(p.doc, [...(figures.get(p.doc) ?? []), ...found]);
    const at = column.get(p.doc);
    if (at === undefined) continue;
    const cell = byDoc.get(p.doc);
    if (!cell) {
      byDoc.set(p.doc, { source: at, passages: 1, first: { start: p.start, end: p.end, line: p.line }, figures: [], differsFrom: [], differsFromMost: false, only });
    } else {
      cell.passages++;
      if (p.start < cell.first.start) cell.first = { start: p.start, end: p.end, line: p.line };
    }
  }
  for (const [doc, cell] of byDoc) cell.figures = [...new Set([...figures.get(doc)!].sort((a, b) => a.start - b.start).map((f) => f.text))].slice(0, MAX_FIGURES);
  const { differing, comparable } = compareSources(figures);
  for (const [a, b] of differing) {
    byDoc.get(a)?.differsFrom.push(b);
    byDoc.get(b)?.differsFrom.push(a);
  }
  for (const [doc, cell] of byDoc) cell.differsFromMost = cell.differsFrom.length * 2 > (comparable.get(doc) ?? 0);
  return [...byDoc.values()].sort((x, y) => x.source - y.source);
}

/**
 * Pairs of sources with a figure of the same quantity that differs, and per source the number of sources
 * it shares a quantity with at all.
 */
function compareSources(figures: ReadonlyMap<string, NumberAnnotation[]>): { differing: [string, string][]; comparable: Map<string, number> } {
  const withFigures = [...figures].filter(([, f]) => f.length);
  const differing: [string, string][] = [];
  const comparable = new Map<string, number>();
  const count = (doc: string) => comparable.set(doc, (comparable.get(doc) ?? 0) + 1);
  for (let i = 0; i < Math.min(withFigures.length, REFERENCE_SOURCES); i++) {
    for (let j = i + 1; j < withFigures.length; j++) {
      const [a, b] = [withFigures[i][0], withFigures[j][0]];
      const pairs = alignFigures(withFigures[i][1], withFigures[j][1]);
      if (!pairs.length) continue;
      count(a);
      count(b);
      if (pairs.some((pair) => pair.verdict === 'differ')) differing.push([a, b]);
    }
  }
  return { differing, comparable };
}
