// 6. Cold index and warm reopen of the largest folder, as the extension does it: worker threads analyse,
// the disk cache keeps analyses by content hash, this thread fills the corpus and builds the claims in
// slices, then saves them beside the cache. Each opening runs in a fresh process (a new editor session);
// the second finds the cache full and takes the claims up.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from '../context.js';
import { writeCorpusFolder } from '../corpus.js';
import { benchScript, projectRoot } from '../material.js';
import type { IndexingChildResult } from '../indexingChild.js';
import { fmt, ms } from '../report.js';
import { inChildProcess, load } from '../measure.js';

const LONGEST_STALL_TARGET_MS = 50;
const MEMORY_TARGET_MIB = 400;

/**
 * Flushes the folder just written to disk before it is opened, as a researcher's folder would be: the system
 * writing out 50 MB of fresh files in the background took CPU from the opening measured (on this 2-core
 * machine the longest stall went from about 47 to 61 ms). Where there is no `sync` command, nothing.
 */
function settleWrites(): void {
  try {
    execFileSync('sync', { stdio: 'ignore', timeout: 60_000 });
  } catch {
    // no sync command (Windows): the opening is measured as it comes
  }
}

function open(script: string, dir: string, cache: string): Promise<IndexingChildResult> {
  return inChildProcess<IndexingChildResult>(script, [dir, cache, join(projectRoot(), 'dist', 'worker.js')]);
}

export async function coldAndWarm(bench: Bench): Promise<Record<string, unknown>> {
  const { report, options } = bench;
  const count = options.docs;
  report.section(`6. Cold index and warm reopen of ${fmt(count, 0)} documents`);
  const script = benchScript('indexingChild');
  if (!existsSync(script)) throw new Error(`${script} is missing: build with node esbuild.mjs --tests`);
  if (!existsSync(join(projectRoot(), 'dist', 'worker.js'))) throw new Error('dist/worker.js is missing: build with node esbuild.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-folder-'));
  const cache = mkdtempSync(join(tmpdir(), 'corroborate-bench-cache-'));
  try {
    await writeCorpusFolder(dir, count, options.seed);
    settleWrites();
    const cold = await open(script, dir, cache);
    const warm = await open(script, dir, cache);
    report.line(`Each opening is a fresh process: ${cold.workers} worker thread(s) analyse, the disk cache keeps analyses by content hash,`);
    report.line('the main thread reads files, fills the corpus and builds the claims in 5 ms slices (as the extension host does),');
    report.line('or takes up the claims the last opening saved. Once ready, the claims are saved and the cached analyses packed into one file');
    report.line('for the next opening (in the background, when they changed).');
    report.line();
    const row = (name: string, r: IndexingChildResult) => [
      name,
      `${fmt(r.analysed, 0)} / ${fmt(r.fromCache, 0)}`,
      ms(r.sourcesMs),
      `${ms(r.claimsMs)} (${r.claimsRestored ? 'saved' : 'built'})`,
      ms(r.sourcesMs + r.claimsMs),
      `${ms(r.savedMs)} / ${ms(r.packedMs)}`,
      ms(r.longestStallMs),
      ms(r.p99StallMs),
      `${ms(r.longestBusyMs)} (${r.longestBusyPhase}, at ${fmt(r.busiestAtMs / 1000, 1)} s)${r.busiest ? `: ${ms(r.busiest.onCpuMs)} / ${ms(r.busiest.waitingMs)}` : ''}`,
      `${fmt(r.memory.rssMiB, 0)} / ${fmt(r.memory.peakRssMiB, 0)} MiB`,
    ];
    report.table(
      ['opening', 'analysed / cached', 'sources', 'claims', 'ready', 'saving claims / analyses', 'longest stall', 'p99 stall', 'busy within a stall: on a CPU / waiting', 'RSS after GC / peak'],
      [row('cold (empty cache)', cold), row('warm (reopen)', warm)],
    );
    report.line();
    const cpu = (r: IndexingChildResult) => `${fmt(r.sourcesCpuMs / 1000, 1)} s / ${fmt(r.claimsCpuMs / 1000, 1)} s`;
    report.line(`CPU time (all threads) for sources / claims: cold ${cpu(cold)}, warm ${cpu(warm)}; load average ${fmt(load(), 2)} at the end.`);
    const collection = (r: IndexingChildResult) => (r.longestCollection ? `${ms(r.longestCollection.ms)} (${r.longestCollection.kind}, ${r.longestCollection.phase}, at ${fmt(r.longestCollection.atMs / 1000, 1)} s)` : 'not observed');
    report.line(`The main thread's longest pause for the garbage collector: cold ${collection(cold)}, warm ${collection(warm)}.`);
    report.line(`Peak RSS reached while: cold ${cold.peakPhase}, warm ${warm.peakPhase}.`);
    const kernel = (r: IndexingChildResult) => (r.busiest ? `${ms(r.busiest.systemMs)} in the kernel, ${fmt(r.busiest.pageFaults, 0)} page faults` : 'not told');
    report.line(`In the busiest stall, the whole process: cold ${kernel(cold)}; warm ${kernel(warm)}.`);
    report.line(`On reopening, ${fmt(warm.reads.packed, 0)} analyses came from the pack and ${fmt(warm.reads.files, 0)} from their own files.`);
    report.line(`${fmt(cold.claims, 0)} claims. "Longest stall" is the main thread's longest event-loop delay while indexing (target < ${LONGEST_STALL_TARGET_MS} ms);`);
    report.line('"busy within a stall" is the most the thread was busy in one delay (event-loop utilisation between ticks of a 5 ms');
    report.line('timer): a stall longer than that is time the thread waited, idle, to be woken. Where Linux tells it (schedstat), how much');
    report.line('of that delay the thread was on a CPU and how much it waited for one; the rest of it the virtual machine\'s CPU was away.');
    report.line('"Most the main thread ran between two ticks" is its most time on a CPU between two ticks of that timer (its own work and');
    report.line('the collector\'s pauses), or its busy time where the system does not tell; a span can hold two turns of the event loop.');
    report.line(warm.claimsDigest === cold.claimsDigest ? 'The reopened claims are the built ones (same ids, labels, verdicts and passages).' : 'NOTE: the reopened claims differ from the built ones.');
    report.check(`cold index, ${fmt(count, 0)} docs`, (cold.sourcesMs + cold.claimsMs) / 1000, 's', null);
    report.check(`warm reopen, ${fmt(count, 0)} docs`, (warm.sourcesMs + warm.claimsMs) / 1000, 's', null);
    report.check('longest main-thread stall, cold index', cold.longestStallMs, 'ms', { op: '<', value: LONGEST_STALL_TARGET_MS });
    report.check('longest main-thread stall, warm reopen', warm.longestStallMs, 'ms', { op: '<', value: LONGEST_STALL_TARGET_MS });
    // What explains a stall, not the target itself: measured between ticks of a 5 ms timer, a figure can span
    // two turns of the event loop and exceed the longest stall (61.8 ms busy beside a 42.9 ms stall, once).
    report.check('most the main thread ran between two ticks, cold', cold.mostOnCpuMs ?? cold.longestBusyMs, 'ms', null);
    report.check('most the main thread ran between two ticks, warm', warm.mostOnCpuMs ?? warm.longestBusyMs, 'ms', null);
    report.check(`RSS after reopen with workers, ${fmt(count, 0)} docs`, warm.memory.rssMiB, 'MiB', { op: '<', value: MEMORY_TARGET_MIB });
    // The first index's peak: the workers' heaps while sources are analysed, the claims' build, saving them and
    // packing the cache.
    report.check(`peak RSS of the cold index with workers, ${fmt(count, 0)} docs`, cold.memory.peakRssMiB, 'MiB', { op: '<', value: MEMORY_TARGET_MIB });
    return { cold, warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
