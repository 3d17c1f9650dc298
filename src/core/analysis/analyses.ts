// Where analyses come from: the disk cache when the text was analysed before, else a worker thread (or
// this thread when no worker can run), and the result is cached for next time.
import { analyze } from '../pipeline.js';
import { contentHash } from '../corpus.js';
import type { DocumentAnalysis } from '../types.js';
import type { AnalysisPool } from './pool.js';
import type { AnalysisCache } from './cache.js';

export class Analyses {
  /** Analyses under way by content hash: the same text asked for twice is analysed once. */
  private readonly running = new Map<string, Promise<DocumentAnalysis>>();
  /** Where analyses came from since the start, for the status bar's tooltip and the tests. */
  readonly counts = { fromCache: 0, analysed: 0 };

  constructor(private readonly pool: AnalysisPool | undefined, private readonly cache: AnalysisCache | undefined) {}

  of(text: string, hash = contentHash(text)): Promise<DocumentAnalysis> {
    let result = this.running.get(hash);
    if (!result) {
      result = this.load(text, hash).finally(() => this.running.delete(hash));
      this.running.set(hash, result);
    }
    return result;
  }

  private async load(text: string, hash: string): Promise<DocumentAnalysis> {
    const cached = await this.cache?.get(hash);
    if (cached) {
      this.counts.fromCache++;
      return cached;
    }
    const analysis = this.pool ? await this.pool.analyze(text) : analyze(text);
    this.counts.analysed++;
    void this.cache?.put(hash, analysis);
    return analysis;
  }

  /** Whether analysis runs on worker threads. */
  get onWorkers(): boolean {
    return this.pool !== undefined;
  }

  /** Packs the cached analyses of these texts into one file when that pays: reopening then reads them faster. */
  async pack(hashes: readonly string[]): Promise<void> {
    if (this.cache?.packWanted(hashes)) await this.cache.repack(hashes);
  }

  /**
   * Stops the idle workers now, when a scan's sources are all in: the claims build that follows needs the
   * memory more than a worker kept for the next edit (which starts one in about 100 ms).
   */
  rest(): void {
    this.pool?.retireIdle();
  }

  /** Drops analyses not yet started (a cancelled scan). */
  cancelWaiting(): void {
    this.pool?.clear();
  }

  dispose(): void {
    this.pool?.dispose();
    this.cache?.close();
  }
}
