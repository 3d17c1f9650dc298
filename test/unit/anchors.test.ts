import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorAt, resolveAnchor, resolveAnchors, type TextAnchor } from '../../src/core/anchors.js';
import { FIXTURES, seed, SEEDS } from './helpers/seeds.js';

const UPI = readFileSync(join(SEEDS, seed('000')), 'utf8');
const QUOTE = '“I can confirm that over 10,000 DPRK soldiers have been sent to eastern Russia';

/** The anchor of the first (or `nth`) occurrence of `passage` in `text`. */
function anchorOf(text: string, passage: string, nth = 0): TextAnchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
  assert.ok(at >= 0, `"${passage}" not in the text`);
  return anchorAt(text, at, at + passage.length);
}

const found = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('anchors', () => {
  it('records the passage, 32 characters of context each side and the offsets', () => {
    const a = anchorOf(UPI, QUOTE);
    assert.equal(a.exact, QUOTE);
    assert.equal(a.prefix.length, 32);
    assert.equal(a.suffix.length, 32);
    assert.equal(UPI.slice(a.start - 32, a.end + 32), a.prefix + a.exact + a.suffix);
    const edge = anchorAt(UPI, 0, 5, 10);
    assert.deepEqual([edge.prefix, edge.exact, edge.suffix.length], ['', 'SEOUL', 10]);
  });

  it('resolves in place in unchanged text', () => {
    for (const passage of [QUOTE, 'SEOUL', 'Patel said', 'on Tuesday and Wednesday, Patel said.']) {
      const a = anchorOf(UPI, passage);
      assert.deepEqual(resolveAnchor(a, UPI), { start: a.start, end: a.end, exactMatch: true });
    }
  });

  it('follows the passage when text is inserted or deleted before it', () => {
    const a = anchorOf(UPI, QUOTE);
    const inserted = 'EDITOR’S NOTE: corrected on Nov. 14.\n\n' + UPI;
    assert.deepEqual(resolveAnchor(a, inserted), { start: a.start + 38, end: a.end + 38, exactMatch: true });
    const cut = UPI.indexOf('The Democratic People’s Republic');
    const deleted = UPI.slice(0, cut) + UPI.slice(UPI.indexOf('\n', cut) + 1);
    const r = resolveAnchor(a, deleted);
    assert.equal(found(deleted, r), QUOTE);
    assert.ok(r!.exactMatch && r!.start < a.start);
  });

  it('finds a passage with a word changed inside it, as an approximate match', () => {
    const a = anchorOf(UPI, QUOTE);
    const edited = UPI.replace('have been sent to eastern Russia', 'have been moved to eastern Russia');
    const r = resolveAnchor(a, edited);
    assert.equal(found(edited, r), QUOTE.replace('sent', 'moved'));
    assert.equal(r!.exactMatch, false);
  });

  it('finds a passage with a typo fixed and punctuation changed', () => {
    const typo = UPI.replace('command and control', 'comand and control');
    const a = anchorOf(typo, 'interoperability, the language barrier, comand and control and communications');
    const fixed = typo.replace('comand and control', 'command-and-control');
    assert.equal(found(fixed, resolveAnchor(a, fixed)), 'interoperability, the language barrier, command-and-control and communications');
  });

  it('follows a paragraph moved to another place', () => {
    const paragraph = UPI.slice(UPI.indexOf('Russia has trained'), UPI.indexOf('\n', UPI.indexOf('Russia has trained')));
    const a = anchorOf(UPI, paragraph);
    const moved = UPI.replace(paragraph + '\n\n', '') + '\n\n' + paragraph;
    const r = resolveAnchor(a, moved);
    assert.equal(r!.start, moved.length - paragraph.length);
    assert.equal(r!.exactMatch, true);
  });

  it('tells two identical passages apart by their context', () => {
    const sentence = 'The ministry declined to comment on the report.';
    const text = `Seoul said troops had moved. ${sentence}\n\nLater, Tokyo raised concerns. ${sentence}\n`;
    const second = anchorOf(text, sentence, 1);
    const first = anchorOf(text, sentence, 0);
    const shifted = 'Breaking news update.\n' + text;
    assert.equal(resolveAnchor(second, shifted)!.start, shifted.lastIndexOf(sentence));
    assert.equal(resolveAnchor(first, shifted)!.start, shifted.indexOf(sentence));
    // The second copy edited: its anchor follows it, not the intact first copy.
    const edited = shifted.replace(`concerns. ${sentence}`, `concerns. The ministry declined to comment on the new report.`);
    const r = resolveAnchor(second, edited);
    assert.equal(r!.exactMatch, false);
    assert.equal(found(edited, r), 'The ministry declined to comment on the new report.');
  });

  it('survives CRLF line ends and re-wrapped whitespace', () => {
    const passage = 'confirmed Tuesday.\n\n“We are incredibly concerned';
    const a = anchorOf(UPI, passage);
    const crlf = UPI.replace(/\n/g, '\r\n');
    assert.equal(found(crlf, resolveAnchor(a, crlf)), 'confirmed Tuesday.\r\n\r\n“We are incredibly concerned');
    const word = anchorOf(UPI, 'Vedant Patel said during a press briefing');
    assert.deepEqual(resolveAnchor(word, crlf)?.exactMatch, true);
    const spaced = UPI.replace('deputy spokesman Vedant', 'deputy  spokesman   Vedant');
    assert.equal(found(spaced, resolveAnchor(word, spaced)), 'Vedant Patel said during a press briefing');
  });

  it('returns null for a deleted passage', () => {
    const a = anchorOf(UPI, QUOTE);
    const paragraphStart = UPI.lastIndexOf('\n', a.start) + 1;
    const deleted = UPI.slice(0, paragraphStart) + UPI.slice(UPI.indexOf('\n', a.end) + 1);
    assert.equal(resolveAnchor(a, deleted), null);
  });

  it('finds the right one of many occurrences of a one-word anchor, and orphans it when its sentence goes', () => {
    const count = UPI.split('Patel').length - 1;
    assert.ok(count >= 5);
    const third = anchorOf(UPI, 'Patel', 2);
    const shifted = 'Correction appended.\n' + UPI;
    assert.equal(resolveAnchor(third, shifted)!.start, third.start + 21);
    const sentenceStart = UPI.lastIndexOf('\n', third.start) + 1;
    const without = UPI.slice(0, sentenceStart) + UPI.slice(UPI.indexOf('\n', third.end) + 1);
    assert.equal(resolveAnchor(third, without), null, 'a common word is not moved to another of its occurrences');
  });

  it('never splits a surrogate pair, and follows passages around emoji', () => {
    const text = 'Crowds cheered 🎉🎉 as the 𝐓𝐫𝐞𝐚𝐭𝐲 was signed in Pyongyang 🇰🇵 on Tuesday.';
    const bold = text.indexOf('𝐓');
    const inside = anchorAt(text, bold + 1, bold + 3); // both ends inside a pair
    assert.equal(inside.exact, '𝐓𝐫');
    assert.equal(inside.start, bold);
    const a = anchorAt(text, bold, text.indexOf(' was'));
    const edited = '🙂 ' + text.replace('𝐓𝐫𝐞𝐚𝐭𝐲', '𝐓𝐫𝐞𝐚𝐭𝐢𝐞𝐬');
    const r = resolveAnchor(a, edited);
    assert.ok(r);
    for (const offset of [r.start, r.end]) {
      const c = edited.charCodeAt(offset);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${offset} splits a pair`);
    }
    const flag = anchorAt(text, text.indexOf('🇰🇵'), text.indexOf('🇰🇵') + 4, 8);
    assert.equal(found(edited, resolveAnchor(flag, edited)), '🇰🇵');
  });

  it('tolerates odd anchors: empty passages, offsets past the end, no context', () => {
    const caret = anchorAt(UPI, 100, 100);
    assert.deepEqual(resolveAnchor(caret, 'X' + UPI), { start: 101, end: 101, exactMatch: true });
    const late = { ...anchorOf(UPI, QUOTE), start: 1e9, end: 1e9 + 5 };
    assert.equal(found(UPI, resolveAnchor(late, UPI)), QUOTE);
    assert.equal(resolveAnchor({ exact: 'abc', prefix: '', suffix: '', start: 0, end: 3 }, ''), null);
    assert.deepEqual(anchorAt('', 3, 1), { exact: '', prefix: '', suffix: '', start: 0, end: 0 });
  });

  it('keeps its promises under random edits: offsets in range, whole characters, exact means exact', () => {
    let seed = 7;
    const random = (n: number) => {
      seed ^= seed << 13; // xorshift32: a repeatable sequence
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const base = UPI.slice(0, 1500).replace(/ the /g, ' the 🇰🇵 ');
    for (let round = 0; round < 200; round++) {
      const a = random(base.length);
      const anchor = anchorAt(base, a, a + random(120), random(40));
      let text = base;
      for (let e = random(4); e > 0; e--) {
        const at = Math.min(text.length, Math.max(0, anchor.start - 40 + random(anchor.exact.length + 80))); // near the passage
        text = text.slice(0, at) + ['', 'x', ' 🎉 ', '\r\n', 'inserted words '][random(5)] + text.slice(at + random(6));
      }
      const r = resolveAnchor(anchor, text);
      if (!r) continue;
      assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length);
      for (const offset of [r.start, r.end]) {
        const c = text.charCodeAt(offset);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff && offset > 0), `round ${round}: offset ${offset} splits a pair`);
      }
      if (r.exactMatch && anchor.exact) assert.equal(text.slice(r.start, r.end), anchor.exact, `round ${round}`);
    }
  });

  it('resolves 1,000 anchors in a 1 MB text after edits all over it', function () {
    this.timeout(10_000);
    const lines = readFileSync(join(FIXTURES, 'eval', 'ecbplus_topics1-35.jsonl'), 'utf8').split('\n').filter(Boolean);
    let original = '';
    for (const line of lines) for (const doc of JSON.parse(line).docs) if (original.length < 1_000_000) original += doc.text + '\n\n';
    // 1,000 sentences that occur once, spread over the text, each anchored.
    const sentences = [...original.matchAll(/[A-Z][^.\n]{40,200}\./g)];
    const seen = new Map<string, number>();
    for (const [s] of sentences) seen.set(s, (seen.get(s) ?? 0) + 1);
    const unique = sentences.filter(([s]) => seen.get(s) === 1);
    assert.ok(unique.length >= 1000);
    const anchors = Array.from({ length: 1000 }, (_, i) => {
      const m = unique[Math.floor((i * unique.length) / 1000)];
      return anchorAt(original, m.index, m.index + m[0].length);
    });

    // Edits: a note at the top, every 97th passage deleted, a word changed in every 41st. Deleted passages
    // are ones with no near copy (another article quoting the same words) left to be found instead.
    type Edit = { start: number; end: number; text: string };
    const edits: Edit[] = [{ start: 0, end: 0, text: 'Collected for the Kursk study, 2024.\n\n' }];
    const once = (piece: string) => original.indexOf(piece) === original.lastIndexOf(piece);
    const fate = anchors.map((a, i) => {
      if (i % 97 === 50 && once(a.exact.slice(0, 16)) && once(a.exact.slice(-16))) {
        edits.push({ start: a.start, end: a.end, text: '' });
        return 'deleted';
      }
      const word = / (\w{4,}) /.exec(a.exact.slice(10, -10));
      if (i % 41 === 7 && word) {
        const at = a.start + 10 + word.index + 1;
        edits.push({ start: at, end: at + word[1].length, text: word[1].toUpperCase() + 'X' });
        return 'edited';
      }
      return 'kept';
    });
    let edited = original;
    for (const e of [...edits].sort((x, y) => y.start - x.start)) edited = edited.slice(0, e.start) + e.text + edited.slice(e.end);
    const moved = (offset: number) => offset + edits.filter((e) => e.end <= offset).reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0);

    const resolved = resolveAnchors(anchors, edited);
    const counts = { kept: 0, edited: 0, deleted: 0 };
    anchors.forEach((a, i) => {
      const r = resolved[i];
      if (fate[i] === 'deleted') assert.equal(r, null, `anchor ${i} was deleted`);
      else {
        assert.ok(r, `anchor ${i} lost`);
        assert.deepEqual([r.start, r.end, r.exactMatch], [moved(a.start), moved(a.end), fate[i] === 'kept'], `anchor ${i}`);
      }
      counts[fate[i] as keyof typeof counts]++;
    });
    assert.ok(counts.deleted >= 5 && counts.edited >= 20, JSON.stringify(counts));
  });
});
