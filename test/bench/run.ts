// npm run bench [-- --quick] [-- --docs N] [-- --json FILE] [-- --seed S]
//
// Speed and memory of the analyser on a generated corpus of news articles (see corpus.ts), from one run:
// throughput, claims index build, re-analysis of an edited document, hover and references latency, memory
// at the largest size; then a summary table of the figures against their targets.
import { writeFileSync } from 'node:fs';
import { loadMaterial } from './material.js';
import { CorpusGenerator, DEFAULT_SEED } from './corpus.js';
import { Analyses, type Bench, type Options } from './context.js';
import { gcExposed, load, machine, now, timed } from './measure.js';
import { fmt, Report } from './report.js';
import { throughput } from './sections/throughput.js';
import { claimsBuild } from './sections/claimsBuild.js';
import { editReanalysis } from './sections/edit.js';
import { hoverLatency } from './sections/hover.js';
import { peakMemory } from './sections/memory.js';
import { coldAndWarm } from './sections/indexing.js';

const SECTIONS = ['throughput', 'claims', 'edit', 'hover', 'memory', 'indexing'] as const;

const USAGE = `usage: node --expose-gc out/test/bench/run.js [--quick] [--docs N] [--json FILE] [--seed S] [--only S,...]
  --quick     2,000 documents at most, smaller samples, fewer repetitions (a minute or two)
  --only S,.. only these sections: ${SECTIONS.join(', ')} (memory needs claims)
  --docs N    size of the largest corpus (default 10000; the claims build measures 1k, 2k, 5k, 10k up to N)
  --json FILE also write every figure as JSON
  --seed S    another corpus (default ${DEFAULT_SEED})`;

function parseOptions(argv: string[]): Options {
  const options: Options = { docs: 10_000, quick: false, json: null, seed: DEFAULT_SEED, only: null };
  let docsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--docs') {
      options.docs = Number(value());
      docsGiven = true;
      if (!Number.isInteger(options.docs) || options.docs < 10) throw new Error(`--docs must be an integer ≥ 10\n${USAGE}`);
    } else if (arg === '--json') options.json = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--only') {
      const only = value().split(',');
      const unknown = only.filter((x) => !(SECTIONS as readonly string[]).includes(x));
      if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}\n${USAGE}`);
      options.only = only;
    }
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (options.quick && !docsGiven) options.docs = 2_000;
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = now();
  const report = new Report();
  const m = machine();

  report.line('# Corroborate benchmark');
  report.line();
  report.line(`machine: ${m.cpu}, ${m.cores} cores, ${fmt(m.ramGiB, 1)} GiB RAM, ${m.os}`);
  report.line(`node:    ${m.node} (V8 ${m.v8})${gcExposed() ? '' : ' — run with --expose-gc for clean heaps'}`);
  report.line(`date:    ${m.date}, load average ${fmt(m.loadAtStart, 2)} (1 min) at start`);
  report.line(`run:     ${options.quick ? 'quick, ' : ''}largest corpus ${fmt(options.docs, 0)} documents, seed ${options.seed}`);

  const generated = timed(() => {
    const generator = new CorpusGenerator(loadMaterial(), options.seed);
    return { generator, docs: generator.documents(options.docs) };
  });
  const { generator, docs } = generated.value;
  report.line(`corpus:  ${fmt(docs.length, 0)} generated news articles over ${generator.storyCount} stories (seeds + ECB+ events, nlp-corpus filler), made in ${fmt(generated.ms / 1000, 1)} s`);

  const bench: Bench = { options, report, generator, docs, analyses: new Analyses(docs) };
  const figures: Record<string, unknown> = { machine: m, options };
  const runs = (section: (typeof SECTIONS)[number]) => !options.only || options.only.includes(section);
  if (runs('throughput')) figures.throughput = await throughput(bench);
  const builds = runs('claims') || runs('memory') ? await claimsBuild(bench) : undefined;
  if (builds) figures.claimsBuild = builds;
  if (runs('edit')) figures.edit = editReanalysis(bench);
  if (runs('hover')) figures.hover = hoverLatency(bench);
  if (runs('memory') && builds) figures.memory = peakMemory(bench, builds);
  if (runs('indexing')) figures.indexing = await coldAndWarm(bench);

  report.printSummary();
  const seconds = (now() - started) / 1000;
  report.line();
  report.line(`Finished in ${fmt(seconds, 0)} s; load average ${fmt(m.loadAtStart, 2)} at start, ${fmt(load(), 2)} at the end (other processes on the machine skew timings).`);
  figures.summary = report.summary;
  figures.seconds = seconds;
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
    report.line(`Figures written to ${options.json}.`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
