// One analysis per distinct text, shared by the tasks (the ECB+ quote gold repeats ECB+ articles).
// `analyze` is what Corpus.set runs, so this is the CLI's code path; corpora are given these analyses.
import { analyze } from '../../src/core/pipeline.js';
import type { DocumentAnalysis } from '../../src/core/types.js';

const cache = new Map<string, DocumentAnalysis>();

export function analysisOf(text: string): DocumentAnalysis {
  let a = cache.get(text);
  if (!a) cache.set(text, (a = analyze(text)));
  return a;
}
