// Claims: groups of passages from the sources that state the same thing, with a label and a verdict on
// whether the sources' figures agree.
import type { NumberAnnotation, QuoteAnnotation } from '../types.js';
import type { Passage } from './passages.js';
import type { Term } from './terms.js';
import { groupPassages, type GroupOptions, DEFAULT_GROUP_OPTIONS } from './group.js';
import { alignFigures, combine, isQuantity, type Verdict } from './agreement.js';

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
}

/** A passage with what the claims need to know about it. */
export interface ClaimInput {
  passage: Passage;
  terms: Term[];
  figures: NumberAnnotation[];
  quotes: QuoteAnnotation[];
}

export function buildClaims(inputs: ClaimInput[], options: GroupOptions = DEFAULT_GROUP_OPTIONS): Claim[] {
  const grouping = groupPassages(
    inputs.map((x) => ({ doc: x.passage.doc, terms: x.terms })),
    options,
  );
  const claims = grouping.groups.map((group) => {
    const members = group.map((i) => inputs[i]);
    const medoid = group.length < 3 ? group[0] : medoidOf(group, grouping.similarity);
    const representative = inputs[medoid];
    const sources = [...new Set(members.map((m) => m.passage.doc))];
    const quoted = members.filter((m) => m.quotes.length).length;
    const withFigures = members.filter((m) => m.figures.some(isQuantity)).length;
    const claim: Claim = {
      id: claimId(representative.passage),
      label: claimLabel(representative),
      // What the claim is about: most of its passages quote someone, or state a figure.
      kind: quoted * 2 >= members.length && quoted > 0 ? 'quote' : withFigures * 2 >= members.length && withFigures > 0 ? 'number' : 'statement',
      status: sources.length < 2 ? 'single' : figureVerdict(members),
      sources,
      passages: members.map((m) => m.passage),
    };
    return claim;
  });
  // Most widely reported first; among equals, in reading order of their first passage.
  const order = new Map(inputs.map((x, i) => [x.passage, i]));
  claims.sort((a, b) => b.sources.length - a.sources.length || order.get(a.passages[0])! - order.get(b.passages[0])!);
  return dedupeIds(claims);
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

/** Verdict over every pair of sources' figures in a claim. */
export function figureVerdict(members: ClaimInput[]): Verdict {
  const byDoc = new Map<string, NumberAnnotation[]>();
  for (const m of members) {
    const list = byDoc.get(m.passage.doc) ?? [];
    list.push(...m.figures.filter(isQuantity));
    byDoc.set(m.passage.doc, list);
  }
  const docs = [...byDoc.values()].filter((f) => f.length);
  const verdicts: Verdict[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      for (const pair of alignFigures(docs[i], docs[j])) verdicts.push(pair.verdict);
    }
  }
  return combine(verdicts);
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

/** FNV-1a over the representative passage's document and words. */
function claimId(p: Passage): string {
  const key = `${p.doc}\u0000${p.text.toLowerCase().replace(/\s+/g, ' ')}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `c${(h >>> 0).toString(36)}`;
}

function dedupeIds(claims: Claim[]): Claim[] {
  const seen = new Map<string, number>();
  for (const c of claims) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n) c.id = `${c.id}-${n}`;
  }
  return claims;
}
