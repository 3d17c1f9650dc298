// What every section of the benchmark shares: the options, the report, the generated documents and their
// analyses, computed once and kept (the sections time what comes after analysis, or analyse on purpose).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus } from '../../src/core/corpus.js';
import { analyze } from '../../src/core/pipeline.js';
import { TextSpill } from '../../src/core/textSpill.js';
import type { DocumentAnalysis } from '../../src/core/types.js';
import type { CorpusGenerator, GeneratedDocument } from './corpus.js';
import type { Report } from './report.js';
import { now } from './measure.js';

export interface Options {
  /** Size of the largest corpus (claims build, memory). */
  docs: number;
  /** Smaller samples and fewer repetitions, for a run of a minute or two. */
  quick: boolean;
  json: string | null;
  seed: string;
  /** Sections to run (all when null). */
  only: string[] | null;
}

export class Analyses {
  private readonly done: DocumentAnalysis[] = [];
  /** Milliseconds spent analysing, for the record. */
  ms = 0;

  constructor(private readonly docs: GeneratedDocument[]) {}

  /** Analyses of the first `count` documents, analysing those not done yet. */
  upTo(count: number): DocumentAnalysis[] {
    const start = now();
    for (let i = this.done.length; i < count; i++) this.done.push(analyze(this.docs[i].text));
    this.ms += now() - start;
    return this.done.slice(0, count);
  }
}

export interface Bench {
  options: Options;
  report: Report;
  generator: CorpusGenerator;
  /** The first `options.docs` documents of the corpus. */
  docs: GeneratedDocument[];
  analyses: Analyses;
}

/** Documents taken in corpus order until their text adds up to `chars` UTF-16 units. */
export function docsTotalling(docs: GeneratedDocument[], chars: number): GeneratedDocument[] {
  const out: GeneratedDocument[] = [];
  let total = 0;
  for (const d of docs) {
    if (total >= chars) break;
    out.push(d);
    total += d.text.length;
  }
  return out;
}

export const lengthOf = (docs: { text: string }[]): number => docs.reduce((n, d) => n + d.text.length, 0);

/**
 * A corpus whose texts go to a spill file, as the extension's do (core/textSpill.ts): hovers and edits read
 * other sources' passages back from it. `close` closes the file and removes its folder.
 */
export function spillingCorpus(): { corpus: Corpus; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-texts-'));
  const corpus = new Corpus();
  const spill = TextSpill.open(dir);
  if (spill) corpus.spillTextsTo(spill);
  return {
    corpus,
    close() {
      spill?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
