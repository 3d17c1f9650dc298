// A worker that exits as soon as it gets work, for the pool's crash test.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => process.exit(3));
