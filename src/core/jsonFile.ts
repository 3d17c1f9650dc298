// A JSON file of the user's work (corrections, groups, notes) that people may also edit by hand or merge
// in version control. Reading never throws: a file that does not parse or does not validate is reported
// with where the problem is, and then it is never overwritten until the user has fixed it or set it aside.
import { readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite.js';

export type Loaded<T> =
  | { state: 'missing' }
  | { state: 'ok'; value: T }
  | { state: 'corrupt'; message: string };

/** Raised when saving over a file that was found corrupt and has not been fixed since. */
export class CorruptFileError extends Error {}

export class JsonFile<T> {
  /** The last load found the file damaged: a save first checks that it has been fixed or removed. */
  private damaged = false;

  /** `validate` returns the value or throws an Error whose message says what is wrong. */
  constructor(readonly path: string, private readonly validate: (raw: unknown) => T) {}

  async load(): Promise<Loaded<T>> {
    const loaded = await this.read();
    this.damaged = loaded.state === 'corrupt';
    return loaded;
  }

  /** Saves atomically; refuses to replace a file found damaged unless it has since been fixed or removed. */
  async save(value: T): Promise<void> {
    if (this.damaged && (await this.load()).state === 'corrupt') {
      throw new CorruptFileError(`${this.path} was not saved: the file on disk is damaged and holds work that would be lost. Fix it or set it aside first.`);
    }
    await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Renames a corrupt file out of the way (kept beside it, dated) so that work can start afresh. */
  async setAside(now = new Date()): Promise<string> {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const kept = this.path.replace(/(\.json)?$/, `.damaged-${stamp}$1`);
    await rename(this.path, kept);
    this.damaged = false;
    return kept;
  }

  private async read(): Promise<Loaded<T>> {
    const corrupt = (problem: string): Loaded<T> => ({ state: 'corrupt', message: `${this.path} ${problem}. It was left as it is.` });
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      return corrupt(`cannot be read (${(e as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return corrupt(`is not valid JSON (${where(text, e as Error)})`);
    }
    try {
      return { state: 'ok', value: this.validate(raw) };
    } catch (e) {
      return corrupt(`is not in the expected form (${(e as Error).message})`);
    }
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
