// Analyses kept on disk by content hash, so that reopening a folder of thousands of sources reads
// annotations instead of recomputing them. Entries are per analyser version: a new version of the
// annotators starts an empty cache and removes the old one.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { DocumentAnalysis } from '../types.js';

/** The version of the annotators a worker bundle carries: its hash, so any change to them starts a new cache. */
export async function analyserVersion(workerFile: string): Promise<string> {
  return createHash('sha1').update(await readFile(workerFile)).digest('hex').slice(0, 16);
}

export class AnalysisCache {
  private constructor(private readonly dir: string) {}

  /** The cache for analyser `version` under `root` (created if need be); other versions' entries go. */
  static async open(root: string, version: string): Promise<AnalysisCache> {
    const dir = join(root, `v-${version}`);
    await mkdir(dir, { recursive: true });
    for (const old of await readdir(root)) {
      if (old.startsWith('v-') && old !== `v-${version}`) await rm(join(root, old), { recursive: true, force: true });
    }
    return new AnalysisCache(dir);
  }

  private path(hash: string): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The analysis of the text with this hash, if cached and readable. */
  async get(hash: string): Promise<DocumentAnalysis | undefined> {
    try {
      const analysis = JSON.parse(await readFile(this.path(hash), 'utf8')) as DocumentAnalysis;
      // A damaged entry (a crash mid-write on a file system without atomic rename) is a miss.
      const lists = [analysis.quotes, analysis.entities, analysis.numbers, analysis.sentences, analysis.paragraphs];
      return lists.every(Array.isArray) ? analysis : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores an analysis; a failure only means a later miss. Not writeFileAtomic: an entry is no user's work,
   * and an fsync for each of thousands of entries would slow the first scan for nothing.
   */
  async put(hash: string, analysis: DocumentAnalysis): Promise<void> {
    const path = this.path(hash);
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true });
      await writeFile(temp, JSON.stringify(analysis));
      await rename(temp, path);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
