// The claims of the last session, kept beside the analysis cache (claims/snapshot.ts): reopening a folder
// takes them up instead of grouping every passage again. One file, replaced whole by a rename, so a reader
// never meets half of one; a damaged, missing or foreign file only means a full build.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { decodeSnapshot, encodeSnapshot, type ClaimSnapshot, type SnapshotToWrite } from '../claims/snapshot.js';
import { threadSlices, type Slices } from '../steps.js';
import { readFully } from './pack.js';

export class ClaimStore {
  /** `version`: of everything the claims come from (the annotators and the claims code). */
  constructor(readonly file: string, private readonly version: string) {}

  /** The saved claims, read and decoded in `slices` (by default the thread's). */
  async load(slices: Slices = threadSlices): Promise<ClaimSnapshot | undefined> {
    let handle;
    try {
      handle = await open(this.file, 'r');
      const file = handle;
      const size = (await file.stat()).size;
      return await decodeSnapshot({ size, read: (into, position) => readFully(file, into, position) }, this.version, slices);
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /**
   * Saves the claims, writing each chunk as it is made (in `slices`, by default the thread's). A failure, or
   * the claims changing meanwhile, leaves the file saved before (or none): only more to redo next time.
   */
  async save(snapshot: SnapshotToWrite, slices: Slices = threadSlices): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    let handle: FileHandle | undefined;
    try {
      handle = await open(temp, 'w');
      for (const chunk of encodeSnapshot(snapshot, this.version)) {
        if (chunk && (await handle.write(chunk)).bytesWritten !== chunk.length) throw new Error('short write');
        await slices.turn();
      }
      await handle.close();
      handle = undefined;
      await rename(temp, this.file);
    } catch {
      await handle?.close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}

