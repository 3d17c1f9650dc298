import { strict as assert } from 'node:assert';
import { findQuotes, scanQuotes } from '../../src/core/annotators/quotes.js';
import type { EntityLabel } from '../../src/core/types.js';
import { tokenized, entitiesFor } from './helpers/tokenize.js';

function quotes(text: string, names: Record<string, EntityLabel | [EntityLabel, string]> = {}) {
  return findQuotes(tokenized(text), entitiesFor(text, names)).map((q) => ({
    quote: text.slice(q.start, q.end),
    mention: q.speaker?.text ?? null,
    speaker: q.speaker?.name ?? null,
  }));
}

describe('quotes', () => {
  describe('finding quoted speech', () => {
    it('pairs curly and straight double quotes, marks included', () => {
      const text = '“We are concerned about this,” she said. He replied: "That is not what we agreed to at all."';
      assert.deepEqual(quotes(text).map((q) => q.quote), ['“We are concerned about this,”', '"That is not what we agreed to at all."']);
    });

    it('keeps a quote that spans several sentences whole', () => {
      const text = '"The DPRK and Russia are two independent sovereign states. How to develop their relations is a matter for themselves," said Lin Jian.';
      const [q] = quotes(text, { 'Lin Jian': 'PERSON' });
      assert.equal(q.quote, text.slice(0, text.indexOf(' said')));
      assert.equal(q.speaker, 'Lin Jian');
    });

    it('continues a quote into the next paragraph that opens with a quote mark', () => {
      const text = 'Rutte said: "We need to raise the cost for Putin and his enabling threats.\n\n"We must recommit to stay the course."\n\nOther news followed.';
      const found = quotes(text, { Rutte: 'PERSON', Putin: 'PERSON' });
      assert.equal(found.length, 1);
      assert.ok(found[0].quote.startsWith('"We need') && found[0].quote.endsWith('course."'));
      assert.equal(found[0].speaker, 'Rutte');
    });

    it('ends a quote that never closes at the end of its paragraph', () => {
      const text = 'He said "this will not stand and we will respond\nThe next line is prose.';
      const raw = scanQuotes(text);
      assert.equal(raw.length, 1);
      assert.equal(text.slice(raw[0].start, raw[0].end), '"this will not stand and we will respond');
    });

    it('finds partial quotes inside a sentence next to a reporting cue', () => {
      const text = 'Patel said that trench clearing operations, which he said are "critical" skills, were taught.';
      const [q] = quotes(text, { Patel: ['PERSON', 'Vedant Patel'] });
      assert.equal(q.quote, '"critical"');
      assert.equal(q.mention, 'he');
      assert.equal(q.speaker, 'Vedant Patel');
    });

    it('ignores scare quotes, titles and apostrophes', () => {
      const text =
        "The treaty on a “Comprehensive Strategic Partnership” applies in the case of “aggression” against the signatories. Russia's army isn't moving.";
      assert.deepEqual(quotes(text, { Russia: 'PLACE' }), []);
    });

    it('does not pair an apostrophe with a quote mark', () => {
      const text = `The soldiers' commander said "we're ready for the fight ahead of us now."`;
      assert.deepEqual(quotes(text).map((q) => q.quote), [`"we're ready for the fight ahead of us now."`]);
    });
  });

  describe('speakers', () => {
    it('X said after the quote, and said X (inverted)', () => {
      const text = '“Some of the challenges are interoperability and the language barrier,” Patel said. “We need to raise the cost for Putin,” said Rutte.';
      const found = quotes(text, { Patel: 'PERSON', Rutte: 'PERSON', Putin: 'PERSON' });
      assert.deepEqual(found.map((q) => q.speaker), ['Patel', 'Rutte']);
    });

    it('inverted with a role before the name', () => {
      const text = '“How to develop their bilateral relations is a matter for themselves,” said the ministry spokesperson Lin Jian on Tuesday.';
      assert.equal(quotes(text, { 'Lin Jian': 'PERSON' })[0].speaker, 'Lin Jian');
    });

    it('names behind a possessive organisation', () => {
      const text = '“They should be concerned about steps that North Korea has taken,” said the U.S. State Department’s spokesperson Matthew Miller at that time.';
      const found = quotes(text, { 'North Korea': 'PLACE', 'U.S. State Department': 'ORG', 'Matthew Miller': 'PERSON' });
      assert.equal(found[0].speaker, 'Matthew Miller');
    });

    it('skips an appositive to reach the name', () => {
      const text = '"Today I can confirm that over 10,000 soldiers have been sent," Vedant Patel, a U.S. State Department spokesperson, told a regular briefing.';
      const found = quotes(text, { 'Vedant Patel': 'PERSON', 'U.S. State Department': 'ORG' });
      assert.equal(found[0].mention, 'Vedant Patel');
    });

    it('titles before the name stay out of the mention', () => {
      const text = '“We are incredibly concerned by this decision to turn to the DPRK,” State Department deputy spokesman Vedant Patel said during a briefing.';
      const found = quotes(text, { 'State Department': 'ORG', 'Vedant Patel': 'PERSON', DPRK: 'PLACE' });
      assert.equal(found[0].speaker, 'Vedant Patel');
    });

    it('X said before the quote', () => {
      const text = 'Patel said Washington is "incredibly concerned" about the development, which a report said was new.';
      assert.equal(quotes(text, { Patel: 'PERSON', Washington: 'PLACE' })[0].speaker, 'Patel');
    });

    it('according to X', () => {
      const text = '"The front line has barely moved in recent months," according to Andrii Sybiha.';
      assert.equal(quotes(text, { 'Andrii Sybiha': 'PERSON' })[0].speaker, 'Andrii Sybiha');
    });

    it('resolves pronouns and role nouns to the most recent named speaker', () => {
      const text =
        'Vedant Patel spoke to reporters. "We are incredibly concerned by this decision," Patel said.\n\n"Today I can confirm that over 10,000 soldiers have been sent," he added.\n\n"The challenges are real and we see them every day," the official said.';
      const found = quotes(text, { 'Vedant Patel': 'PERSON', Patel: ['PERSON', 'Vedant Patel'] });
      assert.deepEqual(found.map((q) => [q.mention, q.speaker]), [
        ['Patel', 'Vedant Patel'],
        ['he', 'Vedant Patel'],
        ['the official', 'Vedant Patel'],
      ]);
    });

    it('a quote that follows another keeps its speaker', () => {
      const text = '“There are a couple of items on the bucket list,” Doo said at a briefing. “I believe that this time around, they will be able to gain it.”';
      assert.deepEqual(quotes(text, { Doo: 'PERSON' }).map((q) => q.speaker), ['Doo', 'Doo']);
    });

    it('takes the speaker from the adjacent sentence', () => {
      const text = '"We will not give up an inch of our land to anyone." The president said this on Monday in Kyiv.';
      const found = quotes(text, { Kyiv: 'PLACE' });
      assert.equal(found[0].mention, 'The president');
    });

    it('leaves a quote without any cue unattributed', () => {
      const text = 'The banner read "no war in our name, not now and not ever" in large letters.';
      assert.deepEqual(quotes(text).map((q) => q.speaker), [null]);
    });
  });
});
