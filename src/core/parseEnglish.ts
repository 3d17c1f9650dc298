// retext-english's syntax trees (NLCST), built faster by code of our own.
//
// Written after parse-latin 7 and parse-english 7 (© Titus Wormer, MIT licence), whose steps it follows one
// by one; the two Unicode patterns and the abbreviation lists below are copied from them, as they are not
// exported. The library itself still decides every character's class and is the reference the unit tests
// compare these trees with (test/unit/parse.test.ts).
import { ParseEnglish } from 'parse-english';
import type { Paragraph, Root, Sentence, SentenceContent, Word } from 'nlcst';
import { lineBreaks } from './tokens.js';

// `parseEnglish` gives retext-english's trees (parse-english 7 over parse-latin 7; test/unit/parse.test.ts
// compares them), built by code of its own rather than by the library's:
//
// 1. The first step cuts the text into runs of word, white space, punctuation and symbol characters. The
//    library tests every character against three large Unicode regular expressions, which made it a third of
//    the whole parse. Here the class of each UTF-16 unit is read from a table, filled by asking the library's
//    tokenizer about each unit the first time it is seen, so the classes are the library's own.
// 2. The library's merging steps (`U.S.`, `don't`, `Hwasong-19`, `Mr.`, sentences that are only a quote mark
//    or start lower case, white space moved between sentences) are written out one by one, in its order: the
//    same tests on the same nodes, moving on from the same index after a merge. The library calls every step
//    back through generic helpers for every node, and tests marks and white space with regular expressions;
//    that cost more than the steps themselves.
// 3. Root, paragraph and sentence nodes are made with their position in one object literal, where the library
//    adds `position` afterwards. V8 forgets the shape of objects made that way at a full garbage collection
//    when none is alive any more, and throws away the optimised code of every function that met them: the
//    parse of the documents after each collection took up to twice as long. Sharing no code with the library
//    also leaves retext-english as fast, or as slow, as it is alone.

// ----------------------------------------------------------------------------------------------- runs

/** The library's parser, asked about each UTF-16 unit the first time it is seen. */
const reference = new ParseEnglish();

const WORD = 1;
const SPACE = 2;
const PUNCT = 3;
const SYMBOL = 4;
const CLASS_TYPES: SentenceContent['type'][] = ['WordNode', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'];
/** Class of each UTF-16 unit (WORD, SPACE, PUNCT or SYMBOL), 0 until first seen. */
const unitClasses = new Uint8Array(0x10000);

function classOf(unit: number): number {
  let c = unitClasses[unit];
  if (c === 0) {
    const type = reference.tokenize(String.fromCharCode(unit))[0].type;
    c = type === 'WordNode' ? WORD : type === 'WhiteSpaceNode' ? SPACE : type === 'PunctuationNode' ? PUNCT : SYMBOL;
    unitClasses[unit] = c;
  }
  return c;
}

type Point = NonNullable<SentenceContent['position']>['start'];

function runNode(type: number, value: string, start: Point, end: Point): SentenceContent {
  return (
    type === WORD
      ? { type: 'WordNode', children: [{ type: 'TextNode', value, position: { start, end } }], position: { start, end } }
      : { type: CLASS_TYPES[type], value, position: { start, end } }
  ) as SentenceContent;
}

/** The runs of `value`, as parse-latin's `tokenize` cuts them. */
function tokenize(value: string): SentenceContent[] {
  const children: SentenceContent[] = [];
  const length = value.length;
  // The point after the last unit read, as parse-latin counts it: LF, CRLF and a lone CR each start a line.
  let line = 1;
  let column = 1;
  let index = 0;
  // The library makes a copy of the point for each start and end; nothing changes a point once made, and here
  // a run ends where the next starts, at the same point object.
  let start: Point = { line, column, offset: 0 };
  while (index < length) {
    const from = index;
    let unit = value.charCodeAt(index++);
    const runClass = classOf(unit);
    if (runClass === SPACE) {
      // Only white space holds line breaks.
      for (;;) {
        if (unit === 13 || (unit === 10 && value.charCodeAt(index - 2) !== 13)) {
          line++;
          column = 1;
        } else if (unit !== 10) column++;
        if (index === length) break;
        unit = value.charCodeAt(index);
        if (classOf(unit) !== SPACE) break;
        index++;
      }
    } else if (runClass === WORD) {
      while (index < length && classOf(value.charCodeAt(index)) === WORD) index++;
      column += index - from;
    } else {
      // A run of punctuation or symbols goes on only with the same unit again or a surrogate.
      let previous = unit;
      while (index < length) {
        const next = value.charCodeAt(index);
        if (classOf(next) !== runClass || (next !== previous && (next < 0xd800 || next > 0xdfff))) break;
        previous = next;
        index++;
      }
      column += index - from;
    }
    const end: Point = { line, column, offset: index };
    children.push(runNode(runClass, value.slice(from, index), start, end));
    start = end;
  }
  return children;
}

// ------------------------------------------------------------------------------------- shared helpers

type Mark = Extract<SentenceContent, { type: 'PunctuationNode' | 'SymbolNode' }>;
/** A child of a paragraph or a root: a sentence or a paragraph, or white space (or a source) between them. */
type Block = Paragraph['children'][number] | Root['children'][number];

function isMark(node: SentenceContent): node is Mark {
  return node.type === 'PunctuationNode' || node.type === 'SymbolNode';
}

function isWord(node: SentenceContent): node is Word {
  return node.type === 'WordNode';
}

/** nlcst-to-string of a word: its parts are all literals. */
function wordText(word: Word): string {
  const parts = word.children;
  if (parts.length === 1) return parts[0].value;
  let text = '';
  for (const part of parts) text += part.value;
  return text;
}

function textOf(node: SentenceContent): string {
  return node.type === 'WordNode' ? wordText(node) : node.value;
}

/** The first word or mark of a sentence (white space is passed over), if any. */
function firstWordOrMark(sentence: Sentence): SentenceContent | undefined {
  for (const node of sentence.children) if (node.type === 'WordNode' || isMark(node)) return node;
  return undefined;
}

/**
 * The index a modifyChildren loop goes on from when its step returns `next`: `next` itself (the loop adds
 * one), from the first node when `next` is negative.
 */
function resume(next: number): number {
  return Math.max(next, 0) - 1;
}

/** Sentence `index` goes on the end of the sentence before it (parse-latin's merges into the previous one); returns where the loop resumes. */
function joinPrevious(blocks: Block[], index: number, previous: Sentence, child: Sentence): number {
  previous.children.push(...child.children);
  blocks.splice(index, 1);
  if (previous.position && child.position) previous.position.end = child.position.end;
  return resume(index);
}

/**
 * A parent node with the position parse-latin's patchPosition gives it (its first child's start, its last
 * child's end), made in one literal (see above, 3). Every node here has a position.
 */
function parentNode<T extends Root | Paragraph | Sentence>(type: T['type'], children: T['children']): T {
  const first = children[0];
  const last = children[children.length - 1];
  return (first ? { type, children, position: { start: first.position!.start, end: last.position!.end } } : { type, children }) as T;
}

/** parse-latin's splitNode: `children` cut after each child that `ends`, as nodes of type `type`. */
function splitNode<T extends Paragraph | Sentence>(type: T['type'], children: T['children'], ends: (child: T['children'][number]) => boolean): T[] {
  const result: T[] = [];
  let start = 0;
  for (let index = 0; index < children.length; index++) {
    if (index === children.length - 1 || ends(children[index])) {
      result.push(parentNode<T>(type, children.slice(start, index + 1) as T['children']));
      start = index + 1;
    }
  }
  return result;
}

/** Where parse-latin ends sentences: after a terminal marker (its `terminalMarker`). */
function endsSentence(child: SentenceContent): boolean {
  return child.type === 'PunctuationNode' && isTerminalMarker(child.value);
}

/** Where parse-latin ends paragraphs: after white space with a line break (its `newLine`, /^[ \t]*((\r?\n|\r)[\t ]*)+$/). */
function endsParagraph(child: Paragraph['children'][number]): boolean {
  if (child.type !== 'WhiteSpaceNode') return false;
  const value = child.value;
  let lineBreak = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13) lineBreak = true;
    else if (c !== 32 && c !== 9) return false;
  }
  return lineBreak;
}

// ------------------------------------------------------------------------- steps over a text's runs

// parse-english's and parse-latin's own patterns (not exported by the packages).
const ELISION_PREFIX = /^(ol?)$/;
const ELISION_AFFIX = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/;

/** parse-english's `apostrophe`, /^['’]$/. */
function isApostrophe(value: string): boolean {
  return value === "'" || value === '’';
}

/** parse-latin's `wordSymbolInner`, /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/, tested by code. */
function isInnerWordSymbol(value: string): boolean {
  const c = value.charCodeAt(0);
  if (value.length === 1) {
    return c === 38 || c === 39 || c === 45 || c === 46 || c === 58 || c === 61 || c === 63 || c === 64 || c === 95 ||
      c === 0xad || c === 0xb7 || c === 0x2010 || c === 0x2011 || c === 0x2019 || c === 0x2027;
  }
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 95 /* _ */) return false;
  return value.length > 0;
}

/** parse-latin's `terminalMarker`, /^([!.?\u2026\u203D]+)$/, tested by code. */
function isTerminalMarker(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 33 && c !== 46 && c !== 63 && c !== 0x2026 && c !== 0x203d) return false;
  }
  return value.length > 0;
}

/** parse-latin's `numerical` on one UTF-16 unit, the only way mergeInitialisms uses it: the same as `\p{N}`. */
const NUMERICAL = /^\p{N}+$/u;

/** parse-english's mergeEnglishElisionExceptions: `w/`, `o'`, `'twas`, `rock 'n' roll`. */
function mergeElisions(siblings: SentenceContent[]): void {
  // Like visitChildren: the index does not move back after a merge.
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index];
    if (!isMark(child)) continue;
    const length = siblings.length;
    const value = child.value;
    if (value === '/') {
      const sibling = siblings[index - 1];
      if (sibling && sibling.type === 'WordNode' && wordText(sibling).toLowerCase() === 'w') {
        siblings.splice(index, 1);
        sibling.children.push(child);
        if (sibling.position && child.position) sibling.position.end = child.position.end;
      }
    } else if (isApostrophe(value)) {
      const sibling = siblings[index - 1];
      if (
        index > 2 &&
        index < length - 1 &&
        sibling.type === 'WordNode' &&
        siblings[index - 2].type === 'WhiteSpaceNode' &&
        siblings[index + 1].type === 'WhiteSpaceNode' &&
        ELISION_PREFIX.test(wordText(sibling).toLowerCase())
      ) {
        siblings.splice(index, 1);
        sibling.children.push(child);
        if (sibling.position && child.position) sibling.position.end = child.position.end;
        continue;
      }
      if (index !== length - 1 && siblings[index + 1].type === 'WordNode' && (index === 0 || siblings[index - 1].type !== 'WordNode')) {
        const next = siblings[index + 1] as Word;
        const nextValue = wordText(next).toLowerCase();
        const other = siblings[index + 2];
        if (ELISION_AFFIX.test(nextValue)) {
          siblings.splice(index, 1);
          next.children.unshift(child);
          if (next.position && child.position) next.position.start = child.position.start;
        } else if (nextValue === 'n' && other && other.type === 'PunctuationNode' && isApostrophe(other.value)) {
          siblings.splice(index, 1);
          siblings.splice(index + 1, 1);
          next.children.unshift(child);
          next.children.push(other);
          if (next.position) {
            if (child.position) next.position.start = child.position.start;
            if (other.position) next.position.end = other.position.end;
          }
        }
      }
    }
  }
}

/** parse-latin's mergeInitialWordSymbol: `&` before a word, not after one, joins it (`&c`). */
function mergeInitialAmpersands(children: SentenceContent[]): void {
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!isMark(child) || child.value !== '&') continue;
    const next = children[index + 1];
    if ((index > 0 && children[index - 1].type === 'WordNode') || !(next && next.type === 'WordNode')) continue;
    children.splice(index, 1);
    next.children.unshift(child);
    if (next.position && child.position) next.position.start = child.position.start;
    index = resume(index - 1);
  }
}

/** parse-latin's mergeFinalWordSymbol: `-` after a word and before no word joins it (`self-`). */
function mergeFinalHyphens(children: SentenceContent[]): void {
  for (let index = 1; index < children.length; index++) {
    const child = children[index];
    if (!isMark(child) || child.value !== '-') continue;
    const previous = children[index - 1];
    const next = children[index + 1];
    if ((!next || next.type !== 'WordNode') && previous.type === 'WordNode') {
      children.splice(index, 1);
      previous.children.push(child);
      if (previous.position && child.position) previous.position.end = child.position.end;
      index = resume(index);
    }
  }
}

/** parse-latin's mergeInnerWordSymbol: words joined by inner marks are one (`don't`, `U.S`, `Hwasong-19`). */
function mergeInnerWordSymbols(siblings: SentenceContent[]): void {
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index];
    // The scan below starts at `child` and stops at once unless it is an inner mark.
    if (!isMark(child) || !isInnerWordSymbol(child.value)) continue;
    const previous = siblings[index - 1];
    if (previous.type !== 'WordNode') continue;
    let position = index - 1;
    const tokens: Word['children'] = [];
    let queue: Word['children'] = [];
    while (siblings[++position]) {
      const sibling = siblings[position];
      if (sibling.type === 'WordNode') {
        tokens.push(...queue, ...sibling.children);
        queue = [];
      } else if (isMark(sibling) && isInnerWordSymbol(sibling.value)) {
        queue.push(sibling);
      } else {
        break;
      }
    }
    if (tokens.length > 0) {
      if (queue.length > 0) position -= queue.length;
      siblings.splice(index, position - index);
      previous.children.push(...tokens);
      const last = tokens[tokens.length - 1];
      if (previous.position && last.position) previous.position.end = last.position.end;
      index = resume(index);
    }
  }
}

/** parse-latin's mergeInnerWordSlash: short words around `/` are one (`km/h`, `and/or` is not). */
function mergeInnerWordSlashes(siblings: SentenceContent[]): void {
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index];
    if (!isMark(child) || child.value !== '/') continue;
    const previous = siblings[index - 1];
    if (previous.type !== 'WordNode') continue;
    const previousValue = wordText(previous);
    let tail: SentenceContent = child;
    const queue: Word['children'] = [child];
    let count = 1;
    let nextValue = '';
    const next = siblings[index + 1];
    if (next && next.type === 'WordNode') {
      nextValue = wordText(next);
      tail = next;
      queue.push(...next.children);
      count++;
    }
    if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
      previous.children.push(...queue);
      siblings.splice(index, count);
      if (previous.position && tail.position) previous.position.end = tail.position.end;
      index = resume(index);
    }
  }
}

/** Whether a full stop after `word` ends an initialism (`U.S` + `.`): single letters between stops, not all digits. */
function endsInitialism(word: Word): boolean {
  const parts = word.children;
  let position = parts.length;
  let isAllDigits = true;
  while (parts[--position]) {
    const value = parts[position].value;
    if (position % 2 === 0) {
      if (value.length > 1) return false;
      if (!NUMERICAL.test(value)) isAllDigits = false;
    } else if (value !== '.') {
      if (position < parts.length - 2) break;
      return false;
    }
  }
  return !isAllDigits;
}

/** parse-latin's mergeInitialisms: the final full stop of `U.S.` joins the word. */
function mergeInitialisms(children: SentenceContent[]): void {
  for (let index = 1; index < children.length; index++) {
    const child = children[index];
    if (child.type !== 'PunctuationNode' || child.value !== '.') continue;
    const previous = children[index - 1];
    if (previous.type !== 'WordNode' || previous.children.length === 1 || previous.children.length % 2 === 0 || !endsInitialism(previous)) continue;
    children.splice(index, 1);
    previous.children.push(child);
    if (previous.position && child.position) previous.position.end = child.position.end;
    index = resume(index);
  }
}

// -------------------------------------------------------------------------- steps over the sentences

/** parse-english's `abbreviations` and `abbreviationsSensitive`: `Nov.`, `Inc.`, `Mr.`, `Calif.`. */
const ABBREVIATIONS =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/;
const ABBREVIATIONS_SENSITIVE =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/;
/** parse-latin's `abbreviationPrefix` (merge-prefix-exceptions): `No.`, `etc.`, `5.`. */
const ABBREVIATION_PREFIX = /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

/**
 * A sentence ending in an abbreviation and its full stop goes on with the next, the stop joining the word:
 * parse-english's mergeEnglishPrefixExceptions (`Mr.`, `Nov.`) and parse-latin's mergePrefixExceptions (`No.`,
 * `etc.`) differ only in the words they take.
 */
function mergeAbbreviations(blocks: Block[], isAbbreviation: (word: string) => boolean): void {
  for (let index = 0; index < blocks.length; index++) {
    const sentence = blocks[index];
    if (sentence.type !== 'SentenceNode') continue;
    const children = sentence.children;
    const period = children[children.length - 1];
    const word = children[children.length - 2];
    if (!period || period.type !== 'PunctuationNode' || period.value !== '.' || !word || word.type !== 'WordNode') continue;
    if (!isAbbreviation(wordText(word))) continue;
    word.children.push(period);
    children.pop();
    if (period.position && word.position) word.position.end = period.position.end;
    const next = blocks[index + 1];
    if (next && next.type === 'SentenceNode') {
      children.push(...next.children);
      blocks.splice(index + 1, 1);
      if (next.position && sentence.position) sentence.position.end = next.position.end;
      index = resume(index - 1);
    }
  }
}

const isEnglishAbbreviation = (word: string) => ABBREVIATIONS.test(word.toLowerCase()) || ABBREVIATIONS_SENSITIVE.test(word);
const isAbbreviationPrefix = (word: string) => ABBREVIATION_PREFIX.test(word.toLowerCase());

/** parse-latin's mergeNonWordSentences: a sentence without words joins the one before (or after) it. */
function mergeNonWordSentences(blocks: Block[]): void {
  for (let index = 0; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode' || child.children.some(isWord)) continue;
    const previous = blocks[index - 1];
    if (previous && previous.type === 'SentenceNode') {
      index = joinPrevious(blocks, index, previous, child);
      continue;
    }
    const next = blocks[index + 1];
    if (next && next.type === 'SentenceNode') {
      next.children.unshift(...child.children);
      if (next.position && child.position) next.position.start = child.position.start;
      blocks.splice(index, 1);
    }
  }
}

/** parse-latin's mergeAffixSymbol: a closing mark that starts a sentence (`”`, `)`) ends the one before. */
function mergeAffixSymbol(blocks: Block[]): void {
  for (let index = 1; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode' || child.children.length === 0) continue;
    const previous = blocks[index - 1];
    const first = child.children[0];
    const second = child.children[1];
    // After a merge the loop goes back one, to index 0 at most, which has no sentence before it.
    if (!previous || previous.type !== 'SentenceNode' || !isMark(first) || !AFFIX_SYMBOL.test(first.value)) continue;
    child.children.shift();
    previous.children.push(first);
    if (first.position && previous.position) previous.position.end = first.position.end;
    if (second && second.position && child.position) child.position.start = second.position.start;
    index = resume(index - 1);
  }
}

/** parse-latin's mergeInitialLowerCaseLetterSentences: a sentence whose first word is lower case goes on the one before. */
function mergeInitialLowerCaseLetterSentences(blocks: Block[]): void {
  for (let index = 1; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode') continue;
    const previous = blocks[index - 1];
    if (child.children.length === 0 || previous.type !== 'SentenceNode') continue;
    // The first word or mark decides.
    const node = firstWordOrMark(child);
    if (!node || node.type !== 'WordNode' || !LOWER_INITIAL.test(wordText(node))) continue;
    index = joinPrevious(blocks, index, previous, child);
  }
}

/** parse-latin's mergeInitialDigitSentences: a sentence starting with a digit goes on the one before (`1.5`). */
function mergeInitialDigitSentences(blocks: Block[]): void {
  for (let index = 1; index < blocks.length; index++) {
    const child = blocks[index];
    const previous = blocks[index - 1];
    if (previous.type !== 'SentenceNode' || child.type !== 'SentenceNode') continue;
    const head = child.children[0];
    if (!head || head.type !== 'WordNode') continue;
    const c = head.children[0].value.charCodeAt(0);
    if (!(c >= 48 && c <= 57)) continue; // parse-latin's `digitStart`, /^\d/
    index = joinPrevious(blocks, index, previous, child);
  }
}

/** parse-latin's mergeAffixExceptions: a sentence whose first mark, before any word, is `,` or `;` goes on the one before. */
function mergeAffixExceptions(blocks: Block[]): void {
  for (let index = 1; index < blocks.length; index++) {
    const child = blocks[index];
    const previous = blocks[index - 1];
    if (previous.type !== 'SentenceNode' || child.type !== 'SentenceNode' || child.children.length === 0) continue;
    const node = firstWordOrMark(child);
    if (!node || node.type === 'WordNode' || (node.value !== ',' && node.value !== ';')) continue;
    index = joinPrevious(blocks, index, previous, child);
  }
}

/** parse-latin's mergeRemainingFullStops: a full stop inside a sentence joins the word before (or after) it. */
function mergeRemainingFullStops(blocks: Block[]): void {
  for (let index = 0; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode') continue;
    const children = child.children;
    let position = children.length;
    let hasFoundDelimiter = false;
    while (children[--position]) {
      const grandchild = children[position];
      if (!isMark(grandchild)) {
        if (grandchild.type === 'WordNode') hasFoundDelimiter = true;
        continue;
      }
      if (!isTerminalMarker(grandchild.value)) continue;
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true;
        continue;
      }
      if (grandchild.value !== '.') continue;
      const previous = children[position - 1];
      const next = children[position + 1];
      if (previous && previous.type === 'WordNode') {
        const nextNext = children[position + 2];
        if (next && nextNext && next.type === 'WhiteSpaceNode' && textOf(nextNext) === '.') continue;
        children.splice(position, 1);
        previous.children.push(grandchild);
        if (grandchild.position && previous.position) previous.position.end = grandchild.position.end;
        position--;
      } else if (next && next.type === 'WordNode') {
        children.splice(position, 1);
        next.children.unshift(grandchild);
        if (grandchild.position && next.position) next.position.start = grandchild.position.start;
      }
    }
  }
}

/** parse-latin's breakImplicitSentences: a blank line inside a sentence ends it. */
function breakImplicitSentences(siblings: Block[]): void {
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index];
    if (child.type !== 'SentenceNode') continue;
    const children = child.children;
    // The first and last child are left out.
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position];
      // The library splits the white space on line breaks to count them.
      if (node.type !== 'WhiteSpaceNode' || lineBreaks(node.value) < 2) continue;
      child.children = children.slice(0, position);
      const tail = children[position - 1];
      const head = children[position + 1];
      // Every sentence here has a position (made in one literal, see parentNode).
      const insertion: Sentence = { type: 'SentenceNode', children: children.slice(position + 1), position: { start: head.position!.start, end: child.position!.end } };
      child.position!.end = tail.position!.end;
      siblings.splice(index + 1, 0, node, insertion);
      // The loop goes on with the white space, then the new sentence.
      break;
    }
  }
}

/** parse-latin's makeInitialWhiteSpaceSiblings: white space that starts a sentence (paragraph) goes before it. */
function makeInitialWhiteSpaceSiblings(blocks: Block[]): void {
  // Like visitChildren: the index does not move back after a change.
  for (let index = 0; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode' && child.type !== 'ParagraphNode') continue;
    const head = child.children[0];
    if (!head || head.type !== 'WhiteSpaceNode') continue;
    child.children.shift();
    blocks.splice(index, 0, head);
    const next = child.children[0];
    if (next && next.position && child.position) child.position.start = next.position.start;
  }
}

/** parse-latin's makeFinalWhiteSpaceSiblings: white space that ends a sentence (paragraph) goes after it. */
function makeFinalWhiteSpaceSiblings(blocks: Block[]): void {
  for (let index = 0; index < blocks.length; index++) {
    const child = blocks[index];
    if (child.type !== 'SentenceNode' && child.type !== 'ParagraphNode') continue;
    const tail = child.children[child.children.length - 1];
    if (!tail || tail.type !== 'WhiteSpaceNode') continue;
    child.children.pop();
    blocks.splice(index + 1, 0, tail);
    const previous = child.children[child.children.length - 1];
    if (previous && previous.position && child.position) child.position.end = previous.position.end;
    index = resume(index);
  }
}

/** parse-latin's removeEmptyNodes: sentences (paragraphs) left without children go. */
function removeEmptyNodes(blocks: Block[]): void {
  for (let index = 0; index < blocks.length; index++) {
    const child = blocks[index];
    if ((child.type !== 'SentenceNode' && child.type !== 'ParagraphNode') || child.children.length > 0) continue;
    blocks.splice(index, 1);
    index = resume(index);
  }
}

// ------------------------------------------------------------------------------------------ the parse

/** The tree parse-english (retext-english) gives `value`. */
export function parseEnglish(value: string): Root {
  // The runs, merged by parse-english's word steps in its order. A step is left out when the text has none
  // of the marks it merges (merging never makes new marks).
  const runs = tokenize(value);
  const slash = value.includes('/');
  if (slash || value.includes("'") || value.includes('’')) mergeElisions(runs);
  if (value.includes('&')) mergeInitialAmpersands(runs);
  if (value.includes('-')) mergeFinalHyphens(runs);
  mergeInnerWordSymbols(runs);
  if (slash) mergeInnerWordSlashes(runs);
  if (value.includes('.')) mergeInitialisms(runs);
  // Sentences, cut after terminal marks, then its sentence steps in its order.
  const sentences: Block[] = splitNode<Sentence>('SentenceNode', runs, endsSentence);
  mergeAbbreviations(sentences, isEnglishAbbreviation); // parse-english's mergeEnglishPrefixExceptions
  mergeNonWordSentences(sentences);
  mergeAffixSymbol(sentences);
  mergeInitialLowerCaseLetterSentences(sentences);
  mergeInitialDigitSentences(sentences);
  mergeAbbreviations(sentences, isAbbreviationPrefix); // parse-latin's mergePrefixExceptions
  mergeAffixExceptions(sentences);
  mergeRemainingFullStops(sentences);
  makeInitialWhiteSpaceSiblings(sentences);
  makeFinalWhiteSpaceSiblings(sentences);
  breakImplicitSentences(sentences);
  removeEmptyNodes(sentences);
  // Paragraphs, cut after white space with a line break, then its paragraph steps.
  const paragraphs: Block[] = splitNode<Paragraph>('ParagraphNode', sentences as Paragraph['children'], endsParagraph);
  makeInitialWhiteSpaceSiblings(paragraphs);
  makeFinalWhiteSpaceSiblings(paragraphs);
  removeEmptyNodes(paragraphs);
  return parentNode<Root>('RootNode', paragraphs as Root['children']);
}

// ------------------------------------------------------------------------------- the library's patterns

// Generated from Unicode data by parse-latin 7 (lib/expressions.js), which does not export them.

/** A closing mark that may end the sentence before (`”`, `)`, `»`), repeated or not. */
const AFFIX_SYMBOL =
  /^([!"').?\u0F3B\u0F3D\u169C\u2019\u201D\u2026\u203A\u203D\u2046\u207E\u208E\u2309\u230B\u232A\u2769\u276B\u276D\u276F\u2771\u2773\u2775\u27C6\u27E7\u27E9\u27EB\u27ED\u27EF\u2984\u2986\u2988\u298A\u298C\u298E\u2990\u2992\u2994\u2996\u2998\u29D9\u29DB\u29FD\u2E03\u2E05\u2E0A\u2E0D\u2E1D\u2E21\u2E23\u2E25\u2E27\u2E29\u2E56\u2E58\u2E5A\u2E5C\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u301E\u301F\uFD3E\uFE18\uFE36\uFE38\uFE3A\uFE3C\uFE3E\uFE40\uFE42\uFE44\uFE48\uFE5A\uFE5C\uFE5E\uFF09\uFF3D\uFF5D\uFF60\uFF63\u00BB\]}])\1*$/;

/** A lower-case first letter. */
const LOWER_INITIAL =
  /^(?:[a-z\u00B5\u00DF-\u00F6\u00F8-\u00FF\u0101\u0103\u0105\u0107\u0109\u010B\u010D\u010F\u0111\u0113\u0115\u0117\u0119\u011B\u011D\u011F\u0121\u0123\u0125\u0127\u0129\u012B\u012D\u012F\u0131\u0133\u0135\u0137\u0138\u013A\u013C\u013E\u0140\u0142\u0144\u0146\u0148\u0149\u014B\u014D\u014F\u0151\u0153\u0155\u0157\u0159\u015B\u015D\u015F\u0161\u0163\u0165\u0167\u0169\u016B\u016D\u016F\u0171\u0173\u0175\u0177\u017A\u017C\u017E-\u0180\u0183\u0185\u0188\u018C\u018D\u0192\u0195\u0199-\u019B\u019E\u01A1\u01A3\u01A5\u01A8\u01AA\u01AB\u01AD\u01B0\u01B4\u01B6\u01B9\u01BA\u01BD-\u01BF\u01C6\u01C9\u01CC\u01CE\u01D0\u01D2\u01D4\u01D6\u01D8\u01DA\u01DC\u01DD\u01DF\u01E1\u01E3\u01E5\u01E7\u01E9\u01EB\u01ED\u01EF\u01F0\u01F3\u01F5\u01F9\u01FB\u01FD\u01FF\u0201\u0203\u0205\u0207\u0209\u020B\u020D\u020F\u0211\u0213\u0215\u0217\u0219\u021B\u021D\u021F\u0221\u0223\u0225\u0227\u0229\u022B\u022D\u022F\u0231\u0233-\u0239\u023C\u023F\u0240\u0242\u0247\u0249\u024B\u024D\u024F-\u0293\u0295-\u02AF\u0371\u0373\u0377\u037B-\u037D\u0390\u03AC-\u03CE\u03D0\u03D1\u03D5-\u03D7\u03D9\u03DB\u03DD\u03DF\u03E1\u03E3\u03E5\u03E7\u03E9\u03EB\u03ED\u03EF-\u03F3\u03F5\u03F8\u03FB\u03FC\u0430-\u045F\u0461\u0463\u0465\u0467\u0469\u046B\u046D\u046F\u0471\u0473\u0475\u0477\u0479\u047B\u047D\u047F\u0481\u048B\u048D\u048F\u0491\u0493\u0495\u0497\u0499\u049B\u049D\u049F\u04A1\u04A3\u04A5\u04A7\u04A9\u04AB\u04AD\u04AF\u04B1\u04B3\u04B5\u04B7\u04B9\u04BB\u04BD\u04BF\u04C2\u04C4\u04C6\u04C8\u04CA\u04CC\u04CE\u04CF\u04D1\u04D3\u04D5\u04D7\u04D9\u04DB\u04DD\u04DF\u04E1\u04E3\u04E5\u04E7\u04E9\u04EB\u04ED\u04EF\u04F1\u04F3\u04F5\u04F7\u04F9\u04FB\u04FD\u04FF\u0501\u0503\u0505\u0507\u0509\u050B\u050D\u050F\u0511\u0513\u0515\u0517\u0519\u051B\u051D\u051F\u0521\u0523\u0525\u0527\u0529\u052B\u052D\u052F\u0560-\u0588\u10D0-\u10FA\u10FD-\u10FF\u13F8-\u13FD\u1C80-\u1C88\u1D00-\u1D2B\u1D6B-\u1D77\u1D79-\u1D9A\u1E01\u1E03\u1E05\u1E07\u1E09\u1E0B\u1E0D\u1E0F\u1E11\u1E13\u1E15\u1E17\u1E19\u1E1B\u1E1D\u1E1F\u1E21\u1E23\u1E25\u1E27\u1E29\u1E2B\u1E2D\u1E2F\u1E31\u1E33\u1E35\u1E37\u1E39\u1E3B\u1E3D\u1E3F\u1E41\u1E43\u1E45\u1E47\u1E49\u1E4B\u1E4D\u1E4F\u1E51\u1E53\u1E55\u1E57\u1E59\u1E5B\u1E5D\u1E5F\u1E61\u1E63\u1E65\u1E67\u1E69\u1E6B\u1E6D\u1E6F\u1E71\u1E73\u1E75\u1E77\u1E79\u1E7B\u1E7D\u1E7F\u1E81\u1E83\u1E85\u1E87\u1E89\u1E8B\u1E8D\u1E8F\u1E91\u1E93\u1E95-\u1E9D\u1E9F\u1EA1\u1EA3\u1EA5\u1EA7\u1EA9\u1EAB\u1EAD\u1EAF\u1EB1\u1EB3\u1EB5\u1EB7\u1EB9\u1EBB\u1EBD\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1EC9\u1ECB\u1ECD\u1ECF\u1ED1\u1ED3\u1ED5\u1ED7\u1ED9\u1EDB\u1EDD\u1EDF\u1EE1\u1EE3\u1EE5\u1EE7\u1EE9\u1EEB\u1EED\u1EEF\u1EF1\u1EF3\u1EF5\u1EF7\u1EF9\u1EFB\u1EFD\u1EFF-\u1F07\u1F10-\u1F15\u1F20-\u1F27\u1F30-\u1F37\u1F40-\u1F45\u1F50-\u1F57\u1F60-\u1F67\u1F70-\u1F7D\u1F80-\u1F87\u1F90-\u1F97\u1FA0-\u1FA7\u1FB0-\u1FB4\u1FB6\u1FB7\u1FBE\u1FC2-\u1FC4\u1FC6\u1FC7\u1FD0-\u1FD3\u1FD6\u1FD7\u1FE0-\u1FE7\u1FF2-\u1FF4\u1FF6\u1FF7\u210A\u210E\u210F\u2113\u212F\u2134\u2139\u213C\u213D\u2146-\u2149\u214E\u2184\u2C30-\u2C5F\u2C61\u2C65\u2C66\u2C68\u2C6A\u2C6C\u2C71\u2C73\u2C74\u2C76-\u2C7B\u2C81\u2C83\u2C85\u2C87\u2C89\u2C8B\u2C8D\u2C8F\u2C91\u2C93\u2C95\u2C97\u2C99\u2C9B\u2C9D\u2C9F\u2CA1\u2CA3\u2CA5\u2CA7\u2CA9\u2CAB\u2CAD\u2CAF\u2CB1\u2CB3\u2CB5\u2CB7\u2CB9\u2CBB\u2CBD\u2CBF\u2CC1\u2CC3\u2CC5\u2CC7\u2CC9\u2CCB\u2CCD\u2CCF\u2CD1\u2CD3\u2CD5\u2CD7\u2CD9\u2CDB\u2CDD\u2CDF\u2CE1\u2CE3\u2CE4\u2CEC\u2CEE\u2CF3\u2D00-\u2D25\u2D27\u2D2D\uA641\uA643\uA645\uA647\uA649\uA64B\uA64D\uA64F\uA651\uA653\uA655\uA657\uA659\uA65B\uA65D\uA65F\uA661\uA663\uA665\uA667\uA669\uA66B\uA66D\uA681\uA683\uA685\uA687\uA689\uA68B\uA68D\uA68F\uA691\uA693\uA695\uA697\uA699\uA69B\uA723\uA725\uA727\uA729\uA72B\uA72D\uA72F-\uA731\uA733\uA735\uA737\uA739\uA73B\uA73D\uA73F\uA741\uA743\uA745\uA747\uA749\uA74B\uA74D\uA74F\uA751\uA753\uA755\uA757\uA759\uA75B\uA75D\uA75F\uA761\uA763\uA765\uA767\uA769\uA76B\uA76D\uA76F\uA771-\uA778\uA77A\uA77C\uA77F\uA781\uA783\uA785\uA787\uA78C\uA78E\uA791\uA793-\uA795\uA797\uA799\uA79B\uA79D\uA79F\uA7A1\uA7A3\uA7A5\uA7A7\uA7A9\uA7AF\uA7B5\uA7B7\uA7B9\uA7BB\uA7BD\uA7BF\uA7C1\uA7C3\uA7C8\uA7CA\uA7D1\uA7D3\uA7D5\uA7D7\uA7D9\uA7F6\uA7FA\uAB30-\uAB5A\uAB60-\uAB68\uAB70-\uABBF\uFB00-\uFB06\uFB13-\uFB17\uFF41-\uFF5A]|\uD801[\uDC28-\uDC4F\uDCD8-\uDCFB\uDD97-\uDDA1\uDDA3-\uDDB1\uDDB3-\uDDB9\uDDBB\uDDBC]|\uD803[\uDCC0-\uDCF2]|\uD806[\uDCC0-\uDCDF]|\uD81B[\uDE60-\uDE7F]|\uD835[\uDC1A-\uDC33\uDC4E-\uDC54\uDC56-\uDC67\uDC82-\uDC9B\uDCB6-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDCCF\uDCEA-\uDD03\uDD1E-\uDD37\uDD52-\uDD6B\uDD86-\uDD9F\uDDBA-\uDDD3\uDDEE-\uDE07\uDE22-\uDE3B\uDE56-\uDE6F\uDE8A-\uDEA5\uDEC2-\uDEDA\uDEDC-\uDEE1\uDEFC-\uDF14\uDF16-\uDF1B\uDF36-\uDF4E\uDF50-\uDF55\uDF70-\uDF88\uDF8A-\uDF8F\uDFAA-\uDFC2\uDFC4-\uDFC9\uDFCB]|\uD837[\uDF00-\uDF09\uDF0B-\uDF1E\uDF25-\uDF2A]|\uD83A[\uDD22-\uDD43])/;
