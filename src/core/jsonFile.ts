// A JSON file of the user's work (corrections, groups, notes) that people may also edit by hand or merge
// in version control. Reading never throws: a file that does not parse or does not validate is reported
// with where the problem is, and then it is never overwritten until the user has fixed it or set it aside.
import { readFile, rename, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite.js';

export type Loaded<T> =
  | { state: 'missing' }
  | { state: 'ok'; value: T }
  | { state: 'corrupt'; message: string };

/** Raised when saving over a file that was found corrupt and has not been fixed since. */
export class CorruptFileError extends Error {}

export class JsonFile<T> {
  /** Modification time of the file last found corrupt: a save waits until it changes. */
  private corruptVersion: number | undefined;

  /** `validate` returns the value or throws an Error whose message says what is wrong. */
  constructor(readonly path: string, private readonly validate: (raw: unknown) => T) {}

  async load(): Promise<Loaded<T>> {
    let text: string;
    let version: number;
    try {
      version = (await stat(this.path)).mtimeMs;
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.corruptVersion = undefined;
        return { state: 'missing' };
      }
      return this.corrupt(Number.NaN, `cannot be read (${(e as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return this.corrupt(version, `is not valid JSON (${where(text, e as Error)})`);
    }
    try {
      const value = this.validate(raw);
      this.corruptVersion = undefined;
      return { state: 'ok', value };
    } catch (e) {
      return this.corrupt(version, `is not in the expected form (${(e as Error).message})`);
    }
  }

  /** Saves atomically; refuses to replace a corrupt file the user has not touched since it was read. */
  async save(value: T): Promise<void> {
    if (this.corruptVersion !== undefined) {
      const now = await stat(this.path).then((s) => s.mtimeMs, () => undefined);
      if (now === undefined) this.corruptVersion = undefined; // removed by the user: nothing to lose
      else if (now === this.corruptVersion || Number.isNaN(this.corruptVersion)) {
        throw new CorruptFileError(`${this.path} was not saved: the file on disk is damaged and holds work that would be lost. Fix it or set it aside first.`);
      }
    }
    await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`);
    this.corruptVersion = undefined;
  }

  /** Renames a corrupt file out of the way (kept beside it, dated) so that work can start afresh. */
  async setAside(now = new Date()): Promise<string> {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const kept = this.path.replace(/(\.json)?$/, `.damaged-${stamp}$1`);
    await rename(this.path, kept);
    this.corruptVersion = undefined;
    return kept;
  }

  private corrupt(version: number, problem: string): Loaded<T> {
    this.corruptVersion = version;
    return { state: 'corrupt', message: `${this.path} ${problem}. It was left as it is.` };
  }
}

/**
 * "Unexpected token ']' at line 4, column 3": where JSON.parse failed. The engine does not always give a
 * position, so find the shortest prefix that is wrong rather than merely unfinished.
 */
function where(text: string, error: Error): string {
  const wrong = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const at = /at position (\d+)/.exec((e as Error).message);
      return at ? Number(at[1]) < n : !/end of JSON input/.test((e as Error).message);
    }
  };
  let [low, high] = [0, text.length]; // wrong(high) holds
  while (low < high) {
    const mid = (low + high) >> 1;
    if (wrong(mid)) high = mid;
    else low = mid + 1;
  }
  const before = text.slice(0, Math.max(0, low - 1));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what = error.message.replace(/(, (\.\.\.)?".*| in JSON at position \d+)$/s, '');
  return `${what} at line ${line}, column ${column}`;
}
