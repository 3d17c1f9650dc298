// retext plugin: direct quotes and who said them.
//
// Quote marks are paired in one linear scan over the text, line by line: curly marks say which way they
// face; a straight mark faces by its neighbours. An open quote at the end of a line continues when the next
// line opens with a quote mark (the newspaper convention for multi-paragraph quotes); otherwise it ends
// with its line. Short quoted phrases count as speech only next to a reporting cue (`which he said are
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

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);
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

/** Pairs quote marks; see the module comment for the rules. Linear in the text. */
export function scanQuotes(text: string, hardWrapped = isHardWrapped(text)): RawQuote[] {
  const quotes: RawQuote[] = [];
  let open = -1;
  const marks = /[\n"“”„«»]/g;
  for (let i = 0; i <= text.length; i++) {
    // Jump to the next character that matters: a quote mark or a line break.
    marks.lastIndex = i;
    i = marks.exec(text)?.index ?? text.length;
    const ch = text[i];
    if (ch === '\n' || i === text.length) {
      // In hard-wrapped prose a single line break is not a paragraph break.
      if (hardWrapped && i < text.length && !/^\n[^\S\n]*\n/.test(text.slice(i, i + 40))) continue;
      if (open !== -1) {
        // Continue into the next non-blank line only when it opens with a quote mark.
        let j = i;
        while (j < text.length && /\s/.test(text[j])) j++;
        const next = text[j];
        if (j < text.length && (OPENING.has(next) || next === STRAIGHT)) {
          i = j; // the continuation mark is not a new opening
          continue;
        }
        const end = trimEnd(text, open + 1, i);
        if (end > open + 1) quotes.push({ start: open, end, inner: { start: open + 1, end } });
        open = -1;
      }
      continue;
    }
    let opens: boolean | null = null;
    if (OPENING.has(ch)) opens = true;
    else if (CLOSING.has(ch)) opens = false;
    else if (ch === STRAIGHT) opens = straightOpens(text, i, open !== -1);
    if (opens === null) continue;
    if (opens) {
      if (open === -1) open = i;
      // A second opening inside an open quote is a nested or unbalanced mark: keep the outer quote.
    } else if (open !== -1) {
      const inner = { start: open + 1, end: i };
      if (text.slice(inner.start, inner.end).trim()) quotes.push({ start: open, end: i + 1, inner });
      open = -1;
    }
  }
  return quotes;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Words of the document in order, each knowing its sentence. */
interface Word extends Token {
  sentence: number;
  lower: string;
}

function wordsOf(doc: TokenizedDocument): Word[] {
  const words: Word[] = [];
  for (const s of doc.sentences) {
    for (const t of s.tokens) {
      if (t.type === 'word') words.push({ type: 'word', start: t.start, end: t.end, text: t.text, sentence: s.index, lower: t.text.toLowerCase() });
    }
  }
  return words;
}

/** Index of the first word starting at or after `offset` (binary search). */
function firstWordAt(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    // Quotes are sorted and do not overlap: binary search for the last one starting at or before offset.
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.quotes[mid].start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && offset < this.quotes[hi].end;
  }

  private isCue(i: number): number {
    const w = this.words[i];
    if (!w) return 0;
    if (w.lower === 'according' && this.words[i + 1]?.lower === 'to') return 2;
    // Verbs are written in lower case; `States` in `United States` is no cue.
    return w.text === w.lower && REPORTING_VERBS.has(w.lower) ? 1 : 0;
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
    if (!gap.includes('\n')) return gap.length < 200;
    const lineEnd = this.doc.text.indexOf('\n', b.end);
    const rest = this.text(b.end, lineEnd === -1 ? this.doc.text.length : lineEnd);
    const lineStart = this.doc.text.lastIndexOf('\n', b.start - 1) + 1;
    const lead = this.text(lineStart, b.start);
    const linesBetween = gap.slice(gap.indexOf('\n')).split('\n').filter((l) => l.trim()).length;
    return !lead.trim() && !/[\p{L}\p{N}]/u.test(rest) && linesBetween === 0;
  }

  /** The named speaker a pronoun or role noun at `offset` refers to. */
  resolve(m: Mention, offset: number): Speaker {
    if (m.entity) return { start: m.start, end: m.end, text: m.text, name: m.entity.name };
    const wantGroup = m.compat === 'group';
    for (let k = this.named.length - 1; k >= 0; k--) {
      const n = this.named[k];
      if (n.at > offset) continue;
      if (wantGroup === (n.entity.label !== 'PERSON')) return { start: m.start, end: m.end, text: m.text, name: n.entity.name };
    }
    if (!wantGroup) {
      // Nobody named as a speaker yet: the most recent person mentioned.
      for (let k = this.entities.length - 1; k >= 0; k--) {
        const e = this.entities[k];
        if (e.start < offset && e.label === 'PERSON') return { start: m.start, end: m.end, text: m.text, name: e.name };
      }
    }
    return { start: m.start, end: m.end, text: m.text, name: m.text };
  }

  noteNamed(m: Mention | null): void {
    if (m?.entity?.label === 'PERSON') this.named.push({ at: m.start, entity: m.entity });
    this.named.sort((a, b) => a.at - b.at);
  }

  hasCueNear(q: RawQuote): boolean {
    // Any reporting cue in the sentence(s) the quote sits in, outside the quote.
    const words = this.words;
    const first = firstWordAt(words, q.inner.start);
    const s = words[first]?.sentence;
    if (s === undefined) return false;
    for (let i = first; i >= 0 && words[i].sentence === s; i--) {
      if (words[i].start < q.start && this.isCue(i)) return true;
    }
    const after = firstWordAt(words, q.end);
    for (let i = after; i < words.length && words[i].sentence === s; i++) if (this.isCue(i)) return true;
    return false;
  }
}

export function findQuotes(doc: TokenizedDocument, entities: EntityAnnotation[]): QuoteAnnotation[] {
  const raw = scanQuotes(doc.text);
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
