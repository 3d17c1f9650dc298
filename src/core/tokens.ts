// A flat view of retext's NLCST that every annotator shares: sentences as lists of tokens with offsets.
// NLCST splits `10,000` into word, punctuation, word and `Hwasong-19's` into several text nodes inside one
// word; annotators reason over these tokens rather than over the tree, so each walks the tree once.
//
// Annotators test characters in the document string at the tokens' offsets (`text.charCodeAt(token.start)`)
// rather than in the token strings: those are fresh slices of every representation (short copies, views into
// the text, one or two bytes a character), and reading their characters costs several times more.
import type { Root, SentenceContent } from 'nlcst';
import type { Span } from './types.js';

export type TokenType = 'word' | 'punct' | 'space' | 'symbol';

export interface Token extends Span {
  type: TokenType;
  text: string;
  /** `text.toLowerCase()`, computed once for every annotator (white space keeps `text`). */
  lower: string;
  /** Index of the sentence the token is in. */
  sentence: number;
}

export interface TokenizedSentence extends Span {
  index: number;
  paragraph: number;
  tokens: Token[];
}

export interface TokenizedDocument {
  text: string;
  paragraphs: Span[];
  sentences: TokenizedSentence[];
  /** `isHardWrapped(text)`, for the annotators that need it too. */
  hardWrapped: boolean;
}

function tokenType(node: SentenceContent): TokenType {
  switch (node.type) {
    case 'WordNode':
      return 'word';
    case 'PunctuationNode':
      return 'punct';
    case 'WhiteSpaceNode':
      return 'space';
    default:
      return 'symbol';
  }
}

/** A token node's text: its own value (most words are one text node) rather than a new slice of the text. */
function nodeText(node: SentenceContent, text: string, start: number, end: number): string {
  if (node.type !== 'WordNode') return node.value;
  return node.children.length === 1 ? node.children[0].value : text.slice(start, end);
}

/**
 * True when the text is hard-wrapped prose (most lines of similar width, breaking mid-sentence), where a
 * single line break is not a boundary. Plain-text news is usually one paragraph per line instead, with
 * headlines, captions and list items on lines of their own that carry no final punctuation.
 */
export function isHardWrapped(text: string): boolean {
  let lines = 0;
  let wrapped = 0;
  let start = 0;
  // Lines end at LF, CRLF or a lone CR (old Mac files), as in the editor.
  const eol = /\r\n?|\n/g;
  for (let m = eol.exec(text); m && lines < 400; m = eol.exec(text)) {
    const line = text.slice(start, m.index).trimEnd();
    start = m.index + m[0].length;
    if (!line) continue;
    lines++;
    if (line.length >= 40 && line.length <= 100 && !/[.!?:"”’)\]]$/.test(line)) wrapped++;
  }
  return lines >= 4 && wrapped / lines > 0.5;
}

/** Number of line breaks in a run of white space; CRLF counts once, a lone CR counts like LF. */
export function lineBreaks(space: string): number {
  let n = 0;
  for (let i = 0; i < space.length; i++) {
    const c = space.charCodeAt(i);
    if (c === 10 || (c === 13 && space.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * A parse of `text.slice(offset, …)`: long texts are parsed in pieces (see `pipeline.ts`), so the tree's
 * offsets are relative to `offset`. `continues` is set when the piece was cut inside a line, so its first
 * paragraph carries on the previous piece's last one.
 */
export interface ParsedChunk {
  tree: Root;
  offset: number;
  continues: boolean;
}

/** Flattens the tree; sentences and paragraphs also end at line breaks (blank lines when hard-wrapped). */
export function tokenize(tree: Root, text: string): TokenizedDocument {
  return tokenizeChunks([{ tree, offset: 0, continues: false }], text);
}

/** Zero-width and direction-format characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi controls, word joiner, BOM). */
const INVISIBLE = /^[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+$/;

/**
 * Whether `text.slice(start, end)` may change in lower case: it has a capital or a non-ASCII character. Most
 * tokens are lowercase ASCII, which need no `toLowerCase`.
 */
function mayHaveCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

/** `tokenize` over a text parsed in pieces. */
export function tokenizeChunks(chunks: Iterable<ParsedChunk>, text: string): TokenizedDocument {
  const hardWrapped = isHardWrapped(text);
  const minBreaks = hardWrapped ? 2 : 1;
  const paragraphs: Span[] = [];
  const sentences: TokenizedSentence[] = [];
  let current: Token[] = [];
  let breakBefore = true;

  const flush = () => {
    while (current.length && current[current.length - 1].type === 'space') current.pop();
    if (!current.length) return;
    // Tokens change until their sentence ends (words joined, marks given back): their lower case is final here.
    for (const token of current) {
      token.sentence = sentences.length;
      if (token.type !== 'space') token.lower = mayHaveCase(text, token.start, token.end) ? token.text.toLowerCase() : token.text;
    }
    const start = current[0].start;
    const end = current[current.length - 1].end;
    if (breakBefore || !paragraphs.length) paragraphs.push({ start, end });
    else paragraphs[paragraphs.length - 1].end = end;
    sentences.push({ start, end, index: sentences.length, paragraph: paragraphs.length - 1, tokens: current });
    current = [];
    breakBefore = false;
  };
  const onSpace = (space: string) => {
    if (lineBreaks(space) >= minBreaks) {
      flush();
      breakBefore = true;
    }
  };
  // Appends a token, keeping words whole around invisible characters and emoji presentation marks.
  const extend = (token: Token, end: number) => {
    token.end = end;
    token.text = text.slice(token.start, end);
  };
  /** An invisible character right after a word: part of the word if another word follows at once. */
  let pending: Token | null = null;
  const push = (token: Token) => {
    let last = current[current.length - 1];
    if (pending) {
      const zw = pending;
      pending = null;
      if (token.type === 'word' && zw.end === token.start) {
        // `Pa\u200btel`: one word.
        extend(last, token.end);
        return;
      }
      push(zw);
      last = current[current.length - 1];
    }
    const touching = last !== undefined && last.end === token.start;
    if (token.type === 'symbol' && INVISIBLE.test(token.text)) {
      // Elsewhere a zero-width character separates like white space, so `\u200b50,000` is still a figure.
      token.type = 'space';
      if (touching && last.type === 'word') {
        pending = token;
        return;
      }
    } else if (token.type === 'word' && touching && last.type === 'symbol') {
      // retext counts marks as word characters, so the variation selector of an emoji (`🏙️Kursk`) would
      // start the next word: give it back to the emoji.
      const marks = /^\p{M}+/u.exec(token.text)?.[0].length ?? 0;
      if (marks) {
        extend(last, token.start + marks);
        if (marks === token.text.length) return;
        token.start += marks;
        token.text = token.text.slice(marks);
      }
    }
    if (token.type === 'space') {
      onSpace(token.text);
      if (!current.length) return;
    }
    current.push(token);
  };

  for (const { tree, offset, continues } of chunks) {
    // A piece cut inside a line carries on the previous piece's paragraph.
    if (continues) breakBefore = false;
    for (const child of tree.children) {
      if (child.type !== 'ParagraphNode') {
        if (child.type === 'WhiteSpaceNode') onSpace(child.value);
        continue;
      }
      for (const s of child.children) {
        if (s.type !== 'SentenceNode') {
          if (s.type === 'WhiteSpaceNode') onSpace(s.value);
          continue;
        }
        for (const t of s.children) {
          const start = offset + t.position!.start.offset!;
          const end = offset + t.position!.end.offset!;
          const value = nodeText(t, text, start, end);
          push({ type: tokenType(t), start, end, text: value, lower: value, sentence: -1 });
        }
        pending = null; // trailing space of the sentence: dropped by flush anyway
        flush();
      }
      // Paragraph nodes end where retext saw a paragraph break.
      breakBefore = true;
    }
  }
  flush();
  return { text, paragraphs, sentences, hardWrapped };
}
