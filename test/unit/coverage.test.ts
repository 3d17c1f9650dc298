// The coverage matrix on the sample corpus: what a reader checks in the table (who carries a claim, whose
// figures differ, what only one outlet reports), and that a huge corpus gives a bounded table.
import { strict as assert } from 'node:assert';
import { seedCorpus, seedTexts, seed } from './helpers/seeds.js';
import { Corpus } from '../../src/core/corpus.js';
import { coverageOf, type CoverageModel, type CoverageRow } from '../../src/core/coverage.js';

const short = (id: string) => id.slice(0, 3);

function rowWith(model: CoverageModel, corpus: Corpus, prefix: string, words: string): CoverageRow {
  const doc = seed(prefix);
  const claim = corpus.claims().find((c) => c.passages.some((p) => p.doc === doc && p.text.includes(words)));
  assert.ok(claim, `no claim with "${words}" in ${doc}`);
  const row = model.rows.find((r) => r.id === claim.id);
  assert.ok(row, `no row for "${claim.label}"`);
  return row;
}

const columnsOf = (model: CoverageModel, row: CoverageRow) => row.cells.map((c) => model.sources[c.source].label);

describe('coverage matrix', () => {
  const corpus = seedCorpus();
  const model = coverageOf(corpus, corpus.claims(), { label: short, file: (id) => `seeds/${id}` });

  it('has one column per source, in corpus order, with its label and file', () => {
    assert.deepEqual(model.sources.map((s) => s.label), ['000', '001', '002', '003', '004']);
    assert.equal(model.sources[0].file, `seeds/${seed('000')}`);
    assert.equal(model.totalSources, 5);
  });

  it('has one row per claim, in the order given, each with its label, kind, status and reach', () => {
    const claims = corpus.claims();
    assert.equal(model.totalClaims, claims.length);
    assert.deepEqual(model.rows.map((r) => r.id), claims.map((c) => c.id));
    for (const [i, row] of model.rows.entries()) {
      assert.equal(row.sourceCount, claims[i].sources.length);
      assert.equal(row.cells.length, claims[i].sources.length, row.label);
    }
  });

  it('a claim carried by several sources has cells in exactly those sources, each opening its first passage', () => {
    const row = rowWith(model, corpus, '000', 'effectiveness of the North Korean troops');
    assert.deepEqual(columnsOf(model, row), ['000', '001', '002']);
    const confirmation = rowWith(model, corpus, '000', 'over 10,000 DPRK soldiers');
    assert.deepEqual(columnsOf(model, confirmation), ['000', '001', '002', '003', '004']);
    assert.equal(confirmation.status, 'agree');
    assert.equal(confirmation.kind, 'quote');
    const upi = confirmation.cells[0];
    const text = corpus.get(seed('000'))!.text;
    assert.match(text.slice(upi.first.start, upi.first.end), /I can confirm that over 10,000 DPRK soldiers/);
    assert.equal(text.slice(0, upi.first.start).split('\n').length, upi.first.line);
    assert.ok(confirmation.cells.every((c) => c.figures.includes('over 10,000') && !c.differsFrom.length && !c.differsFromMost && !c.only));
  });

  it('figures that agree only approximately are not marked as differing', () => {
    const row = rowWith(model, corpus, '000', 'amassing 50,000 soldiers');
    assert.equal(row.status, 'approximate');
    const reuters = row.cells.find((c) => model.sources[c.source].label === '001')!;
    assert.ok(reuters.figures.includes('some 50,000'), reuters.figures.join());
    assert.ok(row.cells.every((c) => !c.differsFrom.length));
  });

  it('single-source claims are flagged in their one cell', () => {
    const row = rowWith(model, corpus, '003', 'including 11,000 North Koreans');
    assert.equal(row.status, 'single');
    assert.deepEqual(columnsOf(model, row), ['003']);
    assert.ok(row.cells[0].only);
    for (const r of model.rows) assert.equal(r.cells.some((c) => c.only), r.status === 'single', r.label);
  });

  it('a figure disagreement marks the differing cell, and which sources it differs from', () => {
    // One outlet reports the confirmed deployment as 30,000 instead of 10,000.
    const dissenting = new Corpus();
    for (const { id, text } of seedTexts()) dissenting.set(id, id.startsWith('003') ? text.replace('over 10,000 DPRK', 'over 30,000 DPRK') : text);
    const matrix = coverageOf(dissenting, dissenting.claims(), { label: short });
    const row = rowWith(matrix, dissenting, '000', 'over 10,000 DPRK soldiers');
    assert.equal(row.status, 'differ');
    const byLabel = new Map(row.cells.map((c) => [matrix.sources[c.source].label, c]));
    assert.ok(byLabel.get('003')!.figures.includes('over 30,000'));
    assert.deepEqual(byLabel.get('003')!.differsFrom.map(short).sort(), ['000', '001', '002', '004']);
    for (const other of ['000', '001', '002', '004']) assert.deepEqual(byLabel.get(other)!.differsFrom.map(short), ['003'], other);
    // The odd one out is the one that says 30,000.
    assert.deepEqual(row.cells.filter((c) => c.differsFromMost).map((c) => matrix.sources[c.source].label), ['003']);
    // Every differing cell is in a claim whose status says so, and the other way round.
    for (const r of matrix.rows) assert.equal(r.cells.some((c) => c.differsFrom.length), r.status === 'differ', r.label);
  });

  it('a large corpus gives a bounded table that says what it leaves out', () => {
    const capped = coverageOf(corpus, corpus.claims(), { label: short, maxSources: 2, maxRows: 10 });
    assert.deepEqual(capped.sources.map((s) => s.label), ['000', '001']);
    assert.equal(capped.totalSources, 5);
    assert.equal(capped.rows.length, 10);
    // Rows carried only by sources left out would be empty: they are not rows.
    for (const r of capped.rows) assert.ok(r.cells.length && r.cells.every((c) => c.source < 2));
    assert.equal(capped.totalClaims, corpus.claims().length);
  });

  it('two sources that disagree are both the odd one out', () => {
    const pair = new Corpus();
    for (const { id, text } of seedTexts().filter((s) => /^00[03]/.test(s.id))) pair.set(id, id.startsWith('003') ? text.replace('over 10,000 DPRK', 'over 30,000 DPRK') : text);
    const matrix = coverageOf(pair, pair.claims(), { label: short });
    const row = rowWith(matrix, pair, '000', 'over 10,000 DPRK soldiers');
    assert.equal(row.status, 'differ');
    assert.deepEqual(row.cells.filter((c) => c.differsFromMost).map((c) => matrix.sources[c.source].label), ['000', '003']);
  });

  it('is plain data: it survives JSON as it is', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
  });
});
