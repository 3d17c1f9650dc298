// npm run eval: the annotators and the claims, run through the CLI's code (analyze / Corpus) on the
// project's evaluation data, against simple peers measured in the same run. Prints P/R/F1 per task and
// label, the worst errors, and a summary against the targets; `--json FILE` also writes the figures.
import { writeFileSync } from 'node:fs';
import { runEntities } from './entities.js';
import { runQuotes } from './quotes.js';
import { runNumbers } from './numbers.js';
import { runEcbClaims } from './ecbClaims.js';
import { runHeadlineClaims } from './headlineClaims.js';
import { summaryTable, type SummaryRow, type TaskResult } from './report.js';

const TASKS: [string, () => TaskResult][] = [
  ['entities', runEntities],
  ['quotes', runQuotes],
  ['numbers', runNumbers],
  ['claims-ecbplus', runEcbClaims],
  ['claims-stsb', runHeadlineClaims],
];

function main(argv: string[]): number {
  const at = argv.indexOf('--json');
  const jsonFile = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !jsonFile) {
    process.stderr.write('eval: --json needs a file name\n');
    return 2;
  }
  // `--only a,b`: run these tasks alone (the summary then covers them alone).
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
  const unknown = only ? [...only].filter((name) => !TASKS.some(([t]) => t === name)) : [];
  if (unknown.length) {
    process.stderr.write(`eval: unknown task ${unknown.join(', ')} (tasks: ${TASKS.map(([t]) => t).join(', ')})\n`);
    return 2;
  }
  const started = Date.now();
  const summary: SummaryRow[] = [];
  const figures: Record<string, unknown> = {};
  const seconds: Record<string, number> = {};
  for (const [name, run] of TASKS) {
    if (only && !only.has(name)) continue;
    const t = Date.now();
    const result = run();
    seconds[name] = (Date.now() - t) / 1000;
    process.stdout.write(`${result.out.lines.join('\n')}\n`);
    summary.push(...result.summary);
    figures[name] = result.figures;
  }
  const lines = [
    '',
    '='.repeat(100),
    'SUMMARY. Peers: compromise (entities), quote-mark regex + nearest name to a speech verb (quotes), digit regex with',
    'next-word unit (numbers), TF-IDF cosine with a tuned threshold (claims). ok = ours meets the target.',
    '='.repeat(100),
    ...summaryTable(summary),
  ];
  lines.push('', `Run time ${((Date.now() - started) / 1000).toFixed(1)} s (${Object.entries(seconds).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(', ')})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ summary: summary.map((r) => ({ ...r, ok: r.target === null ? null : r.ours >= r.target })), figures, seconds }, null, 1)}\n`);
    process.stdout.write(`Figures written to ${jsonFile}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
