// Precision and recall of annotations against a gold standard, by exact span or by overlap.
import type { Span } from '../../../src/core/types.js';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/**
 * Matches predictions to gold items one to one (each gold item at most once) and returns the pairs with
 * the score. `compatible` adds a condition such as an equal label.
 */
export function match<G extends Span, P extends Span>(
  gold: G[],
  predicted: P[],
  mode: 'exact' | 'overlap',
  compatible: (g: G, p: P) => boolean = () => true,
): { pairs: [G, P][]; missed: G[]; spurious: P[]; score: Score } {
  const used = new Set<number>();
  const pairs: [G, P][] = [];
  const spurious: P[] = [];
  for (const p of predicted) {
    const i = gold.findIndex((g, k) => !used.has(k) && (mode === 'exact' ? same(g, p) : overlaps(g, p)) && compatible(g, p));
    if (i === -1) spurious.push(p);
    else {
      used.add(i);
      pairs.push([gold[i], p]);
    }
  }
  const missed = gold.filter((_, k) => !used.has(k));
  return { pairs, missed, spurious, score: score(pairs.length, spurious.length, missed.length) };
}
