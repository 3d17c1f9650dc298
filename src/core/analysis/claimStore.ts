// The claims of the last session, kept beside the analysis cache (claims/snapshot.ts): reopening a folder
// takes them up instead of grouping every passage again. One file, replaced whole by a rename, so a reader
// never meets half of one; a damaged, missing or foreign file only means a full build.
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { decodeSnapshot, encodeSnapshot, type ClaimSnapshot } from '../claims/snapshot.js';
import { inSlices, threadSlices, type Slices } from '../steps.js';
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

  /** Saves the claims; a failure only means a full build next time. */
  async save(snapshot: ClaimSnapshot, slices: Slices = threadSlices): Promise<void> {
    const chunks = await inSlices(encodeSnapshot(snapshot, this.version), slices);
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, chunks);
      await rename(temp, this.file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}

