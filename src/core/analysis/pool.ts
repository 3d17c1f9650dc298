// Analysis on worker threads: the thread that asked (the editor's extension host) only sends text and
// receives annotations, so it stays free for typing, hovers and views while the sources are analysed on
// the machine's other cores.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { DocumentAnalysis } from '../types.js';

interface Job {
  text: string;
  resolve(analysis: DocumentAnalysis): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** Ends the worker once it has been idle `idleMs`. */
  retireTimer?: NodeJS.Timeout;
}

/**
 * A worker idle this long is stopped, and started again for the next job (about 100 ms). An idle worker keeps
 * its heap: two of them held over 100 MiB of the extension host's memory through the claims build that
 * follows a first scan of 10,000 sources, and their collector's threads competed with the host's thread.
 */
export const WORKER_IDLE_MS = 10_000;

/**
 * One worker per core but one, at least one and at most eight (past that, reading the files is the limit). The
 * core left over is the extension host's thread's, where typing happens and where each analysis is taken in.
 * Workers run at a lower priority, but the collector's helper threads that serve their heaps do not: on two
 * cores with two workers, a first index of 10,000 sources in a real extension host held its thread 30 ms or more
 * 6-15 times a run (p99 22-25 ms); with one worker, 1-5 times (p99 18-19 ms), for an index 10-15% slower.
 */
export function defaultPoolSize(): number {
  return Math.min(8, Math.max(1, availableParallelism() - 1));
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private disposed = false;

  /** `workerFile`: the bundled worker script (dist/worker.js). Workers start on the first job, and stop when idle `idleMs`. */
  constructor(
    private readonly workerFile: string,
    private readonly size = defaultPoolSize(),
    private readonly idleMs = WORKER_IDLE_MS,
  ) {}

  /** Workers running (busy or idle). */
  get workers(): number {
    return this.slots.length;
  }

  analyze(text: string): Promise<DocumentAnalysis> {
    if (this.disposed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting for a worker (not those under way). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Drops the jobs not yet started (a cancelled scan); their promises reject. */
  clear(): void {
    for (const job of this.queue.splice(0)) job.reject(new Error('cancelled'));
  }

  /** Stops the idle workers now (a scan has handed out its last source): busy ones stop when idle `idleMs`. */
  retireIdle(): void {
    for (const slot of this.slots.filter((s) => !s.job)) this.retire(slot);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.retireTimer);
      slot.job?.reject(new Error('the analysis pool is closed'));
      void slot.worker.terminate();
    }
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift()!;
      clearTimeout(slot.retireTimer);
      slot.job = job;
      // A busy worker keeps the process alive until it answers; an idle one does not hold it open.
      slot.worker.ref();
      slot.worker.postMessage(job.text);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(resolve(this.workerFile)), job: undefined };
    slot.worker.on('message', (reply: { analysis?: DocumentAnalysis; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (reply.analysis) job?.resolve(reply.analysis);
      else job?.reject(new Error(reply.error ?? 'analysis failed'));
      this.pump();
      if (!slot.job) this.retireLater(slot);
    });
    // A worker that dies (out of memory on a pathological text, say) fails its job and is replaced.
    const lost = (error: Error) => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      this.slots.splice(at, 1);
      slot.job?.reject(error);
      slot.job = undefined;
      if (!this.disposed) this.pump();
    };
    slot.worker.on('error', lost);
    // A worker stopped for being idle exits too: it is no longer among the slots, so `lost` ignores it.
    slot.worker.on('exit', (code) => lost(new Error(`the analysis worker stopped (exit code ${code})`)));
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Stops an idle worker after `idleMs`, unless it took a job meanwhile. */
  private retireLater(slot: Slot): void {
    clearTimeout(slot.retireTimer);
    slot.retireTimer = setTimeout(() => this.retire(slot), this.idleMs);
    // The timer alone does not keep the process alive.
    slot.retireTimer.unref();
  }

  private retire(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (slot.job || at < 0) return;
    clearTimeout(slot.retireTimer);
    this.slots.splice(at, 1);
    void slot.worker.terminate();
  }
}
