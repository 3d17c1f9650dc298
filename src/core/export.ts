// Claims written out for other tools and for reports: Markdown (disagreements first), JSON and CSV. Each
// carries the researcher's work with the machine's: sources by their names and their files, notes on
// claims and passages, and which claims the researcher shaped.
import type { Claim } from './claims/claims.js';
import type { Passage } from './claims/passages.js';
import type { Corpus } from './corpus.js';
import type { NumberAnnotation } from './types.js';
import { isQuantity } from './claims/agreement.js';

export type ExportFormat = 'markdown' | 'json' | 'csv';

/** How a document is named in exports (an outlet name, a path relative to the workspace). */
export type SourceNamer = (doc: string) => string;

/** What a source says about itself, for the table of sources. */
export interface SourceFacts {
  outlet: string | null;
  date: string | null;
  author: string | null;
}

export interface ExportOptions {
  /** A source's name (its label); the document id when not given. */
  name?: SourceNamer;
  /** Where a source is (its path in the workspace); the document id when not given. */
  path?: SourceNamer;
  /** The researcher's note on a passage. */
  memoOf?: (p: Passage) => string | undefined;
  /** Outlet, date and author of a source. */
  describe?: (doc: string) => SourceFacts;
  /** A passage's figures, shown beside claims whose figures are compared. */
  figuresIn?: (p: Passage) => NumberAnnotation[];
  /** Every source, in order, those no claim cites included; the claims' sources when not given. */
  sources?: readonly string[];
}

/** Options that read names, notes, descriptions and figures from `corpus`; `given` ones win. */
export function corpusExportOptions(corpus: Corpus, given: ExportOptions = {}): ExportOptions {
  return {
    name: (doc) => corpus.label(doc),
    memoOf: (p) => corpus.memoOf(p),
    describe: (doc) => corpus.describe(doc),
    figuresIn: (p) => corpus.figuresIn(p),
    sources: corpus.documents().map((d) => d.id),
    ...given,
  };
}

const STATUS_ORDER: Record<Claim['status'], number> = { differ: 0, approximate: 1, agree: 2, single: 3 };
const STATUS_TEXT: Record<Claim['status'], string> = {
  differ: 'figures differ',
  approximate: 'figures agree approximately',
  agree: 'sources agree',
  single: 'one source only',
};

/**
 * A CSV field. Text a spreadsheet would run as a formula (`=HYPERLINK(…)` in a source or a note: CSV
 * injection) starts with an apostrophe, as OWASP advises; spreadsheets show it as text.
 */
function csvCell(value: string | number): string {
  const text = String(value);
  const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text from the sources as inline Markdown: one line, nothing read as markup (`*`, `[…](…)`, `<b>`, `|`). */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*[\]<>|]/g, '\\$&');
}

/** A note as a blockquote, its own Markdown kept (it is the researcher's writing). */
function blockquote(note: string, indent = ''): string[] {
  return note.split(/\r?\n/).map((line) => `${indent}>${line.trim() ? ` ${line}` : ''}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function exportClaims(claims: Claim[], format: ExportFormat, options: ExportOptions = {}): string {
  const name = options.name ?? ((d: string) => d);
  const path = options.path ?? ((d: string) => d);
  const memoOf = (p: Passage) => options.memoOf?.(p) ?? null;
  const sources = options.sources ?? [...new Set(claims.flatMap((c) => c.sources))];
  const facts = (doc: string): SourceFacts => options.describe?.(doc) ?? { outlet: null, date: null, author: null };
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          sources: sources.map((doc) => ({ name: name(doc), path: path(doc), ...pick(facts(doc)) })),
          claims: claims.map((c) => ({
            id: c.id,
            label: c.label,
            kind: c.kind,
            status: c.status,
            shaped: !!c.shaped,
            memo: c.memo ?? null,
            sources: c.sources.map((doc) => ({ name: name(doc), path: path(doc) })),
            passages: c.passages.map((p) => ({ source: name(p.doc), path: path(p.doc), line: p.line, start: p.start, end: p.end, text: p.text, memo: memoOf(p) })),
          })),
        },
        null,
        2,
      )}\n`;
    case 'csv': {
      const rows = [['claim_id', 'claim', 'kind', 'status', 'shaped', 'claim_memo', 'sources', 'source', 'path', 'line', 'start', 'end', 'passage', 'passage_memo']];
      for (const c of claims) {
        for (const p of c.passages) {
          rows.push([c.id, c.label, c.kind, c.status, c.shaped ? 'yes' : 'no', c.memo ?? '', String(c.sources.length), name(p.doc), path(p.doc), String(p.line), String(p.start), String(p.end), p.text, memoOf(p) ?? '']);
        }
      }
      return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    }
    case 'markdown':
      return markdown(claims, sources, { name, path, memoOf, facts, figuresIn: options.figuresIn });
  }
}

function pick({ outlet, date, author }: SourceFacts): SourceFacts {
  return { outlet, date, author };
}

interface Readers {
  name: SourceNamer;
  path: SourceNamer;
  memoOf: (p: Passage) => string | null;
  facts: (doc: string) => SourceFacts;
  figuresIn?: (p: Passage) => NumberAnnotation[];
}

/**
 * The report: the sources, then the claims whose figures differ (each source's figures side by side), then
 * the claims several sources carry, then those only one source reports. Notes are blockquotes.
 */
function markdown(claims: Claim[], sources: readonly string[], r: Readers): string {
  const sorted = [...claims].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.sources.length - a.sources.length);
  const differ = sorted.filter((c) => c.status === 'differ');
  const shared = sorted.filter((c) => c.status !== 'differ' && c.status !== 'single');
  const single = sorted.filter((c) => c.status === 'single');
  const out = [
    '# Claims across sources',
    '',
    `${plural(claims.length, 'claim')} from ${plural(sources.length, 'source')}; ${differ.length} where figures differ, ${single.length} reported by one source only.`,
    '',
    '## Sources',
    '',
    '| Source | File | Outlet | Date | Author |',
    '| --- | --- | --- | --- | --- |',
    ...sources.map((doc) => {
      const f = r.facts(doc);
      return `| ${[r.name(doc), r.path(doc), f.outlet ?? '—', f.date ?? '—', f.author ?? '—'].map(inline).join(' | ')} |`;
    }),
    '',
  ];
  const section = (title: string, list: Claim[]) => {
    if (!list.length) return;
    out.push(`## ${title} (${list.length})`, '');
    for (const c of list) claim(c);
  };
  const claim = (c: Claim) => {
    const about = [plural(c.sources.length, 'source'), STATUS_TEXT[c.status], c.kind, ...(c.shaped ? ['shaped by the researcher'] : [])];
    out.push(`### ${inline(c.label)}`, '', `*${about.join(' · ')}*`, '');
    if (c.memo) out.push(...blockquote(c.memo), '');
    if ((c.status === 'differ' || c.status === 'approximate') && r.figuresIn) {
      out.push('| Source | Figures |', '| --- | --- |');
      for (const doc of c.sources) {
        const figures = c.passages.filter((p) => p.doc === doc).flatMap((p) => r.figuresIn!(p).filter(isQuantity).map((f) => f.text));
        out.push(`| ${inline(r.name(doc))} | ${figures.length ? figures.map(inline).join('; ') : '—'} |`);
      }
      out.push('');
    }
    for (const p of c.passages) {
      out.push(`- **${inline(r.name(p.doc))}**, line ${p.line} — ${inline(p.text)}`);
      const memo = r.memoOf(p);
      if (memo) out.push(...blockquote(memo, '  '));
    }
    out.push('');
  };
  section('Where the sources’ figures differ', differ);
  section('Carried by several sources', shared);
  section('Reported by one source only', single);
  return out.join('\n');
}
