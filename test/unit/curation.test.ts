// The researcher's corrections, shaped claims and notes on the seed articles: each applies at once to what
// every view reads (annotations, entities, claims), follows the text through edits, and is never dropped.
import { strict as assert } from 'node:assert';
import { seedCorpus, seed } from './helpers/seeds.js';
import { Corpus } from '../../src/core/corpus.js';
import type { Claim } from '../../src/core/claims/claims.js';
import type { EntityAnnotation } from '../../src/core/types.js';
import { emptyCuration, validateCuration, mapSources, type Curation } from '../../src/core/curation/model.js';
import * as edit from '../../src/core/curation/edit.js';

function fresh(): Corpus {
  return seedCorpus();
}

function at(corpus: Corpus, doc: string, words: string): { start: number; end: number } {
  const start = corpus.get(doc)!.text.indexOf(words);
  assert.ok(start >= 0, `"${words}" not in ${doc}`);
  return { start, end: start + words.length };
}

function claimWith(corpus: Corpus, doc: string, words: string): Claim {
  const c = corpus.claims().find((x) => x.passages.some((p) => p.doc === doc && p.text.includes(words)));
  assert.ok(c, `no claim with "${words}"`);
  return c;
}

const upi = seed('000');
const reuters = seed('001');

describe('curation: corrections', () => {
  it('removes a quote and adds it back by undoing the removal', () => {
    const corpus = fresh();
    const quote = corpus.get(upi)!.analysis.quotes[0];
    const removed = edit.removeAnnotation(emptyCuration(), corpus, upi, quote);
    corpus.setCuration(removed);
    assert.ok(!corpus.annotations(upi).some((a) => a.kind === 'quote' && a.start === quote.start));
    assert.equal(corpus.get(upi)!.raw.quotes.length, corpus.get(upi)!.analysis.quotes.length + 1, 'the machine result is kept');
    corpus.setCuration(emptyCuration());
    assert.ok(corpus.annotations(upi).some((a) => a.kind === 'quote' && a.start === quote.start));
  });

  it('adds an entity, a number and a quote with a speaker from a selection', () => {
    const corpus = fresh();
    const span = at(corpus, upi, 'downtown Seoul');
    let c = edit.addAnnotation(emptyCuration(), corpus, upi, span, { kind: 'entity', label: 'PLACE' });
    const bucket = at(corpus, upi, 'a couple of items');
    c = edit.addAnnotation(c, corpus, upi, bucket, { kind: 'number' });
    corpus.setCuration(c);
    const entity = corpus.annotations(upi).find((a) => a.kind === 'entity' && a.start === span.start);
    assert.ok(entity && entity.kind === 'entity' && entity.label === 'PLACE' && entity.text === 'downtown Seoul');
    const figure = corpus.annotations(upi).find((a) => a.kind === 'number' && a.start === bucket.start);
    assert.ok(figure, 'the number is added');
    const sentence = at(corpus, reuters, 'Pyongyang and Moscow have not openly confirmed');
    corpus.setCuration(edit.addAnnotation(c, corpus, reuters, sentence, { kind: 'quote', speaker: 'Reuters' }));
    const quote = corpus.annotations(reuters).find((a) => a.kind === 'quote' && a.start === sentence.start);
    assert.ok(quote && quote.kind === 'quote' && quote.speaker?.name === 'Reuters');
  });

  it('changes a speaker, and the quote is found under the new speaker in every source', () => {
    const corpus = fresh();
    const quote = corpus.get(upi)!.analysis.quotes.find((q) => q.text.includes('bucket list'))!;
    assert.notEqual(quote.speaker?.name, 'Lee Sung-joon');
    corpus.setCuration(edit.setSpeaker(emptyCuration(), corpus, upi, quote, 'Lee Sung-joon'));
    const after = corpus.annotations(upi).find((a) => a.kind === 'quote' && a.start === quote.start);
    assert.ok(after?.kind === 'quote' && after.speaker?.name === 'Lee Sung-joon');
    assert.ok(corpus.docsQuoting('Lee Sung-joon').includes(upi));
  });

  it('retypes an entity everywhere, merges two into one and splits them again', () => {
    const corpus = fresh();
    const kursk = corpus.annotations(upi).find((a) => a.kind === 'entity' && a.text.startsWith('Kursk'));
    assert.ok(kursk && kursk.kind === 'entity');
    corpus.setCuration(edit.retypeEntity(emptyCuration(), kursk, 'ORG'));
    for (const doc of corpus.documents()) {
      for (const a of corpus.annotations(doc.id)) if (a.kind === 'entity' && a.name === kursk.name) assert.equal(a.label, 'ORG');
    }
    const merged = edit.mergeEntities(emptyCuration(), { name: 'Pyongyang', label: 'PLACE' }, { name: 'North Korea', label: 'PLACE' });
    corpus.setCuration(merged);
    const record = corpus.entity({ name: 'North Korea', label: 'PLACE' });
    assert.ok(record.aliases.includes('Pyongyang'), `aliases: ${record.aliases}`);
    assert.ok(record.docs.has(reuters));
    corpus.setCuration(edit.splitEntity(merged, record, 'Pyongyang'));
    assert.ok(!corpus.entity({ name: 'North Korea', label: 'PLACE' }).aliases.includes('Pyongyang'));
  });

  it('keeps a short name apart from the long name the machine joined it to', () => {
    const corpus = new Corpus();
    corpus.set('a.txt', 'State Department spokesman Matthew Miller spoke to reporters in Washington on Monday.');
    corpus.set('b.txt', 'Officials said Miller had left the building before noon on Tuesday.');
    const miller = corpus.entity({ name: 'Miller', label: 'PERSON' });
    assert.equal(miller.name, 'Matthew Miller');
    corpus.setCuration(edit.splitEntity(emptyCuration(), miller, 'Miller'));
    assert.equal(corpus.entity({ name: 'Miller', label: 'PERSON' }).name, 'Miller');
    assert.ok(!corpus.entity({ name: 'Matthew Miller', label: 'PERSON' }).docs.has('b.txt'));
  });

  it('keeps apart a short name the annotator joined to a long one within an article (`Kim`)', () => {
    const corpus = fresh();
    const kim = () => corpus.annotations(reuters).find((a): a is EntityAnnotation => a.kind === 'entity' && a.text === 'Kim')?.name;
    assert.equal(kim(), 'Kim Jong Un');
    corpus.setCuration(edit.splitEntity(emptyCuration(), { name: 'Kim Jong Un', label: 'PERSON' }, 'Kim'));
    assert.equal(kim(), 'Kim');
    assert.ok(!corpus.entity({ name: 'Kim Jong Un', label: 'PERSON' }).docs.has(reuters) || corpus.annotations(reuters).some((a) => a.kind === 'entity' && a.text === 'Kim Jong Un'));
  });

  it('a name merged into an entity follows the entity when it is retyped, and merges chain', () => {
    const corpus = fresh();
    let c = edit.mergeEntities(emptyCuration(), { name: 'Pyongyang', label: 'PLACE' }, { name: 'North Korea', label: 'PLACE' });
    c = edit.retypeEntity(c, { name: 'North Korea', label: 'PLACE' }, 'ORG');
    corpus.setCuration(c);
    const pyongyang = corpus.annotations(reuters).find((a) => a.kind === 'entity' && a.text === 'Pyongyang');
    assert.deepEqual(pyongyang?.kind === 'entity' && [pyongyang.name, pyongyang.label], ['North Korea', 'ORG']);
    c = edit.mergeEntities(edit.mergeEntities(emptyCuration(), { name: 'Pyongyang', label: 'PLACE' }, { name: 'North Korea', label: 'PLACE' }), { name: 'North Korea', label: 'PLACE' }, { name: 'DPRK', label: 'PLACE' });
    assert.deepEqual(c.corrections.map((x) => x.action === 'merge' && x.into), ['DPRK', 'DPRK']);
  });
});

describe('curation: claims shaped by the researcher', () => {
  it('renames a claim, which keeps its passages and gathers a source added later', () => {
    const corpus = new Corpus();
    const texts = seedCorpus().documents().map((d) => [d.id, d.text] as const);
    for (const [id, text] of texts.slice(0, 4)) corpus.set(id, text);
    const claim = claimWith(corpus, upi, 'over 10,000 DPRK soldiers');
    corpus.setCuration(edit.renameClaim(emptyCuration(), corpus, claim, 'US confirms 10,000 troops'));
    const renamed = corpus.claims().find((c) => c.label === 'US confirms 10,000 troops');
    assert.ok(renamed?.shaped);
    assert.deepEqual(renamed.sources, claim.sources);
    corpus.set(texts[4][0], texts[4][1]);
    const grown = corpus.claims().find((c) => c.label === 'US confirms 10,000 troops')!;
    assert.ok(grown.sources.includes(texts[4][0]), 'the fifth source joins the renamed claim');
  });

  it('merges two claims and moves a passage between claims; hovers see the same claim', () => {
    const corpus = fresh();
    const a = claimWith(corpus, upi, 'over 10,000 DPRK soldiers');
    const b = claimWith(corpus, upi, 'bucket list');
    let c = edit.mergeClaims(emptyCuration(), corpus, a, b);
    corpus.setCuration(c);
    const merged = corpus.claims().find((x) => x.passages.some((p) => p.text.includes('bucket list')))!;
    assert.ok(merged.passages.some((p) => p.text.includes('over 10,000 DPRK soldiers')));
    assert.equal(corpus.claims().filter((x) => x.passages.some((p) => p.text.includes('bucket list'))).length, 1);
    const passage = merged.passages.find((p) => p.text.includes('bucket list'))!;
    const other = claimWith(corpus, reuters, 'Pyongyang and Moscow have not openly confirmed');
    c = edit.movePassages(c, corpus, [passage], other);
    corpus.setCuration(c);
    assert.equal(corpus.claimAt(upi, passage.start + 1)!.claim.id, corpus.claimOf(passage)!.id);
    assert.ok(corpus.claimOf(passage)!.passages.some((p) => p.text.includes('Pyongyang and Moscow')));
    assert.ok(corpus.claims().find((x) => x.passages.some((p) => p.text.includes('over 10,000 DPRK soldiers')))!.passages.every((p) => !p.text.includes('bucket list')));
  });

  it('a shaped claim whose every passage moved out is gone from the curation', () => {
    const corpus = fresh();
    const bucket = claimWith(corpus, upi, 'bucket list');
    corpus.setCuration(edit.renameClaim(emptyCuration(), corpus, bucket, 'Bucket list'));
    const renamed = corpus.claims().find((c) => c.label === 'Bucket list')!;
    const target = claimWith(corpus, reuters, 'Pyongyang and Moscow have not openly confirmed');
    const moved = edit.movePassages(corpus.curation, corpus, renamed.passages, target);
    assert.ok(!moved.claims.some((c) => c.title === 'Bucket list'));
  });

  it('creates a claim from a selection, with notes on it and on a passage', () => {
    const corpus = fresh();
    const span = at(corpus, upi, 'bucket list');
    const passages = [corpus.passageAt(upi, span.start)!];
    const made = edit.claimFromPassages(emptyCuration(), corpus, passages, 'Kim wants ICBM re-entry technology');
    let c = edit.setClaimMemo(made.curation, corpus, corpus.claims().find((x) => x.id === made.id) ?? ({ id: made.id } as Claim), 'Check against 38 North');
    corpus.setCuration(c);
    const claim = corpus.claims().find((x) => x.id === made.id)!;
    assert.equal(claim.label, 'Kim wants ICBM re-entry technology');
    assert.equal(claim.memo, 'Check against 38 North');
    c = edit.setPassageMemo(c, corpus, passages[0], 'Doo is a KIDA researcher');
    corpus.setCuration(c);
    assert.equal(corpus.memoOf(passages[0]), 'Doo is a KIDA researcher');
  });
});

describe('curation: marks follow the text and are never dropped', () => {
  it('a correction follows its text through an edit above it, and is listed as orphaned when its text goes', () => {
    const corpus = fresh();
    const text = corpus.get(upi)!.text;
    const span = at(corpus, upi, 'downtown Seoul');
    corpus.setCuration(edit.addAnnotation(emptyCuration(), corpus, upi, span, { kind: 'entity', label: 'PLACE' }));
    const edited = `A new first paragraph, inserted by the researcher.\n\n${text}`;
    corpus.set(upi, edited);
    const moved = corpus.annotations(upi).find((a) => a.kind === 'entity' && a.text === 'downtown Seoul');
    assert.equal(moved?.start, edited.indexOf('downtown Seoul'));
    assert.deepEqual(corpus.orphans(), []);
    corpus.set(upi, edited.replace(/[^\n]*downtown Seoul[^\n]*/, 'That paragraph was cut.'));
    const orphans = corpus.orphans();
    assert.equal(orphans.length, 1);
    assert.equal(orphans[0].reason, 'text gone');
    assert.equal(orphans[0].owner, 'added entity');
    corpus.delete(upi);
    assert.equal(corpus.orphans()[0].reason, 'source gone');
  });

  it('re-anchors marks where their text is now, so that edit after edit they are still found', () => {
    const corpus = fresh();
    const words = 'a briefing with international media in downtown Seoul';
    const at = corpus.get(upi)!.text.indexOf(words);
    let c = edit.addAnnotation(emptyCuration(), corpus, upi, { start: at, end: at + words.length }, { kind: 'quote', speaker: null });
    corpus.setCuration(c);
    assert.equal(edit.reanchor(c, corpus, upi), c, 'nothing moved: the same curation');
    let text = corpus.get(upi)!.text.replace(words, 'a briefing with foreign media in downtown Seoul');
    corpus.set(upi, `Added above.\n${text}`);
    c = edit.reanchor(c, corpus, upi);
    const anchor = (c.corrections[0] as { anchor: { exact: string; start: number } }).anchor;
    assert.equal(anchor.exact, 'a briefing with foreign media in downtown Seoul');
    assert.equal(anchor.start, corpus.get(upi)!.text.indexOf(anchor.exact));
    corpus.setCuration(c);
    text = corpus.get(upi)!.text.replace('a briefing with foreign media', 'a press briefing with foreign media');
    corpus.set(upi, text);
    assert.deepEqual(corpus.orphans(), [], 'found after a second edit that, from the first text, would be too far');
  });

  it('a shaped claim whose passage is gone lists it as orphaned', () => {
    const corpus = fresh();
    const claim = claimWith(corpus, upi, 'bucket list');
    corpus.setCuration(edit.renameClaim(emptyCuration(), corpus, claim, 'Bucket list'));
    const text = corpus.get(upi)!.text;
    corpus.set(upi, text.replace(/[^\n]*bucket list[^\n]*/, 'Gone.'));
    assert.ok(corpus.orphans().some((o) => o.owner === 'passage of claim "Bucket list"' && o.reason === 'text gone'));
  });

  it('reads back what it saves, by path, and says where a hand-edited file is wrong', () => {
    const corpus = fresh();
    let c: Curation = edit.renameSource(emptyCuration(), upi, 'UPI, Nov. 13');
    c = edit.retypeEntity(c, { name: 'Kursk', label: 'PLACE' }, 'ORG');
    c = edit.renameClaim(c, corpus, claimWith(corpus, upi, 'bucket list'), 'Bucket list');
    const saved = JSON.parse(JSON.stringify(mapSources(c, (id) => `sources/${id}`)));
    assert.deepEqual(mapSources(validateCuration(saved), (p) => p.replace('sources/', '')), c);
    assert.throws(() => validateCuration({ corrections: [{ action: 'retype', entity: 'X', label: 'PERSON', to: 'THING' }] }), /corrections\[0\]\.to: expected PERSON, ORG or PLACE/);
    corpus.setCuration(c);
    assert.equal(corpus.label(upi), 'UPI, Nov. 13');
  });
});
