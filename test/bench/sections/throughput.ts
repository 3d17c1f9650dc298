// 1. Throughput on the same documents: the full pipeline, retext-english's parse alone (the floor the
// pipeline is built on; both timed in fresh processes, see throughputChild.ts), and compromise's
// people/places/organisations (the JavaScript NER most projects reach for). MB are millions of UTF-16 code
// units (JavaScript string length).
import nlp from 'compromise';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../../src/core/pipeline.js';
import { docsTotalling, type Bench } from '../context.js';
import { inChildProcess, median, MB } from '../measure.js';
import { benchScript } from '../material.js';
import { fmt } from '../report.js';
import type { ThroughputChildResult } from '../throughputChild.js';
import { rate, warmUp, type Rate } from '../throughputRate.js';

function compromiseNer(text: string): void {
  const doc = nlp(text);
  // .out() makes sure each match list is built, not left lazy.
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
}

export async function throughput(bench: Bench): Promise<Record<string, unknown>> {
  const { report, options } = bench;
  const main = docsTotalling(bench.docs, options.quick ? 0.5 * MB : 2 * MB).map((d) => d.text);
  // compromise runs at about 0.08 MB/s: a smaller subset of the same documents, still ~10 s a run.
  const subset = docsTotalling(bench.docs, options.quick ? 0.25 * MB : 1 * MB).map((d) => d.text);
  const runs = options.quick ? 3 : 5;
  const processes = options.quick ? 3 : 5;

  report.section('1. Throughput (MB = 10^6 UTF-16 code units of text, i.e. JavaScript string length)');
  // The pipeline and the parse, each process a draw of how V8 compiles and places the pipeline's code (see
  // throughputChild.ts): the median process gives the figures.
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-throughput-'));
  const textsFile = join(dir, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(main));
  const draws: ThroughputChildResult[] = [];
  try {
    for (let k = 0; k < processes; k++) draws.push(await inChildProcess<ThroughputChildResult>(benchScript('throughputChild'), [textsFile, String(runs)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratios = draws.map((d) => d.pipeline.mbPerSecond / d.parse.mbPerSecond);
  const medianRate = (rates: Rate[]) => rates.sort((x, y) => x.mbPerSecond - y.mbPerSecond)[rates.length >> 1];
  const pipeline = medianRate(draws.map((d) => d.pipeline));
  const parse = medianRate(draws.map((d) => d.parse));

  // The pipeline against compromise, in this process (compromise's pace is far from the target either way).
  const pipelineFn = (t: string) => void analyze(t);
  warmUp(subset, pipelineFn);
  // compromise costs ~10 s per MB: a fifth of its subset warms it up.
  warmUp(subset, compromiseNer, 0.2);
  const pipelineSubset = rate(subset, pipelineFn, runs);
  const compromise = rate(subset, compromiseNer, options.quick ? 1 : 3);

  const row = (name: string, r: Rate) => [name, String(r.docs), fmt(r.mb, 2), String(r.runs), `${fmt(r.medianMs / 1000, 2)} s`, `${fmt(r.medianCpuMs / 1000, 2)} s`, `${fmt(r.mbPerSecond, 3)} MB/s`];
  report.table(
    ['what', 'docs', 'MB', 'runs', 'median wall', 'CPU', 'throughput (wall)'],
    [
      row('pipeline analyze(text)', pipeline),
      row('retext-english parse alone', parse),
      row('pipeline, compromise subset', pipelineSubset),
      row('compromise people/places/orgs', compromise),
    ],
  );
  const overParse = median(ratios);
  const overCompromise = pipelineSubset.mbPerSecond / compromise.mbPerSecond;
  report.line();
  report.line(`Each timed after an untimed warm-up pass (compromise: over a fifth of its subset); a full GC before each run; medians.`);
  report.line(`The pipeline and the parse run in ${processes} fresh processes in turn (the same code runs at a different pace in each: see`);
  report.line(`throughputChild.ts); their rows are the median process's, and pipeline / parse the median of the processes' ratios:`);
  report.line(`${draws.map((d, k) => `${fmt(d.pipeline.mbPerSecond, 2)} / ${fmt(d.parse.mbPerSecond, 2)} MB/s = ${fmt(ratios[k], 2)}×`).join(', ')}.`);
  report.line(`The pipeline on compromise's subset, and compromise, run in this process.`);
  report.line(`CPU is the process's CPU time for the same run (GC helper threads included): well under the wall time means other processes had the cores.`);
  report.line(`compromise runs on the first ${fmt(compromise.mb, 2)} MB of the same documents; the pipeline/compromise ratio compares the two on that subset.`);
  report.line(`pipeline / parse:      ${fmt(overParse, 2)}×  (target ≥ 0.5)`);
  report.line(`pipeline / compromise: ${fmt(overCompromise, 1)}×  (target ≥ 10)`);

  report.check('pipeline throughput', pipeline.mbPerSecond, 'MB/s', null);
  report.check('retext-english parse throughput', parse.mbPerSecond, 'MB/s', null);
  report.check('compromise NER throughput', compromise.mbPerSecond, 'MB/s', null);
  report.check('pipeline / parse', overParse, '×', { op: '>=', value: 0.5 });
  report.check('pipeline / compromise', overCompromise, '×', { op: '>=', value: 10 });
  return { unit: 'MB = 1e6 UTF-16 code units', pipeline, parse, processes: draws, pipelineOverParseByProcess: ratios, pipelineOnCompromiseSubset: pipelineSubset, compromise, pipelineOverParse: overParse, pipelineOverCompromise: overCompromise };
}
