// Sources are listed by name alone in the tree, hovers and exports, so two sources never read the same:
// a name shared with another source is followed by as much of its path as tells them apart.
import { strict as assert } from 'node:assert';
import { Corpus } from '../../src/core/corpus.js';
import { emptyCuration } from '../../src/core/curation/model.js';
import { renameSource } from '../../src/core/curation/edit.js';
import { seed, seedCorpus } from './helpers/seeds.js';

describe('source names', () => {
  it('a name the researcher gave two sources is followed by each file name', () => {
    const corpus = seedCorpus();
    const [upi, reuters] = [seed('000'), seed('001')];
    corpus.setCuration(renameSource(renameSource(emptyCuration(), upi, 'Wire'), reuters, 'Wire'));
    assert.equal(corpus.label(upi), `Wire (${upi})`);
    assert.equal(corpus.label(reuters), `Wire (${reuters})`);
    assert.equal(corpus.label(upi, { unique: false }), 'Wire', 'the name alone, to edit it');
    assert.equal(corpus.label(seed('002')), 'Yonhap', 'other names as they are');
    corpus.setCuration(renameSource(corpus.curation, reuters, ''));
    assert.equal(corpus.label(upi), 'Wire', 'no longer shared');
  });

  it('the same file name in two folders: as much of the path as differs', () => {
    const corpus = new Corpus();
    const text = 'SEOUL, Nov. 13 (UPI) -- North Korean troops have begun fighting, officials said.\n';
    corpus.set('file:///w/a/story.txt', text);
    corpus.set('file:///w/b/story.txt', text.replace('fighting', 'combat'));
    corpus.set('file:///w/c/other%20story.txt', 'SEOUL, Nov. 13 (UPI) -- Something else again, officials said.\n');
    assert.deepEqual(corpus.documents().map((d) => corpus.label(d.id)), ['UPI · Nov. 13 (a/story.txt)', 'UPI · Nov. 13 (b/story.txt)', 'UPI · Nov. 13 (other story.txt)']);
  });

  it('follows sources coming and going', () => {
    const corpus = new Corpus();
    corpus.set('a/one.txt', '(Reuters) - Troops moved, officials said.\n');
    assert.equal(corpus.label('a/one.txt'), 'Reuters');
    corpus.set('b/two.txt', '(Reuters) - Troops stayed, officials said.\n');
    assert.equal(corpus.label('a/one.txt'), 'Reuters (one.txt)');
    corpus.delete('b/two.txt');
    assert.equal(corpus.label('a/one.txt'), 'Reuters');
  });

  it('two files with the same text and no byline are named by their own file names', () => {
    const corpus = new Corpus();
    const text = 'Troops moved overnight, officials said.\n';
    corpus.set('drafts/first.txt', text);
    corpus.set('drafts/second.txt', text);
    assert.deepEqual([corpus.label('drafts/first.txt'), corpus.label('drafts/second.txt')], ['first', 'second']);
    corpus.set('drafts/100% sure.txt', text);
    assert.equal(corpus.label('drafts/100% sure.txt'), '100% sure', 'a file name with a bare % is no URI escape');
  });
});
