// Many cached analyses in one file, with an index by content hash: reopening a folder of thousands of
// sources reads each analysis with one read of an open file instead of opening, reading and closing a file
// per source (that cost the thread more than parsing them). The cache's files stay the truth; the pack is
// rebuilt whole (written beside, then renamed) when the sources have moved away from it.
//
// File: the entries' JSON one after another, then the index (per entry: the hash's 20 bytes, offset and
// length, u32 little-endian), then the index's SHA-1, the number of entries (u32) and "CRBPACK1". A damaged
// index could hand out another text's analysis: it is checked whole; an entry is checked as a file is.
import { createHash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';

const MAGIC = 'CRBPACK1';
const TRAILER = 20 + 4 + MAGIC.length;
const ENTRY = 20 + 4 + 4;
/** Offsets are u32: a pack stops growing short of 4 GiB. */
const MAX_SIZE = 0xffff_0000;
/** Bytes of entries gathered before they are written. */
const STAGING = 1 << 20;

export class AnalysisPack {
  /** Reads under way, so that a pack replaced meanwhile is closed only once they are done. */
  private reading = 0;
  private retired = false;

  private constructor(private readonly handle: FileHandle, private readonly index: Map<string, { at: number; length: number }>) {}

  /** The pack in `file`, or undefined when there is none or it does not hold together. */
  static async open(file: string): Promise<AnalysisPack | undefined> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'r');
      const size = (await handle.stat()).size;
      if (size < TRAILER) throw new Error('too short');
      const trailer = Buffer.alloc(TRAILER);
      await readFully(handle, trailer, size - TRAILER);
      const count = trailer.readUInt32LE(20);
      const indexAt = size - TRAILER - count * ENTRY;
      if (trailer.toString('latin1', 24) !== MAGIC || indexAt < 0) throw new Error('no pack');
      const raw = Buffer.alloc(count * ENTRY);
      await readFully(handle, raw, indexAt);
      if (!createHash('sha1').update(raw).digest().equals(trailer.subarray(0, 20))) throw new Error('damaged index');
      const index = new Map<string, { at: number; length: number }>();
      for (let k = 0; k < count; k++) {
        const e = k * ENTRY;
        const at = raw.readUInt32LE(e + 20);
        const length = raw.readUInt32LE(e + 24);
        if (at + length > indexAt) throw new Error('entry out of bounds');
        index.set(raw.toString('hex', e, e + 20), { at, length });
      }
      return new AnalysisPack(handle, index);
    } catch {
      await handle?.close().catch(() => undefined);
      return undefined;
    }
  }

  get size(): number {
    return this.index.size;
  }

  has(hash: string): boolean {
    return this.index.has(hash);
  }

  /** The entry's bytes (JSON), or undefined; read into `into` when given (they last until its next use). */
  async get(hash: string, into?: ReusedBuffer): Promise<Buffer | undefined> {
    const entry = this.index.get(hash);
    if (!entry || this.retired) return undefined;
    this.reading++;
    try {
      const bytes = into ? into.of(entry.length) : Buffer.allocUnsafe(entry.length);
      await readFully(this.handle, bytes, entry.at);
      return bytes;
    } catch {
      return undefined;
    } finally {
      if (--this.reading === 0 && this.retired) void this.handle.close().catch(() => undefined);
    }
  }

  /** Closes the file once the reads under way are done. */
  close(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.reading === 0) void this.handle.close().catch(() => undefined);
  }

  /**
   * Writes a pack of the entries `read` gives for `hashes` (those it has) beside `file`; `replace` then renames
   * it over `file`. Returns how many entries it holds; throws when it could not be written. What `read` gives
   * need only last until its next call: entries are copied into one buffer written a megabyte at a time.
   */
  static async write(file: string, hashes: Iterable<string>, read: (hash: string) => Promise<Uint8Array | undefined>, replace: () => Promise<void>): Promise<number> {
    const temp = `${file}.${process.pid}.tmp`;
    const out = await open(temp, 'w');
    try {
      const index: Buffer[] = [];
      // A buffer of each entry read, held until written, made the megabytes of a whole cache (100 MB at
      // 10,000 sources) pile up outside the heap until a collection: the peak of a first index's memory.
      const staging = Buffer.allocUnsafe(STAGING);
      let staged = 0;
      let at = 0;
      const write = async (chunks: Uint8Array[]) => {
        const length = chunks.reduce((n, c) => n + c.length, 0);
        if ((await out.writev(chunks)).bytesWritten !== length) throw new Error('short write');
      };
      const flush = async () => {
        if (staged) await write([staging.subarray(0, staged)]);
        staged = 0;
      };
      const seen = new Set<string>();
      for (const hash of hashes) {
        if (seen.has(hash) || !/^[0-9a-f]{40}$/.test(hash)) continue;
        seen.add(hash);
        const bytes = await read(hash);
        if (!bytes || at + bytes.length > MAX_SIZE) continue;
        const entry = Buffer.alloc(ENTRY);
        entry.write(hash, 0, 'hex');
        entry.writeUInt32LE(at, 20);
        entry.writeUInt32LE(bytes.length, 24);
        index.push(entry);
        at += bytes.length;
        if (staged + bytes.length > staging.length) await flush();
        if (bytes.length > staging.length) {
          await write([bytes]);
        } else {
          staging.set(bytes, staged);
          staged += bytes.length;
        }
      }
      await flush();
      const trailer = Buffer.alloc(TRAILER);
      const digest = createHash('sha1');
      for (const entry of index) digest.update(entry);
      digest.digest().copy(trailer, 0);
      trailer.writeUInt32LE(index.length, 20);
      trailer.write(MAGIC, 24, 'latin1');
      await write([...index, trailer]);
      await out.close();
      await replace();
      await rename(temp, file);
      return index.length;
    } catch (error) {
      await out.close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

export async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (!bytesRead) throw new Error('the file ended early');
    done += bytesRead;
  }
}

/** One buffer lent again and again (grown as needed): a view it gives lasts until the next. */
export class ReusedBuffer {
  private buffer = Buffer.allocUnsafe(0);

  /** A view of `size` bytes of the buffer. */
  of(size: number): Buffer {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}

/** A whole file's bytes read into `into` (they last until its next use), or undefined when it cannot be read. */
export async function readFileInto(path: string, into: ReusedBuffer): Promise<Buffer | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const bytes = into.of((await handle.stat()).size);
    await readFully(handle, bytes, 0);
    return bytes;
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
