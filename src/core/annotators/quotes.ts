// retext plugin: direct quotes and who said them.
//
// Quote marks are paired in one linear scan over the text, line by line: curly marks say which way they
// face; a straight mark faces by its neighbours. An open quote at the end of a line continues when the next
// line opens with a quote mark (the newspaper convention for multi-paragraph quotes); otherwise it ends
// with its line (in hard-wrapped prose, with the line it opened on). A quote in the other style inside a
// quote (`“the sign said "no entry" twice”`) is nested, and its closing mark leaves the outer quote open.
// Short quoted phrases count as speech only next to a reporting cue (`which he said are
// "critical" skills`); without one they are scare quotes or titles.
//
// Speakers come from the words around the quote: a reporting cue (`said`, `told`, `according to`, …) in the
// sentence that closes the quote, then in the one that opens it, then in the next sentence of the line; a
// quote with no cue continues the previous quote's speaker when it follows it directly. Pronouns and role
// nouns (`he`, `the official`) resolve to the most recent named speaker.
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import { isHardWrapped, type TokenizedDocument, type Token } from '../tokens.js';
import type { EntityAnnotation, QuoteAnnotation, Speaker, Span } from '../types.js';
import { REPORTING_VERBS, PRONOUNS, ROLE_NOUNS, SPEAKER_STOP_WORDS } from './speech-cues.js';
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

// Curly marks and guillemets say which way they face: these open, `”` and `»` close.
const OPENING = new Set(['“', '„', '«']);
const STRAIGHT = '"';
const MIN_WORDS_WITHOUT_CUE = 5;

/** Whether a straight mark at `i` opens (true) or closes (false) a quote, judging by its neighbours. */
function straightOpens(text: string, i: number, open: boolean): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  const spaceBefore = before === undefined || /[\s([{\u2014\u2013-]/.test(before);
  const spaceAfter = after === undefined || /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return !open;
}

/** Whether the line break at `i` (LF, CRLF or a lone CR) is followed by a blank line. */
function blankLineAfter(text: string, i: number): boolean {
  let j = i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1);
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && /\s/.test(text[j])) j++;
  return j < text.length && (text[j] === '\n' || text[j] === '\r');
}

/** Pairs quote marks; see the module comment for the rules. Linear in the text. */
export function scanQuotes(text: string, hardWrapped = isHardWrapped(text)): RawQuote[] {
  const quotes: RawQuote[] = [];
  let open = -1;
  // The open quote began with a curly mark or a guillemet (else a straight one).
  let curly = false;
  // A quote in the other style is open inside it (`“the sign said "no entry" twice”`): its closing mark
  // closes the inner quote, not the outer one.
  let nested = false;
  // Hard-wrapped text: the end of the line the open quote started on, where it ends if it never closes.
  let lineEnd = -1;
  const unclosed = (at: number) => {
    const end = trimEnd(text, open + 1, lineEnd >= 0 ? Math.min(lineEnd, at) : at);
    if (end > open + 1) quotes.push({ start: open, end, inner: { start: open + 1, end } });
    open = -1;
  };
  const close = (i: number) => {
    const inner = { start: open + 1, end: i };
    if (text.slice(inner.start, inner.end).trim()) quotes.push({ start: open, end: i + 1, inner });
    open = -1;
  };
  const begin = (i: number) => {
    open = i;
    curly = text[i] !== STRAIGHT;
    nested = false;
    lineEnd = -1;
  };
  // Line breaks are LF, CRLF or a lone CR (old Mac files), as in the editor.
  const marks = /[\r\n"“”„«»]/g;
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
      if (open !== -1) {
        // Continue into the next non-blank line only when it opens with a quote mark.
        let j = i;
        while (j < text.length && /\s/.test(text[j])) j++;
        const next = text[j];
        if (j < text.length && (OPENING.has(next) || next === STRAIGHT)) {
          i = j; // the continuation mark is not a new opening
          nested = false;
          lineEnd = -1;
          continue;
        }
        unclosed(i);
      }
      i = last;
      continue;
    }
    const straight = ch === STRAIGHT;
    if (open === -1) {
      if (OPENING.has(ch) || (straight && straightOpens(text, i, false))) begin(i);
      continue;
    }
    if (straight !== !curly) {
      // A mark of the other style: an inner quote opens or closes, or (mixed typography, `“…"`) the outer
      // quote closes.
      if (straight ? straightOpens(text, i, true) : OPENING.has(ch)) nested = true;
      else if (nested) nested = false;
      else close(i);
      continue;
    }
    if (straight ? straightOpens(text, i, true) : OPENING.has(ch)) {
      // A second opening inside an open quote is a nested or unbalanced mark: keep the outer quote, unless
      // the quote left its first line unclosed in hard-wrapped prose (then this is the next quote).
      if (lineEnd >= 0) {
        unclosed(i);
        begin(i);
      }
      continue;
    }
    close(i);
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

function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** A mention that attributes speech, before resolution. */
interface Mention extends Span {
  text: string;
  entity?: EntityAnnotation;
  /** `person` for he/she and role nouns, `group` for they/it and organisations' role nouns. */
  compat: 'person' | 'group' | 'named';
}

class Attributor {
  private readonly words: Word[];
  private readonly entityAtWord = new Map<number, EntityAnnotation>();
  private readonly entityEndingAtWord = new Map<number, EntityAnnotation>();
  /** Named speakers in document order, for resolving pronouns and role nouns. */
  private readonly named: { at: number; entity: EntityAnnotation }[] = [];

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
      }
    }
    this.collectNamedSpeakers();
  }

  private insideQuote(offset: number): boolean {
    // Quotes are sorted and do not overlap: the last one starting at or before offset.
    const last = partitionPoint(this.quotes, (q) => q.start <= offset) - 1;
    return last >= 0 && offset < this.quotes[last].end;
  }

  private isCue(i: number): number {
    const w = this.words[i];
    if (!w) return 0;
    if (w.lower === 'according' && this.words[i + 1]?.lower === 'to') return 2;
    // Verbs are written in lower case; `States` in `United States` is no cue.
    return REPORTING_VERBS.has(w.lower) && w.text === w.lower ? 1 : 0;
  }

  /** People named as the subject or object of any reporting cue, quoted or not (`Zelenskyy said on …`). */
  private collectNamedSpeakers(): void {
    for (let i = 0; i < this.words.length; i++) {
      const cue = this.isCue(i);
      if (!cue || this.insideQuote(this.words[i].start)) continue;
      const m = this.mentionBefore(i) ?? this.mentionAfter(i + cue - 1);
      if (m?.entity && m.entity.label === 'PERSON') this.named.push({ at: this.words[i].start, entity: m.entity });
    }
  }

  /** The noun phrase right before the cue at word `i`: `Patel said`, `Patel, a spokesman, told`, `he added`. */
  private mentionBefore(i: number): Mention | null {
    let j = i - 1;
    const sentence = this.words[i].sentence;
    // Skip adverbs between subject and verb (`Patel later said`, `he also told`).
    while (j >= 0 && this.words[j].sentence === sentence && /ly$|^also$|^later$|^then$|^again$|^has$|^had$|^have$|^was$|^is$/.test(this.words[j].lower) && !this.entityEndingAtWord.has(j)) j--;
    if (j < 0 || this.words[j].sentence !== sentence) return null;
    if (this.gapHasQuote(this.words[j].end, this.words[i].start)) return null;
    const direct = this.mentionEndingAt(j);
    if (direct && !(direct.compat !== 'named' && this.text(this.words[j].end, this.words[j + 1].start).includes(','))) {
      // An appositive: `Vedant Patel, a U.S. State Department spokesperson, told` → the name before it.
      if (direct.compat !== 'named' || direct.entity?.label !== 'PERSON') {
        const appositive = this.appositiveName(j);
        if (appositive) return appositive;
      }
      return direct;
    }
    return this.appositiveName(j);
  }

  private appositiveName(j: number): Mention | null {
    // Walk back over `, a … ,` to a PERSON entity.
    const sentence = this.words[j].sentence;
    const between = (a: number, b: number) => this.text(this.words[a].end, this.words[b].start);
    if (!between(j, j + 1).includes(',')) return null;
    for (let k = j - 1, steps = 0; k >= 0 && steps < 10 && this.words[k].sentence === sentence; k--, steps++) {
      if (between(k, k + 1).includes(',')) {
        const e = this.entityEndingAtWord.get(k);
        if (e) return this.entityMention(e);
        return null;
      }
    }
    return null;
  }

  /** The noun phrase right after the cue ending at word `i`: `said Rutte`, `said the ministry spokesperson Lin Jian`. */
  private mentionAfter(i: number): Mention | null {
    const sentence = this.words[i].sentence;
    let role: Mention | null = null;
    for (let k = i + 1, steps = 0; k < this.words.length && steps < 8; k++, steps++) {
      const w = this.words[k];
      if (w.sentence !== sentence) break;
      const gap = this.text(this.words[k - 1].end, w.start);
      if (/[,;:.!?"“”()]/.test(gap) && !(k === i + 1 && /^\s*,?\s*$/.test(gap))) break;
      const e = this.entityAtWord.get(k);
      if (e) {
        if (e.label === 'PERSON') return this.entityMention(e);
        if (!this.entityEndingAtWordIsPossessive(e)) return role ?? this.entityMention(e);
        // `the U.S. State Department’s spokesperson Matthew Miller`: keep looking for the person.
        while (k + 1 < this.words.length && this.words[k + 1].start < e.end) k++;
        continue;
      }
      if (SPEAKER_STOP_WORDS.has(w.lower)) break;
      if (PRONOUNS.has(w.lower) && k === i + 1) return this.pronounMention(w);
      if (ROLE_NOUNS.has(w.lower)) role = this.roleMention(i + 1, k);
    }
    return role;
  }

  private entityEndingAtWordIsPossessive(e: EntityAnnotation): boolean {
    return /^['’]s?\b/.test(this.doc.text.slice(e.end, e.end + 2));
  }

  /** A mention whose last word is `j`: an entity, a pronoun or a role noun phrase. */
  private mentionEndingAt(j: number): Mention | null {
    // Places speak for their governments (`China said`), so every entity label can be a speaker.
    const e = this.entityEndingAtWord.get(j);
    if (e) return this.entityMention(e);
    const w = this.words[j];
    if (PRONOUNS.has(w.lower)) return this.pronounMention(w);
    if (ROLE_NOUNS.has(w.lower)) {
      // Extend left over the noun phrase: `the ministry spokesperson`, `a senior ministry official`.
      let k = j;
      while (k > 0 && this.words[k - 1].sentence === w.sentence && !/[,;:"“”]/.test(this.text(this.words[k - 1].end, this.words[k].start)) && j - k < 5) {
        const prev = this.words[k - 1].lower;
        if (SPEAKER_STOP_WORDS.has(prev) || REPORTING_VERBS.has(prev)) break;
        k--;
        if (prev === 'the' || prev === 'a' || prev === 'an') break;
      }
      return this.roleMention(k, j);
    }
    return null;
  }

  private entityMention(e: EntityAnnotation): Mention {
    return { start: e.start, end: e.end, text: e.text, entity: e, compat: 'named' };
  }

  private pronounMention(w: Word): Mention {
    return { start: w.start, end: w.end, text: w.text, compat: /^(they|it|we)$/.test(w.lower) ? 'group' : 'person' };
  }

  private roleMention(from: number, to: number): Mention {
    const start = this.words[from].start;
    const end = this.words[to].end;
    const head = this.words[to].lower;
    const group = /^(ministry|department|government|office|agency|police|military|army|spokesperson's)$/.test(head);
    return { start, end, text: this.text(start, end), compat: group ? 'group' : 'person' };
  }

  private text(start: number, end: number): string {
    return this.doc.text.slice(start, end);
  }

  private gapHasQuote(start: number, end: number): boolean {
    return /["“”]/.test(this.text(start, end));
  }

  /** Finds the mention attributing the quote `q`, or null. */
  attribute(q: RawQuote, previous: { quote: RawQuote; speaker: Mention | null } | null): Mention | null {
    const words = this.words;
    const after = firstWordAt(words, q.end);
    const firstInside = firstWordAt(words, q.inner.start);
    const lastInside = after - 1;
    const closingSentence = lastInside >= firstInside ? words[lastInside]?.sentence : words[after]?.sentence;

    // A cue in the sentence that closes the quote (`…," Patel said`, `…," said Rutte`) and one in the
    // sentence that opens it (`Patel said: "…"`, `which he said are "critical"`): the nearer one wins.
    let afterCue: { distance: number; find: () => Mention | null } | null = null;
    for (let i = after; i < words.length && words[i].sentence === closingSentence; i++) {
      if (this.insideQuote(words[i].start)) break;
      const cue = this.isCue(i);
      if (!cue) continue;
      afterCue = { distance: i - after, find: () => this.mentionBetween(after, i) ?? this.mentionBefore(i) ?? this.mentionAfter(i + cue - 1) };
      break;
    }
    let beforeCue: { distance: number; find: () => Mention | null } | null = null;
    const before = firstWordAt(words, q.start) - 1;
    const openingSentence = words[firstInside]?.sentence;
    for (let i = before; i >= 0 && words[i].sentence === openingSentence; i--) {
      if (this.insideQuote(words[i].start)) break;
      if (words[i].lower === 'to' && words[i - 1]?.lower === 'according') {
        beforeCue = { distance: before - i, find: () => this.mentionAfter(i) };
        break;
      }
      const cue = this.isCue(i);
      if (!cue) continue;
      beforeCue = { distance: before - i, find: () => this.mentionBefore(i) ?? this.mentionAfter(i + cue - 1) };
      break;
    }
    const nearest = afterCue && beforeCue ? (afterCue.distance <= beforeCue.distance + 2 ? afterCue : beforeCue) : afterCue ?? beforeCue;
    const found = nearest?.find();
    if (found) return found;

    // A quote that follows the previous one directly keeps its speaker.
    if (previous?.speaker && this.continues(previous.quote, q)) return previous.speaker;
    // The next sentence of the same line: `"…" He added.`
    if (closingSentence !== undefined) {
      const next = closingSentence + 1;
      const s = this.doc.sentences[next];
      const closing = this.doc.sentences[closingSentence];
      if (s && closing && s.paragraph === closing.paragraph) {
        for (let i = after; i < words.length && words[i].sentence <= next; i++) {
          if (words[i].sentence !== next || this.insideQuote(words[i].start)) continue;
          const cue = this.isCue(i);
          if (cue) return this.mentionBefore(i) ?? this.mentionAfter(i + cue - 1);
        }
      }
    }
    return null;
  }

  /** A named mention between the quote's end and the cue: `…," Vedant Patel, a spokesperson, told`. */
  private mentionBetween(from: number, cue: number): Mention | null {
    for (let k = from; k < cue; k++) {
      const e = this.entityAtWord.get(k);
      if (e && e.label === 'PERSON') return this.entityMention(e);
    }
    return null;
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
    const text = this.doc.text;
    let lineEnd = b.end;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const rest = this.text(b.end, lineEnd);
    let lineStart = b.start;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    const lead = this.text(lineStart, b.start);
    const linesBetween = gap.slice(firstBreak).split(/\r\n?|\n/).filter((l) => l.trim()).length;
    return !lead.trim() && !/[\p{L}\p{N}]/u.test(rest) && linesBetween === 0;
  }

  /** The named speaker a pronoun or role noun at `offset` refers to. */
  resolve(m: Mention, offset: number): Speaker {
    if (m.entity) return { start: m.start, end: m.end, text: m.text, name: m.entity.name };
    // Only people are named speakers, so `they` / `the ministry` resolve to nothing but themselves.
    if (m.compat !== 'group') {
      this.advance(offset);
      // The most recent named speaker; nobody named as a speaker yet: the most recent person mentioned.
      const e = this.cursor.speaker ?? this.cursor.person;
      if (e) return { start: m.start, end: m.end, text: m.text, name: e.name };
    }
    return { start: m.start, end: m.end, text: m.text, name: m.text };
  }

  noteNamed(m: Mention | null): void {
    if (m?.entity?.label === 'PERSON') this.noted.push({ at: m.start, entity: m.entity });
  }

  /** Speakers noted while attributing quotes, in the order noted (not always text order). */
  private readonly noted: { at: number; entity: EntityAnnotation }[] = [];
  /** Noted speakers after the last resolved offset. */
  private pending: { at: number; entity: EntityAnnotation }[] = [];
  /**
   * The latest named speaker and the latest person mentioned up to `offset`, kept as pointers into the
   * sorted lists: quotes are resolved in text order, and rescanning every list for each quote (and sorting
   * the speakers after each one) was quadratic in the number of quotes.
   */
  private cursor = Attributor.startCursor();

  private static startCursor() {
    return { offset: -1, named: 0, noted: 0, entity: 0, speaker: null as EntityAnnotation | null, speakerAt: -1, person: null as EntityAnnotation | null };
  }

  private advance(offset: number): void {
    if (offset < this.cursor.offset) {
      // Asked out of text order: start over (still correct, only slower).
      this.cursor = Attributor.startCursor();
      this.pending = [];
    }
    const c = this.cursor;
    c.offset = offset;
    // On equal positions the later entry wins, as the stable sort of one merged list did.
    const take = (n: { at: number; entity: EntityAnnotation }) => {
      if (n.at > offset) return false;
      if (n.at >= c.speakerAt) {
        c.speakerAt = n.at;
        c.speaker = n.entity;
      }
      return true;
    };
    while (c.named < this.named.length && take(this.named[c.named])) c.named++;
    while (c.noted < this.noted.length) {
      const n = this.noted[c.noted++];
      if (!take(n)) this.pending.push(n);
    }
    if (this.pending.length) this.pending = this.pending.filter((n) => !take(n));
    while (c.entity < this.entities.length && this.entities[c.entity].start < offset) {
      const e = this.entities[c.entity++];
      if (e.label === 'PERSON') c.person = e;
    }
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
    const inner = doc.text.slice(q.inner.start, q.inner.end);
    if (countWords(inner) >= MIN_WORDS_WITHOUT_CUE || /[.!?,]\s*$/.test(inner)) return true;
    // Short quoted phrases: speech only beside a reporting cue, and never a Title-Cased name.
    if (/^(?:\p{Lu}[\p{L}'’-]*\s*)+$/u.test(inner.trim())) return false;
    return attributor.hasCueNear(q);
  });
  const out: QuoteAnnotation[] = [];
  let previous: { quote: RawQuote; speaker: ReturnType<Attributor['attribute']> } | null = null;
  for (const q of speech) {
    const mention = attributor.attribute(q, previous);
    attributor.noteNamed(mention);
    out.push({
      kind: 'quote',
      label: 'direct',
      start: q.start,
      end: q.end,
      text: doc.text.slice(q.inner.start, q.inner.end),
      speaker: mention ? attributor.resolve(mention, q.start) : null,
    });
    previous = { quote: q, speaker: mention };
  }
  return out;
}
