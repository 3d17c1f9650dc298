// Stories: the sources of a corpus grouped by the event they report, each with its claims.
import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus.js';
import { seedCorpus, seedTexts } from './helpers/seeds.js';
import { LOHAN, rehabArticles, REID } from './helpers/twoEvents.js';

function mixedCorpus(): Corpus {
  const corpus = new Corpus();
  for (const { id, text } of [...seedTexts(), ...rehabArticles()]) corpus.set(id, text);
  return corpus;
}

describe('stories', () => {
  it('the five seed articles report one event: one story with all their claims', () => {
    const corpus = seedCorpus();
    const stories = corpus.stories();
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].sources, seedTexts().map((d) => d.id));
    assert.match(stories[0].label, /^I can confirm that over 10,000 DPRK soldiers/, 'named by its most widely reported claim');
    assert.deepEqual(new Set(stories[0].claims), new Set(corpus.claims()));
  });

  it('keeps two events of one kind apart, and apart from another story in the folder', () => {
    const corpus = mixedCorpus();
    const stories = corpus.stories();
    const sourcesOf = (id: string) => stories.find((s) => s.sources.includes(id))!.sources;
    assert.deepEqual(sourcesOf(seedTexts()[0].id), seedTexts().map((d) => d.id));
    assert.deepEqual(sourcesOf(REID[0]), REID);
    assert.deepEqual(sourcesOf(LOHAN[0]), LOHAN);
    assert.equal(stories.length, 3);
    assert.equal(stories[0].sources.length, 5, 'most sources first');
  });

  it('gives every claim to exactly one story, the one holding its sources', () => {
    const corpus = mixedCorpus();
    const stories = corpus.stories();
    const placed = stories.flatMap((s) => s.claims);
    assert.equal(placed.length, corpus.claims().length);
    assert.deepEqual(new Set(placed), new Set(corpus.claims()));
    for (const s of stories) for (const c of s.claims) assert.ok(c.sources.every((source) => s.sources.includes(source)), `${c.label} outside ${s.label}`);
    // With no claim shared, a story is named by its first source's opening.
    const reid = stories.find((s) => s.sources.includes(REID[0]))!;
    assert.equal(reid.label, reid.claims[0].label);
    assert.ok(corpus.get(REID[0])!.text.includes(reid.label));
  });

  it('follows changes to the corpus, and finds the same in steps as at once', () => {
    const corpus = mixedCorpus();
    const before = corpus.stories();
    assert.equal(corpus.stories(), before, 'kept while nothing changes');
    assert.equal(corpus.currentStories(), before);
    corpus.delete(LOHAN[1]);
    assert.equal(corpus.currentStories(), undefined, 'stale after a change');
    const steps = corpus.storySteps();
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    assert.ok(pauses > 1);
    assert.ok(!next.value.some((s) => s.sources.includes(LOHAN[1])));
    assert.deepEqual(next.value.find((s) => s.sources.includes(LOHAN[0]))!.sources, [LOHAN[0]], 'a source alone is a story of its own');
    assert.equal(corpus.stories(), next.value);
  });

  it('after a change, shows the stories found before with the claims as they are now, until found again', () => {
    const corpus = mixedCorpus();
    assert.equal(corpus.lastStories(), undefined, 'none found yet');
    const before = corpus.stories();
    assert.equal(corpus.lastStories(), before);
    const edited = `${corpus.get(REID[0])!.text}\n\nPromises Treatment Center declined to comment on Tuesday.`;
    corpus.set(REID[0], edited);
    corpus.set('new.txt', 'The Malibu city council met on Tuesday to discuss parking rules.');
    const last = corpus.lastStories()!;
    assert.deepEqual(last.find((s) => s.sources.includes(REID[0]))!.sources, REID, 'the edited source stays in its story');
    assert.deepEqual(last.find((s) => s.sources.includes('new.txt'))!.sources, ['new.txt'], 'a new source alone');
    assert.deepEqual(new Set(last.flatMap((s) => s.claims)), new Set(corpus.claims()), 'the claims of now');
    assert.notEqual(corpus.stories(), before);
  });

  it('an empty corpus has no story; a source without passages is a story of its own', () => {
    assert.deepEqual(new Corpus().stories(), []);
    const corpus = new Corpus();
    corpus.set('empty.txt', '');
    assert.deepEqual(corpus.stories().map((s) => s.sources), [['empty.txt']]);
  });
});
