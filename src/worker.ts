// The analysis worker: text in, annotations out (see core/analysis/pool.ts).
import { parentPort } from 'node:worker_threads';
import { analyze } from './core/pipeline.js';

parentPort!.on('message', (text: string) => {
  try {
    parentPort!.postMessage({ analysis: analyze(text) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
