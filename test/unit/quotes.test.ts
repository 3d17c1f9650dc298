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

    it('one sentence per line: a quote runs over the lines up to its closing mark', () => {
      const text = "Hill said the jury was split.\n``We were able to state our opinions.\nBut we would not back down.''\nThe trial ended on Friday.";
      const found = quotes(text, { Hill: 'PERSON' });
      assert.deepEqual(found.map((q) => q.quote), ["``We were able to state our opinions.\nBut we would not back down.''"]);
    });

    it('a paragraph re-opened after sentence lines carries on the quote', () => {
      const text = "``He was just going back and forth.\nAfter the shots, he put the lights off.\n``It is terrifying.\nI still feel shaky when I talk about it.''\nPolice arrived.";
      assert.deepEqual(scanQuotes(text).map((q) => text.slice(q.start, q.end)), [text.slice(0, text.indexOf('\nPolice'))]);
    });

    it('a quote that never closes does not swallow a paragraph of prose and the quote after it', () => {
      const text = '"We will not retreat and we will never give up\nOfficials met in Seoul on Tuesday.\n"We are ready for anything that comes our way," he said.';
      assert.deepEqual(scanQuotes(text).map((q) => text.slice(q.start, q.end)), ['"We will not retreat and we will never give up', '"We are ready for anything that comes our way,"']);
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

    it('LaTeX-style quotes: both marks of each pair in the span, neither in the text', () => {
      const text = "Juror No. 8 sat down. ``We were able to state our opinions,'' Juror No. 8 said.";
      const doc = tokenized(text);
      const [q] = findQuotes(doc, []);
      assert.equal(q.start, text.indexOf('``'));
      assert.equal(q.end, text.indexOf("''") + 2);
      assert.equal(q.text, 'We were able to state our opinions,');
      assert.equal(q.speaker?.text, 'Juror No. 8');
    });

    it("doubled apostrophes on both sides, and an inner quote's mark merged with the closing one", () => {
      const text = "''The fall was unsurvivable for anyone on that ridge,'' Inspector Gaskin said.\n``They asked, 'How about if it had been 50 people? ''' Howard said.";
      assert.deepEqual(
        findQuotes(tokenized(text), []).map((q) => text.slice(q.start, q.end)),
        ["''The fall was unsurvivable for anyone on that ridge,''", "``They asked, 'How about if it had been 50 people? '''"],
      );
    });

    it('apostrophes and possessives stay apart from LaTeX-style quotes', () => {
      const text = "Nichols ' parents watched. The soldiers' commander said ``we're ready for the fight ahead of us now.'' It's over.";
      assert.deepEqual(quotes(text).map((q) => q.quote), ["``we're ready for the fight ahead of us now.''"]);
    });

    it('German-style „…“: the “ after „ closes', () => {
      const text = 'The minister said: „We are ready for every scenario that may come our way.“ Then he left. “Nothing changes,” she said.';
      assert.deepEqual(quotes(text).map((q) => q.quote), ['„We are ready for every scenario that may come our way.“', '“Nothing changes,”']);
    });

    it('a closing mark written as an opening one, or detached by a space, before the attribution', () => {
      const latex = "``Her friends and family are supportive of her decision, ``a friend of the actress said.";
      assert.deepEqual(quotes(latex).map((q) => q.quote), ["``Her friends and family are supportive of her decision, ``"]);
      const straight = '"We are seeing problems in some districts of the city, "a customer service representative told reporters.';
      assert.deepEqual(quotes(straight).map((q) => [q.quote, q.mention]), [['"We are seeing problems in some districts of the city, "', 'a customer service representative']]);
    });

    it('titles and names in quotes are not speech', () => {
      const text = "She starred in ``American Pie,'' and ``The Big Lebowski.'' before \"Sammy the Bull\" testified. ``Yes,'' she said.";
      assert.deepEqual(quotes(text).map((q) => q.quote), ["``Yes,''"]);
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

    it('resolves pronouns to the most recent named speaker, and role nouns to the person introduced with them', () => {
      const text =
        'State Department spokesman Vedant Patel spoke to reporters. "We are incredibly concerned by this decision," Patel said.\n\n"Today I can confirm that over 10,000 soldiers have been sent," he added.\n\n"The challenges are real and we see them every day," the spokesman said.';
      const found = quotes(text, { 'State Department': 'ORG', 'Vedant Patel': 'PERSON', Patel: ['PERSON', 'Vedant Patel'] });
      assert.deepEqual(found.map((q) => [q.mention, q.speaker]), [
        ['Patel', 'Vedant Patel'],
        ['he', 'Vedant Patel'],
        ['the spokesman', 'Vedant Patel'],
      ]);
    });

    it('a role noun nobody was introduced with is its own speaker, named as fully as the text named it before', () => {
      const text =
        'Vedant Patel spoke to reporters.\nA senior fire department official said demonstrators blocked the engines.\n"Several crucial minutes were lost," the official said.\n"If we had intervened earlier, lives could have been saved."';
      const found = quotes(text, { 'Vedant Patel': 'PERSON' });
      assert.deepEqual(found.map((q) => [q.mention, q.speaker]), [
        ['the official', 'senior fire department official'],
        ['the official', 'senior fire department official'],
      ]);
    });

    it('role nouns and groups as speakers: demonstrators, a friend of the actress, the records', () => {
      const chant = 'In central Athens, demonstrators chanted "Thieves, thieves!" as they tried to break through a police line.';
      assert.deepEqual(quotes(chant, { Athens: 'PLACE' }).map((q) => [q.mention, q.speaker]), [['demonstrators', 'demonstrators']]);
      const friend = '"Her friends and family are supportive of her decision," a friend of the actress said.';
      assert.deepEqual(quotes(friend).map((q) => [q.mention, q.speaker]), [['a friend of the actress', 'friend of the actress']]);
      const records = '"The defendant became violent and began to choke the victim," the records state.';
      assert.deepEqual(quotes(records).map((q) => q.mention), ['the records']);
    });

    it('the person after a place or a group and a title: the title is not the speaker', () => {
      const text = '"There was no lightning strike and no sign of a break-in," said Palmer public safety director Jon Owen.';
      const found = quotes(text, { Palmer: 'PLACE', 'Jon Owen': 'PERSON' });
      assert.deepEqual(found.map((q) => [q.mention, q.speaker]), [['Jon Owen', 'Jon Owen']]);
      const group = '"People should run, not walk, to get it installed," said Trend Micro advanced threat researcher Paul Ferguson.';
      assert.equal(quotes(group, { 'Trend Micro': 'ORG', 'Paul Ferguson': 'PERSON' })[0].speaker, 'Paul Ferguson');
      const place = '"It is amazing that they turned out a fix in eight days," analyst Rob Enderle of the Enderle Group in Silicon Valley said.';
      assert.equal(quotes(place, { 'Rob Enderle': 'PERSON', 'Enderle Group': 'ORG', 'Silicon Valley': 'PLACE' })[0].speaker, 'Rob Enderle');
    });

    it('he and she resolve to the nearest person of that gender', () => {
      const text = 'Filmmaker Howard Hughes pursued Bettie Page for years, but she rebuffed him.\n"I never returned any of his calls," she said.\n"She turned me down every time," he said later.';
      const found = quotes(text, { 'Howard Hughes': 'PERSON', 'Bettie Page': 'PERSON' });
      assert.deepEqual(found.map((q) => q.speaker), ['Bettie Page', 'Howard Hughes']);
    });

    it('a quote on the next line with no cue of its own carries on the previous speaker', () => {
      const text = '"I never returned any of his calls," Page said.\n"I guess people will say I made a mistake."\nShe posed for her first photos in 1947.';
      assert.deepEqual(quotes(text, { Page: ['PERSON', 'Bettie Page'] }).map((q) => q.speaker), ['Bettie Page', 'Bettie Page']);
    });

    it('a speaker named by position, by an attribution line after the quote, or by a line ending in a colon', () => {
      const verb = '"A demonstration is one thing and murder is quite another!" Prime Minister George Papandreou thundered in parliament.';
      assert.equal(quotes(verb, { 'George Papandreou': 'PERSON' })[0].speaker, 'George Papandreou');
      const after = '"Her popularity as a pin-up has never faded and it never will."\nRoesler said.';
      assert.equal(quotes(after, { Roesler: ['PERSON', 'Mark Roesler'] })[0].speaker, 'Mark Roesler');
      const colon = 'Ali Hassan, a voter in the capital, said:\n"I remember the elections from the old days, they were like a festival."';
      assert.equal(quotes(colon, { 'Ali Hassan': 'PERSON' })[0].speaker, 'Ali Hassan');
    });

    it('quoted him as saying, and two people speaking together', () => {
      const quoted = 'Producer Laurence Mark praised the choice. "We want the ceremony to be fun and he can hold a stage," People quoted him as saying.';
      assert.equal(quotes(quoted, { 'Laurence Mark': 'PERSON', People: 'ORG' })[0].speaker, 'Laurence Mark');
      const both = 'Producers Laurence Mark and Bill Condon chose him. "He also has style, elegance and a sense of occasion," Mark and Condon said.';
      const names: Record<string, EntityLabel | [EntityLabel, string]> = { 'Laurence Mark': 'PERSON', 'Bill Condon': 'PERSON', Mark: ['PERSON', 'Laurence Mark'], Condon: ['PERSON', 'Bill Condon'] };
      assert.deepEqual(quotes(both, names).map((q) => [q.mention, q.speaker]), [['Mark and Condon', 'Laurence Mark and Bill Condon']]);
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

  it('a text ending in a given name does not throw (the speaker is found)', () => {
    const text = '“It has been quite the year,” said ABC Entertainment Group prexy Paul Lee';
    assert.deepEqual(quotes(text, { 'Paul Lee': 'PERSON' }).map((q) => q.speaker), ['Paul Lee']);
    assert.doesNotThrow(() => quotes('“We are ready,” said Paul'));
  });
});
