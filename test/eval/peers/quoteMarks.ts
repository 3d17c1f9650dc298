// Peer for quote detection: pairs of double quote marks, nothing else. It matches, left to right:
//   ``…''  LaTeX-style (ECB+ `*ecb` text): two backticks up to the first two apostrophes;
//   “…”    curly: an opening mark up to the first closing one;
//   "…"    straight: a mark up to the next straight mark.
// Each may run over line breaks (multi-paragraph quotes do). The span includes both marks, as the gold does.
import type { Span } from '../../../src/core/types.js';

const QUOTE_PAIR = /``[\s\S]*?''|“[^”]*”|"[^"]*"/g;

export function quoteMarkSpans(text: string): Span[] {
  return [...text.matchAll(QUOTE_PAIR)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
