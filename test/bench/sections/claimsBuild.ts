// 2. Building the claims index from analyses already made: a corpus spilling its texts to a file as the
// extension's does + set() of every document + claims(), at growing corpus sizes. A child process
// (buildChild.ts) analyses the largest corpus once, not timed, into a file; each size is then built in a
// fresh child process that reads the documents from the folder written by writeCorpusFolder and their
// analyses from that file; the same processes measure the memory reported in section 5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from '../context.js';
import { CorpusGenerator, writeCorpusFolder } from '../corpus.js';
import { benchScript } from '../material.js';
import { inChildProcess, median, MB } from '../measure.js';
import type { AnalyseChildResult, BuildChildResult } from '../buildChild.js';
import { fmt, ms } from '../report.js';

const TARGET_EXPONENT = 1.2;

/** `10k` for 10,000; sizes that are no whole thousand as they are. */
export const sizeLabel = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : fmt(n, 0));

/** The sizes measured: the standard ones up to the largest corpus, and the largest itself. */
export function buildSizes(largest: number): number[] {
  const sizes = [1_000, 2_000, 5_000, 10_000].filter((n) => n <= largest);
  if (!sizes.includes(largest)) sizes.push(largest);
  return sizes;
}

const childScript = () => benchScript('buildChild');

function runChild(dir: string, count: number, runs: number): Promise<BuildChildResult> {
  return inChildProcess<BuildChildResult>(childScript(), [dir, String(count), String(runs)]);
}

export interface ClaimsBuildFigures {
  builds: (BuildChildResult & { setMs: number; claimsMs: number; totalMs: number; totalCpuMs: number; storiesMs: number; storiesLongestStepMs: number })[];
  exponent: number;
}

export async function claimsBuild(bench: Bench): Promise<ClaimsBuildFigures> {
  const { report, options } = bench;
  const sizes = buildSizes(options.docs);
  const largest = sizes[sizes.length - 1];
  report.section('2. Claims index build time (analyses precomputed)');
  const docs = bench.docs.slice(0, largest);
  const stories = CorpusGenerator.storySizes(docs);
  report.line(`Corpus: ${fmt(largest, 0)} documents, ${fmt(docs.reduce((n, d) => n + d.text.length, 0) / MB, 1)} MB, ${stories.length} stories of ${stories[0]}–${stories[stories.length - 1]} documents (median ${stories[stories.length >> 1]}); smaller sizes are its first documents.`);
  report.line(`The documents are analysed once (not counted) into a file of serialised analyses. Each size in a fresh node process:`);
  report.line(`reads the documents written by writeCorpusFolder, then times a new corpus (its texts spilled to a file, as the extension does) + set(id, text, analysis) for every document,`);
  report.line(`each analysis read from the file just before (as the disk cache hands them over; the reads not counted), and claims().`);
  report.line(`Then stories() (sources grouped by event, as "Group by Story" finds them, in steps; not part of the build's total).`);
  report.line(`Median of the runs.`);
  report.line();

  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  const builds: ClaimsBuildFigures['builds'] = [];
  try {
    await writeCorpusFolder(dir, largest, options.seed);
    await inChildProcess<AnalyseChildResult>(childScript(), ['analyse', dir, String(largest)]);
    for (const n of sizes) {
      // Repetitions where they are cheap: the smallest size is the noisiest and anchors the exponent.
      const runs = options.quick || n > 1_000 ? 1 : 3;
      const r = await runChild(dir, n, runs);
      const mid = (f: (x: BuildChildResult['runs'][number]) => number) => median(r.runs.map(f));
      builds.push({
        ...r,
        setMs: mid((x) => x.setMs),
        claimsMs: mid((x) => x.claimsMs),
        totalMs: mid((x) => x.setMs + x.claimsMs),
        totalCpuMs: mid((x) => x.setCpuMs + x.claimsCpuMs),
        storiesMs: mid((x) => x.storiesMs),
        storiesLongestStepMs: Math.max(...r.runs.map((x) => x.storiesLongestStepMs)),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  report.table(
    ['documents', 'runs', 'set() all', 'claims()', 'total', 'total CPU', 'passages', 'claims', 'multi-source', 'largest claim'],
    builds.map((b) => [fmt(b.count, 0), String(b.runs.length), ms(b.setMs), ms(b.claimsMs), ms(b.totalMs), ms(b.totalCpuMs), fmt(b.passages, 0), fmt(b.claims, 0), fmt(b.multiSource, 0), `${fmt(b.largestClaim, 0)} passages`]),
  );
  report.line();
  report.table(
    ['documents', 'stories()', 'longest step', 'stories of 2+ sources', 'largest story', 'source pairs vs generator: P / R / F1'],
    builds.map((b) => [fmt(b.count, 0), ms(b.storiesMs), ms(b.storiesLongestStepMs), fmt(b.stories, 0), `${fmt(b.largestStory, 0)} sources`, [b.storyPairs.precision, b.storyPairs.recall, b.storyPairs.f1].map((x) => x.toFixed(3)).join(' / ')]),
  );
  const first = builds[0];
  const last = builds[builds.length - 1];
  // Growth exponent: t ∝ n^k, so from 1k to 10k k = log10(t10000 / t1000).
  const exponent = builds.length > 1 ? Math.log(last.totalMs / first.totalMs) / Math.log(last.count / first.count) : NaN;
  report.line();
  for (const b of builds) report.check(`claims build, ${fmt(b.count, 0)} docs`, b.totalMs, 'ms', null);
  if (builds.length > 1) {
    report.line(`Growth exponent log(t${last.count} / t${first.count}) / log(${last.count} / ${first.count}) = ${fmt(exponent, 2)}  (target ≤ ${TARGET_EXPONENT}; 1 is linear)`);
    report.check(`claims build growth exponent ${sizeLabel(first.count)}→${sizeLabel(last.count)}`, exponent, '', { op: '<=', value: TARGET_EXPONENT });
  } else report.line('Growth exponent: one size only (--docs 1,000 or less), nothing to compare.');
  return { builds, exponent };
}
