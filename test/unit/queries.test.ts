// What hovers, the peek view and exports show, asked of the core directly.
import { strict as assert } from 'node:assert';
import { seedCorpus, seed } from './helpers/seeds.js';
import { annotationAt, entityReport, numberReport, quoteReport, sameItem, wordDiff } from '../../src/core/queries.js';
import { exportClaims } from '../../src/core/export.js';
import type { NumberAnnotation, QuoteAnnotation, EntityAnnotation } from '../../src/core/types.js';

const corpus = seedCorpus();
const at = (prefix: string, words: string) => {
  const id = seed(prefix);
  const offset = corpus.get(id)!.text.indexOf(words);
  assert.ok(offset >= 0, words);
  return { id, a: annotationAt(corpus, id, offset)! };
};

describe('cross-source queries', () => {
  it('a figure: the same quantity in every other source, with wording, qualifier and verdict', () => {
    const { id, a } = at('000', 'over 10,000');
    assert.equal(a.kind, 'number');
    const r = numberReport(corpus, id, a as NumberAnnotation);
    assert.deepEqual(r.matches.map((m) => m.doc.slice(0, 3)), ['001', '002', '003', '004']);
    for (const m of r.matches) {
      assert.equal(m.figure.text, 'over 10,000');
      assert.equal(m.verdict, 'agree');
    }
    assert.equal(r.verdict, 'agree');
  });

  it('a figure stated with different hedges agrees approximately', () => {
    const { id, a } = at('000', '50,000 soldiers');
    const r = numberReport(corpus, id, a as NumberAnnotation);
    const byDoc = Object.fromEntries(r.matches.map((m) => [m.doc.slice(0, 3), m]));
    assert.equal(byDoc['001'].figure.approx, 'some');
    assert.equal(byDoc['001'].verdict, 'approximate');
    assert.equal(byDoc['003'].figure.approx, 'nearly');
    assert.equal(r.verdict, 'approximate');
  });

  it('a quote: the speaker, every source carrying it, and the wording differences', () => {
    const { id, a } = at('000', 'I can confirm that over');
    assert.equal(a.kind, 'quote');
    const r = quoteReport(corpus, id, a as QuoteAnnotation);
    assert.deepEqual(r.matches.map((m) => m.doc.slice(0, 3)), ['001', '002', '003', '004']);
    const added = r.matches.find((m) => m.doc.startsWith('001'))!.diff.filter((d) => d.op === 'added').map((d) => d.text);
    assert.deepEqual(added, ['Today']);
    assert.ok(r.matches.some((m) => m.diff.some((d) => d.op === 'removed' && d.text === 'the')), 'far western / the far western');
  });

  it('a partial quote is matched inside the full quote; paraphrasing sources are listed apart', () => {
    const { id, a } = at('001', 'incredibly concerned');
    const r = quoteReport(corpus, id, a as QuoteAnnotation);
    assert.ok(r.matches.some((m) => m.doc.startsWith('000')) && r.matches.some((m) => m.doc.startsWith('002')));
    const trained = at('001', 'Russian forces have trained the DPRK');
    const p = quoteReport(corpus, trained.id, trained.a as QuoteAnnotation);
    assert.ok(p.paraphrases.length >= 2, 'the other outlets report the training without quoting it');
  });

  it('an entity: canonical name, aliases across outlets, sources and mentions', () => {
    const { a } = at('003', 'Zelenskyy');
    assert.equal(a.kind, 'entity');
    const r = entityReport(corpus, a as EntityAnnotation);
    assert.equal(r.record.label, 'PERSON');
    assert.match(r.record.name, /^Volodymyr Zelensk/);
    for (const alias of ['Zelensky', 'Zelenskyy', 'Zelenskiy']) assert.ok(r.record.aliases.some((x) => x.endsWith(alias)), alias);
    assert.deepEqual([...r.record.docs.keys()].map((d) => d.slice(0, 3)).sort(), ['001', '003', '004']);
    // A short form joins the one long form that adds a place in front of it.
    const department = entityReport(corpus, at('000', 'State Department deputy').a as EntityAnnotation);
    assert.match(department.record.name, /^U\.?S\.? State Department$/);
    assert.equal(department.record.docs.size, 5);
    const dprk = entityReport(corpus, at('000', 'DPRK').a as EntityAnnotation);
    assert.equal(dprk.record.name, 'North Korea');
    assert.equal(dprk.record.docs.size, 5);
  });

  it('the same item in every source, for Go to Definition and Find All References', () => {
    const { id, a } = at('004', 'Vedant Patel');
    const locations = sameItem(corpus, id, a);
    assert.ok(new Set(locations.map((l) => l.doc)).size === 5);
    for (const l of locations) assert.match(corpus.get(l.doc)!.text.slice(l.start, l.end), /Patel/);
  });

  it('word differences', () => {
    assert.deepEqual(wordDiff('I can confirm that', 'Today, I can confirm that'), [
      { op: 'added', text: 'Today' },
      { op: 'same', text: 'I can confirm that' },
    ]);
  });
});

describe('export', () => {
  const claims = corpus.claims();
  it('Markdown puts disagreements first and lists every passage with its source and line', () => {
    const md = exportClaims(claims, 'markdown');
    assert.match(md, /^# Claims across sources/);
    const first = md.indexOf('### ');
    assert.ok(md.slice(first).startsWith(`### ${[...claims].sort((a, b) => ['differ', 'approximate', 'agree', 'single'].indexOf(a.status) - ['differ', 'approximate', 'agree', 'single'].indexOf(b.status))[0].label}`));
    assert.match(md, /^- \*\*000_812b520c8dabc6dc\.txt\*\*, line \d+ — /m);
  });

  it('CSV has one row per passage and quotes fields with commas', () => {
    const csv = exportClaims(claims, 'csv').trim().split('\r\n');
    assert.equal(csv.length, 1 + claims.reduce((n, c) => n + c.passages.length, 0));
    assert.equal(csv[0], 'claim_id,claim,kind,status,shaped,claim_memo,sources,source,path,line,start,end,passage,passage_memo');
  });

  it('JSON round-trips', () => {
    const back = JSON.parse(exportClaims(claims, 'json'));
    assert.equal(back.claims.length, claims.length);
    assert.deepEqual(back.claims[0].passages[0].text, claims[0].passages[0].text);
  });
});
