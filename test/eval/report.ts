// Printing: aligned pipe tables (they paste into Markdown), headed sections, tallies of error classes, and
// the rows of the final summary.
import { prf, type Counts, type Prf, type Ratio } from './score.js';

export const f3 = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));

export function table(headers: string[], rows: (string | number)[][]): string[] {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((r) => /^[\d.–-]*$/.test(r[i] ?? '')));
  const line = (r: string[]) => `| ${r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)];
}

export const prfCells = (s: Prf): (string | number)[] => [f3(s.precision), f3(s.recall), f3(s.f1), s.tp, s.fp, s.fn];
/** The same cells from bare counts. */
export const prfCellsOf = (c: Counts): (string | number)[] => prfCells(prf(c));
export const ratioCell = (r: Ratio): string => (r.all ? `${f3(r.value)} (${r.right}/${r.all})` : '–');

/** Collects printed lines for one task. */
export class Out {
  readonly lines: string[] = [];
  h1(title: string): void {
    this.lines.push('', `${'='.repeat(100)}`, title, `${'='.repeat(100)}`);
  }
  h2(title: string): void {
    this.lines.push('', `--- ${title}`);
  }
  line(...text: string[]): void {
    this.lines.push(...text);
  }
  table(headers: string[], rows: (string | number)[][]): void {
    this.lines.push(...table(headers, rows));
  }
}

/**
 * Errors grouped by class (`missed PERSON "Obama"`), with one example each, so the listing shows the most
 * frequent mistakes rather than the first ones met.
 */
export class ErrorLog {
  private readonly entries = new Map<string, { count: number; examples: string[] }>();
  private readonly classes = new Map<string, number>();

  /** `keep`: how many examples each error keeps (the first ones met). */
  constructor(private readonly keep = 1) {}

  add(errorClass: string, key: string, example: string): void {
    this.classes.set(errorClass, (this.classes.get(errorClass) ?? 0) + 1);
    const full = `${errorClass}: ${key}`;
    const e = this.entries.get(full);
    if (!e) this.entries.set(full, { count: 1, examples: [example] });
    else if (e.count++ < this.keep) e.examples.push(example);
  }

  /** Totals per class, largest first. */
  classTotals(): string {
    return [...this.classes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  }

  /** The `n` most frequent errors; ties keep the order they were met in. */
  worst(n: number): string[] {
    return [...this.entries]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, n)
      .map(([key, e]) => `  ${String(e.count).padStart(3)}× ${key}\n        ${e.examples.join('\n        ')}`);
  }
}

export interface SummaryRow {
  task: string;
  figure: string;
  ours: number;
  peer: number | null;
  target: number | null;
}

export function summaryTable(rows: SummaryRow[]): string[] {
  return table(
    ['task', 'figure', 'ours', 'peer', 'target', 'ok'],
    rows.map((r) => [r.task, r.figure, f3(r.ours), f3(r.peer), r.target === null ? '–' : `≥ ${r.target.toFixed(2)}`, r.target === null ? '' : r.ours >= r.target ? 'yes' : 'no']),
  );
}

/** What each task hands back to run.ts. */
export interface TaskResult {
  out: Out;
  summary: SummaryRow[];
  figures: Record<string, unknown>;
}
