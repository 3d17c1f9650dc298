// 3. One ~10 KB document edited again and again in a corpus of 1,000: what a save costs, from the new text
// to the document's claims read back. Timed: analyze(edited) + corpus.set(id, edited, analysis) +
// corpus.claimAt(id, offset) for each of the document's passages.
import { analyze } from '../../../src/core/pipeline.js';
import { spillingCorpus, type Bench } from '../context.js';
import { distribution, median, now, type Distribution } from '../measure.js';
import { rngFor } from '../random.js';
import { fmt, ms } from '../report.js';
import { editDocument } from '../vary.js';

const TARGET_P95_MS = 30;

export function editReanalysis(bench: Bench): Record<string, unknown> {
  const { report, options } = bench;
  const size = Math.min(1_000, options.docs);
  const edits = 60;
  const warmups = 5;
  const editable = bench.generator.editableDocument();
  const others = bench.docs.slice(0, size - 1);
  const analyses = bench.analyses.upTo(size - 1);

  report.section(`3. Re-analysing one edited ~10 KB document in a ${fmt(size, 0)}-document corpus`);
  // As the extension has it: other sources' passages are read back from the texts' spill file.
  const { corpus, close } = spillingCorpus();
  others.forEach((d, i) => corpus.set(d.id, d.text, analyses[i]));
  corpus.set(editable.id, editable.text);
  corpus.claims();

  const rng = rngFor(options.seed, 'edits');
  let text = editable.text;
  const total: number[] = [];
  const analysing: number[] = [];
  const setting: number[] = [];
  const updating: number[] = [];
  const reading: number[] = [];
  let passages = 0;
  for (let i = 0; i < warmups + edits; i++) {
    text = editDocument(rng, text);
    const t0 = now();
    const analysis = analyze(text);
    const t1 = now();
    corpus.set(editable.id, text, analysis);
    const t2 = now();
    // As the extension's indexer does when the analysis lands.
    corpus.updateClaims();
    const t3 = now();
    const doc = corpus.get(editable.id)!;
    for (const p of doc.passages) corpus.claimAt(editable.id, p.start);
    const t4 = now();
    if (i < warmups) continue;
    total.push(t4 - t0);
    analysing.push(t1 - t0);
    setting.push(t2 - t1);
    updating.push(t3 - t2);
    reading.push(t4 - t3);
    passages = doc.passages.length;
  }

  const d: Distribution = distribution(total);
  report.line(`Document: ${editable.id}, ${fmt(editable.text.length, 0)} characters, ${passages} passages; corpus of ${fmt(size, 0)} documents.`);
  report.line(`${edits} successive edits (a few words or one figure each), after ${warmups} untimed; no forced GC between edits.`);
  report.line();
  report.table(
    ['step', 'median'],
    [
      ['analyze(edited)', ms(median(analysing))],
      ['corpus.set(id, edited, analysis)', ms(median(setting))],
      ['corpus.updateClaims()', ms(median(updating))],
      ['claimAt() for every passage', ms(median(reading))],
    ],
  );
  report.line();
  report.line(`Total per edit: p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)}  (target p95 < ${TARGET_P95_MS} ms)`);
  report.check('edit → claims back, p50', d.p50, 'ms', null);
  report.check('edit → claims back, p95', d.p95, 'ms', { op: '<', value: TARGET_P95_MS });
  close();
  return {
    document: { id: editable.id, length: editable.text.length, passages },
    corpusSize: size,
    edits,
    total: d,
    medians: { analyzeMs: median(analysing), setMs: median(setting), updateClaimsMs: median(updating), claimAtMs: median(reading) },
  };
}
