// Invariants every analysis must keep, whatever the text: offsets in range and on whole characters,
// annotation texts equal to the characters they point at, no two annotations of one kind overlapping.
// Used by the robustness and fuzz tests; each check returns a list of problems (empty when all is well).
import type { DocumentAnalysis, Span } from '../../../src/core/types.js';

export type Problems = string[];

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** A short, printable excerpt around a span, for failure messages. */
export function excerpt(text: string, start: number, end = start, context = 30): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return JSON.stringify(`${from > 0 ? '…' : ''}${text.slice(from, start)}⟦${text.slice(start, end)}⟧${text.slice(end, to)}${to < text.length ? '…' : ''}`);
}

/** `0 ≤ start < end ≤ length`, integer offsets, no half of a surrogate pair at either end. */
export function checkSpan(text: string, span: Span, what: string, problems: Problems, allowEmpty = false): boolean {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || (allowEmpty ? start > end : start >= end)) {
    problems.push(`${what}: offsets out of range [${start}, ${end}) for a text of length ${text.length}`);
    return false;
  }
  if (splitsSurrogatePair(text, start)) problems.push(`${what}: start ${start} splits a surrogate pair in ${excerpt(text, start, end)}`);
  if (splitsSurrogatePair(text, end)) problems.push(`${what}: end ${end} splits a surrogate pair in ${excerpt(text, start, end)}`);
  return true;
}

/** Spans sorted by start and not overlapping. */
export function checkOrdered(text: string, spans: Span[], what: string, problems: Problems): void {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1];
    const b = spans[i];
    if (b.start < a.end) {
      problems.push(`${what} ${i - 1} [${a.start}, ${a.end}) and ${i} [${b.start}, ${b.end}) overlap or are out of order: ${excerpt(text, a.start, Math.max(a.end, b.end))}`);
    }
  }
}

/** A character that is neither white space (Unicode's, which includes U+0085) nor an invisible format mark. */
const VISIBLE = /[^\p{White_Space}\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/u;

/** Every invariant of one analysis of `text`. */
export function analysisProblems(text: string, a: DocumentAnalysis): Problems {
  const problems: Problems = [];
  a.quotes.forEach((q, i) => {
    const what = `quote ${i}`;
    if (!checkSpan(text, q, what, problems)) return;
    // `text` is the content without the marks: it starts after the opening mark (two characters in
    // ``…''-style quotes) and ends at the closing mark (`''`, or `'''` where an inner quote's mark merged
    // with it), or at the end of the span when the quote never closes.
    const opening = text.startsWith('``', q.start) || text.startsWith("''", q.start) ? 2 : 1;
    const innerEnd = q.start + opening + q.text.length;
    if (text.slice(q.start + opening, innerEnd) !== q.text || !/^(?:|["“”„«»]|``|'''?)$/.test(text.slice(innerEnd, q.end))) {
      problems.push(`${what}: text ${JSON.stringify(q.text)} is not the inside of ${excerpt(text, q.start, q.end)}`);
    }
    if (!/^(?:["“”„«»]|``|'')/.test(text.slice(q.start, q.start + 2))) problems.push(`${what}: does not start at a quote mark: ${excerpt(text, q.start, q.end)}`);
    if (q.speaker) {
      if (checkSpan(text, q.speaker, `${what} speaker`, problems) && text.slice(q.speaker.start, q.speaker.end) !== q.speaker.text) {
        problems.push(`${what} speaker: text ${JSON.stringify(q.speaker.text)} ≠ ${excerpt(text, q.speaker.start, q.speaker.end)}`);
      }
      if (!q.speaker.name) problems.push(`${what} speaker: empty name`);
    }
  });
  for (const [kind, list] of [['entity', a.entities], ['number', a.numbers]] as const) {
    list.forEach((x, i) => {
      const what = `${kind} ${i}`;
      if (checkSpan(text, x, what, problems) && text.slice(x.start, x.end) !== x.text) {
        problems.push(`${what}: text ${JSON.stringify(x.text)} ≠ ${excerpt(text, x.start, x.end)}`);
      }
    });
  }
  a.entities.forEach((e, i) => {
    if (!e.name) problems.push(`entity ${i}: empty name for ${excerpt(text, e.start, e.end)}`);
  });
  a.numbers.forEach((n, i) => {
    if (n.value !== null && !Number.isFinite(n.value)) problems.push(`number ${i}: value ${n.value} for ${excerpt(text, n.start, n.end)}`);
    if (n.upper !== undefined && !Number.isFinite(n.upper)) problems.push(`number ${i}: upper ${n.upper} for ${excerpt(text, n.start, n.end)}`);
  });
  a.sentences.forEach((s, i) => {
    checkSpan(text, s, `sentence ${i}`, problems);
    const p = a.paragraphs[s.paragraph];
    if (!p || s.start < p.start || s.end > p.end) problems.push(`sentence ${i}: not inside its paragraph ${s.paragraph}`);
  });
  a.paragraphs.forEach((p, i) => checkSpan(text, p, `paragraph ${i}`, problems));
  // Entities and figures are found within a sentence; every visible character is in some sentence.
  const inSentence = (x: Span) => {
    let lo = 0;
    let hi = a.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a.sentences[mid].start <= x.start) lo = mid;
      else hi = mid - 1;
    }
    const s = a.sentences[lo];
    return !!s && s.start <= x.start && x.end <= s.end;
  };
  for (const [kind, list] of [['entity', a.entities], ['number', a.numbers]] as const) {
    list.forEach((x, i) => {
      if (!inSentence(x)) problems.push(`${kind} ${i} is not inside one sentence: ${excerpt(text, x.start, x.end)}`);
    });
  }
  let covered = 0;
  for (const s of a.sentences) {
    const gap = text.slice(covered, Math.max(covered, s.start));
    const lost = VISIBLE.exec(gap);
    if (lost) problems.push(`text outside every sentence: ${excerpt(text, covered + lost.index, covered + lost.index + 1)}`);
    covered = Math.max(covered, s.end);
  }
  const tail = VISIBLE.exec(text.slice(covered));
  if (tail) problems.push(`text outside every sentence: ${excerpt(text, covered + tail.index, covered + tail.index + 1)}`);
  checkOrdered(text, a.quotes, 'quotes', problems);
  checkOrdered(text, a.entities, 'entities', problems);
  checkOrdered(text, a.numbers, 'numbers', problems);
  checkOrdered(text, a.sentences, 'sentences', problems);
  checkOrdered(text, a.paragraphs, 'paragraphs', problems);
  return problems;
}

/** Throws with every problem found, and the text's start, when the analysis breaks an invariant. */
export function assertInvariants(text: string, a: DocumentAnalysis, label = 'text'): void {
  const problems = analysisProblems(text, a);
  if (problems.length) {
    throw new Error(`${label} (length ${text.length}): ${problems.length} invariant(s) broken:\n  ${problems.slice(0, 10).join('\n  ')}`);
  }
}

/** The characters each annotation points at, per kind, for comparing two versions of a text. */
export function annotatedTexts(text: string, a: DocumentAnalysis): { quotes: string[]; speakers: (string | null)[]; entities: string[]; numbers: string[] } {
  return {
    quotes: a.quotes.map((q) => text.slice(q.start, q.end)),
    speakers: a.quotes.map((q) => q.speaker?.name ?? null),
    entities: a.entities.map((e) => `${e.label}:${text.slice(e.start, e.end)}`),
    numbers: a.numbers.map((n) => `${n.label}:${text.slice(n.start, n.end)}=${n.value}`),
  };
}
