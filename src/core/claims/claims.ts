// Claims: groups of passages from the sources that state the same thing, with a label and a verdict on
// whether the sources' figures agree.
import type { NumberAnnotation, QuoteAnnotation } from '../types.js';
import type { Passage } from './passages.js';
import type { Term } from './terms.js';
import { alignedVerdict, isQuantity, type Verdict } from './agreement.js';
import { ownCopy } from '../analysis/compact.js';

export type ClaimStatus = Verdict | 'single';
export type ClaimKind = 'quote' | 'number' | 'statement';

export interface Claim {
  /** Stable while the claim's representative passage stays the same. */
  id: string;
  label: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** Documents carrying the claim, in corpus order. */
  sources: string[];
  passages: Passage[];
  /** Set when the researcher shaped the claim (named, merged, moved passages, created it). */
  shaped?: boolean;
  /** The researcher's note on the claim. */
  memo?: string;
}

/** A passage with what the claims need to know about it. */
export interface ClaimInput {
  passage: Passage;
  terms: Term[];
  figures: NumberAnnotation[];
  quotes: QuoteAnnotation[];
}

/** The claim made by a group of passages (in reading order); `similarity` compares two of them by index. */
export function claimOf(members: ClaimInput[], similarity: (i: number, j: number) => number): Claim {
  const indices = members.map((_, i) => i);
  const representative = members[members.length < 3 ? 0 : medoidOf(indices, similarity)];
  const sources = [...new Set(members.map((m) => m.passage.doc))];
  let quoted = 0;
  let withFigures = 0;
  for (const m of members) {
    if (m.quotes.length) quoted++;
    if (m.figures.some(isQuantity)) withFigures++;
  }
  return {
    // In one piece: made by slicing and joining, they kept a copy of the passage's text each.
    id: ownCopy(claimId(representative.passage)),
    label: ownCopy(claimLabel(representative)),
    // What the claim is about: most of its passages quote someone, or state a figure.
    kind: quoted * 2 >= members.length && quoted > 0 ? 'quote' : withFigures * 2 >= members.length && withFigures > 0 ? 'number' : 'statement',
    status: sources.length < 2 ? 'single' : figureVerdict(members),
    sources,
    passages: members.map((m) => m.passage),
  };
}

/** Most widely reported first; among equals, in reading order of their first passage (documents by id). */
export function byReach(a: Claim, b: Claim): number {
  const pa = a.passages[0];
  const pb = b.passages[0];
  return b.sources.length - a.sources.length || (pa.doc < pb.doc ? -1 : pa.doc > pb.doc ? 1 : pa.start - pb.start);
}

/** Most passages a claim's representative is chosen among (the choice is quadratic in their number). */
const MEDOID_SAMPLE = 64;

/** The member most similar to the others: the first of the largest total similarity. */
function medoidOf(group: number[], similarity: (i: number, j: number) => number): number {
  const sample = group.length > MEDOID_SAMPLE ? group.slice(0, MEDOID_SAMPLE) : group;
  let best = sample[0];
  let bestScore = -Infinity;
  for (const i of sample) {
    let score = 0;
    for (const j of sample) if (j !== i) score += similarity(i, j);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** Sources every other source's figures are compared with. */
const VERDICT_REFERENCES = 8;

/**
 * Verdict over pairs of sources' figures in a claim: any difference wins (as `combine`), then any
 * approximation. Only the figures of the first few sources with figures are kept while the others are compared.
 */
export function figureVerdict(members: ClaimInput[]): Verdict {
  // Each source's members in a run, so that no list is made per source (a claim of hundreds of sources made
  // hundreds at once). Reading order has them so already; the sort (stable) keeps any other order right.
  const docOf = (i: number) => members[i].passage.doc;
  const order = members.map((_, i) => i).sort((i, j) => (docOf(i) < docOf(j) ? -1 : docOf(i) > docOf(j) ? 1 : 0));
  // Every source against the first few with figures: a claim carried by hundreds of sources made all pairs
  // quadratic, and a source that differs from another differs from one of the first few unless those differ already.
  const references: NumberAnnotation[][] = [];
  let verdict: Verdict = 'agree';
  for (let from = 0; from < order.length; ) {
    const doc = docOf(order[from]);
    const figures: NumberAnnotation[] = [];
    let to = from;
    for (; to < order.length && docOf(order[to]) === doc; to++) {
      for (const figure of members[order[to]].figures) if (isQuantity(figure)) figures.push(figure);
    }
    from = to;
    if (!figures.length) continue;
    for (const reference of references) {
      // As `combine`: the first difference decides, the pairs after it cannot change the verdict.
      const pair = alignedVerdict(reference, figures);
      if (pair === 'differ') return pair;
      if (pair === 'approximate') verdict = pair;
    }
    if (references.length < VERDICT_REFERENCES) references.push(figures);
  }
  return verdict;
}

/** A short label: the words of the claim without their attribution, cut at a word boundary. */
export function claimLabel(input: ClaimInput, max = 90): string {
  const { passage, quotes } = input;
  const quote = quotes.find((q) => q.end - q.start >= (passage.end - passage.start) * 0.5);
  let text = quote ? quote.text : passage.text;
  if (!quote) {
    text = text
      // `…, Patel said during a briefing.` / `…," he added.` / `…, according to Patel.`
      .replace(/[,”"]\s+(?:(?:\p{Lu}[\p{L}.’'-]*|he|she|they|the \p{Ll}+)\s+){1,4}(?:said|told|added|stressed|noted)\b[^"“”,]{0,60}$/u, '')
      .replace(/,\s*according to\s+[^,]{0,60}$/u, '')
      // `Patel said that …` / `But he stressed that …` / `adding that …`
      .replace(/^(?:but |and |however, )?(?:adding|saying|(?:(?:\p{Lu}[\p{L}.’'-]*|he|she|they)\s+){1,3}(?:said|told|added|stressed|noted)(?: \p{Ll}+)?)\s+that\s+/iu, '');
  }
  text = text
    .replace(/["“”]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:however|but|and|meanwhile|separately|now|still),?\s+/i, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/**
 * FNV-1a over the representative passage's document and words, twice with different seeds: 64 bits, so
 * that the ids of hundreds of thousands of claims do not collide.
 */
function claimId(p: Passage): string {
  const key = `${p.doc}\u0000${p.text.toLowerCase().replace(/\s+/g, ' ')}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `c${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36).padStart(7, '0')}`;
}
