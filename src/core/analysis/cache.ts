// Analyses kept on disk by content hash, so that reopening a folder of thousands of sources reads
// annotations instead of recomputing them. Entries are per analyser version: a new version of the
// annotators starts an empty cache and removes the old one.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { DocumentAnalysis } from '../types.js';
import { AnalysisPack, readFileInto, ReusedBuffer } from './pack.js';

/** Texts not in the pack (or in it for nothing) past which packing again pays. */
const PACK_SLACK = 32;

/** The version of the annotators a worker bundle carries: its hash, so any change to them starts a new cache. */
export async function analyserVersion(workerFile: string): Promise<string> {
  return createHash('sha1').update(await readFile(workerFile)).digest('hex').slice(0, 16);
}

export class AnalysisCache {
  /** The entries of the last scan's texts in one file (pack.ts); each entry's own file stays the truth. */
  private pack: AnalysisPack | undefined;
  private closed = false;
  /** Entries read since opening: from the pack, from their own files. */
  readonly reads = { packed: 0, files: 0 };

  /** `dir`: this version's folder; other files of this version (the saved claims) may go in it too. */
  private constructor(readonly dir: string) {}

  /** The cache for analyser `version` under `root` (created if need be); other versions' entries go. */
  static async open(root: string, version: string): Promise<AnalysisCache> {
    const dir = join(root, `v-${version}`);
    await mkdir(dir, { recursive: true });
    for (const old of await readdir(root)) {
      if (old.startsWith('v-') && old !== `v-${version}`) await rm(join(root, old), { recursive: true, force: true });
    }
    const cache = new AnalysisCache(dir);
    cache.pack = await AnalysisPack.open(cache.packFile);
    return cache;
  }

  private get packFile(): string {
    return join(this.dir, 'analyses.pack');
  }

  private path(hash: string): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  /** The analysis of the text with this hash, if cached and readable. */
  async get(hash: string): Promise<DocumentAnalysis | undefined> {
    const packed = parsed(await this.pack?.get(hash));
    if (packed) {
      this.reads.packed++;
      return packed;
    }
    const analysis = parsed(await readFile(this.path(hash)).catch(() => undefined));
    if (analysis) this.reads.files++;
    return analysis;
  }

  /** Whether packing the entries of these texts would pay: many are not in the pack, or most of it is of other texts. */
  packWanted(hashes: readonly string[]): boolean {
    if (this.closed) return false;
    const packed = this.pack?.size ?? 0;
    const inPack = this.pack ? hashes.filter((h) => this.pack!.has(h)).length : 0;
    return hashes.length - inPack > Math.max(PACK_SLACK, hashes.length / 20) || packed - inPack > Math.max(PACK_SLACK, packed / 2);
  }

  /** Packs the entries of these texts, in this order (a scan reads them in it); a failure leaves files only. */
  async repack(hashes: readonly string[]): Promise<void> {
    const old = this.pack;
    // An entry cut short (a crash mid-write) is left out: the JSON of an analysis is an object.
    const whole = (b: Uint8Array | undefined) => (b && b.length > 1 && b[0] === 0x7b && b[b.length - 1] === 0x7d ? b : undefined);
    const retire = async () => {
      this.pack = undefined;
      old?.close();
    };
    try {
      // Every entry read into one buffer, copied out before the next is read (see AnalysisPack.write).
      const buffer = new ReusedBuffer();
      await AnalysisPack.write(this.packFile, hashes, async (h) => whole(await old?.get(h, buffer)) ?? whole(await readFileInto(this.path(h), buffer)), retire);
    } catch {
      return; // the old pack still serves, or (renaming failed) the files do
    }
    const pack = await AnalysisPack.open(this.packFile);
    if (this.closed) pack?.close();
    else this.pack = pack;
  }

  close(): void {
    this.closed = true;
    this.pack?.close();
    this.pack = undefined;
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

/** An analysis from its JSON, or undefined when damaged (a crash mid-write on a file system without atomic rename). */
function parsed(bytes: Uint8Array | undefined): DocumentAnalysis | undefined {
  if (!bytes) return undefined;
  try {
    const analysis = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as DocumentAnalysis;
    const lists = [analysis.quotes, analysis.entities, analysis.numbers, analysis.sentences, analysis.paragraphs];
    return lists.every(Array.isArray) ? analysis : undefined;
  } catch {
    return undefined;
  }
}
