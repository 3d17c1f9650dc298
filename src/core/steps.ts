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
