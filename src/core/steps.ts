// Long work written as generators that yield at points where a caller may pause (a claims build, a
// snapshot, finding stories): run to the end at once, or in slices that leave the thread to others.

/** Runs steps to the end at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs steps to the end, awaiting `pause` whenever a slice of about `sliceMs` has passed. */
export async function inSlices<T>(steps: Generator<void, T>, pause: () => Promise<void>, sliceMs: number): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = Date.now();
    }
  }
}

/** A pause that lets pending events (I/O, timers, messages) run before going on. */
export const pause = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Spreads work that callbacks set off in bursts over turns of the event loop. File reads and worker messages
 * that land together run their callbacks one after another in one turn: a source put in the corpus by each
 * held the thread for 30-50 ms at a time while 10,000 sources were read. `run(work)` does the work at once
 * while the current slice is under `sliceMs`, else after a pause; the check and the work go together, so
 * that many callers waiting on one pause take turns.
 */
export class Slices {
  private sliceStart = Date.now();
  private paused: Promise<void> | undefined;

  constructor(
    private readonly sliceMs: number,
    private readonly wait: () => Promise<void> = pause,
  ) {}

  async run<T>(work: () => T): Promise<T> {
    while (Date.now() - this.sliceStart > this.sliceMs) {
      this.paused ??= this.wait().then(() => {
        this.paused = undefined;
        this.sliceStart = Date.now();
      });
      await this.paused;
    }
    return work();
  }
}

/** Elements of a fresh typed array written through between two pauses (a megabyte of 4-byte elements). */
const TOUCH_STEP = 1 << 18;

/**
 * Writes a fresh typed array through with zeros, in steps: the operating system hands a new array's pages
 * over as they are first written, microseconds a page on a virtual machine, so an array written all over in
 * one step (postings filed by term) held the thread for 50-70 ms at 10,000 sources.
 */
export function* touching(array: { length: number; fill(value: number, start?: number, end?: number): unknown }): Generator<void> {
  for (let k = 0; k < array.length; k += TOUCH_STEP) {
    array.fill(0, k, Math.min(array.length, k + TOUCH_STEP));
    yield;
  }
}

/** A copy of `from[0 … length)` into `fresh`, made in steps, its pages written a megabyte at a time (see `touching`). */
export function* copying<T extends { length: number; set(from: ArrayLike<number>, at?: number): void; subarray(start: number, end?: number): T }>(from: T, fresh: T, length: number): Generator<void, T> {
  for (let k = 0; k < length; k += TOUCH_STEP) {
    fresh.set(from.subarray(k, Math.min(length, k + TOUCH_STEP)), k);
    yield;
  }
  return fresh;
}
