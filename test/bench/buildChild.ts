// Child process of the claims build and memory sections: one fresh process per corpus size, so that every
// build starts from the same state and the memory measured is that corpus's alone (nothing the benchmark
// itself holds: the generator's material, other corpora, compromise).
//
// `analyse <dir> <count>` analyses the first `count` generated documents of a folder written by
// writeCorpusFolder and writes the analyses (v8-serialised, one after another) to a file in it, once for
// every size. `<dir> <count> <runs>` builds the corpus `runs` times: a corpus spilling its texts as the extension's does +
// set(id, text, analysis) for every document + claims(), each analysis read from that file and deserialised
// just before it is set, as the disk cache and worker threads hand analyses to the extension host one at a
// time (only the set() calls are timed). Memory is taken after a full GC at each stage of the first run.
import { closeSync, openSync, readdirSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join, relative } from 'node:path';
import { spillingCorpus } from './context.js';
import { analyze } from '../../src/core/pipeline.js';
import type { DocumentAnalysis } from '../../src/core/types.js';
import { collectGarbage, memory, timed, type Memory } from './measure.js';

export interface BuildRun {
  setMs: number;
  setCpuMs: number;
  claimsMs: number;
  claimsCpuMs: number;
  /** Finding the stories once the claims are built (Corpus.storySteps run to the end), and its longest step. */
  storiesMs: number;
  storiesLongestStepMs: number;
}

export interface AnalyseChildResult {
  count: number;
  analysisMs: number;
}

export interface BuildChildResult {
  count: number;
  chars: number;
  runs: BuildRun[];
  passages: number;
  claims: number;
  multiSource: number;
  largestClaim: number;
  /** Stories of more than one source, and the most sources in one. */
  stories: number;
  largestStory: number;
  /** Pairs of sources in one story against the generator's story (in each id), first run. */
  storyPairs: { precision: number; recall: number; f1: number };
  memory: {
    /** Modules loaded, nothing read. */
    atStart: Memory;
    /** Every document set (passages, entity registry, lookups), claims not built. */
    documentsSet: Memory;
    /** Claims built: the whole index, as a session holds it. */
    claimsBuilt: Memory;
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

/** The analyses' file, and where each analysis is in it (`[offset, length]` by the document's path in the folder). */
const analysesFile = (dir: string) => join(dir, 'analyses.v8');
const analysesIndex = (dir: string) => join(dir, 'analyses.json');

function analyseAll(dir: string, count: number): AnalyseChildResult {
  const files = txtFiles(dir).filter((file) => indexOf(file) < count);
  const fd = openSync(analysesFile(dir), 'w');
  const index: Record<string, [number, number]> = {};
  let at = 0;
  const analysis = timed(() => {
    for (const file of files) {
      const bytes = serialize(analyze(readFileSync(file, 'utf8')));
      at += writeAll(fd, bytes);
      index[relative(dir, file)] = [at - bytes.length, bytes.length];
    }
  });
  closeSync(fd);
  writeFileSync(analysesIndex(dir), JSON.stringify(index));
  return { count: files.length, analysisMs: analysis.ms };
}

function writeAll(fd: number, bytes: Uint8Array): number {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  return bytes.length;
}

function build(dir: string, count: number, runs: number): BuildChildResult {
  collectGarbage();
  const atStart = memory();
  const ids = txtFiles(dir).filter((file) => indexOf(file) < count).map((file) => relative(dir, file));
  const index = JSON.parse(readFileSync(analysesIndex(dir), 'utf8')) as Record<string, [number, number]>;
  const missing = ids.filter((id) => !index[id]).length;
  if (missing) throw new Error(`no analysis for ${missing} of ${ids.length} documents: run the analyse step first`);
  const fd = openSync(analysesFile(dir), 'r');
  const analysisOf = (id: string): DocumentAnalysis => {
    const [offset, length] = index[id];
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) done += readSync(fd, bytes, done, length - done, offset + done);
    return deserialize(bytes) as DocumentAnalysis;
  };
  let chars = 0;

  const results: BuildRun[] = [];
  let documentsSet = atStart;
  let claimsBuilt = atStart;
  let stats = { passages: 0, claims: 0, multiSource: 0, largestClaim: 0, stories: 0, largestStory: 0, storyPairs: { precision: 0, recall: 0, f1: 0 } };
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    // As the extension has it: the texts go to a spill file as they come (core/textSpill.ts).
    const { corpus, close } = spillingCorpus();
    let setMs = 0;
    let setCpuMs = 0;
    chars = 0;
    for (const id of ids) {
      // Each text read just before it is set, as the extension reads a source: it keeps none once the corpus
      // has it (the corpus keeps its own, as bytes).
      const text = readFileSync(join(dir, id), 'utf8');
      const analysis = analysisOf(id);
      const set = timed(() => corpus.set(id, text, analysis));
      setMs += set.ms;
      setCpuMs += set.cpuMs;
      chars += text.length;
    }
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
        stories: 0,
        largestStory: 0,
        storyPairs: { precision: 0, recall: 0, f1: 0 },
      };
    }
    // Stories as the Claims view finds them: in steps, the longest step being what the extension host waits.
    let longest = 0;
    const stories = timed(() => {
      const steps = corpus.storySteps();
      for (;;) {
        const t = performance.now();
        const next = steps.next();
        longest = Math.max(longest, performance.now() - t);
        if (next.done) return next.value;
      }
    });
    if (r === 0) {
      const shared = stories.value.filter((s) => s.sources.length > 1);
      stats.stories = shared.length;
      stats.largestStory = Math.max(0, ...shared.map((s) => s.sources.length));
      stats.storyPairs = pairAgreement(stories.value.map((s) => s.sources));
    }
    results.push({ setMs, setCpuMs, claimsMs: claims.ms, claimsCpuMs: claims.cpuMs, storiesMs: stories.ms, storiesLongestStepMs: longest });
    close();
  }
  closeSync(fd);
  return { count: ids.length, chars, runs: results, ...stats, memory: { atStart, documentsSet, claimsBuilt } };
}

/** The generator's story of a document: its file name without the number (`ap/12_ecb-00042.txt` → `12_ecb`). */
const generatedStory = (id: string) => /([^/]+)-\d+\.txt$/.exec(id)?.[1] ?? id;

/** Pairwise precision, recall and F1 of groups of ids against the generator's stories, counted per cell. */
function pairAgreement(groups: string[][]): BuildChildResult['storyPairs'] {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let predicted = 0;
  let both = 0;
  const truth = new Map<string, number>();
  for (const g of groups) {
    predicted += pairs(g.length);
    const cells = new Map<string, number>();
    for (const id of g) {
      const story = generatedStory(id);
      cells.set(story, (cells.get(story) ?? 0) + 1);
      truth.set(story, (truth.get(story) ?? 0) + 1);
    }
    for (const n of cells.values()) both += pairs(n);
  }
  const gold = [...truth.values()].reduce((sum, n) => sum + pairs(n), 0);
  const precision = predicted ? both / predicted : 0;
  const recall = gold ? both / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

if (!process.send) throw new Error('buildChild runs as a child process of the benchmark (fork with an IPC channel)');
const args = process.argv.slice(2);
const result = args[0] === 'analyse' ? analyseAll(args[1], Number(args[2])) : build(args[0], Number(args[1]), Number(args[2]));
process.send(result, () => process.exit(0));
