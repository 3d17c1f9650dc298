// A child process for the crash test: saves a large file through writeFileAtomic again and again, and says
// so on stdout, until it is killed.
import { writeFileAtomic } from '../../../src/core/atomicWrite.js';

const [target, size] = [process.argv[2], Number(process.argv[3])];
const data = new Uint8Array(size).fill(0x6e); // 'n' for "new"
(async () => {
  for (;;) {
    process.stdout.write('writing\n');
    await writeFileAtomic(target, data);
  }
})();
