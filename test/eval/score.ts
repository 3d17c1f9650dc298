// Counting and matching for the evaluation: precision/recall/F1 from counts, and one-to-one span matching.
import type { Span } from '../../src/core/types.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

/** Counts kept per key (a label, a cue, a split), created on first use. */
export class Tally {
  readonly byKey = new Map<string, Counts>();
  get(key: string): Counts {
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = zero()));
    return c;
  }
  keys(): string[] {
    return [...this.byKey.keys()];
  }
}

/** A ratio with its parts, for accuracies (`right` of `all`). */
export interface Ratio {
  right: number;
  all: number;
  value: number;
}

export function ratio(right: number, all: number): Ratio {
  return { right, all, value: all ? right / all : 0 };
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlapLength = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export interface Matching<G, P> {
  pairs: [G, P][];
  missed: G[];
  spurious: P[];
}

/**
 * Pairs predictions with gold items one to one. Exact spans are paired first, so a near miss elsewhere cannot
 * take a gold item a prediction hits exactly; in overlap mode the rest then pair by largest overlap.
 * `compatible` adds a condition such as an equal label.
 */
export function matchSpans<G extends Span, P extends Span>(
  gold: readonly G[],
  predicted: readonly P[],
  mode: 'exact' | 'overlap',
  compatible: (g: G, p: P) => boolean = () => true,
): Matching<G, P> {
  const goldUsed = new Set<number>();
  const partner = new Map<number, number>();
  predicted.forEach((p, j) => {
    const i = gold.findIndex((g, k) => !goldUsed.has(k) && sameSpan(g, p) && compatible(g, p));
    if (i >= 0) {
      goldUsed.add(i);
      partner.set(j, i);
    }
  });
  if (mode === 'overlap') {
    predicted.forEach((p, j) => {
      if (partner.has(j)) return;
      let best = -1;
      let bestLength = 0;
      gold.forEach((g, k) => {
        if (goldUsed.has(k) || !compatible(g, p)) return;
        const length = overlapLength(g, p);
        if (length > bestLength) {
          best = k;
          bestLength = length;
        }
      });
      if (best >= 0) {
        goldUsed.add(best);
        partner.set(j, best);
      }
    });
  }
  const pairs: [G, P][] = [];
  const spurious: P[] = [];
  predicted.forEach((p, j) => {
    const i = partner.get(j);
    if (i === undefined) spurious.push(p);
    else pairs.push([gold[i], p]);
  });
  return { pairs, missed: gold.filter((_, k) => !goldUsed.has(k)), spurious };
}

export function countsOf(m: Matching<unknown, unknown>): Counts {
  return { tp: m.pairs.length, fp: m.spurious.length, fn: m.missed.length };
}
