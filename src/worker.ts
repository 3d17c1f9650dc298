// The analysis worker: text in, annotations out (see core/analysis/pool.ts).
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyze } from './core/pipeline.js';

lowerPriority();

parentPort!.on('message', (text: string) => {
  try {
    parentPort!.postMessage({ analysis: analyze(text) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * Workers yield the CPU to the thread that started them (the extension host's, where typing happens): on a
 * machine with as many workers as cores, that thread would otherwise wait its turn behind them. Linux gives
 * each thread its own niceness (set through the thread's id); elsewhere, or where it is refused, workers run
 * as they are.
 */
function lowerPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, Math.min(19, getPriority(threadId) + 10));
  } catch {
    // Not Linux, or not allowed: nothing lost but the preference.
  }
}
