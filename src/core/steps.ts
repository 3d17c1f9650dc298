// Long work written as generators that yield at points where a caller may pause (a claims build, a
// snapshot, finding stories): run to the end at once, or in slices that leave the thread to others.

/** Runs steps to the end at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A pause that lets pending events (I/O, timers, messages) run before going on. */
export const pause = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Spreads long work over turns of the event loop, about `sliceMs` of it a turn, with one clock for all the
 * work that shares it. File reads and worker messages that land together run their callbacks one after
 * another in one turn: a source put in the corpus by each held the thread for 30-50 ms at a time while 10,000
 * sources were read. And two stepped tasks with a clock each took a slice each in one turn (a claims build
 * ending and the saving of the claims starting: 30-60 ms). `run(work)` does the work at once while the
 * current slice is under `sliceMs`, else after a pause; `through(steps)` runs steps so; the check and the work
 * go together, so that many callers waiting on one pause take turns.
 */
export class Slices {
  private sliceStart = Date.now();
  private paused: Promise<void> | undefined;

  constructor(
    private readonly sliceMs: number,
    private readonly wait: () => Promise<void> = pause,
  ) {}

  async run<T>(work: () => T): Promise<T> {
    // Checked here rather than by awaiting `turn()`: the work must follow the check with no await between,
    // or every caller woken by one pause would pass the check before any of them worked.
    while (this.spent) await this.nextPause();
    return work();
  }

  /** Runs steps to the end, pausing whenever the slice is spent. */
  async through<T>(steps: Generator<void, T>): Promise<T> {
    for (;;) {
      while (this.spent) await this.nextPause();
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /** Resolves at once while the slice lasts, else after the next pause: for work that awaits between its steps. */
  async turn(): Promise<void> {
    while (this.spent) await this.nextPause();
  }

  /** One pause for every caller; the slice starts again after it. */
  private nextPause(): Promise<void> {
    return (this.paused ??= this.wait().then(() => {
      this.paused = undefined;
      this.sliceStart = Date.now();
    }));
  }

  private get spent(): boolean {
    return Date.now() - this.sliceStart > this.sliceMs;
  }
}

/**
 * The slices of this thread's long work: a claims build, the saving and taking up of claims, sources put in the
 * corpus, finding stories. One clock for all of them, so that together they hold the thread about 5 ms a turn.
 * A turn's stall is the slice, the step that overruns it and any collection that falls in it: with 10 ms slices,
 * an index of 10,000 sources left stalls of 30-45 ms, and now and then over 50 when a long collection fell in
 * one. Twice the turns cost the build no time that shows (a pause is a few microseconds).
 */
export const threadSlices = new Slices(5);

/** Runs steps to the end in `slices` (the thread's by default). */
export function inSlices<T>(steps: Generator<void, T>, slices: Slices = threadSlices): Promise<T> {
  return slices.through(steps);
}

/** Elements of a fresh typed array written through between two pauses (a megabyte of 4-byte elements). */
const TOUCH_STEP = 1 << 18;

/**
 * Writes a fresh typed array through with `value` (zeros by default), in steps: the operating system hands a
 * new array's pages over as they are first written, microseconds a page on a virtual machine, so an array
 * written all over in one step (postings filed by term) held the thread for 50-70 ms at 10,000 sources.
 */
export function* touching(array: { length: number; fill(value: number, start?: number, end?: number): unknown }, value = 0): Generator<void> {
  for (let k = 0; k < array.length; k += TOUCH_STEP) {
    array.fill(value, k, Math.min(array.length, k + TOUCH_STEP));
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
