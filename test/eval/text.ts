// Small text helpers shared by the tasks: name normalisation, snippets, word-bounded search.
import type { Span } from '../../src/core/types.js';

/** Case-, diacritic- and punctuation-insensitive form of a name; a leading determiner is dropped (`the official`). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '');
}

/** `…left [span] right…` on one line, for error listings. */
export function snippet(text: string, span: Span, width = 35): string {
  const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ⏎ ');
  const from = Math.max(0, span.start - width);
  const to = Math.min(text.length, span.end + width);
  const inner = span.end - span.start > 90 ? `${text.slice(span.start, span.start + 45)}…${text.slice(span.end - 40, span.end)}` : text.slice(span.start, span.end);
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, span.start))}[${flat(inner)}]${flat(text.slice(span.end, to))}${to < text.length ? '…' : ''}`;
}

/** Shortens one-line text for tables. */
export function clip(s: string, max = 60): string {
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Every occurrence of `needle` in `text` not glued to a letter or digit on either side (`he` not in `the`). */
export function wordOccurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  const wordChar = /[\p{L}\p{N}]/u;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    const before = i > 0 && wordChar.test(needle[0]) && wordChar.test(text[i - 1]);
    const after = end < text.length && wordChar.test(needle[needle.length - 1]) && wordChar.test(text[end]);
    if (!before && !after) out.push({ start: i, end });
  }
  return out;
}

/** Gap between two spans in characters (0 when they touch or overlap). */
export function gap(a: Span, b: Span): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}
