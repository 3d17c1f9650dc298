// Regroups a sentence's NLCST tokens into the units the number matcher reasons over. NLCST splits `10,000`
// into `10` `,` `000`, `$5` into `$` `5` and `12%` into `12` `%`; here runs of touching word and symbol
// tokens become one item, thousands commas included, and every other punctuation mark is an item of its
// own. Item objects are pooled and reused from sentence to sentence.
import type { Token } from '../../tokens.js';
import { parseNumeric, type Numeric } from './numeric.js';

export const WORD = 0;
export const PUNCT = 1;
export const NUMERIC = 2;

export class Item {
  start = 0;
  end = 0;
  text = '';
  lower = '';
  type = WORD;
  /** Whitespace (or the sentence start) before the item. */
  space = true;
  /** First character is an uppercase letter. */
  cap = false;
  private parsed: Numeric | null | undefined = undefined;

  numeric(): Numeric | null {
    if (this.parsed === undefined) this.parsed = this.type === NUMERIC ? parseNumeric(this.text) : null;
    return this.parsed;
  }

  set(start: number, end: number, text: string, lower: string, type: number, space: boolean, cap: boolean): void {
    this.start = start;
    this.end = end;
    this.text = text;
    this.type = type;
    this.space = space;
    this.lower = lower;
    this.cap = cap;
    this.parsed = undefined;
  }
}

/** Emoji and pictographs, with their modifiers, joiners and presentation selectors. */
const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]+$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `½`, `¾`, `⅔`…: the code units of `VULGAR_FRACTIONS` (numeric.ts), compared rather than looked up. */
function isVulgarFraction(c: number): boolean {
  return (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x215e);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Code unit `i` of `doc` if it is before `end`, else -1. */
function codeAt(doc: string, i: number, end: number): number {
  return i < end ? doc.charCodeAt(i) : -1;
}

/**
 * Whether `doc.slice(start, end)` leads with a figure: a digit, a fraction sign (`½`), `.5`, or a currency sign
 * before one (`$5`, `€20`, `US$3`, `HK$1`). Read in the document string (see tokens.ts).
 */
function numericLed(doc: string, start: number, end: number): boolean {
  const c = doc.charCodeAt(start);
  if (isDigit(c) || isVulgarFraction(c)) return true;
  if (c === 46) return isDigit(codeAt(doc, start + 1, end));
  // `$`, `€`, `£`, `¥`, `₩`, `₹`, `₽`, `₴` or a 1–2 letter prefix before `$`
  let p = start;
  while (p < start + 2 && p < end && isAsciiLetter(doc.charCodeAt(p))) p++;
  const s = codeAt(doc, p, end);
  if (p > start && s !== 36) return false;
  return (s === 36 || s === 8364 || s === 163 || s === 165 || s === 8361 || s === 8377 || s === 8381 || s === 8372) &&
    (isDigit(codeAt(doc, p + 1, end)) || (codeAt(doc, p + 1, end) === 46 && isDigit(codeAt(doc, p + 2, end))));
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

export class ItemBuffer {
  items: Item[] = [];
  length = 0;
  /** The document being read: every item's text is `doc.slice(start, end)`. */
  private doc = '';

  private push(start: number, end: number, text: string, type: number, space: boolean, lower = text.toLowerCase()): void {
    let item = this.items[this.length];
    if (!item) this.items.push((item = new Item()));
    item.set(start, end, text, lower, type, space, isCapital(this.doc.charCodeAt(start)));
    this.length++;
  }

  /** Pushes the item made of `tokens[first..last]`; a single token brings its text and lower case along. */
  private flush(tokens: Token[], first: number, last: number, space: boolean): void {
    const doc = this.doc;
    const start = tokens[first].start;
    const end = tokens[last].end;
    const single = first === last;
    const text = single ? tokens[first].text : doc.slice(start, end);
    const lower = single ? tokens[first].lower : text.toLowerCase();
    if (numericLed(doc, start, end)) {
      // retext keeps a sentence-final full stop on a figure (`192.`): give it back to the sentence
      if (doc.charCodeAt(end - 1) === 46 && isDigit(doc.charCodeAt(end - 2))) {
        this.push(start, end - 1, text.slice(0, -1), NUMERIC, space);
        this.push(end - 1, end, '.', PUNCT, false);
        return;
      }
      this.push(start, end, text, NUMERIC, space, lower);
      return;
    }
    // A word glued to a figure by a typo or a missing space (`Updated13`, `Published:13`): split it. Only a
    // word of 4+ letters, at most its first capitalised, then only digits; `G7`, `MH17`, `F-16` stay words.
    if (isDigit(doc.charCodeAt(end - 1)) && text.length > 5) {
      let d = 0;
      while (d < text.length && !isDigit(text.charCodeAt(d))) d++;
      const head = text.slice(0, d);
      if (d >= 4 && /^\d+$/.test(text.slice(d))) {
        // `Updated13`, `Published:13`
        const colon = head.charCodeAt(d - 1) === 58;
        if (/^[A-Z]?[a-z]+$/.test(colon ? head.slice(0, -1) : head)) {
          const w = colon ? d - 1 : d;
          this.push(start, start + w, text.slice(0, w), WORD, space);
          if (colon) this.push(start + w, start + d, ':', PUNCT, false);
          this.push(start + d, end, text.slice(d), NUMERIC, true);
          return;
        }
      }
    }
    this.push(start, end, text, WORD, space, lower);
  }

  /** Fills the buffer from one sentence's tokens. */
  fill(tokens: Token[], doc: string): void {
    this.length = 0;
    this.doc = doc;
    let space = true;
    // The run of touching tokens being read: indices of its first and last token.
    let first = -1;
    let last = -1;
    let runSpace = true;
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.type === 'space') {
        if (first >= 0) { this.flush(tokens, first, last, runSpace); first = -1; }
        space = true;
        continue;
      }
      if (t.type === 'symbol' && EMOJI.test(t.text)) {
        // An emoji glued to a figure (`13😀`, `50,000🪖`) is not part of it: it stands apart like punctuation.
        if (first >= 0) { this.flush(tokens, first, last, runSpace); first = -1; }
        this.push(t.start, t.end, t.text, PUNCT, space, t.lower);
        space = false;
        continue;
      }
      if (t.type === 'punct') {
        // thousands separator inside a figure: `10` `,` `000`
        // a slash between figures: `11/13` `/` `2024`, `0` `/` `250자` (read, then rejected, as one item)
        if (first >= 0 && t.text === '/' && isDigit(doc.charCodeAt(tokens[last].end - 1))) {
          const next = tokens[j + 1];
          if (next && next.type === 'word' && next.start === t.end && isDigit(next.text.charCodeAt(0))) {
            last = j;
            continue;
          }
        }
        if (first >= 0 && t.text === ',' && isDigit(doc.charCodeAt(tokens[last].end - 1))) {
          const next = tokens[j + 1];
          if (next && next.type === 'word' && next.start === t.end && isDigit(next.text.charCodeAt(0)) &&
            isDigit(next.text.charCodeAt(1)) && isDigit(next.text.charCodeAt(2)) && !isDigit(next.text.charCodeAt(3))) {
            last = j;
            continue;
          }
        }
        if (first >= 0) { this.flush(tokens, first, last, runSpace); first = -1; }
        this.push(t.start, t.end, t.text, PUNCT, space, t.lower);
        space = false;
        continue;
      }
      if (first < 0) {
        first = j;
        runSpace = space;
      }
      last = j;
      space = false;
    }
    if (first >= 0) this.flush(tokens, first, last, runSpace);
  }
}
