// A session's file for document texts moved out of memory (see TextStore): written once, a slab at a time,
// and read back a text at a time. At 10,000 sources the texts were about 50 MiB of the extension host's
// memory; in a file, the system keeps what is read often in its page cache, which it can take back.
import { closeSync, mkdirSync, openSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const NAME = /^texts-[\w-]+\.tmp$/;

export class TextSpill {
  private end = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    /** The file's name; on POSIX it is already unlinked (the open file stays readable). */
    readonly path: string,
  ) {}

  /** A new spill file in `dir` (created if need be), or undefined when none can be made there. */
  static open(dir: string): TextSpill | undefined {
    try {
      mkdirSync(dir, { recursive: true });
      // Files left by sessions that ended without closing theirs. Only Windows leaves them visible, and there
      // a file still open cannot be deleted: the failure tells those in use.
      for (const name of readdirSync(dir)) {
        if (NAME.test(name)) {
          try {
            unlinkSync(join(dir, name));
          } catch {
            // In use by another window.
          }
        }
      }
      const path = join(dir, `texts-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      const fd = openSync(path, 'wx+', 0o600);
      // Where an open file outlives its name, nothing is left behind, even by a crash.
      if (process.platform !== 'win32') unlinkSync(path);
      return new TextSpill(fd, path);
    } catch {
      return undefined;
    }
  }

  /** Bytes written so far. */
  get size(): number {
    return this.end;
  }

  /** Appends `bytes`; returns where they start, or undefined when they could not all be written (disk full). */
  append(bytes: Uint8Array): number | undefined {
    if (this.closed) return undefined;
    const at = this.end;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    } catch {
      return undefined;
    }
    this.end += bytes.length;
    return at;
  }

  /** Reads `into.length` bytes from `position`; throws, saying so, when they cannot be read back. */
  read(into: Uint8Array, position: number): void {
    try {
      // A closed descriptor's number may already be another file's.
      if (this.closed) throw new Error('the file was closed');
      for (let done = 0; done < into.length; ) {
        const n = readSync(this.fd, into, done, into.length - done, position + done);
        if (n === 0) throw new Error('the file is shorter than what was written to it');
        done += n;
      }
    } catch (error) {
      throw new Error(`A source's text could not be read back from ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
      if (process.platform === 'win32') unlinkSync(this.path);
    } catch {
      // Already gone: nothing to free.
    }
  }
}
