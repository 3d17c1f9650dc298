// Child process of the indexing section: opens a folder of sources the way the extension does, in a
// fresh process as a new editor session would. Sources are read here and analysed on worker threads (or
// taken from the disk cache), the corpus is filled on this thread, and the claims are built in 10 ms
// slices. It reports the times, where analyses came from, this thread's longest stall (event-loop delay)
// and its memory.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Corpus, contentHash } from '../../src/core/corpus.js';
import { listSources, readSourceAsync } from '../../src/core/sources.js';
import { Analyses } from '../../src/core/analysis/analyses.js';
import { AnalysisPool, defaultPoolSize } from '../../src/core/analysis/pool.js';
import { AnalysisCache, analyserVersion } from '../../src/core/analysis/cache.js';
import { collectGarbage, memory, now, type Memory } from './measure.js';

export interface IndexingChildResult {
  files: number;
  workers: number;
  fromCache: number;
  analysed: number;
  /** Reading and analysing every source, filling the corpus. */
  sourcesMs: number;
  claimsMs: number;
  claims: number;
  /** Longest and 99th-percentile delay of this thread's event loop while indexing. */
  longestStallMs: number;
  p99StallMs: number;
  memory: Memory;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function main(dir: string, cacheDir: string, workerFile: string): Promise<IndexingChildResult> {
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  const version = await analyserVersion(workerFile);
  const workers = defaultPoolSize();
  const analyses = new Analyses(new AnalysisPool(workerFile, workers), await AnalysisCache.open(cacheDir, version));
  const corpus = new Corpus();
  corpus.deferFullClaimBuilds = true;
  const files = listSources(dir, () => undefined).map((f) => f.path);
  const started = now();
  stalls.enable();
  let next = 0;
  const runner = async () => {
    while (next < files.length) {
      const path = files[next++];
      const decoded = await readSourceAsync(path);
      if (!decoded.ok) continue;
      const hash = contentHash(decoded.text);
      corpus.set(path, decoded.text, await analyses.of(decoded.text, hash));
    }
  };
  await Promise.all(Array.from({ length: workers * 2 }, runner));
  const sourcesMs = now() - started;
  const claimsStart = now();
  await corpus.buildClaims(pause);
  const claimsMs = now() - claimsStart;
  stalls.disable();
  const claims = corpus.claims().length;
  analyses.dispose();
  collectGarbage();
  return {
    files: files.length,
    workers,
    ...analyses.counts,
    sourcesMs,
    claimsMs,
    claims,
    longestStallMs: stalls.max / 1e6,
    p99StallMs: stalls.percentile(99) / 1e6,
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
