// Parsing text into the token view the annotators share, in pieces for long texts.
import { parseEnglish } from './parseEnglish.js';
import { isHardWrapped, lineBreaks, tokenizeChunks, type ParsedChunk, type TokenizedDocument } from './tokens.js';

/**
 * Longest piece of text parsed at once. parse-latin tokenises its whole input as one flat list and splices
 * that list at every merge (`U.S.`, `10,000`, `Hwasong-19`), which is quadratic in the length of the input:
 * a 1 MB text took seconds and 5 MB over a minute. Parsed in pieces cut at paragraph breaks, a text gives
 * the same tokens in linear time; a single line longer than a piece is cut after a sentence (else at a
 * space), and its pieces stay one paragraph. Texts up to this length are parsed whole, as before.
 */
export const PARSE_CHUNK = 32_768;

/**
 * Whether `text.slice(from, to)` ends a sentence: final punctuation, closing marks allowed, after a word that
 * is no abbreviation (`U.S.`, `Nov.`, `Mr.`: a dotted or short capitalised word).
 */
function sentenceEnd(text: string, from: number, to: number): boolean {
  const m = /(\S*?)[.!?…]+["”’)\]]*$/u.exec(text.slice(from, to));
  return !!m && !m[1].includes('.') && !/^\p{Lu}\p{L}{0,3}$/u.test(m[1]);
}

/** Where to end the piece starting at `from`: the best break in the second half of the window. */
function cutPoint(text: string, from: number, size: number, hardWrapped: boolean): { at: number; continues: boolean } {
  const hi = from + size;
  const lo = from + (size >> 1);
  // Candidates, best first: after a blank line; after a line break (a boundary unless hard-wrapped);
  // after a sentence's final punctuation; after any white space. Each gives the latest such point.
  let line = -1;
  let sentence = -1;
  let space = -1;
  for (let i = hi; i > lo; i--) {
    if (!/\s/.test(text[i - 1]) || /\s/.test(text[i])) continue;
    let j = i - 1;
    while (j > from && /\s/.test(text[j - 1])) j--;
    const breaks = lineBreaks(text.slice(j, i));
    if (breaks >= 2) return { at: i, continues: false };
    if (breaks === 1 && !hardWrapped) {
      if (line < 0) line = i;
    } else if (breaks === 0) {
      if (sentence < 0 && sentenceEnd(text, Math.max(from, j - 12), j) && /[\p{Lu}"“‘(]/u.test(text[i])) sentence = i;
      if (space < 0) space = i;
    }
    i = j + 1;
  }
  if (line >= 0) return { at: line, continues: false };
  if (sentence >= 0) return { at: sentence, continues: true };
  if (space >= 0) return { at: space, continues: true };
  // No white space at all: cut anyway, between two UTF-16 units of different characters.
  let at = hi;
  const c = text.charCodeAt(at - 1);
  if (c >= 0xd800 && c <= 0xdbff && at - 1 > from) at--;
  return { at, continues: true };
}

/** The pieces a text is parsed in: `[from, to)` ranges covering it in order, each at most `size` long. */
export function* chunkBounds(text: string, size = PARSE_CHUNK): Generator<{ from: number; to: number; continues: boolean }> {
  // A piece of no length would never get past the first character.
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const hardWrapped = text.length > size && isHardWrapped(text);
  let from = 0;
  let continues = false;
  do {
    const cut = text.length - from <= size ? { at: text.length, continues: false } : cutPoint(text, from, size, hardWrapped);
    yield { from, to: cut.at, continues };
    continues = cut.continues;
    from = cut.at;
  } while (from < text.length);
}

/** The parse of `text`, piece by piece (each tree can be dropped once tokenised). */
export function* parseChunks(text: string, size = PARSE_CHUNK): Generator<ParsedChunk> {
  for (const { from, to, continues } of chunkBounds(text, size)) {
    yield { tree: parseEnglish(text.slice(from, to)), offset: from, continues };
  }
}

/** The shared token view of a text, parsed in pieces of at most `chunkSize` characters. */
export function tokenizeText(text: string, chunkSize = PARSE_CHUNK): TokenizedDocument {
  return tokenizeChunks(parseChunks(text, chunkSize), text);
}
