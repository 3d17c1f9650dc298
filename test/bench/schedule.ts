// How the operating system scheduled this thread, where Linux tells it: shared by the benchmark's indexing
// child and the large-folder integration case, to split a stall into the thread's own work and its waits.
import { readFileSync } from 'node:fs';

/** This thread's time on a CPU and waiting for one so far (nanoseconds in /proc/thread-self/schedstat), or undefined elsewhere. */
export function threadSchedule(): { onCpuMs: number; waitingMs: number } | undefined {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ').map(Number);
    return Number.isFinite(onCpu) && Number.isFinite(waiting) ? { onCpuMs: onCpu / 1e6, waitingMs: waiting / 1e6 } : undefined;
  } catch {
    return undefined;
  }
}
