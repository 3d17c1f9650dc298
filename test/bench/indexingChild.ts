// Child process of the indexing section: opens a folder of sources the way the extension does, in a
// fresh process as a new editor session would. Sources are read here and analysed on worker threads (or
// taken from the disk cache), the corpus is filled on this thread, and the claims are taken up from the
// last opening's snapshot when it fits, else built, in 5 ms slices, then saved for the next opening. It
// reports the times, where analyses and claims came from, this thread's longest stall (event-loop delay)
// and its memory.
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { monitorEventLoopDelay, PerformanceObserver, constants as perf } from 'node:perf_hooks';
import { Corpus, contentHash } from '../../src/core/corpus.js';
import { listSources, readSourceAsync } from '../../src/core/sources.js';
import { Analyses } from '../../src/core/analysis/analyses.js';
import { AnalysisPool, defaultPoolSize } from '../../src/core/analysis/pool.js';
import { AnalysisCache, analyserVersion } from '../../src/core/analysis/cache.js';
import { ClaimStore } from '../../src/core/analysis/claimStore.js';
import { savedSpans } from '../../src/core/claims/snapshot.js';
import { TextSpill } from '../../src/core/textSpill.js';
import { threadSlices } from '../../src/core/steps.js';
import { collectGarbage, memory, now, type Memory } from './measure.js';
import { threadSchedule } from './schedule.js';

export interface IndexingChildResult {
  files: number;
  workers: number;
  fromCache: number;
  analysed: number;
  /** Reading and analysing every source, filling the corpus. */
  sourcesMs: number;
  claimsMs: number;
  /** CPU time of the process (every thread: workers, GC helpers, file reads) in those phases: less skewed by other processes than wall time. */
  sourcesCpuMs: number;
  claimsCpuMs: number;
  /** Whether the claims were taken up from the last opening's snapshot (else built in full). */
  claimsRestored: boolean;
  /** Saving the claims for the next opening, after they were ready (not after a restore that changed nothing). */
  savedMs: number;
  /** Packing the cached analyses into one file for the next opening, when that pays (after a cold index). */
  packedMs: number;
  /** Cached analyses read from the pack, and from their own files. */
  reads: { packed: number; files: number };
  claims: number;
  /** Hash of every claim (id, label, status, passages), to tell a reopening's claims equal to the build's. */
  claimsDigest: string;
  /** Longest and 99th-percentile delay of this thread's event loop while indexing. */
  longestStallMs: number;
  p99StallMs: number;
  /**
   * The most this thread ran within one event-loop delay (its loop's active time, from
   * performance.eventLoopUtilization, between two ticks of a 5 ms timer): what it was blocked by its own
   * work. A delay can be longer than that when the thread, idle, was woken late (a virtual machine's CPU).
   */
  longestBusyMs: number;
  /** What the thread was doing when it ran longest in one delay: reading sources, claims, saving them, packing the cache. */
  longestBusyPhase: string;
  /**
   * Where the operating system tells (Linux, /proc/thread-self/schedstat), how much of that busiest delay the
   * thread spent on a CPU and waiting for one (behind other threads: the workers, the collector's helpers);
   * the rest of it the machine's CPU was away (a virtual machine's host ran something else). With it, the
   * process's (every thread's) time in the kernel and its page faults in that delay: new memory handed over by
   * the system page by page is kernel time.
   */
  busiest?: { onCpuMs: number; waitingMs: number; systemMs: number; pageFaults: number };
  /** When the busiest delay ended, in ms since the opening began. */
  busiestAtMs: number;
  /** Where the system tells, the most the thread was on a CPU between two ticks of the 5 ms timer: its own work and the collector's pauses. */
  mostOnCpuMs?: number;
  /** The longest pause of this thread for the garbage collector, its kind, what the thread was doing and when it ended (ms since the opening began). */
  longestCollection?: { ms: number; kind: string; phase: string; atMs: number };
  /** The phase in which the process's RSS reached its peak. */
  peakPhase: string;
  memory: Memory;
}

const COLLECTION_KINDS = new Map([
  [perf.NODE_PERFORMANCE_GC_MINOR, 'young generation'],
  [perf.NODE_PERFORMANCE_GC_MAJOR, 'full'],
  [perf.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental marking'],
  [perf.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
]);

async function main(dir: string, cacheDir: string, workerFile: string): Promise<IndexingChildResult> {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  const version = await analyserVersion(workerFile);
  const workers = defaultPoolSize();
  const cache = await AnalysisCache.open(cacheDir, version);
  const analyses = new Analyses(new AnalysisPool(workerFile, workers), cache);
  // As the extension does: beside the cache, versioned by the annotators and the claims code (this bundle).
  const store = new ClaimStore(join(cache.dir, 'claims.snapshot'), await analyserVersion(__filename));
  const corpus = new Corpus();
  corpus.deferFullClaimBuilds = true;
  // As the extension does: the texts go to a file of the session's beside the cache.
  const spill = TextSpill.open(cacheDir);
  if (spill) corpus.spillTextsTo(spill);
  const files = listSources(dir, () => undefined).map((f) => f.path);
  const started = now();
  const cpu = process.cpuUsage();
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  stalls.enable();
  let longestBusyMs = 0;
  let phase = 'sources';
  // The process's peak RSS so far as each phase ends (the system keeps the peak): where the opening's peak was reached.
  const peaks: { phase: string; peakRssMiB: number }[] = [];
  const phaseEnds = (next: string) => {
    peaks.push({ phase, peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 });
    phase = next;
  };
  let longestBusyPhase = phase;
  let lastUtilization = performance.eventLoopUtilization();
  let lastSchedule = threadSchedule();
  let lastUsage = process.resourceUsage();
  let busiest: IndexingChildResult['busiest'];
  let busiestAtMs = 0;
  let longestCollection: IndexingChildResult['longestCollection'];
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration <= (longestCollection?.ms ?? 0)) continue;
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      longestCollection = { ms: entry.duration, kind: COLLECTION_KINDS.get(kind ?? -1) ?? 'other', phase, atMs: entry.startTime + entry.duration - started };
    }
  });
  collections.observe({ entryTypes: ['gc'] });
  let mostOnCpuMs: number | undefined;
  const busyTicks = setInterval(() => {
    const utilization = performance.eventLoopUtilization();
    const active = performance.eventLoopUtilization(utilization, lastUtilization).active;
    const current = threadSchedule();
    const onCpuMs = current && lastSchedule && current.onCpuMs - lastSchedule.onCpuMs;
    const waitingMs = current && lastSchedule && current.waitingMs - lastSchedule.waitingMs;
    const usage = process.resourceUsage();
    if (active > longestBusyMs) {
      [longestBusyMs, longestBusyPhase, busiestAtMs] = [active, phase, now() - started];
      const systemMs = (usage.systemCPUTime - lastUsage.systemCPUTime) / 1000;
      const pageFaults = usage.minorPageFault - lastUsage.minorPageFault;
      busiest = onCpuMs === undefined || waitingMs === undefined ? undefined : { onCpuMs, waitingMs, systemMs, pageFaults };
    }
    lastUsage = usage;
    if (onCpuMs !== undefined) mostOnCpuMs = Math.max(mostOnCpuMs ?? 0, onCpuMs);
    lastUtilization = utilization;
    lastSchedule = current;
  }, 5);
  // As the extension does: the saved claims are read while the sources are, and the sources take their passages.
  const saved = store.load();
  void saved.then((snapshot) => snapshot && (corpus.savedPassages = savedSpans(snapshot)));
  let next = 0;
  // As the extension does: sources put in the corpus in the thread's slices (a slice of time a turn of the event loop).
  const runner = async () => {
    while (next < files.length) {
      const path = files[next++];
      const decoded = await readSourceAsync(path);
      if (!decoded.ok) continue;
      const hash = contentHash(decoded.text);
      const analysis = await analyses.of(decoded.text, hash);
      await threadSlices.run(() => corpus.set(path, decoded.text, analysis));
    }
  };
  await Promise.all(Array.from({ length: workers * 2 }, runner));
  // As the extension does: every source is in, the idle workers stop before the claims are made.
  analyses.rest();
  const sourcesMs = now() - started;
  const sourcesCpuMs = cpuMs(cpu);
  const claimsCpu = process.cpuUsage();
  const claimsStart = now();
  phaseEnds('claims');
  const snapshot = await saved;
  corpus.savedPassages = undefined;
  const restored = snapshot && (await corpus.restoreClaims(snapshot));
  if (!restored) await corpus.buildClaims();
  const claimsMs = now() - claimsStart;
  const claimsCpuMs = cpuMs(claimsCpu);
  const savedStart = now();
  phaseEnds('saving claims');
  if (!restored || restored.changed) {
    const taken = await corpus.snapshotClaims();
    if (taken) await store.save(taken);
  }
  const savedMs = now() - savedStart;
  // As the extension does after a scan: the cached analyses of the sources in one file, when that pays.
  const packStart = now();
  phaseEnds('packing the cache');
  await analyses.pack(corpus.documents().map((d) => d.hash));
  const packedMs = now() - packStart;
  phaseEnds('done');
  stalls.disable();
  clearInterval(busyTicks);
  collections.disconnect();
  const claims = corpus.claims().length;
  const digest = createHash('sha1');
  for (const c of corpus.claims()) digest.update(`${c.id} ${c.label} ${c.kind} ${c.status} ${c.passages.map((p) => `${p.doc}:${p.start}-${p.end}`).join(' ')}\n`);
  analyses.dispose();
  collectGarbage();
  return {
    files: files.length,
    workers,
    ...analyses.counts,
    sourcesMs,
    claimsMs,
    sourcesCpuMs,
    claimsCpuMs,
    claimsRestored: !!restored,
    savedMs,
    packedMs,
    reads: cache.reads,
    claims,
    claimsDigest: digest.digest('hex'),
    longestStallMs: stalls.max / 1e6,
    p99StallMs: stalls.percentile(99) / 1e6,
    longestBusyMs,
    longestBusyPhase,
    busiest,
    busiestAtMs,
    mostOnCpuMs,
    longestCollection,
    peakPhase: peaks.find((p) => p.peakRssMiB === peaks[peaks.length - 1].peakRssMiB)!.phase,
    memory: memory(),
  };
}

const [dir, cacheDir, workerFile] = process.argv.slice(2);
main(dir, cacheDir, workerFile ?? join(__dirname, '../../../dist/worker.js')).then(
  // Exit once the result is delivered: the cache's writes and the workers would keep the process alive.
  (result) => (process.send ? process.send(result, () => process.exit(0)) : (console.log(result), process.exit(0))),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
