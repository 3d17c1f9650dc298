// Passages: the units claims are made of. A passage is a sentence, or a clause of one where a sentence
// joins two statements (`…,” Patel said, adding that …`). Page furniture is dropped, and a document that
// repeats a passage word for word keeps it once.
import type { DocumentAnalysis, Span } from '../types.js';
import { isBoilerplate, isListHeading, isTitle, countWords } from './boilerplate.js';
import { partitionPoint } from '../search.js';

export interface Passage extends Span {
  doc: string;
  readonly text: string;
  /** 1-based line of the passage's start, for labels such as `Reuters:12`. */
  line: number;
}

/** Where a passage reads its words: its document's text as stored (core/textStore.ts), or the text itself. */
export interface TextSource {
  slice(start: number, end: number): string;
}

/**
 * A passage of a document that reads its words from the document's text when asked. A copy of them in each
 * of hundreds of thousands of passages cost memory, and as a slice it kept the document's whole text alive.
 */
export class DocumentPassage implements Passage {
  // Private, so that a spread, JSON.stringify or deepStrictEqual never reaches the stored text through it.
  readonly #source: TextSource;

  constructor(
    public doc: string,
    public start: number,
    public end: number,
    public line: number,
    source: TextSource,
  ) {
    this.#source = source;
  }

  get text(): string {
    return this.#source.slice(this.start, this.end);
  }

  /** As a passage written out (JSON of claims, exports): with its words, as a plain object had them. */
  toJSON(): { doc: string; start: number; end: number; text: string; line: number } {
    return { doc: this.doc, start: this.start, end: this.end, text: this.text, line: this.line };
  }
}

// Where one sentence carries on with a second statement; the split keeps the joining words in the second.
const CLAUSE_BREAK = /;\s+|,\s+(?=(?:adding|saying|noting|stressing)\b)|\s+[—–]\s+(?=\p{Lu})/gu;
const MIN_CLAUSE_WORDS = 5;
// A dateline opening a story (`SEOUL, Nov. 13 (UPI) — `, `TAIPEI, Taiwan – `) says where, not what.
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40},[^—–\n]{0,40}?\s[—–-]{1,2}\s+/u;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function clauses(text: string, start: number): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const cut = m.index! + m[0].length;
    if (countWords(text.slice(from, m.index)) >= MIN_CLAUSE_WORDS && countWords(text.slice(cut)) >= MIN_CLAUSE_WORDS) {
      spans.push({ start: start + from, end: start + m.index! });
      from = cut;
    }
  }
  spans.push({ start: start + from, end: start + text.length });
  return spans;
}

/** Line starts of `text`, for turning offsets into line numbers by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Lines end at LF, CRLF or a lone CR, as the editor counts them.
  const eol = /\r\n?|\n/g;
  for (let m = eol.exec(text); m; m = eol.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  return Math.max(1, partitionPoint(starts, (s) => s <= offset));
}

/**
 * Sentences as the units of passages: a quote that runs over several sentences keeps them together, so a
 * speaker's words are compared whole.
 */
function units(analysis: DocumentAnalysis): Span[] {
  const out: Span[] = [];
  let q = 0;
  for (const s of analysis.sentences) {
    while (q < analysis.quotes.length && analysis.quotes[q].end <= s.start) q++;
    const last = out[out.length - 1];
    const quote = analysis.quotes[q];
    if (last && quote && quote.start < s.start && quote.end > s.start && quote.start >= last.start) last.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Lines that caption a photo or video: a credit at the end of the line covers every sentence on it. */
function captionLines(text: string): Set<number> {
  const lines = new Set<number>();
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (countWords(line) >= 8 && isBoilerplate(line)) lines.add(i + 1);
  });
  return lines;
}

/** `source`: where the passages read their words later, `text` by default. */
export function passagesOf(doc: string, text: string, analysis: DocumentAnalysis, source: TextSource = text): Passage[] {
  const out: Passage[] = [];
  const seen = new Set<string>();
  const starts = lineStarts(text);
  const captions = captionLines(text);
  let inList = false;
  for (const unit of units(analysis)) {
    const raw = text.slice(unit.start, unit.end);
    const line = lineOf(starts, unit.start);
    if (starts[line - 1] === unit.start && isListHeading(raw)) {
      inList = true;
      continue;
    }
    // A list of other articles' headlines runs until the first line of ordinary prose.
    if (inList) {
      if (/[.!?”"]$/.test(raw.trim()) && countWords(raw) >= 12) inList = false;
      else continue;
    }
    if (captions.has(line)) continue;
    // The first line that is no furniture is the document's title, though headlines may have no verb.
    const title = out.length === 0 && starts[line - 1] === unit.start && !/[\r\n]/.test(raw) && isTitle(raw);
    if (!title && isBoilerplate(raw)) continue;
    const dateline = raw.match(DATELINE)?.[0].length ?? 0;
    for (const span of clauses(raw.slice(dateline), unit.start + dateline)) {
      const clause = text.slice(span.start, span.end);
      const key = normalise(clause);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push(new DocumentPassage(doc, span.start, span.end, lineOf(starts, span.start), source));
    }
  }
  return out;
}
