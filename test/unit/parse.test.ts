// The parser behind the token view: parse-english with its first step read from a table of character
// classes. Its trees must be retext-english's own, or every annotator would see different tokens.
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { parseChunks, tokenizeText } from '../../src/core/parse.js';
import { seedTexts } from './helpers/seeds.js';

const retext = unified().use(retextEnglish).freeze();

/** A deterministic string of units drawn from a mix of scripts, marks, spaces, symbols and surrogates. */
function oddText(seed: number, length: number): string {
  const pool = 'aZ09 \t\n\r\u00a0\u200b.,;:!?"\'“”‘’«»„()[]-–—/\\@#$%&*+=<>~^`|éßñøçİı\u0301\u05d0\u0627中日한😀👍🏽\u2028\u3000…';
  const units = [...pool];
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += units[x % units.length];
  }
  // A lone surrogate now and then.
  return seed % 3 === 0 ? `${out}\ud83d x \ude00` : out;
}

describe('the parser', () => {
  it('gives retext-english’s own trees for the seeds', () => {
    for (const { text } of seedTexts()) {
      for (const piece of parseChunks(text, text.length + 1)) assert.deepEqual(piece.tree, retext.parse(text));
    }
  });

  it('gives retext-english’s own trees for odd text: every script, space, mark, symbol and surrogate', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = oddText(seed, 20 + (seed % 200));
      const [piece] = [...parseChunks(text, text.length + 1)];
      assert.deepEqual(piece.tree, retext.parse(text), JSON.stringify(text));
    }
  });

  it('refuses pieces of no length rather than never ending', () => {
    assert.throws(() => tokenizeText('Some text.', 0), RangeError);
    // One unit a piece still ends, with every word.
    const words = tokenizeText('Some text.', 1).sentences.flatMap((s) => s.tokens.filter((t) => t.type === 'word').map((t) => t.text));
    assert.equal(words.join(''), 'Sometext');
  });
});
