// 1. Throughput on the same documents: the full pipeline, retext-english's parse alone (the floor the
// pipeline is built on), and compromise's people/places/organisations (the JavaScript NER most projects
// reach for). MB are millions of UTF-16 code units (JavaScript string length).
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import nlp from 'compromise';
import { analyze } from '../../../src/core/pipeline.js';
import { docsTotalling, lengthOf, type Bench } from '../context.js';
import { median, MB, repeat } from '../measure.js';
import { fmt } from '../report.js';

const parser = unified().use(retextEnglish).freeze();

function compromiseNer(text: string): void {
  const doc = nlp(text);
  // .out() makes sure each match list is built, not left lazy.
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
}

interface Rate {
  docs: number;
  mb: number;
  runs: number;
  medianMs: number;
  /** CPU time of the process over the same runs: far below wall time when other processes took the cores. */
  medianCpuMs: number;
  mbPerSecond: number;
}

/** Median over `runs` passes over all the texts (warmed up beforehand). */
function rate(texts: string[], fn: (text: string) => void, runs: number): Rate {
  const times = repeat(() => texts.forEach(fn), runs, 0);
  const mb = lengthOf(texts.map((text) => ({ text }))) / MB;
  const medianMs = median(times.map((t) => t.ms));
  return { docs: texts.length, mb, runs, medianMs, medianCpuMs: median(times.map((t) => t.cpuMs)), mbPerSecond: mb / (medianMs / 1000) };
}

/** Untimed passes over a share of the texts, so the JIT has compiled the hot paths before the clock runs. */
function warmUp(texts: string[], fn: (text: string) => void, share = 1): void {
  texts.slice(0, Math.max(1, Math.ceil(texts.length * share))).forEach(fn);
}

export function throughput(bench: Bench): Record<string, unknown> {
  const { report, options } = bench;
  const main = docsTotalling(bench.docs, options.quick ? 0.5 * MB : 2 * MB).map((d) => d.text);
  // compromise runs at about 0.08 MB/s: a smaller subset of the same documents, still ~10 s a run.
  const subset = docsTotalling(bench.docs, options.quick ? 0.25 * MB : 1 * MB).map((d) => d.text);
  const runs = options.quick ? 3 : 5;

  report.section('1. Throughput (MB = 10^6 UTF-16 code units of text, i.e. JavaScript string length)');
  const pipelineFn = (t: string) => void analyze(t);
  const parseFn = (t: string) => void parser.parse(t);
  warmUp(main, pipelineFn);
  warmUp(main, parseFn);
  // compromise costs ~10 s per MB: a fifth of its subset warms it up.
  warmUp(subset, compromiseNer, 0.2);
  const pipeline = rate(main, pipelineFn, runs);
  const parse = rate(main, parseFn, runs);
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
  const overParse = pipeline.mbPerSecond / parse.mbPerSecond;
  const overCompromise = pipelineSubset.mbPerSecond / compromise.mbPerSecond;
  report.line();
  report.line(`Each timed after an untimed warm-up pass (compromise: over a fifth of its subset); a full GC before each run; medians.`);
  report.line(`CPU is the process's CPU time for the same run (GC helper threads included): well under the wall time means other processes had the cores.`);
  report.line(`compromise runs on the first ${fmt(compromise.mb, 2)} MB of the same documents; the pipeline/compromise ratio compares the two on that subset.`);
  report.line(`pipeline / parse:      ${fmt(overParse, 2)}×  (target ≥ 0.5)`);
  report.line(`pipeline / compromise: ${fmt(overCompromise, 1)}×  (target ≥ 10)`);

  report.check('pipeline throughput', pipeline.mbPerSecond, 'MB/s', null);
  report.check('retext-english parse throughput', parse.mbPerSecond, 'MB/s', null);
  report.check('compromise NER throughput', compromise.mbPerSecond, 'MB/s', null);
  report.check('pipeline / parse', overParse, '×', { op: '>=', value: 0.5 });
  report.check('pipeline / compromise', overCompromise, '×', { op: '>=', value: 10 });
  return { unit: 'MB = 1e6 UTF-16 code units', pipeline, parse, pipelineOnCompromiseSubset: pipelineSubset, compromise, pipelineOverParse: overParse, pipelineOverCompromise: overCompromise };
}
