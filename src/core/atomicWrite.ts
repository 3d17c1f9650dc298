// Writing files the user keeps (exports, saved work) so that a crash, a full disk or a second window
// writing at the same moment never leaves half a file: write a temporary file next to the target, flush
// it to disk, then rename it over the target (rename within a folder is atomic on POSIX and on NTFS).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Hidden, unique per writer: two windows saving at once each rename a whole file of their own.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
