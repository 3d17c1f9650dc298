// Timing, percentiles, memory and the machine: the measuring tape of the benchmark.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';

export const now = (): number => performance.now();

/** Milliseconds `fn` takes, once: wall clock, and CPU time of this process (all its threads, GC helpers included). */
export function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = now();
  const value = fn();
  const ms = now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** A full collection, when node runs with --expose-gc: measurements start from the same clean heap. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const gcExposed = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/** `fn` run `warmups` times untimed, then `runs` times from a collected heap; wall and CPU milliseconds of each run. */
export function repeat(fn: () => void, runs: number, warmups = 1): { ms: number; cpuMs: number }[] {
  for (let i = 0; i < warmups; i++) fn();
  const out: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const { ms, cpuMs } = timed(fn);
    out.push({ ms, cpuMs });
  }
  return out;
}

/** Percentile by linear interpolation between closest ranks (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  return { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

export const MB = 1e6;
export const MiB = 1024 * 1024;

export interface Memory {
  heapUsedMiB: number;
  rssMiB: number;
  /** Highest resident set size of the process so far. */
  peakRssMiB: number;
}

export function memory(): Memory {
  const { heapUsed, rss } = process.memoryUsage();
  // maxRSS is in kilobytes (KiB on Linux).
  return { heapUsedMiB: heapUsed / MiB, rssMiB: rss / MiB, peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB };
}

/** 1-minute load average: on a shared machine, how much else was running (2 cores: above ~1 skews timings). */
export const load = (): number => loadavg()[0];

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  v8: string;
  os: string;
  date: string;
  loadAtStart: number;
}

export function machine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    ramGiB: totalmem() / 1024 ** 3,
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString(),
    loadAtStart: load(),
  };
}

/**
 * Node flags added to the benchmark's child processes, to look into one: BENCH_NODE_FLAGS='--trace-gc' or
 * '--cpu-prof --cpu-prof-dir=/tmp/profiles' (the children's output goes to the terminal).
 */
const childFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

/** Runs a bundled script of the benchmark in a fresh node process (--expose-gc) and resolves with the message it sends. */
export function inChildProcess<T>(script: string, args: string[]): Promise<T> {
  if (!existsSync(script)) return Promise.reject(new Error(`${script} is missing: build with node esbuild.mjs --tests`));
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { execArgv: ['--expose-gc', ...childFlags], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: T | undefined;
    child.on('message', (m) => (result = m as T));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${basename(script)} ${args.join(' ')} exited with ${code} and no result`))));
  });
}
