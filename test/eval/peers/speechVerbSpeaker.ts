// Peer for speakers: the capitalised name sequence nearest to a speech verb, looked for in the quote's
// sentence(s) and the next sentence, outside any quote.
//   - Sentences: text up to `.`, `!` or `?` (plus closing marks) followed by space, or up to a line break.
//   - Speech verbs: said, says, say, told, tells, according to, added, adds, asked, wrote; the one nearest to
//     the quote is taken.
//   - Names: runs of capitalised words (`Msgr. Farmer`, `Jon Owen`), leading function words and pronouns
//     (`The`, `He`, `But`) and a trailing possessive dropped; the run nearest to that verb is the speaker.
// No verb or no name in reach: no speaker.
import type { Span } from '../../../src/core/types.js';
import { gap } from '../text.js';

export interface PeerSpeaker extends Span {
  text: string;
  name: string;
}

const SENTENCE = /[^\n]*?(?:[.!?]+["'”’]*(?=\s|$)|(?=\n)|$)/g;
const SPEECH_VERB = /\b(?:said|says|say|told|tells|according to|added|adds|asked|wrote)\b/g;
const NAME_RUN = /\p{Lu}[\p{L}\p{N}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;
const NOT_NAME = new Set(
  'The A An He She It They We I You His Her Its Their Our This That These Those But And Or So In On At For From With By As If When While After Before Then There Here'.split(' '),
);

function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SENTENCE)) if (m[0].length) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

const inside = (offset: number, spans: Span[]) => spans.some((s) => offset >= s.start && offset < s.end);

/** Speakers for `quotes` (the peer's own quote spans) in `text`, in the same order. */
export function speechVerbSpeakers(text: string, quotes: Span[]): (PeerSpeaker | null)[] {
  const sents = sentences(text);
  const indexAt = (offset: number) => Math.max(0, sents.findIndex((s) => offset < s.end));
  return quotes.map((q) => {
    const first = indexAt(q.start);
    const last = Math.min(sents.length - 1, indexAt(Math.max(q.start, q.end - 1)) + 1);
    const window: Span = { start: sents[first]?.start ?? q.start, end: sents[last]?.end ?? q.end };
    const part = text.slice(window.start, window.end);
    const verbs: Span[] = [];
    for (const m of part.matchAll(SPEECH_VERB)) {
      const start = window.start + m.index!;
      if (!inside(start, quotes)) verbs.push({ start, end: start + m[0].length });
    }
    if (!verbs.length) return null;
    const verb = verbs.reduce((best, v) => (gap(v, q) < gap(best, q) ? v : best));
    let speaker: PeerSpeaker | null = null;
    for (const m of part.matchAll(NAME_RUN)) {
      let words = m[0].split(/([ \t]+)/);
      let start = window.start + m.index!;
      while (words.length && NOT_NAME.has(words[0])) {
        start += words[0].length + (words[1]?.length ?? 0);
        words = words.slice(2);
      }
      const name = words.join('').replace(/['’]s?$/, '');
      if (!name || inside(start, quotes)) continue;
      const candidate = { start, end: start + name.length, text: name, name };
      if (!speaker || gap(candidate, verb) < gap(speaker, verb)) speaker = candidate;
    }
    return speaker;
  });
}
