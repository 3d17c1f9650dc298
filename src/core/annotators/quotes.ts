// retext plugin: direct quotes and who said them.
//
// Quote marks are paired in one linear scan over the text, line by line: curly marks and ``` `` ``` say which
// way they face (`“` closes a German `„…“`); straight marks and `''` face by their neighbours. An open quote at
// the end of a line goes on when the next paragraph re-opens it (the newspaper convention), when its closing
// mark comes a few lines later with no blank line between (one sentence per line, as in ECB+), or when a
// later line re-opens it and leaves it open; otherwise it ends with its line (in hard-wrapped prose, with the
// line it opened on). A quote of another family inside a quote (`“the sign said "no entry" twice”`) is nested.
// A second opening mark right before a short attribution is a closing mark written the wrong way
// (`decision, ``a friend said`). Titles and names in quotes are not speech; short phrases are, next to a
// reporting cue (`which he said are "critical" skills`); otherwise they are scare quotes.
//
// Speakers come from the words around the quote: reporting cues (`said`, `told`, `according to`, …) in the
// sentences that close and open it, nearest first and speech verbs before `according to`; a name and a verb
// right after the quote (`"…!" Papandreou thundered`); a line ending in a colon before it; the previous
// quote's speaker when it carries on directly; a short attribution line after it; the subject of the
// sentence before a quote that stands alone on its line. `he`/`she` resolve to the nearest subject or
// speaker who may be of that gender (given names and titles tell); a role noun (`the spokesman`) to the
// person introduced with it, else to itself, named as fully as the text named that role before.
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import { isHardWrapped, type TokenizedDocument, type Token } from '../tokens.js';
import type { EntityAnnotation, QuoteAnnotation, Speaker, Span } from '../types.js';
import {
  BEFORE_VERB_WORDS,
  GENDERED_TITLES,
  GIVEN_NAME_GENDER,
  LISTENER_VERBS,
  NAMING_VERBS,
  PRONOUNS,
  REPORTING_VERBS,
  ROLE_NOUNS,
  SPEAKER_STOP_WORDS,
  type Gender,
} from './speech-cues.js';
import { COMMON_WORDS } from '../entities/common-words.js';
import { GIVEN_NAMES, TITLES } from '../entities/people.js';
import { partitionPoint } from '../search.js';

const retextQuotes: Plugin<[], Root> = function () {
  return (_tree, file) => {
    file.data.quotes = findQuotes(file.data.tokenized!, file.data.entities ?? []);
  };
};
export default retextQuotes;

/** Quoted speech found by the mark scan, before attribution. */
interface RawQuote extends Span {
  /** Content without the marks. */
  inner: Span;
}

const MIN_WORDS_WITHOUT_CUE = 5;
/** A quote left open at a line break runs on to a closing mark at most this many lines further. */
const MAX_CONTINUED_LINES = 6;
/** A quote mark detached from its quote is followed by an attribution of at most this many words. */
const ATTRIBUTION_WORDS = 6;

/**
 * Marks of one family pair with each other; a mark of another family inside a quote is a nested quote or
 * mixed typography (`“…"`). `` ``…'' `` (LaTeX and PTB-tokenised text) and `''…''` are one family.
 */
type Family = 'straight' | 'curly' | 'apostrophes';

interface Mark {
  length: number;
  family: Family;
  /** Which way the mark faces whatever its neighbours; null for straight marks, which face by them. */
  faces: 'open' | 'close' | null;
}

/** Quote marks and line breaks; doubled apostrophes and backticks only in texts that have any (the scan is faster without). */
const MARKS_AND_BREAKS = /[\r\n"“”„«»]/g;
const MARKS_AND_BREAKS_WITH_DOUBLES = /[\r\n"“”„«»]|``|''/g;

function markPatternFor(text: string): RegExp {
  return DOUBLED_MARK.test(text) ? MARKS_AND_BREAKS_WITH_DOUBLES : MARKS_AND_BREAKS;
}

const DOUBLED_MARK = /``|''/;
/** Any quote mark, in a stretch of text. */
const QUOTE_MARK = /["“”„«»]|``|''/;

/** The quote mark at `i` (its first character), or null. `'''` is an inner closing `'` merged with `''`. */
function markAt(text: string, i: number): Mark | null {
  switch (text[i]) {
    case '"':
      return { length: 1, family: 'straight', faces: null };
    case '“':
    case '„':
    case '«':
      return { length: 1, family: 'curly', faces: 'open' };
    case '”':
    case '»':
      return { length: 1, family: 'curly', faces: 'close' };
    case '`':
      return text[i + 1] === '`' ? { length: 2, family: 'apostrophes', faces: 'open' } : null;
    case "'":
      if (text[i + 1] !== "'") return null;
      return { length: text[i + 2] === "'" ? 3 : 2, family: 'apostrophes', faces: null };
  }
  return null;
}

/** Whether a straight mark at `i` opens (true) or closes (false) a quote, judging by its neighbours. */
function straightOpens(text: string, i: number, open: boolean, length = 1): boolean {
  const before = text[i - 1];
  const after = text[i + length];
  const spaceBefore = before === undefined || /[\s([{\u2014\u2013-]/.test(before);
  const spaceAfter = after === undefined || /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return !open;
}

/**
 * Whether the mark at `i` opens a quote. `opener` is the opening mark of the quote already open, if any: `“`
 * closes a German `„…“`.
 */
function opensAt(text: string, i: number, mark: Mark, opener: string | null): boolean {
  if (opener === '„' && text[i] === '“') return false;
  return mark.faces ? mark.faces === 'open' : straightOpens(text, i, opener !== null, mark.length);
}

/**
 * An opening mark that is really a closing one, written the wrong way or detached by a space: after the
 * punctuation that ends the quote, before a short attribution (`decision, ``a friend of the actress said`,
 * `Catholic, "she told`, `community, "Smith added`).
 */
function detachedClosing(text: string, i: number, mark: Mark): boolean {
  if (!/[,.!?] $/.test(text.slice(Math.max(0, i - 2), i))) return false;
  const clause = /^[^.,;:!?"“”„«»`\r\n]{0,80}/.exec(text.slice(i + mark.length, i + mark.length + 80))![0];
  return clause.split(/\s+/, ATTRIBUTION_WORDS).some((w) => REPORTING_VERBS.has(w));
}

/** Whether the mark at `i` closes the quote opened by `opener`. */
function closesAt(text: string, i: number, mark: Mark, opener: Mark, openerChar: string): boolean {
  if (!opensAt(text, i, mark, openerChar)) return true;
  return mark.family === opener.family && detachedClosing(text, i, mark);
}

/** Whether the line break at `i` (LF, CRLF or a lone CR) is followed by a blank line. */
function blankLineAfter(text: string, i: number): boolean {
  let j = i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1);
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && /\s/.test(text[j])) j++;
  return j < text.length && (text[j] === '\n' || text[j] === '\r');
}

/** Where a quote left open at a line break carries on: the mark that re-opens or closes it on a later line. */
interface Continuation {
  at: number;
  mark: Mark;
  reopens: boolean;
}

/**
 * The next quote mark after the line break `from`, when it carries on the open quote:
 * - it opens the next paragraph (the newspaper convention: a quote over several paragraphs re-opens each);
 * - it closes the quote a few lines further, with no blank line between (one sentence per line, `We were able
 *   to state our opinions.⏎But we would not back down.''`);
 * - it opens a later line and leaves it open too (a re-opened paragraph after sentence lines).
 * Anything else leaves the quote unclosed at its line.
 */
function continuationAfter(text: string, marks: RegExp, from: number, opener: Mark, openerChar: string): Continuation | null {
  let lines = 1;
  // Lines end at LF, CRLF or a lone CR.
  let lineStart = from + (text[from] === '\r' && text[from + 1] === '\n' ? 2 : 1);
  let blank = false;
  let sawText = false;
  marks.lastIndex = lineStart;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const at = m.index;
    const ch = text[at];
    if (ch === '\n' || ch === '\r') {
      if (++lines > MAX_CONTINUED_LINES) return null;
      if (text.slice(lineStart, at).trim()) sawText = true;
      else blank = true;
      lineStart = at + (ch === '\r' && text[at + 1] === '\n' ? 2 : 1);
      marks.lastIndex = lineStart;
      continue;
    }
    const mark = markAt(text, at)!;
    const lineInitial = !text.slice(lineStart, at).trim();
    const reopens = mark.family === opener.family && lineInitial && opensAt(text, at, mark, null);
    if (reopens && !sawText) return { at, mark, reopens };
    if (blank) return null;
    if (closesAt(text, at, mark, opener, openerChar)) return { at, mark, reopens: false };
    return reopens && !closesOnItsLine(text, marks, at, mark) ? { at, mark, reopens } : null;
  }
  return null;
}

/** Whether the quote opened by the mark at `at` closes before its line ends. */
function closesOnItsLine(text: string, marks: RegExp, at: number, opener: Mark): boolean {
  const lineEnd = text.slice(at).search(/[\r\n]/);
  const line = lineEnd < 0 ? text.slice(at) : text.slice(at, at + lineEnd);
  const pattern = new RegExp(marks.source, 'g');
  pattern.lastIndex = opener.length;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    const mark = markAt(line, m.index);
    if (mark && closesAt(line, m.index, mark, opener, line[0])) return true;
    if (mark) pattern.lastIndex = m.index + mark.length;
  }
  return false;
}

/** Pairs quote marks; see the module comment for the rules. Linear in the text. */
export function scanQuotes(text: string, hardWrapped = isHardWrapped(text)): RawQuote[] {
  const quotes: RawQuote[] = [];
  const marks = markPatternFor(text);
  let open = -1;
  /** The open quote's opening mark. */
  let opener: Mark | null = null;
  // A quote of another family is open inside it (`“the sign said "no entry" twice”`): its closing mark
  // closes the inner quote, not the outer one.
  let nested = false;
  // Hard-wrapped text: the end of the line the open quote started on, where it ends if it never closes.
  let lineEnd = -1;
  const unclosed = (at: number) => {
    const from = open + opener!.length;
    const end = trimEnd(text, from, lineEnd >= 0 ? Math.min(lineEnd, at) : at);
    if (end > from) quotes.push({ start: open, end, inner: { start: from, end } });
    open = -1;
    opener = null;
  };
  const close = (i: number, mark: Mark) => {
    const inner = { start: open + opener!.length, end: i };
    if (text.slice(inner.start, inner.end).trim()) quotes.push({ start: open, end: i + mark.length, inner });
    open = -1;
    opener = null;
  };
  const begin = (i: number, mark: Mark) => {
    open = i;
    // `'''` opens with its first two marks; the third opens an inner quote.
    opener = mark.length === 3 ? { ...mark, length: 2 } : mark;
    nested = false;
    lineEnd = -1;
  };
  /** At an unclosed quote's paragraph break: the position to go on scanning from, or -1 when it ends there. */
  const carryOn = (i: number): number => {
    if (hardWrapped) {
      // The next paragraph re-opens the quote with a fresh mark (the newspaper convention).
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      const next = j < text.length ? markAt(text, j) : null;
      return next && opensAt(text, j, next, null) ? j + next.length : -1;
    }
    const next = continuationAfter(text, marks, i, opener!, text[open]);
    if (!next) return -1;
    // A re-opening mark is not a new opening; a closing mark is left for the scan to close the quote with.
    return next.reopens ? next.at + next.mark.length : next.at;
  };
  // Line breaks are LF, CRLF or a lone CR (old Mac files), as in the editor.
  for (let i = 0; i <= text.length; i++) {
    // Jump to the next character that matters: a quote mark or a line break.
    marks.lastIndex = i;
    i = marks.exec(text)?.index ?? text.length;
    const ch = text[i];
    if (ch === '\n' || ch === '\r' || i === text.length) {
      const last = ch === '\r' && text[i + 1] === '\n' ? i + 1 : i; // the break's last character
      // In hard-wrapped prose a single line break is not a paragraph break.
      if (hardWrapped && i < text.length && !blankLineAfter(text, i)) {
        if (open !== -1 && lineEnd < 0) lineEnd = i;
        i = last;
        continue;
      }
      if (open !== -1 && i < text.length) {
        const resume = carryOn(i);
        if (resume >= 0) {
          nested = false;
          lineEnd = -1;
          i = resume - 1;
          continue;
        }
      }
      if (open !== -1) unclosed(i);
      i = last;
      continue;
    }
    const mark = markAt(text, i)!;
    const end = i + mark.length - 1;
    if (open === -1) {
      if (opensAt(text, i, mark, null)) begin(i, mark);
      i = end;
      continue;
    }
    if (mark.family !== opener!.family) {
      // A mark of another family: an inner quote opens or closes, or (mixed typography, `“…"`) the outer
      // quote closes.
      if (opensAt(text, i, mark, text[open])) nested = true;
      else if (nested) nested = false;
      else close(i, mark);
    } else if (closesAt(text, i, mark, opener!, text[open])) {
      close(i, mark);
    } else if (lineEnd >= 0) {
      // A second opening inside an open quote is a nested or unbalanced mark: keep the outer quote, unless
      // the quote left its first line unclosed in hard-wrapped prose (then this is the next quote).
      unclosed(i);
      begin(i, mark);
    }
    i = end;
  }
  return quotes;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Words of the document in order (tokens know their sentence). */
type Word = Token;

function wordsOf(doc: TokenizedDocument): Word[] {
  const words: Word[] = [];
  for (const s of doc.sentences) {
    for (const t of s.tokens) if (t.type === 'word') words.push(t);
  }
  return words;
}

/** Index of the first word starting at or after `offset` (binary search). */
function firstWordAt(words: Word[], offset: number): number {
  return partitionPoint(words, (w) => w.start < offset);
}

/** Words a title or a name leaves in lower case (`All the President's Men`, `Sammy the Bull`). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'as', 'vs']);
/** One-word answers and exclamations, which are capitalised like a name (`“Yes,”`, `''No.''`). */
const ONE_WORD_REPLIES = new Set(['yes', 'no', 'yeah', 'nope', 'ok', 'okay', 'sure', 'thanks', 'never', 'absolutely', 'exactly', 'right', 'please', 'sorry', 'maybe', 'hello', 'goodbye', 'wow']);

/**
 * Whether quoted words look like a title or a name: every word capitalised but the small ones, and no
 * question or exclamation (`“Somebody in the FBI?”` is speech).
 */
function looksLikeTitle(inner: string): boolean {
  if (!/^[\p{Lu}\p{N}]/u.test(inner) || /[!?]['’`\s]*$/.test(inner.slice(-4))) return false;
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  let count = 0;
  let first = '';
  // Speech has a word in lower case early on: stop there.
  for (let m = word.exec(inner); m; m = word.exec(inner)) {
    if (count++ === 0) first = m[0];
    else if (!/^[\p{Lu}\p{N}]/u.test(m[0]) && !TITLE_SMALL_WORDS.has(m[0])) return false;
  }
  return count > 1 || (count === 1 && !ONE_WORD_REPLIES.has(first.replace(/\.$/, '').toLowerCase()));
}

/** The number of words in `text`, counted up to `atMost`. */
function countWords(text: string, atMost = Infinity): number {
  const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  let n = 0;
  while (n < atMost && word.exec(text)) n++;
  return n;
}

/** A mention that attributes speech, before resolution. */
interface Mention extends Span {
  text: string;
  /** An entity, a pronoun, a role noun phrase (`the official`), or a capitalised name no entity covers. */
  kind: 'entity' | 'pronoun' | 'role' | 'name';
  entity?: EntityAnnotation;
  /** A role noun phrase's head (`official` in `a senior fire department official`), lower case. */
  head?: string;
  /** The name it stands for, when the words alone do not give it (`Mark and Condon`). */
  name?: string;
}

/**
 * Someone a pronoun or a role noun can refer back to: a person named outside quotes, or a resolved speaker.
 * Every referent is made with all its fields: one object shape (on shapes, see `Attributor.keepShape`).
 */
interface Referent {
  at: number;
  sentence: number;
  name: string;
  /** The subject of its sentence or a speaker: the likelier antecedent of a pronoun. Worked out when asked. */
  subject: boolean | undefined;
  /** The first word of a person's mention, to work out `subject`. */
  word: number | undefined;
}

/** A pronoun refers back to someone named at most this many sentences before it, if anyone of its gender is. */
const PRONOUN_WINDOW_SENTENCES = 8;
/** Determiners that open a role noun phrase; the definite ones refer back to a role met before. */
const INDEFINITE = new Set(['a', 'an', 'one', 'another']);
const DEFINITE = new Set(['the', 'this', 'that', 'his', 'her', 'its', 'their', 'our']);
/** Prepositions: a name after one is not the subject of the sentence (`In a statement to People, …`). */
const PREPOSITIONS = new Set(['in', 'of', 'to', 'for', 'from', 'with', 'at', 'by', 'on', 'about', 'after', 'before', 'like', 'than', 'into', 'over']);

/**
 * How far a cue, a subject or the end of a clause is looked for, in words: bounds the work per quote in a
 * sentence that never ends (a table or JSON pasted as text).
 */
const MAX_CLAUSE_WORDS = 60;
/** A name no entity covers is at most this many words long. */
const MAX_NAME_WORDS = 6;
/** An appositive between a name and its verb is at most this many words long. */
const MAX_APPOSITIVE_WORDS = 25;
/** At most this many reporting cues are tried on each side of a quote. */
const MAX_CUES_PER_SIDE = 3;

/** A reporting cue near a quote: lower ranks are tried first. */
interface Cue {
  rank: number;
  according: boolean;
  find: () => Mention | null;
}

/** `he`/`she` (and `him`/`her` after `quoted`) → the gender they stand for. */
const PRONOUN_GENDER = new Map<string, Gender>([
  ['he', 'male'],
  ['she', 'female'],
  ['him', 'male'],
  ['her', 'female'],
]);
/** Objects of `quoted … as saying`. */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

class Attributor {
  /**
   * One attributor kept alive for good. V8 forgets the shape (hidden class) of Attributor objects at a full
   * garbage collection when none is alive, and with it the optimised code of every method, which takes hundreds
   * of documents to optimise again: the quotes of the documents after each collection took three times as long.
   */
  static readonly keepShape = new Attributor({ text: '', paragraphs: [], sentences: [], hardWrapped: false }, [], []);

  private readonly words: Word[];
  private readonly entityAtWord = new Map<number, EntityAnnotation>();
  private readonly entityEndingAtWord = new Map<number, EntityAnnotation>();
  /** People named outside quotes and speakers resolved so far, in text order. */
  private readonly referents: Referent[] = [];
  /** Gender of people by canonical name, from a gendered title before one of their mentions (`Mrs. Page`). */
  private readonly titleGender = new Map<string, Gender>();
  /** Role nouns written before or beside a person's name (`spokesman Vedant Patel`), by head: where and who. */
  private readonly introducedRoles = new Map<string, { at: number; name: string }[]>();
  /** The latest name given to a role noun phrase, by head (`official` → `senior fire department official`). */
  private readonly roleNames = new Map<string, string>();
  private readonly fullNames = new Map<string, string>();

  constructor(
    private readonly doc: TokenizedDocument,
    private readonly entities: EntityAnnotation[],
    private readonly quotes: RawQuote[],
  ) {
    this.words = wordsOf(doc);
    for (const e of entities) {
      const first = firstWordAt(this.words, e.start);
      let last = first;
      while (last + 1 < this.words.length && this.words[last + 1].start < e.end) last++;
      if (first < this.words.length && this.words[first].start < e.end) {
        this.entityAtWord.set(first, e);
        this.entityEndingAtWord.set(last, e);
        if (e.label === 'PERSON') this.notePerson(e, first, last);
      }
    }
  }

  /** Records what the words around a person's mention say: referent, gender, role. */
  private notePerson(e: EntityAnnotation, first: number, last: number): void {
    if (this.insideQuote(e.start)) return;
    const sentence = this.words[first].sentence;
    this.referents.push({ at: e.start, sentence, name: e.name, subject: undefined, word: first });
    // Words right before the name, with nothing but spaces between: `Palmer public safety director Jon Owen`.
    for (let k = first - 1; k >= 0 && first - k <= 4 && this.words[k].sentence === sentence; k--) {
      if (!this.blankGap(k + 1, true)) break;
      const word = this.words[k].lower;
      // A gendered title right before the name (`Mrs. Page`, `actress Tara Reid`).
      const gender = k === first - 1 ? GENDERED_TITLES.get(word) : undefined;
      if (gender && !this.titleGender.has(e.name)) this.titleGender.set(e.name, gender);
      // A role in lower case, or a capitalised title right before the name (`President Obama`).
      if (ROLE_NOUNS.has(word) && (this.words[k].text === this.words[k].lower || k === first - 1)) this.introduceRole(word, e);
    }
    // An appositive after it: `Vedant Patel, a State Department spokesman,`.
    if (last + 1 < this.words.length && this.text(this.words[last].end, this.words[last].end + 1) === ',') {
      for (let k = last + 1; k < this.words.length && k - last <= 6 && this.words[k].sentence === sentence; k++) {
        if (k > last + 1 && !this.blankGap(k, false)) break;
        if (ROLE_NOUNS.has(this.words[k].lower)) this.introduceRole(this.words[k].lower, e);
      }
    }
  }

  /** Whether only white space (and dots, if `dots`: `Mrs. Page`) stands between word `k - 1` and word `k`. */
  private blankGap(k: number, dots: boolean): boolean {
    const text = this.doc.text;
    for (let i = this.words[k - 1].end; i < this.words[k].start; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && !(dots && c === 46) && !/\s/.test(text[i])) return false;
    }
    return true;
  }

  /** Whether the entity starting at word `first` is its sentence's first, not after a preposition. */
  private isSubject(first: number): boolean {
    const sentence = this.words[first].sentence;
    // `According to Laurence Mark, …`: the source of what follows.
    if (this.words[first - 1]?.lower === 'to' && this.words[first - 2]?.lower === 'according') return true;
    // Back to the sentence's start, or to the comma after a fronted phrase (`Three years ago, Reid …`).
    for (let k = first - 1; k >= 0 && first - k <= MAX_CLAUSE_WORDS && this.words[k].sentence === sentence; k--) {
      if (this.insideQuote(this.words[k].start)) break;
      if (this.entityEndingAtWord.has(k) || PRONOUNS.has(this.words[k].lower) || PREPOSITIONS.has(this.words[k].lower)) return false;
      if (this.gapBefore(k + 1).includes(',')) return true;
    }
    return true;
  }

  private introduceRole(head: string, e: EntityAnnotation): void {
    const list = this.introducedRoles.get(head) ?? [];
    list.push({ at: e.start, name: e.name });
    this.introducedRoles.set(head, list);
  }

  private insideQuote(offset: number): boolean {
    // Quotes are sorted and do not overlap: the last one starting at or before offset.
    const last = partitionPoint(this.quotes, (q) => q.start <= offset) - 1;
    return last >= 0 && offset < this.quotes[last].end;
  }

  /** Length in words of the reporting cue at word `i` (`according to` is two), or 0. */
  private isCue(i: number): number {
    const w = this.words[i];
    if (!w) return 0;
    if (w.lower === 'according' && this.words[i + 1]?.lower === 'to') return 2;
    // Verbs are written in lower case; `States` in `United States` is no cue.
    return REPORTING_VERBS.has(w.lower) && w.text === w.lower ? 1 : 0;
  }

  /** Who speaks through the cue at word `i`. `inverted`: the cue follows the quote directly (`"…," said he`). */
  private speakerOfCue(i: number, inverted: boolean): Mention | null {
    const verb = this.words[i].lower;
    if (verb === 'according') return this.mentionAfter(i + 1, false);
    // `People quoted him as saying`, `quoted witness Devonte Brown as saying`.
    if (verb === 'quoted') {
      const next = this.words[i + 1];
      if (next && OBJECT_PRONOUNS.has(next.lower)) return this.pronounMention(next);
      const object = this.mentionAfter(i, true);
      if (object) return object;
    }
    const subject = () => (this.coordinated(i) ? this.subjectBefore(i) : null);
    // `labeled "suspicious" by James Steele`, `described by The New York Times Magazine as`.
    if (NAMING_VERBS.has(verb)) return this.passiveAgent(i) ?? this.mentionBefore(i) ?? subject();
    // After `told` comes the listener (`told Us Weekly`), unless the verb comes first (`"…," told reporters X`).
    const after = () => (LISTENER_VERBS.has(verb) && !inverted ? null : this.mentionAfter(i, inverted));
    return this.mentionBefore(i) ?? after() ?? subject();
  }

  /** Whether the verb at `i` shares its subject with an earlier verb: `… and said`, `…, saying`. */
  private coordinated(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && BEFORE_VERB_WORDS.has(this.words[j].lower)) j--;
    if (j < 0 || this.words[j].sentence !== this.words[i].sentence) return false;
    if (/^(?:and|but|then)$/.test(this.words[j].lower)) return true;
    // A participle (`…, saying`, `issued a statement saying`).
    return this.words[i].lower.endsWith('ing');
  }

  /** `by X` after the verb at `i`, over a quote between them. */
  private passiveAgent(i: number): Mention | null {
    const sentence = this.words[i].sentence;
    for (let k = i + 1, outside = 0; k < this.words.length && k - i <= MAX_CLAUSE_WORDS && this.words[k].sentence === sentence && outside < 4; k++) {
      if (this.insideQuote(this.words[k].start)) continue;
      if (this.words[k].lower === 'by') return this.mentionAfter(k, false);
      outside++;
    }
    return null;
  }

  /** The noun phrase right before the cue at word `i`: `Patel said`, `Patel, a spokesman, told`, `he added`. */
  private mentionBefore(i: number): Mention | null {
    let j = i - 1;
    const sentence = this.words[i].sentence;
    // Skip adverbs and auxiliaries between subject and verb (`Patel later said`, `she is quoted as saying`).
    while (j >= 0 && this.words[j].sentence === sentence && (BEFORE_VERB_WORDS.has(this.words[j].lower) || /ly$/.test(this.words[j].lower)) && !this.entityEndingAtWord.has(j)) j--;
    if (j < 0 || this.words[j].sentence !== sentence) return null;
    if (this.gapHasQuote(this.words[j].end, this.words[i].start)) return null;
    const direct = this.coordinatedNames(this.mentionEndingAt(j));
    const commaAfter = this.gapBefore(j + 1).includes(',');
    if (direct && !(direct.kind !== 'entity' && direct.kind !== 'name' && commaAfter)) {
      // An appositive: `Vedant Patel, a U.S. State Department spokesperson, told` → the name before it.
      if (direct.entity?.label !== 'PERSON') {
        const person = this.appositiveName(j) ?? this.personBeforePrepositions(j, direct);
        if (person) return person;
      }
      return direct;
    }
    return this.appositiveName(j);
  }

  /** `Mark and Condon said`: two people named before one verb speak together. */
  private coordinatedNames(m: Mention | null): Mention | null {
    if (!m || (m.kind !== 'name' && m.entity?.label !== 'PERSON')) return m;
    const and = firstWordAt(this.words, m.start) - 1;
    if (and < 1 || this.words[and].lower !== 'and' || /\S/.test(this.gapBefore(and)) || /\S/.test(this.gapBefore(and + 1))) return m;
    const other = this.mentionEndingAt(and - 1);
    if (!other || (other.kind !== 'name' && other.entity?.label !== 'PERSON')) return m;
    const names = [other, m].map((x) => (x.entity ? x.entity.name : x.text)).map((n) => this.fullName(n));
    return { start: other.start, end: m.end, text: this.text(other.start, m.end), kind: 'name', name: names.join(' and ') };
  }

  private appositiveName(j: number): Mention | null {
    // Walk back over `, a … ,` (commas inside it too: `, vice president of environment, technology and
    // regulatory affairs,`) to a person's name before a comma.
    const sentence = this.words[j].sentence;
    if (!this.gapBefore(j + 1).includes(',')) return null;
    for (let k = j - 1, steps = 0; k >= 0 && steps < MAX_APPOSITIVE_WORDS && this.words[k].sentence === sentence; k--, steps++) {
      const gap = this.gapBefore(k + 1);
      if (QUOTE_MARK.test(gap)) return null;
      if (!gap.includes(',')) continue;
      const e = this.entityEndingAtWord.get(k);
      if (e?.label === 'PERSON') return this.entityMention(e);
      const name = e ? null : this.nameEndingAt(k);
      if (name) return name;
    }
    return null;
  }

  /** `Rob Enderle of the Enderle Group in Silicon Valley said`: the person the place or group qualifies. */
  private personBeforePrepositions(j: number, m: Mention): Mention | null {
    const sentence = this.words[j].sentence;
    let k = firstWordAt(this.words, m.start) - 1;
    for (let steps = 0; k >= 0 && steps < 12 && this.words[k].sentence === sentence; steps++) {
      if (/[^\s]/.test(this.gapBefore(k + 1))) return null;
      const e = this.entityEndingAtWord.get(k);
      if (e?.label === 'PERSON') return PREPOSITIONS.has(this.words[k + 1]?.lower) ? this.entityMention(e) : null;
      if (e) k = firstWordAt(this.words, e.start);
      k--;
    }
    return null;
  }

  /** The noun phrase right after the cue ending at word `i`: `said Rutte`, `said the ministry spokesperson Lin Jian`. */
  private mentionAfter(i: number, pronounAllowed: boolean): Mention | null {
    const next = this.words[i + 1];
    if (!next || next.sentence !== this.words[i].sentence || !/^\s*,?\s*$/.test(this.gapBefore(i + 1))) return null;
    return this.mentionFrom(i + 1, pronounAllowed);
  }

  /**
   * The noun phrase starting at word `from`: its last person, name or role, over the titles, places and groups
   * that qualify it (`the ministry spokesperson Lin Jian`, `Palmer public safety director Jon Owen`, `Trend Micro
   * advanced threat researcher Paul Ferguson`).
   */
  private mentionFrom(from: number, pronounAllowed: boolean): Mention | null {
    const sentence = this.words[from].sentence;
    let best: Mention | null = null;
    for (let k = from, steps = 0; k < this.words.length && steps < 8; k++, steps++) {
      const w = this.words[k];
      if (w.sentence !== sentence) break;
      const gap = k > from ? this.gapBefore(k) : '';
      if (/[,;:.!?()]/.test(gap) || QUOTE_MARK.test(gap)) break;
      const e = this.entityAtWord.get(k);
      if (e) {
        while (k + 1 < this.words.length && this.words[k + 1].start < e.end) k++;
        if (e.label === 'PERSON') best = this.entityMention(e);
        // A place or a group qualifying a title (`the U.S. State Department’s spokesperson`) speaks only if
        // nothing after it does.
        else best ??= this.entityEndingAtWordIsPossessive(e) ? null : this.entityMention(e);
        if (e.label === 'PERSON' && !this.phraseGoesOn(k)) return best;
        continue;
      }
      if (SPEAKER_STOP_WORDS.has(w.lower)) break;
      if (PRONOUNS.has(w.lower)) return k === from && pronounAllowed ? this.pronounMention(w) : best;
      if (ROLE_NOUNS.has(w.lower) && w.text === w.lower) {
        best = this.roleMention(from, k);
        continue;
      }
      const name = this.nameStartingAt(k);
      if (name) {
        best = name;
        k = firstWordAt(this.words, name.end) - 1;
        if (!this.phraseGoesOn(k)) return best;
      }
    }
    return best;
  }

  /** Whether the noun phrase goes on after word `k` (`Trend Micro` in `Trend Micro researcher Paul Ferguson`). */
  private phraseGoesOn(k: number): boolean {
    const next = this.words[k + 1];
    if (!next || next.sentence !== this.words[k].sentence || /\S/.test(this.gapBefore(k + 1))) return false;
    return !SPEAKER_STOP_WORDS.has(next.lower) && !PRONOUNS.has(next.lower) && !this.isCue(k + 1);
  }

  private entityEndingAtWordIsPossessive(e: EntityAnnotation): boolean {
    return /^['’]s?\b/.test(this.doc.text.slice(e.end, e.end + 2));
  }

  /** A mention whose last word is `j`: an entity, a pronoun, a role noun phrase or a capitalised name. */
  private mentionEndingAt(j: number): Mention | null {
    // Places speak for their governments (`China said`), so every entity label can be a speaker.
    const e = this.entityEndingAtWord.get(j);
    if (e) return this.entityMention(e);
    const w = this.words[j];
    if (PRONOUNS.has(w.lower)) return this.pronounMention(w);
    const determined = DEFINITE.has(this.words[j - 1]?.lower) || INDEFINITE.has(this.words[j - 1]?.lower);
    // `Police said`, `the President said`, but `King said` of a Billy King written in full elsewhere.
    if (ROLE_NOUNS.has(w.lower) && (w.text === w.lower || determined || (this.startsSentence(j) && !this.givenNameBefore(w.text)))) {
      return this.roleMention(this.roleStart(j), j);
    }
    // `a friend of the actress said`.
    const of = j >= 2 && this.words[j - 1].lower === 'of' ? j - 1 : j >= 3 && this.words[j - 2].lower === 'of' ? j - 2 : -1;
    if (of > 0 && ROLE_NOUNS.has(this.words[of - 1].lower) && /^[\s\p{L}]*$/u.test(this.text(this.words[of - 1].end, w.start))) {
      return this.roleMention(this.roleStart(of - 1), j, of - 1);
    }
    return this.nameEndingAt(j);
  }

  /** First word of the role noun phrase ending at `j`: `the ministry spokesperson`, `a senior ministry official`. */
  private roleStart(j: number): number {
    let k = j;
    const sentence = this.words[j].sentence;
    while (k > 0 && this.words[k - 1].sentence === sentence && j - k < 5 && !/[,;:]/.test(this.gapBefore(k)) && !QUOTE_MARK.test(this.gapBefore(k))) {
      const prev = this.words[k - 1].lower;
      const entity = this.entityEndingAtWord.get(k - 1);
      if (entity) {
        // `a Mobinil customer service representative`, `European Union officials`: over a qualifying name.
        const first = firstWordAt(this.words, entity.start);
        if (entity.label === 'PERSON' || this.entityEndingAtWordIsPossessive(entity) || j - first > 6) break;
        k = first;
        continue;
      }
      if (SPEAKER_STOP_WORDS.has(prev) || REPORTING_VERBS.has(prev) || PREPOSITIONS.has(prev)) break;
      k--;
      if (DEFINITE.has(prev) || INDEFINITE.has(prev)) break;
    }
    return k;
  }

  /** Whether word `k` opens its sentence (after a quote that ends one, too: `…." Police said`). */
  private startsSentence(k: number): boolean {
    if (k === 0 || this.words[k - 1].sentence !== this.words[k].sentence) return true;
    return /[.!?]['"”’`\s]*\s$|[\r\n]/.test(this.gapBefore(k));
  }

  /** A capitalised word usable as a name: not a common word opening a sentence, not a title on its own. */
  private nameLike(k: number): boolean {
    const w = this.words[k];
    if (!/^\p{Lu}/u.test(w.text) || PRONOUNS.has(w.lower) || DEFINITE.has(w.lower) || INDEFINITE.has(w.lower)) return false;
    return !this.startsSentence(k) || !COMMON_WORDS.has(w.lower) || this.givenNameBefore(w.text) !== null;
  }

  /** A run of capitalised words (and `No. 12`) ending at word `j` that no entity covers: `Juror No. 12 said`. */
  private nameEndingAt(j: number): Mention | null {
    let k = j;
    const joinable = (a: number) => /^[\s.]*$/.test(this.gapBefore(a)) && !/[\r\n]/.test(this.gapBefore(a));
    // `No. 12`: a number after `No.`.
    if (/^\d+$/.test(this.words[k].text) && k > 0 && this.words[k - 1].lower === 'no' && joinable(k)) k--;
    const runSentence = this.words[k].sentence;
    if (!this.nameLike(k)) return null;
    while (k > 0 && j - k < MAX_NAME_WORDS && this.words[k - 1].sentence === runSentence && joinable(k) && this.nameLike(k - 1) && !this.entityEndingAtWord.has(k - 1)) k--;
    return this.nameMention(k, j);
  }

  /** A run of capitalised words starting at word `k`: `said Juror No. 8`. */
  private nameStartingAt(k: number): Mention | null {
    if (!this.nameLike(k)) return null;
    let j = k;
    const sentence = this.words[k].sentence;
    const joinable = (a: number) => /^[\s.]*$/.test(this.gapBefore(a)) && !/[\r\n]/.test(this.gapBefore(a));
    // `No. 8`: the parser may end a sentence at `No.`.
    const continues = (a: number) => a < this.words.length && joinable(a) && (this.words[a].sentence === sentence || (this.words[a - 1].lower === 'no' && /^\d+$/.test(this.words[a].text)));
    while (j - k < MAX_NAME_WORDS && continues(j + 1) && !this.entityAtWord.has(j + 1) && (this.nameLike(j + 1) || (this.words[j].lower === 'no' && /^\d+$/.test(this.words[j + 1].text)))) j++;
    // Titles before an entity (`Prime Minister George Papandreou`): the entity is the name.
    if (continues(j + 1) && this.entityAtWord.has(j + 1)) return null;
    return this.nameMention(k, j);
  }

  private nameMention(from: number, to: number): Mention {
    const start = this.words[from].start;
    const end = this.words[to].end;
    return { start, end, text: this.text(start, end), kind: 'name' };
  }

  /** The first person, pronoun or role in the sentence before word `i`: the subject of `… and said`, `…, saying`. */
  private subjectBefore(i: number, ofPrevious = false): Mention | null {
    const sentence = this.words[ofPrevious ? i - 1 : i].sentence;
    let k = i - 1;
    while (k > 0 && i - k < MAX_CLAUSE_WORDS && this.words[k - 1].sentence === sentence) k--;
    for (; k < i; k++) {
      const previous = this.words[k - 1]?.lower;
      if (this.insideQuote(this.words[k].start) || PREPOSITIONS.has(previous)) continue;
      const e = this.entityAtWord.get(k);
      if (e) {
        const last = firstWordAt(this.words, e.end) - 1;
        // `European Union officials`: the entity qualifies a role noun.
        const role = this.words[last + 1];
        if (role && ROLE_NOUNS.has(role.lower) && role.text === role.lower && !/\S/.test(this.gapBefore(last + 1))) return this.roleMention(this.roleStart(last + 1), last + 1);
        // `the Bush rule`: a person after a determiner qualifies what follows.
        if ((e.label === 'PERSON' && !DEFINITE.has(previous) && !INDEFINITE.has(previous)) || e.label === 'ORG') return this.entityMention(e);
        k = last;
        continue;
      }
      const w = this.words[k];
      if (PRONOUNS.has(w.lower)) return this.pronounMention(w);
      if (ROLE_NOUNS.has(w.lower) && w.text === w.lower) return this.roleMention(this.roleStart(k), k);
    }
    return null;
  }

  private entityMention(e: EntityAnnotation): Mention {
    return { start: e.start, end: e.end, text: e.text, entity: e, kind: 'entity' };
  }

  private pronounMention(w: Word): Mention {
    return { start: w.start, end: w.end, text: w.text, kind: 'pronoun' };
  }

  /** The role noun phrase from word `from` to word `to`, whose head is word `head` (default: the last). */
  private roleMention(from: number, to: number, head = to): Mention {
    const start = this.words[from].start;
    const end = this.words[to].end;
    return { start, end, text: this.text(start, end), kind: 'role', head: this.words[head].lower };
  }

  private text(start: number, end: number): string {
    return this.doc.text.slice(start, end);
  }

  /** The text between word `k - 1` and word `k`. */
  private gapBefore(k: number): string {
    return this.text(this.words[k - 1].end, this.words[k].start);
  }

  private gapHasQuote(start: number, end: number): boolean {
    return QUOTE_MARK.test(this.text(start, end));
  }

  /** The mention attributing the quote `q` in the sentences it closes or opens, or null. */
  private attributionAround(q: RawQuote): Mention | null {
    const words = this.words;
    const after = firstWordAt(words, q.end);
    const before = firstWordAt(words, q.start) - 1;
    const firstInside = firstWordAt(words, q.inner.start);
    const closingSentence = after - 1 >= firstInside ? words[after - 1]?.sentence : words[after]?.sentence;
    const openingSentence = words[firstInside]?.sentence;
    const cues: Cue[] = [];
    // Cues in the sentence that closes the quote (`…," Patel said`, `…," said Rutte`), over other quotes.
    for (let i = after, n = 0; i < words.length && i - after < MAX_CLAUSE_WORDS && words[i].sentence === closingSentence && n < MAX_CUES_PER_SIDE; i++) {
      if (this.insideQuote(words[i].start) || !this.isCue(i)) continue;
      n++;
      cues.push({ rank: i - after, according: words[i].lower === 'according', find: () => this.mentionBetween(after, i) ?? this.speakerOfCue(i, i === after) });
    }
    // `"…!" Papandreou thundered`: by position, when no cue follows within a few words.
    const positional = cues.some((c) => c.rank <= 3) ? null : this.attributionByPosition(q, after);
    if (positional) cues.push({ rank: 0, according: false, find: () => positional });
    // Cues in the sentence that opens it (`Patel said: "…"`, `which he said are "critical"`); one right before
    // the quote (`Patel said, "…"`) comes first, else those after the quote win ties.
    for (let i = before, n = 0; i >= 0 && before - i < MAX_CLAUSE_WORDS && words[i].sentence === openingSentence && n < MAX_CUES_PER_SIDE; i--) {
      if (this.insideQuote(words[i].start)) continue;
      if (words[i].lower === 'to' && words[i - 1]?.lower === 'according') {
        const to = i--;
        n++;
        cues.push({ rank: before - to + 3, according: true, find: () => this.accordingTo(to) });
        continue;
      }
      if (!this.isCue(i)) continue;
      n++;
      const adjacent = i === before && /^\s*[,:]?\s*$/.test(this.text(words[i].end, q.start));
      cues.push({ rank: adjacent ? -1 : before - i + 3, according: false, find: () => this.speakerOfCue(i, false) });
    }
    // `according to` names the source that reported the words when a speech verb names the speaker.
    cues.sort((a, b) => Number(a.according) - Number(b.according) || a.rank - b.rank);
    for (const cue of cues) {
      const m = cue.find();
      if (m) return m;
    }
    return this.attributionBeforeColon(q, before);
  }

  /** `according to X`, `according to washingtonpost.com`, with `to` at word `i`. */
  private accordingTo(i: number): Mention | null {
    const m = this.mentionAfter(i, false);
    if (m || i + 1 >= this.words.length) return m;
    // Any short phrase up to the comma is the source.
    let j = i + 1;
    while (j + 1 < this.words.length && j - i < 6 && this.words[j + 1].sentence === this.words[i].sentence && !/[,;:.!?()]/.test(this.gapBefore(j + 1)) && !QUOTE_MARK.test(this.gapBefore(j + 1))) j++;
    return this.nameMention(i + 1, j);
  }

  /**
   * `"…!" Prime Minister George Papandreou thundered`, `"…," Karen Olson, president of Valley Dairy, notified`,
   * `"…," the records state.`: a quote ending in `,` `!` or `?` followed by a mention and a verb is
   * attributed by its position, whatever the verb.
   */
  private attributionByPosition(q: RawQuote, after: number): Mention | null {
    const words = this.words;
    if (!/[,!?]\s*$/.test(this.text(q.inner.start, q.inner.end)) || after >= words.length) return null;
    if (this.text(q.end, words[after].start).trim()) return null;
    const m = this.mentionFrom(after, false);
    if (!m || (m.kind === 'role' && m.start !== words[after].start)) return null;
    let next = firstWordAt(words, m.end);
    // Over an appositive: `Karen Olson, president and CEO of Valley Dairy, notified`.
    if (m.kind !== 'role' && next < words.length && this.gapBefore(next).trim() === ',') next = this.wordAfterAppositive(next);
    const verb = words[next];
    if (!verb || verb.sentence !== words[after].sentence || /\S/.test(this.gapBefore(next).replace(',', '')) || verb.text !== verb.lower) return null;
    // A past or present verb (`thundered`, `notes`), or any word that ends the sentence (`the records state.`).
    const endsSentence = words[next + 1]?.sentence !== verb.sentence;
    return /(?:ed|s)$/.test(verb.lower) || endsSentence ? m : null;
  }

  /** The word after the comma that closes an appositive starting at word `first` (`first` when none does). */
  private wordAfterAppositive(first: number): number {
    for (let k = first + 1; k < this.words.length && k - first <= 10 && this.words[k].sentence === this.words[first].sentence; k++) {
      if (this.gapBefore(k).trim() === ',') return k;
    }
    return first;
  }

  /** `Bayram-aga, a voter in Ashgabat, said:⏎"…"`, `Haldeman:⏎"…"`: the sentence before ends with a colon. */
  private attributionBeforeColon(q: RawQuote, before: number): Mention | null {
    if (before < 0) return null;
    // `To which she replied,⏎"…"`: a comma, too, when the quote opens the next line.
    const gap = this.text(this.words[before].end, q.start);
    if (!(/^\s*:\s*$/.test(gap) || /^\s*,\s*[\r\n]\s*$/.test(gap))) return null;
    const sentence = this.words[before].sentence;
    for (let i = before; i >= 0 && before - i < MAX_CLAUSE_WORDS && this.words[i].sentence === sentence; i--) {
      if (this.insideQuote(this.words[i].start)) return null;
      if (this.isCue(i)) return this.speakerOfCue(i, false);
    }
    // A transcript's `Name:` line.
    const length = before - firstWordAt(this.words, this.doc.sentences[sentence].start) + 1;
    return length <= 4 ? this.mentionEndingAt(before) : null;
  }

  /** `"…"⏎Roesler said.` or `"…" He added.`: a cue in the sentence right after the quote's. */
  private attributionAfter(q: RawQuote): Mention | null {
    const words = this.words;
    const after = firstWordAt(words, q.end);
    if (after >= words.length || after === 0) return null;
    const closingIndex = words[after - 1].sentence;
    const closing = this.doc.sentences[closingIndex];
    const next = this.doc.sentences[closingIndex + 1];
    if (!next) return null;
    const first = firstWordAt(words, next.start);
    let end = first;
    while (end < words.length && end - first < MAX_CLAUSE_WORDS && words[end].sentence === next.index) end++;
    // The next sentence of the same paragraph, or a short line holding only an attribution right after the quote.
    if (next.paragraph !== closing.paragraph && (words[after].sentence !== next.index || end - first > 6)) return null;
    for (let i = first; i < end; i++) {
      if (this.insideQuote(words[i].start)) continue;
      if (this.isCue(i)) return this.speakerOfCue(i, false);
    }
    return null;
  }

  /** A named mention between the quote's end and the cue: `…," Vedant Patel, a spokesperson, told`. */
  private mentionBetween(from: number, cue: number): Mention | null {
    const e = this.entityAtWord.get(from);
    return e?.label === 'PERSON' && e.end < this.words[cue].start && /^\s*,/.test(this.text(e.end, this.words[cue].start)) ? this.entityMention(e) : null;
  }

  /**
   * Whether `b` carries on from `a`: on the same line after a short attribution
   * (`"…," Doo said at a briefing. "I believe …"`), or as a line holding nothing but the quote right after
   * the line of `a` (a speaker's next paragraph).
   */
  private continues(a: RawQuote, b: RawQuote): boolean {
    const gap = this.text(a.end, b.start);
    // Lines end at LF, CRLF or a lone CR.
    const firstBreak = gap.search(/[\r\n]/);
    if (firstBreak < 0) return gap.length < 200;
    const linesBetween = gap.slice(firstBreak).split(/\r\n?|\n/).filter((l) => l.trim()).length;
    return this.opensLine(b.start) && this.endsLine(b.end) && linesBetween === 0;
  }

  /** Whether only white space stands between the line's start and `offset`. */
  private opensLine(offset: number): boolean {
    const text = this.doc.text;
    let i = offset;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r' && /\s/.test(text[i - 1])) i--;
    return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r';
  }

  /** Whether no word follows `offset` on its line. */
  private endsLine(offset: number): boolean {
    const text = this.doc.text;
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r' && !/[\p{L}\p{N}]/u.test(text[i])) i++;
    return i === text.length || text[i] === '\n' || text[i] === '\r';
  }

  /** The speaker of quote `q`: a mention near it, or the previous quote's speaker when `q` carries on from it. */
  speakerOf(q: RawQuote, previous: { quote: RawQuote; speaker: Speaker | null } | null): Speaker | null {
    const near = this.attributionAround(q);
    if (near) return this.resolve(near, q);
    if (previous?.speaker && this.continues(previous.quote, q)) return previous.speaker;
    const after = this.attributionAfter(q) ?? this.subjectBeforeLine(q);
    return after ? this.resolve(after, q) : null;
  }

  /**
   * A quote on a line of its own with no attribution at all: the subject of the sentence before it speaks
   * (`Mr. Pigeon also commended police.⏎"They managed to stop any further loss of life."`).
   */
  private subjectBeforeLine(q: RawQuote): Mention | null {
    if (q.start === 0 || !this.opensLine(q.start)) return null;
    const last = firstWordAt(this.words, q.start) - 1;
    if (last < 0 || this.insideQuote(this.words[last].start)) return null;
    const m = this.subjectBefore(last + 1, true);
    return m && (m.kind !== 'entity' || m.entity!.label === 'PERSON') && !/^(?:it|they|we|i)$/i.test(m.text) ? m : null;
  }

  /** The speaker a mention stands for, remembered for the pronouns and role nouns after it. */
  private resolve(m: Mention, q: RawQuote): Speaker {
    const at = Math.min(m.start, q.start);
    const { name, person } = this.nameOf(m, at);
    if (person) this.addReferent(at, name);
    return { start: m.start, end: m.end, text: m.text, name };
  }

  /** The name a mention resolves to, and whether that is a person's name (which later pronouns may take). */
  private nameOf(m: Mention, at: number): { name: string; person: boolean } {
    switch (m.kind) {
      case 'entity':
        return m.entity!.label === 'PERSON' ? { name: this.fullName(m.entity!.name), person: true } : { name: m.entity!.name, person: false };
      case 'name':
        return m.name ? { name: m.name, person: false } : { name: this.fullName(m.text), person: true };
      case 'pronoun': {
        const name = this.pronounReferent(m, at);
        return name ? { name, person: true } : { name: m.text, person: false };
      }
      case 'role':
        return this.roleReferent(m, at);
    }
  }

  /** The person `he` or `she` (or `I`) at `at` refers to: the nearest one of that gender, else of unknown gender. */
  private pronounReferent(m: Mention, at: number): string | null {
    const word = m.text.toLowerCase();
    const gender = PRONOUN_GENDER.get(word);
    if (word === 'them') return null;
    if (!gender && word !== 'i') return null;
    const sentence = this.sentenceAt(at);
    // The nearest subject or speaker who may be of that gender; else the nearest person known to be; else the
    // nearest person at all. Only a few sentences back, unless nobody is found there.
    let known: string | null = null;
    let unknown: string | null = null;
    for (let r = partitionPoint(this.referents, (x) => x.at < at) - 1, seen = 0; r >= 0 && seen < 200; r--, seen++) {
      const ref = this.referents[r];
      const g = this.genderOf(ref.name);
      if (gender && g && g !== gender) continue;
      const near = ref.sentence >= sentence - PRONOUN_WINDOW_SENTENCES;
      if (near && (ref.subject ??= this.isSubject(ref.word!))) return this.fullName(ref.name);
      if (g) known ??= ref.name;
      else unknown ??= ref.name;
      if (!near && (known || unknown)) break;
    }
    const found = known ?? unknown;
    return found && this.fullName(found);
  }

  /**
   * The name of a role noun phrase: the person introduced with that role (`spokesman Vedant Patel` … `the
   * spokesman said`), the fuller phrase met before (`a senior fire department official` … `the official`), or
   * the phrase itself without its determiner.
   */
  private roleReferent(m: Mention, at: number): { name: string; person: boolean } {
    const head = m.head!;
    const words = m.text.split(/\s+/);
    const determiner = words[0].toLowerCase();
    const bare = DEFINITE.has(determiner) || INDEFINITE.has(determiner) ? words.slice(1).join(' ') : m.text;
    if (!INDEFINITE.has(determiner)) {
      const introduced = this.introducedRoles.get(head);
      const before = introduced ? partitionPoint(introduced, (x) => x.at < at) - 1 : -1;
      if (introduced && before >= 0) return { name: introduced[before].name, person: true };
      const earlier = this.roleNames.get(head) ?? this.rolePhraseBefore(head, at);
      if (earlier && DEFINITE.has(determiner) && earlier.length > bare.length) return { name: earlier, person: false };
    }
    this.roleNames.set(head, bare);
    return { name: bare, person: false };
  }

  /** The latest role noun phrase introduced with `a` before `at` (`A senior fire department official said`). */
  private rolePhraseBefore(head: string, at: number): string | null {
    let list = this.indefiniteRoles.get(head);
    if (!list) this.indefiniteRoles.set(head, (list = this.indefiniteRolesOf(head)));
    const before = partitionPoint(list, (x) => x.at < at) - 1;
    return before >= 0 ? list[before].name : null;
  }

  private readonly indefiniteRoles = new Map<string, { at: number; name: string }[]>();

  /** Where the text introduces a role noun with `a` or `an`, outside quotes. */
  private indefiniteRolesOf(head: string): { at: number; name: string }[] {
    const found: { at: number; name: string }[] = [];
    for (let k = 1; k < this.words.length; k++) {
      const w = this.words[k];
      if (w.lower !== head || w.text !== w.lower || this.insideQuote(w.start)) continue;
      const from = this.roleStart(k);
      if (from < k && INDEFINITE.has(this.words[from].lower)) found.push({ at: w.start, name: this.text(this.words[from + 1].start, w.end) });
    }
    return found;
  }

  /** The fullest form of a one-word name the text gives (`King` → `Billy King`, written once in full). */
  private fullName(name: string): string {
    // A title kept in the name (`Msgr. Farmer`): the name without it.
    const title = /^(\p{L}+)\.?\s+(?=\S)/u.exec(name);
    if (title && (TITLES.has(title[1].toLowerCase()) || GENDERED_TITLES.has(title[1].toLowerCase()))) {
      const bare = this.fullName(name.slice(title[0].length));
      return bare.includes(' ') ? bare : name;
    }
    if (/\s/.test(name)) return name;
    let full = this.fullNames.get(name);
    if (full === undefined) {
      // The first person written in full with that family name (`Bettie Page` before `Bettie Mae Page`).
      full = this.entities.find((e) => e.label === 'PERSON' && e.name.endsWith(` ${name}`) && !this.startsWithTitle(e.name))?.name ?? this.givenNameBefore(name) ?? name;
      this.fullNames.set(name, full);
    }
    return full;
  }

  /** `Kellie Hill`, `W. Mark Felt`: the given names or initials the text writes before a family name. */
  private givenNameBefore(family: string): string | null {
    this.fullNamesByFamily ??= this.indexFullNames();
    return this.fullNamesByFamily.get(family) ?? null;
  }

  private startsWithTitle(name: string): boolean {
    const first = /^\p{L}+/u.exec(name)?.[0].toLowerCase() ?? '';
    return TITLES.has(first) || GENDERED_TITLES.has(first);
  }

  /** Family names written after given names or initials (`Kellie Hill`, `W. Mark Felt`), first form kept. */
  private fullNamesByFamily: Map<string, string> | null = null;

  private indexFullNames(): Map<string, string> {
    const index = new Map<string, string>();
    const words = this.words;
    // Set look-ups first: most words are neither given names nor initials.
    const text = this.doc.text;
    const givenOrInitial = (k: number) => {
      // The last word has no family name after it (and no gap after it to look at).
      if (k + 1 >= words.length) return false;
      const w = words[k];
      // Capitals only (ASCII ones tested by code, others left to the pattern below), then the sets.
      const c = text.charCodeAt(w.start);
      if (c < 128 && (c < 65 || c > 90)) return false;
      const initial = w.text.length === 1;
      if (!initial && !GIVEN_NAMES.has(w.lower) && !GIVEN_NAME_GENDER.has(w.lower)) return false;
      if (!/^\p{Lu}/u.test(w.text)) return false;
      return initial ? /^\.\s+$/.test(this.gapBefore(k + 1)) : /^\s+$/.test(this.gapBefore(k + 1));
    };
    for (let k = 0; k + 1 < words.length; k++) {
      if (!givenOrInitial(k)) continue;
      // Over the given names and initials to the family name: `W. Mark Felt`.
      let last = k;
      while (last + 1 < words.length && last - k < 3 && words[last + 1].sentence === words[k].sentence && givenOrInitial(last + 1)) last++;
      const family = words[last + 1];
      if (family && family.sentence === words[k].sentence && /^\p{Lu}\p{Ll}/u.test(family.text) && !index.has(family.text)) {
        index.set(family.text, this.text(words[k].start, family.end).replace(/\s+/g, ' '));
      }
      k = last;
    }
    return index;
  }

  private genderOf(name: string): Gender | null {
    const full = this.fullName(name);
    const known = this.titleGender.get(name) ?? this.titleGender.get(full);
    if (known) return known;
    // The first word that is not an initial: a title the entity kept (`Msgr. Farmer`) or a given name.
    const first = full.split(/\s+/).find((part) => !/^\p{Lu}\.$/u.test(part))?.toLowerCase().replace(/\.$/, '') ?? '';
    return GENDERED_TITLES.get(first) ?? GIVEN_NAME_GENDER.get(first) ?? null;
  }

  private addReferent(at: number, name: string): void {
    this.referents.splice(partitionPoint(this.referents, (x) => x.at <= at), 0, { at, sentence: this.sentenceAt(at), name, subject: true, word: undefined });
  }

  /** The sentence of the word at or after `offset`. */
  private sentenceAt(offset: number): number {
    return this.words[Math.min(firstWordAt(this.words, offset), this.words.length - 1)]?.sentence ?? 0;
  }

  /** First and last cue word of each sentence, for `hasCueNear`. */
  private cueRange: Map<number, [number, number]> | null = null;

  hasCueNear(q: RawQuote): boolean {
    // Any reporting cue in the sentence(s) the quote sits in, outside the quote. Scanning the sentence for
    // every short quote was quadratic in a long sentence full of them (JSON or a table pasted as text):
    // the first and last cue of each sentence answer the same question.
    const words = this.words;
    if (!this.cueRange) {
      this.cueRange = new Map();
      for (let i = 0; i < words.length; i++) {
        if (!this.isCue(i)) continue;
        const range = this.cueRange.get(words[i].sentence);
        if (range) range[1] = i;
        else this.cueRange.set(words[i].sentence, [i, i]);
      }
    }
    const first = firstWordAt(words, q.inner.start);
    const s = words[first]?.sentence;
    if (s === undefined) return false;
    const range = this.cueRange.get(s);
    if (!range) return false;
    // A cue before the quote's opening mark, or one at or after its end.
    return words[range[0]].start < q.start || range[1] >= firstWordAt(words, q.end);
  }
}

export function findQuotes(doc: TokenizedDocument, entities: EntityAnnotation[]): QuoteAnnotation[] {
  const raw = scanQuotes(doc.text, doc.hardWrapped);
  if (!raw.length) return [];
  const attributor = new Attributor(doc, entities, raw);
  const speech = raw.filter((q) => {
    const inner = doc.text.slice(q.inner.start, q.inner.end).trim();
    // Titles and names (`“The Big Lebowski.”`, `"Sammy the Bull"`) are not speech, whatever their length.
    if (looksLikeTitle(inner)) return false;
    if (countWords(inner, MIN_WORDS_WITHOUT_CUE) >= MIN_WORDS_WITHOUT_CUE) return true;
    // A short sentence (`"Mo is family,"`) is speech; a short phrase (`"critical"`, `"social drinker."`)
    // only beside a reporting cue, else it is a scare quote.
    if (/^[\p{Lu}\p{N}]/u.test(inner) && /[.!?,]$/.test(inner)) return true;
    return attributor.hasCueNear(q);
  });
  const out: QuoteAnnotation[] = [];
  let previous: { quote: RawQuote; speaker: Speaker | null } | null = null;
  for (const q of speech) {
    const speaker = attributor.speakerOf(q, previous);
    out.push({ kind: 'quote', label: 'direct', start: q.start, end: q.end, text: doc.text.slice(q.inner.start, q.inner.end), speaker });
    previous = { quote: q, speaker };
  }
  return out;
}
