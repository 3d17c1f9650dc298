// Rates of text processing, as the throughput section and its child processes time them.
import { lengthOf } from './context.js';
import { median, MB, repeat } from './measure.js';

export interface Rate {
  docs: number;
  mb: number;
  runs: number;
  medianMs: number;
  /** CPU time of the process over the same runs: far below wall time when other processes took the cores. */
  medianCpuMs: number;
  mbPerSecond: number;
}

/** Median over `runs` passes over all the texts (warmed up beforehand), a full GC before each. */
export function rate(texts: string[], fn: (text: string) => void, runs: number): Rate {
  const times = repeat(() => texts.forEach(fn), runs, 0);
  const mb = lengthOf(texts.map((text) => ({ text }))) / MB;
  const medianMs = median(times.map((t) => t.ms));
  return { docs: texts.length, mb, runs, medianMs, medianCpuMs: median(times.map((t) => t.cpuMs)), mbPerSecond: mb / (medianMs / 1000) };
}

/** Untimed passes over a share of the texts, so the JIT has compiled the hot paths before the clock runs. */
export function warmUp(texts: string[], fn: (text: string) => void, share = 1): void {
  texts.slice(0, Math.max(1, Math.ceil(texts.length * share))).forEach(fn);
}
