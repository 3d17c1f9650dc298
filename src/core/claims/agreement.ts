// Whether two sources' figures for the same quantity agree. Used by the claims (a claim's status) and by
// the number hovers (the verdict per source), so both always say the same thing.
import type { NumberAnnotation } from '../types.js';
import { stemmer } from 'stemmer';
import { partitionPoint } from '../search.js';

export type Verdict = 'agree' | 'approximate' | 'differ';

/** Qualifiers by what they say about the true value. */
const BOUND: Record<string, 'above' | 'below' | 'about'> = {
  over: 'above', 'more than': 'above', 'at least': 'above', 'upwards of': 'above', 'in excess of': 'above',
  'as many as': 'below', nearly: 'below', almost: 'below', 'up to': 'below', 'fewer than': 'below',
  'less than': 'below', under: 'below', 'just under': 'below', 'close to': 'below',
  some: 'about', about: 'about', around: 'about', roughly: 'about', approximately: 'about',
  'an estimated': 'about', estimated: 'about', 'about a': 'about',
};

export function qualifierClass(approx: string | null): string {
  if (!approx) return 'exact';
  return BOUND[approx.toLowerCase()] ?? `vague:${approx.toLowerCase()}`;
}

/** Figures that can be compared at all: amounts, not dates, times or ranks. */
export function isQuantity(n: NumberAnnotation): boolean {
  return n.value !== null && (n.label === 'count' || n.label === 'money' || n.label === 'percent' || n.label === 'measure' || n.label === 'range');
}

// Nouns that count the same thing under another name in news prose.
const SAME_UNIT_GROUPS = [
  ['soldier', 'troop', 'forc', 'personnel', 'fighter', 'servicemen', 'militari', 'armi'],
  ['peopl', 'person', 'resid', 'individu', 'civilian', 'men', 'women'],
  ['dollar', 'usd', '$'],
];
const UNIT_GROUP = new Map<string, number>();
SAME_UNIT_GROUPS.forEach((g, i) => g.forEach((w) => UNIT_GROUP.set(w, i)));

/** A comparable key for a unit: its head noun stemmed, mapped to a group of near-synonyms when it has one. */
export function unitKey(unit: string | null): string | null {
  if (!unit) return null;
  let key = unitKeys.get(unit);
  if (key === undefined) {
    const words = unit.toLowerCase().split(/\s+/);
    const head = stemmer(words[words.length - 1]);
    const group = UNIT_GROUP.get(head) ?? UNIT_GROUP.get(words.join(' '));
    key = group === undefined ? head : `group:${group}`;
    if (unitKeys.size > 50_000) unitKeys.clear();
    unitKeys.set(unit, key);
  }
  return key;
}

/** Units seen so far and their keys: a number hover compares one figure with thousands. */
const unitKeys = new Map<string, string>();

/** Whether two figures speak of the same kind of thing. Unknown units are compatible with counts of anything. */
export function sameQuantity(a: NumberAnnotation, b: NumberAnnotation): boolean {
  if (!isQuantity(a) || !isQuantity(b)) return false;
  if ((a.label === 'percent') !== (b.label === 'percent') || (a.label === 'money') !== (b.label === 'money')) return false;
  const ua = unitKey(a.unit);
  const ub = unitKey(b.unit);
  return ua === null || ub === null || ua === ub;
}

/** The verdict on two figures of the same quantity. */
export function compareFigures(a: NumberAnnotation, b: NumberAnnotation): Verdict {
  const va = a.value!;
  const vb = b.value!;
  const ca = qualifierClass(a.approx);
  const cb = qualifierClass(b.approx);
  if (va === vb) return ca === cb ? 'agree' : 'approximate';
  const relative = Math.abs(va - vb) / Math.max(Math.abs(va), Math.abs(vb));
  // Hedged figures a few percent apart (`nearly 50,000` / `48,000`) tell the same story.
  if (relative <= 0.1 && (ca !== 'exact' || cb !== 'exact')) return 'approximate';
  return 'differ';
}

/** Combines verdicts: any difference wins, then any approximation. */
export function combine(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict = 'agree';
  for (const v of verdicts) {
    if (v === 'differ') return 'differ';
    if (v === 'approximate') out = 'approximate';
  }
  return out;
}

/** Above this many pairs of figures, each figure is compared only with the `NEAREST` values on each side. */
const MAX_PAIRS = 20_000;
const NEAREST = 8;

/** How far apart two figures of the same quantity are, relative to the larger. */
const gapOf = (x: NumberAnnotation, y: NumberAnnotation): number => Math.abs(y.value! - x.value!) / Math.max(Math.abs(x.value!), Math.abs(y.value!), 1);

/** The gaps of every pair of figures (`Infinity`: not the same quantity), a row per figure of `a`: reused. */
let gaps = new Float64Array(256);

/**
 * Pairs two sources' figures one to one: same quantity, nearest values first, each figure used at most
 * once (so `11,000 North Koreans` is not held against `50,000 soldiers` once `50,000` has its match).
 */
export function alignFigures(a: NumberAnnotation[], b: NumberAnnotation[]): { a: NumberAnnotation; b: NumberAnnotation; verdict: Verdict }[] {
  const pairs: { a: NumberAnnotation; b: NumberAnnotation; verdict: Verdict }[] = [];
  eachAligned(a, b, (x, y) => {
    pairs.push({ a: x, b: y, verdict: compareFigures(x, y) });
    return true;
  });
  return pairs;
}

/** The verdicts of `alignFigures`'s pairs combined, without making the pairs: it stops at the first difference. */
export function alignedVerdict(a: NumberAnnotation[], b: NumberAnnotation[]): Verdict {
  let verdict: Verdict = 'agree';
  eachAligned(a, b, (x, y) => {
    const v = compareFigures(x, y);
    if (v !== 'agree') verdict = v;
    return v !== 'differ';
  });
  return verdict;
}

/**
 * The pairs `alignFigures` makes, in its order, to `visit` until it returns false. A claim's verdict aligns the
 * figures of thousands of pairs of sources; making, sorting and marking candidate objects for each was most of
 * the garbage of a large build's claims, and objects that live through a collection this way teach V8 to make
 * them in the old generation (allocation-site pretenuring), where the garbage then piles up: the first index of
 * 10,000 sources peaked at 700 MiB in some runs instead of 420.
 */
function eachAligned(a: NumberAnnotation[], b: NumberAnnotation[], visit: (x: NumberAnnotation, y: NumberAnnotation) => boolean): void {
  if (a.length * b.length > MAX_PAIRS) {
    nearestPairs(a, b, visit);
    return;
  }
  // The nearest pair of figures not yet taken, again and again: the first of equal gaps in the order a, then
  // b, as a stable sort of every pair would give. The gaps are computed once, into an array kept between calls.
  const m = b.length;
  const size = a.length * m;
  if (gaps.length < size) gaps = new Float64Array(2 ** Math.ceil(Math.log2(size)));
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < m; j++) gaps[i * m + j] = sameQuantity(a[i], b[j]) ? gapOf(a[i], b[j]) : Infinity;
  }
  for (;;) {
    let best = -1;
    let bestGap = Infinity;
    for (let k = 0; k < size; k++) {
      if (gaps[k] < bestGap) {
        best = k;
        bestGap = gaps[k];
      }
    }
    if (best < 0) return;
    const i = Math.floor(best / m);
    const j = best - i * m;
    if (!visit(a[i], b[j])) return;
    // Both figures are taken: no pair with either is left.
    for (let k = i * m; k < (i + 1) * m; k++) gaps[k] = Infinity;
    for (let k = j; k < size; k += m) gaps[k] = Infinity;
  }
}

/**
 * `alignFigures` for passages with thousands of figures (tables, data pasted as text), where every pair is
 * quadratic in time and memory: each figure is paired only with the figures of the other side nearest in value.
 */
function nearestPairs(a: NumberAnnotation[], b: NumberAnnotation[], visit: (x: NumberAnnotation, y: NumberAnnotation) => boolean): void {
  const candidates: { x: NumberAnnotation; y: NumberAnnotation; gap: number }[] = [];
  const sorted = b.filter(isQuantity).sort((p, q) => p.value! - q.value!);
  for (const x of a) {
    if (!isQuantity(x)) continue;
    const lo = partitionPoint(sorted, (y) => y.value! < x.value!);
    for (let k = Math.max(0, lo - NEAREST); k < Math.min(sorted.length, lo + NEAREST); k++) {
      const y = sorted[k];
      if (sameQuantity(x, y)) candidates.push({ x, y, gap: gapOf(x, y) });
    }
  }
  candidates.sort((p, q) => p.gap - q.gap);
  const usedA = new Set<NumberAnnotation>();
  const usedB = new Set<NumberAnnotation>();
  for (const { x, y } of candidates) {
    if (usedA.has(x) || usedB.has(y)) continue;
    usedA.add(x);
    usedB.add(y);
    if (!visit(x, y)) return;
  }
}
