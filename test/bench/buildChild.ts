// Child process of the claims build and memory sections: one fresh process per corpus size, so that every
// build starts from the same state and the memory measured is that corpus's alone (nothing the benchmark
// itself holds: the generator's material, other corpora, compromise).
//
// Reads the first `count` generated documents from a folder written by writeCorpusFolder, analyses them
// (not timed), then builds the corpus `runs` times: new Corpus() + set(id, text, analysis) for every
// document + claims(). Memory is taken after a full GC at each stage of the first run. Each analysis is
// handed over as a copy, as a worker thread's message or the disk cache hands it to the extension host: the
// annotators' own objects share strings with the texts, and measured the corpus in less memory than it takes.
import { readdirSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join, relative } from 'node:path';
import { Corpus } from '../../src/core/corpus.js';
import { analyze } from '../../src/core/pipeline.js';
import { collectGarbage, memory, resetPeakRss, timed, type Memory } from './measure.js';

export interface BuildRun {
  setMs: number;
  setCpuMs: number;
  claimsMs: number;
  claimsCpuMs: number;
}

export interface BuildChildResult {
  count: number;
  chars: number;
  analysisMs: number;
  runs: BuildRun[];
  passages: number;
  claims: number;
  multiSource: number;
  largestClaim: number;
  memory: {
    /** Modules loaded, nothing read. */
    atStart: Memory;
    textsRead: Memory;
    /** Texts and their analyses held, no corpus yet. */
    analysed: Memory;
    /** Every document set (passages, entity registry, lookups), claims not built. */
    documentsSet: Memory;
    /** Claims built: the whole index, as a session holds it. */
    claimsBuilt: Memory;
    /** Highest RSS while the corpus was filled and its claims built (from the analyses in hand); null where it cannot be told apart. */
    corpusPeakRssMiB: number | null;
  };
}

/** Document index of a generated file (`ap/story-00042.txt` → 42). */
const indexOf = (path: string) => Number(/-(\d+)\.txt$/.exec(path)?.[1] ?? NaN);

function txtFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...txtFiles(path));
    else if (entry.name.endsWith('.txt')) out.push(path);
  }
  return out.sort();
}

function main(dir: string, count: number, runs: number): BuildChildResult {
  collectGarbage();
  const atStart = memory();
  const files = txtFiles(dir).filter((file) => indexOf(file) < count);
  const read = () => files.map((file) => ({ id: relative(dir, file), text: readFileSync(file, 'utf8') }));
  let sources = read();
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  collectGarbage();
  const textsRead = memory();
  // A structured clone, as a worker's message is.
  const analysis = timed(() => sources.map((s) => deserialize(serialize(analyze(s.text)))));
  const analyses = analysis.value;
  collectGarbage();
  const analysed = memory();
  // Analysing in this process, not on worker threads, sets a peak of its own: the corpus's is taken from here.
  const peakReset = resetPeakRss();

  const results: BuildRun[] = [];
  let documentsSet = analysed;
  let claimsBuilt = analysed;
  let stats = { passages: 0, claims: 0, multiSource: 0, largestClaim: 0 };
  for (let r = 0; r < runs; r++) {
    if (r > 0) sources = read();
    collectGarbage();
    const set = timed(() => {
      const corpus = new Corpus();
      // The extension host keeps no text once the corpus has it (the corpus keeps its own, as bytes): each
      // is dropped once set, so that the memory measured, its peak too, is what the corpus holds.
      sources.forEach((s, i) => {
        corpus.set(s.id, s.text, analyses[i]);
        s.text = '';
      });
      return corpus;
    });
    const corpus = set.value;
    // Between the two timed steps: the GC is not counted in either.
    if (r === 0) {
      collectGarbage();
      documentsSet = memory();
    }
    const claims = timed(() => corpus.claims());
    if (r === 0) {
      collectGarbage();
      claimsBuilt = memory();
      stats = {
        passages: corpus.documents().reduce((n, d) => n + d.passages.length, 0),
        claims: claims.value.length,
        multiSource: claims.value.filter((c) => c.sources.length > 1).length,
        largestClaim: Math.max(0, ...claims.value.map((c) => c.passages.length)),
      };
    }
    results.push({ setMs: set.ms, setCpuMs: set.cpuMs, claimsMs: claims.ms, claimsCpuMs: claims.cpuMs });
  }
  return {
    count: files.length,
    chars,
    analysisMs: analysis.ms,
    runs: results,
    ...stats,
    memory: {
      atStart,
      textsRead,
      analysed,
      // maxRSS restarted after the analyses: the process's peak is the higher of the two.
      documentsSet: { ...documentsSet, peakRssMiB: Math.max(analysed.peakRssMiB, documentsSet.peakRssMiB) },
      claimsBuilt: { ...claimsBuilt, peakRssMiB: Math.max(analysed.peakRssMiB, claimsBuilt.peakRssMiB) },
      corpusPeakRssMiB: peakReset ? claimsBuilt.peakRssMiB : null,
    },
  };
}

if (!process.send) throw new Error('buildChild runs as a child process of the benchmark (fork with an IPC channel)');
const [dir, count, runs] = process.argv.slice(2);
process.send(main(dir, Number(count), Number(runs)), () => process.exit(0));
