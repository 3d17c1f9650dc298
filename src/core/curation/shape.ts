// Claims as the researcher shaped them, laid over the machine's grouping.
//
// A shaped claim pins its passages: each pinned passage belongs to it, whatever the machine thinks. The
// machine's claims still matter for what the researcher has not seen yet: a machine claim that holds pinned
// passages hands its other passages (a source added later, say) to the shaped claim holding most of its
// pinned ones. So a renamed claim keeps gathering new sources, and a passage moved out of a claim does not
// drag the rest of its old claim along (the commands pin the old claim's other passages first).
import type { Passage } from '../claims/passages.js';
import { byReach, claimOf, type Claim, type ClaimInput } from '../claims/claims.js';
import type { ShapedClaim } from './model.js';

export interface ShapingInput {
  shaped: ShapedClaim;
  /** The passages its marks resolve to now (marks that no longer resolve are the corpus's orphans). */
  passages: Passage[];
}

export interface Shaped {
  claims: Claim[];
  /** The claim of each passage that shaping moved, by passage key. */
  claimOfPassage: Map<string, Claim>;
}

export const passageKey = (p: Pick<Passage, 'doc' | 'start'>) => `${p.doc}\u0000${p.start}`;

/**
 * `auto`: the machine's claims, sorted by reach; `autoClaimOf`: the machine's claim of a passage;
 * `inputOf`: what a claim's verdict and kind are computed from; `rank`: a document's place in corpus order.
 */
export function shapeClaims(
  auto: readonly Claim[],
  shaping: readonly ShapingInput[],
  autoClaimOf: (p: Passage) => Claim | undefined,
  inputOf: (p: Passage) => ClaimInput,
  rank: (doc: string) => number,
): Shaped {
  const claimOfPassage = new Map<string, Claim>();
  if (!shaping.length) return { claims: auto.slice(), claimOfPassage };
  const members = shaping.map(() => new Map<string, Passage>());
  const pinnedTo = new Map<string, number>();
  shaping.forEach(({ passages }, i) => {
    for (const p of passages) {
      const key = passageKey(p);
      if (pinnedTo.has(key)) continue; // pinned twice (a hand-edited file): the first claim keeps it
      pinnedTo.set(key, i);
      members[i].set(key, p);
    }
  });
  // Machine claims holding pinned passages: their other passages join the shaped claim holding most of them.
  const touched = new Map<string, Claim>();
  for (const { passages } of shaping) for (const p of passages) {
    const c = autoClaimOf(p);
    if (c) touched.set(c.id, c);
  }
  const absorbedLabel = new Map<number, { label: string; size: number }>();
  for (const c of touched.values()) {
    const votes = new Map<number, number>();
    for (const p of c.passages) {
      const i = pinnedTo.get(passageKey(p));
      if (i !== undefined) votes.set(i, (votes.get(i) ?? 0) + 1);
    }
    let winner = -1;
    for (const [i, n] of votes) if (winner < 0 || n > votes.get(winner)! || (n === votes.get(winner) && i < winner)) winner = i;
    if (winner < 0) continue;
    for (const p of c.passages) if (!pinnedTo.has(passageKey(p))) members[winner].set(passageKey(p), p);
    const size = votes.get(winner)!;
    if ((absorbedLabel.get(winner)?.size ?? 0) < size) absorbedLabel.set(winner, { label: c.label, size });
  }
  const shapedClaims: Claim[] = [];
  shaping.forEach(({ shaped }, i) => {
    const passages = [...members[i].values()].sort((a, b) => rank(a.doc) - rank(b.doc) || a.start - b.start);
    if (!passages.length) return; // every mark orphaned: listed with the orphans, not shown as an empty claim
    const made = claimOf(passages.map(inputOf), () => 0);
    const claim: Claim = { ...made, id: shaped.id, label: shaped.title ?? absorbedLabel.get(i)?.label ?? made.label, shaped: true };
    if (shaped.memo) claim.memo = shaped.memo;
    shapedClaims.push(claim);
    for (const p of passages) claimOfPassage.set(passageKey(p), claim);
  });
  const claims = auto.filter((c) => !touched.has(c.id)).concat(shapedClaims).sort(byReach);
  return { claims, claimOfPassage };
}
