// Claims on the sample corpus: the groups a careful reader makes, and nothing spurious across sources.
import { strict as assert } from 'node:assert';
import { seedCorpus, seed } from './helpers/seeds.js';
import { Corpus } from '../../src/core/corpus.js';
import { Slices } from '../../src/core/steps.js';
import type { Claim } from '../../src/core/claims/claims.js';
import { figureVerdict } from '../../src/core/claims/claims.js';
import { alignedVerdict, alignFigures, combine, compareFigures, sameQuantity } from '../../src/core/claims/agreement.js';
import { isBoilerplate } from '../../src/core/claims/boilerplate.js';
import { EdgeQueue, Vectors } from '../../src/core/claims/group.js';
import { americanSpelling } from '../../src/core/claims/synonyms.js';
import { passageTerms } from '../../src/core/claims/terms.js';
import type { NumberAnnotation } from '../../src/core/types.js';

const corpus = seedCorpus();
const claims = corpus.claims();

/** The claim with a passage containing `words` in the seed `prefix`. */
function claimWith(prefix: string, words: string): Claim {
  const doc = seed(prefix);
  const c = claims.find((x) => x.passages.some((p) => p.doc === doc && p.text.includes(words)));
  assert.ok(c, `no claim with "${words}" in ${doc}`);
  return c;
}

function sourcesOf(c: Claim): string[] {
  return c.sources.map((s) => s.slice(0, 3)).sort();
}

describe('claims across the seed articles', () => {
  it('groups the confirmation quote from all five sources, figures agreeing', () => {
    const c = claimWith('000', 'over 10,000 DPRK soldiers');
    assert.deepEqual(sourcesOf(c), ['000', '001', '002', '003', '004']);
    assert.equal(c.status, 'agree');
    assert.equal(c.kind, 'quote');
    assert.match(c.label, /^I can confirm that over 10,000 DPRK soldiers/);
  });

  it('groups quotes and paraphrases of the same statement', () => {
    // Quoted by 000, 002, 003, 004; all four use the same words.
    assert.deepEqual(sourcesOf(claimWith('000', 'Some of the challenges')), ['000', '002', '003', '004']);
    // Paraphrase in 000 and 004, quote in 001, reported speech in 002 and 003.
    assert.deepEqual(sourcesOf(claimWith('000', 'trained the North Korean soldiers in artillery')), ['000', '001', '002', '003', '004']);
    // `effectiveness … determined by` / `battlefield success … dictated by`.
    assert.deepEqual(sourcesOf(claimWith('000', 'effectiveness of the North Korean troops')), ['000', '001', '002']);
    // The DPRK is North Korea's official name, said four ways.
    assert.deepEqual(sourcesOf(claimWith('000', 'official name of North Korea')), ['000', '001', '002', '003']);
  });

  it('groups "for the first time" across outlets that word it differently', () => {
    assert.deepEqual(sourcesOf(claimWith('001', 'said for the first time on Tuesday')), ['001', '004']);
  });

  it('groups the lead (North Korean troops in combat) across outlets, with one outlet\'s headline and lead together', () => {
    const c = claimWith('000', 'have begun combat operations against Ukrainian forces');
    assert.ok(sourcesOf(c).length >= 4, sourcesOf(c).join());
    assert.ok(c.passages.filter((p) => p.doc === seed('002')).length >= 1);
  });

  it('marks 50,000 soldiers / some 50,000 ground forces as agreeing approximately', () => {
    const c = claimWith('000', 'amassing 50,000 soldiers');
    assert.ok(sourcesOf(c).includes('001'), sourcesOf(c).join());
    assert.equal(c.status, 'approximate');
  });

  it('keeps single-source claims, marked as such', () => {
    const c = claimWith('003', 'including 11,000 North Koreans');
    assert.equal(c.status, 'single');
    assert.deepEqual(sourcesOf(c), ['003']);
    assert.ok(claims.filter((x) => x.status === 'single').length > 20);
  });

  it('groups nothing spurious across sources', () => {
    // Each pair below is about different things, though they share names and words.
    const apart: [string, string, string, string][] = [
      ['000', 'Blinken is expected to discuss', '003', 'Mark Rutte said'],
      ['001', 'Zelensky of Ukraine has for weeks said', '003', 'Zelenskyy said on Monday'],
      ['003', 'The Kremlin has not commented', '004', 'Trump had said on the campaign trail'],
      ['000', 'Hwasong-19', '003', 'military cooperation pact between Russia and North Korea'],
      ['001', 'embassy in Beijing', '003', 'asked to comment on a military cooperation pact'],
    ];
    for (const [a, wa, b, wb] of apart) assert.notEqual(claimWith(a, wa), claimWith(b, wb), `${wa} / ${wb}`);
    // Every multi-source claim shares real content: at least two sources and a label.
    for (const c of claims.filter((x) => x.status !== 'single')) assert.ok(c.sources.length >= 2 && c.label.length > 10);
  });

  it('turns no page furniture into claims', () => {
    const texts = claims.flatMap((c) => c.passages.map((p) => p.text));
    for (const furniture of ['Log in to Twitter', 'print dictionary', 'Home > National', 'RELATED STORIES', 'holds back', 'SCREEN CAPTURE', 'A screen capture shows', 'Standards Board', 'First Published', 'Edited by', 'Related Article', 'with the Korea JoongAng Daily']) {
      assert.ok(!texts.some((t) => t.includes(furniture)), furniture);
    }
  });

  it('counts a document that repeats itself once', () => {
    const doubled = new Corpus();
    const text = 'The council approved the budget of 3 million dollars on Monday after a long debate in the chamber.';
    doubled.set('a.txt', `${text}\n${text}\n`);
    doubled.set('b.txt', 'After a long debate, the council approved a budget of 3 million dollars on Monday in the chamber.');
    const [c] = doubled.claims();
    assert.deepEqual(c.sources, ['a.txt', 'b.txt']);
    assert.equal(c.passages.filter((p) => p.doc === 'a.txt').length, 1);
  });

  it('is the same whatever order the sources arrive in', () => {
    const reversed = new Corpus();
    for (const d of [...corpus.documents()].reverse()) reversed.set(d.id, d.text);
    const key = (cs: Claim[]) => cs.map((c) => c.passages.map((p) => `${p.doc}:${p.start}`).sort().join('|')).sort();
    assert.deepEqual(key(reversed.claims()), key(claims));
  });
});

describe('claims kept up to date as sources change', () => {
  const key = (cs: Claim[]) => cs.map((c) => c.passages.map((p) => `${p.doc}:${p.start}`).sort().join('|')).sort();
  const texts = () => corpus.documents().map((d) => [d.id, d.text] as const);

  it('an edited source: its claims follow the edit, and the others stay as a full build makes them', () => {
    const live = new Corpus();
    for (const [id, text] of texts()) live.set(id, text);
    live.claims(); // built once; what follows is applied incrementally
    const id = seed('002');
    const original = live.get(id)!.text;
    const edited = original.replace('10,000', '12,000').replace(/^/, 'Seoul said on Friday it had new evidence of the deployment.\n\n');
    live.set(id, edited);
    const full = new Corpus();
    for (const [d, text] of texts()) full.set(d, d === id ? edited : text);
    assert.deepEqual(key(live.claims()), key(full.claims()));
    // In the same order too: most widely reported first, then in reading order.
    const order = (cs: Claim[]) => cs.map((c) => `${c.sources.length} ${c.passages[0].doc}:${c.passages[0].start}`);
    assert.deepEqual(order(live.claims()), order(full.claims()));
    // Back to the original: the same claims as at first.
    live.set(id, original);
    assert.deepEqual(key(live.claims()), key(claims));
  });

  it('a source removed and added again: its passages leave and rejoin their claims', () => {
    const live = new Corpus();
    for (const [id, text] of texts()) live.set(id, text);
    live.claims();
    const id = seed('004');
    live.delete(id);
    assert.ok(live.claims().every((c) => c.sources.every((s) => s !== id)));
    assert.equal(live.claimAt(id, 0), undefined);
    live.set(id, corpus.get(id)!.text);
    assert.deepEqual(key(live.claims()), key(claims));
  });

  it('updateClaims applies a few changed sources at once, and leaves a full build to its driver', () => {
    const live = new Corpus();
    live.deferFullClaimBuilds = true;
    for (const [id, text] of texts()) live.set(id, text);
    live.updateClaims();
    assert.equal(live.claimsCurrent, false, 'no claims yet: updating is not building');
    live.deferFullClaimBuilds = false;
    live.claims();
    live.deferFullClaimBuilds = true;
    const id = seed('003');
    const edited = live.get(id)!.text.replace(/^/, 'Officials in Kyiv gave no figure on Friday.\n\n');
    live.set(id, edited);
    assert.equal(live.claimsCurrent, false);
    live.updateClaims();
    assert.ok(live.claimsCurrent, 'the edited source is in the claims before anyone reads them');
    assert.ok(live.claimAt(id, 0), 'its new first paragraph has a claim');
  });

  it('while claim updates are held (a scan under way), readers get the claims as last built, changes applied after', () => {
    const live = new Corpus();
    live.deferFullClaimBuilds = true;
    const all = texts();
    const id = seed('003');
    for (const [doc, text] of all) if (doc !== id) live.set(doc, text);
    live.deferFullClaimBuilds = false;
    const before = key(live.claims());
    live.deferFullClaimBuilds = true;
    live.holdClaimUpdates = true;
    live.set(id, all.find(([doc]) => doc === id)![1]);
    live.updateClaims();
    assert.deepEqual(key(live.claims()), before, 'the source read meanwhile is not folded in by a reader');
    assert.equal(live.claimAt(id, 0), undefined);
    assert.equal(live.claimsCurrent, false);
    live.holdClaimUpdates = false;
    assert.deepEqual(key(live.claims()), key(claims), 'once released, the change is applied as before');
  });

  it('with full builds deferred, readers get the last claims until the build is driven', async () => {
    const live = new Corpus();
    live.deferFullClaimBuilds = true;
    for (const [id, text] of texts()) live.set(id, text);
    assert.deepEqual(live.claims(), [], 'no build has run yet');
    let pauses = 0;
    await live.buildClaims(new Slices(0, async () => void pauses++));
    assert.ok(pauses > 0, 'the build paused between steps');
    assert.ok(live.claimsCurrent);
    assert.deepEqual(key(live.claims()), key(claims));
  });
});

describe('figure agreement', () => {
  const fig = (value: number, approx: string | null, unit = 'soldiers'): NumberAnnotation => ({ kind: 'number', label: 'count', start: 0, end: 1, text: '', value, unit, approx });
  it('same value, same qualifier: agree', () => assert.equal(compareFigures(fig(10000, 'over'), fig(10000, 'more than')), 'agree'));
  it('same value, different hedges: approximately', () => {
    assert.equal(compareFigures(fig(50000, null), fig(50000, 'some', 'forces')), 'approximate');
    assert.equal(compareFigures(fig(50000, 'some'), fig(50000, 'nearly', 'troops')), 'approximate');
  });
  it('different values: differ', () => assert.equal(compareFigures(fig(11000, null), fig(10000, null)), 'differ'));
  it('pairs figures one to one, nearest first', () => {
    const pairs = alignFigures([fig(50000, 'nearly', 'troops'), fig(11000, null, 'North Koreans')], [fig(50000, null, 'soldiers')]);
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0].a.value, 50000);
  });
  it('pairs as a stable sort of every candidate pair by gap would, and gives the verdict of its pairs', () => {
    // Figures with repeated values and units, so that many gaps tie and the order among equals matters.
    const units = ['soldiers', 'troops', 'people', 'residents', null];
    let state = 7;
    const next = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
    const some = () => Array.from({ length: next(6) }, () => fig([100, 110, 200, 250, 1000][next(5)], next(3) ? null : 'about', units[next(5)] as string));
    for (let trial = 0; trial < 300; trial++) {
      const [a, b] = [some(), some()];
      const candidates = a.flatMap((x) => b.filter((y) => sameQuantity(x, y)).map((y) => ({ x, y, gap: Math.abs(y.value! - x.value!) / Math.max(x.value!, y.value!, 1) })));
      candidates.sort((p, q) => p.gap - q.gap);
      const expected: [NumberAnnotation, NumberAnnotation][] = [];
      for (const { x, y } of candidates) if (!expected.some(([u, v]) => u === x || v === y)) expected.push([x, y]);
      const pairs = alignFigures(a, b);
      assert.deepEqual(pairs.map((p) => [a.indexOf(p.a), b.indexOf(p.b)]), expected.map(([x, y]) => [a.indexOf(x), b.indexOf(y)]), `trial ${trial}`);
      assert.equal(alignedVerdict(a, b), combine(pairs.map((p) => p.verdict)), `trial ${trial}`);
    }
  });
  it('a claim whose sources give different figures differs', () => {
    const m = (doc: string, f: NumberAnnotation) => ({ passage: { doc, start: 0, end: 1, text: '', line: 1 }, terms: [], figures: [f], quotes: [] });
    assert.equal(figureVerdict([m('a', fig(200, null, 'people')), m('b', fig(250, null, 'people'))]), 'differ');
    assert.equal(figureVerdict([m('a', fig(200, null, 'people')), m('b', fig(200, null, 'residents'))]), 'agree');
  });
});

describe('claims from headlines and short lines', () => {
  const passagesOf = (text: string) => {
    const c = new Corpus();
    return c.set('a.txt', text).passages.map((p) => p.text);
  };
  const oneClaim = (a: string, b: string) => {
    const c = new Corpus();
    c.set('a.txt', a);
    c.set('b.txt', b);
    return c.claims().some((x) => x.sources.length === 2);
  };

  it('keeps headlines, with or without a verb in title case, and drops furniture', () => {
    for (const headline of ['Portugal widens fuel subsidies for farmers', 'Mayor To Open New Bridge In Porto', 'Ferry capsizes off Crete, 12 missing', 'Three die in Lagos market fire']) {
      assert.ok(!isBoilerplate(headline), headline);
    }
    for (const furniture of ['Share this article', 'Sign up for our newsletter', 'By Jane Doe and John Roe', 'Posted: Jan 12, 2013 3:45 PM EST', 'Most Popular Stories', 'Photo by Getty Images', 'You might also like', 'Skip to main content', 'Tuesday, March 4, 2014 10:30', 'Leave a comment', 'World | Business | Sport', 'Sports Entertainment Health Opinion']) {
      assert.ok(isBoilerplate(furniture), furniture);
    }
    // The first line of a text is its title even without a verb; a byline or a masthead is not.
    assert.deepEqual(passagesOf('Major fire at a Porto warehouse\nFirefighters fought the blaze for six hours on Monday, officials said.'), [
      'Major fire at a Porto warehouse',
      'Firefighters fought the blaze for six hours on Monday, officials said.',
    ]);
    assert.deepEqual(passagesOf('Jane Doe, Staff Writer\nFirefighters fought the blaze for six hours on Monday, officials said.'), ['Firefighters fought the blaze for six hours on Monday, officials said.']);
  });

  it('groups headlines that differ in case and in synonyms, and keeps templated headlines of two days apart', () => {
    assert.ok(oneClaim('Portugal Expands Fuel Subsidies For Farmers', 'Portugal widens fuel subsidies for farmers'));
    assert.ok(oneClaim('Anna Kowalski sworn in as Warsaw mayor', 'Anna Kowalski takes oath as Warsaw mayor'));
    assert.ok(!oneClaim('Senate Committee Hearings for Monday, March 3, 2014', 'Senate Committee Hearings for Tuesday, May 13, 2014'));
  });

  it('keeps apart statements that say opposite things, however alike their words', () => {
    assert.ok(!oneClaim('Nelson Mandela taken to hospital.', 'Nelson Mandela released from hospital.'));
    assert.ok(!oneClaim('Chinese shares close higher on Tuesday.', 'Chinese shares close lower on Tuesday.'));
    assert.ok(!oneClaim('Police arrested the suspect in Paris on Friday.', 'Police released the suspect in Paris on Friday.'));
    // The same statement in other words still meets.
    assert.ok(oneClaim('Nelson Mandela taken to hospital.', 'Former South African president Nelson Mandela was rushed to hospital on Saturday.'));
    assert.ok(oneClaim('Chinese shares close higher on Tuesday.', 'Chinese stocks closed higher on Tuesday.'));
    // A passage that says both is no contradiction of one that says either.
    assert.ok(oneClaim('The suspect was arrested in Paris and released on bail on Friday.', 'The suspect arrested in Paris was released on bail on Friday.'));
  });

  it('meets British and American spellings, and compounds with or without a hyphen', () => {
    assert.ok(oneClaim('The city council will organise a defence of the new theatre centre.', 'The city council will organize a defense of the new theater center.'));
    assert.ok(oneClaim('Eurozone backs Greek bail-out.', 'Eurozone agrees Greece bailout.'));
    assert.deepEqual(['centre', 'organised', 'labour', 'defence', 'catalogues', 'theatres', 'promise', 'rise', 'hour'].map(americanSpelling), ['center', 'organized', 'labor', 'defense', 'catalogs', 'theaters', 'promise', 'rise', 'hour']);
  });

  it('reads `pay` as wages, but not in paying tribute or a visit', () => {
    const keys = (text: string) => passageTerms(text, 0, text.length, [], [], (e) => e.name).map((t) => t.key);
    assert.ok(keys('Dock workers demand higher pay.').includes('wage'));
    assert.ok(keys('Dock workers were paid late.').includes('wage'));
    assert.ok(!keys('Dock workers paid tribute to a colleague.').includes('wage'));
    assert.ok(!keys('The minister pays a visit to the docks.').includes('wage'));
  });
});

describe('passage vectors', () => {
  const idf = () => 1;
  it('keep term ids past two bytes: the pool widens and reads the same', () => {
    const v = new Vectors(8);
    v.add(0, 'a', [{ id: 3, boost: 1 }, { id: 9, boost: 2 }], idf);
    v.add(1, 'b', [{ id: 9, boost: 2 }, { id: 3, boost: 1 }, { id: 4, boost: 1 }], idf);
    const before = v.cosine(0, 1);
    v.add(2, 'c', [{ id: 70_000, boost: 1 }, { id: 3, boost: 1 }, { id: 9, boost: 2 }], idf);
    assert.deepEqual([...v.terms(2)], [3, 9, 70_000]);
    assert.deepEqual([...v.terms(0)], [3, 9]);
    assert.equal(v.cosine(0, 1), before);
    assert.ok(v.cosine(0, 2) > 0.8);
  });

  it('widen while a fresh build stages its passages', () => {
    const v = new Vectors(8);
    v.stage(0, 'a', [{ id: 3, boost: 1 }, { id: 9, boost: 2 }]);
    v.stage(1, 'b', [{ id: 100_000, boost: 1 }, { id: 3, boost: 1 }]);
    v.weigh(0, idf);
    v.weigh(1, idf);
    assert.deepEqual([...v.terms(0)], [3, 9]);
    assert.deepEqual([...v.terms(1)], [3, 100_000]);
    assert.deepEqual(v.salient(1), [3, 100_000]);
  });
});

describe('the queue of candidate pairs', () => {
  it('gives back millions of pairs, strongest level first and in the order pushed within one', () => {
    const queue = new EdgeQueue(0.5);
    const n = 3_000_000; // past the largest chunk many times over
    for (let k = 0; k < n; k++) queue.push(k, k + 1, k % 2 ? 0.9 : 0.6);
    let count = 0;
    let previous = -1;
    let strong = true;
    for (const [i, j] of queue.pairs()) {
      assert.equal(j, i + 1);
      if (strong && i % 2 === 0) {
        strong = false;
        previous = -1;
      }
      assert.equal(i % 2, strong ? 1 : 0, 'the stronger pairs all come first');
      assert.ok(i > previous, 'in the order pushed');
      previous = i;
      count++;
    }
    assert.equal(count, n);
  });
});
