// The printed report: sections of plain text and tables, and the summary table of figures against their
// targets (which run.ts also writes as JSON with --json).

export interface Target {
  /** How the measured value must compare with `value` to pass. */
  op: '<' | '<=' | '>=' | '>';
  value: number;
}

export interface SummaryRow {
  figure: string;
  measured: number | null;
  unit: string;
  target: Target | null;
  ok: boolean | null;
}

export function fmt(value: number, digits = value >= 100 ? 0 : value >= 10 ? 1 : 2): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function ms(value: number): string {
  return `${fmt(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;
}

const pass = (measured: number, t: Target) =>
  t.op === '<' ? measured < t.value : t.op === '<=' ? measured <= t.value : t.op === '>=' ? measured >= t.value : measured > t.value;

// `1,000`, `2.36 MB/s`, `< 30 ms`, `0.42×`: right-aligned.
const NUMBER_CELL = /^(?:[<>≥≤~]=? ?)?-?[\d,.]+(?: ?[a-zA-Z%/×]+)?$/;

/** Right-aligns cells that look like numbers, left-aligns the rest. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => NUMBER_CELL.test(r[i] ?? '')));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export class Report {
  readonly summary: SummaryRow[] = [];

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  section(title: string): void {
    this.write(`\n## ${title}\n\n`);
  }

  line(text = ''): void {
    this.write(`${text}\n`);
  }

  table(headers: string[], rows: string[][]): void {
    this.write(`${table(headers, rows)}\n`);
  }

  /** A figure with a target: it goes into the summary with its verdict. */
  check(figure: string, measured: number, unit: string, target: Target | null): boolean | null {
    const ok = target && Number.isFinite(measured) ? pass(measured, target) : null;
    this.summary.push({ figure, measured, unit, target, ok });
    return ok;
  }

  printSummary(): void {
    const rows = this.summary.map((r) => [
      r.figure,
      r.measured === null ? '—' : `${fmt(r.measured)}${r.unit ? ` ${r.unit}` : ''}`,
      r.target ? `${r.target.op} ${fmt(r.target.value)}${r.unit ? ` ${r.unit}` : ''}` : '—',
      r.ok === null ? '—' : r.ok ? 'yes' : 'NO',
    ]);
    this.section('Summary');
    this.table(['figure', 'measured', 'target', 'ok'], rows);
  }
}
