// Passages: the units claims are made of. A passage is a sentence, or a clause of one where a sentence
// joins two statements (`…,” Patel said, adding that …`). Page furniture is dropped, and a document that
// repeats a passage word for word keeps it once.
import type { DocumentAnalysis, Span } from '../types.js';
import { isBoilerplate, isListHeading, isTitle, countWords } from './boilerplate.js';
import { partitionPoint } from '../search.js';

export interface Passage extends Span {
  doc: string;
  text: string;
  /** 1-based line of the passage's start, for labels such as `Reuters:12`. */
  line: number;
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

export function passagesOf(doc: string, text: string, analysis: DocumentAnalysis): Passage[] {
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
      out.push({ doc, start: span.start, end: span.end, text: clause, line: lineOf(starts, span.start) });
    }
  }
  return out;
}
