// Stories: the sources that report one real-world event. A folder about a story often holds coverage of
// several events (two arrests of one kind, a crash and the trial after it); a story groups the sources of
// one, and its claims with them. Sources are compared as whole documents the way claims compare passages
// (group.ts): a vector of the terms of all their passages, candidates found through their most salient
// terms, pairs merged strongest first while groups stay cohesive. Names, places and figures weigh most in
// the vectors, so two events of one kind (two celebrities entering rehab) stay apart.
import type { Claim } from './claims.js';
import { EdgeQueue, edgesOf, mergeSteps, Postings, Vectors, type GroupOptions } from './group.js';
import { finish } from '../steps.js';

export interface Story {
  /** Stable while its first source stays in it: `story/<first source>`. */
  id: string;
  /** Its most widely reported claim's label, else its first source's. */
  label: string;
  /** Its sources, in corpus order. */
  sources: string[];
  /** Claims most of whose sources are in it, most widely reported first. */
  claims: Claim[];
}

export interface StoryInput {
  /** Sources in corpus order. */
  sources: string[];
  /** A source's heaviest terms (ClaimIndex.documentTerms). */
  termsOf(source: string, max: number): { id: number; boost: number }[];
  /** The claims as the researcher sees them, most widely reported first. */
  claims: Claim[];
}

/**
 * Similarity at which two sources report one event, and the mean two groups of sources must keep to merge
 * (tuned on the dev half of ECB+, whose topics each hold two events of one kind).
 */
export const DEFAULT_STORY_OPTIONS: GroupOptions = { threshold: 0.2, cohesion: 0.15, blockingTerms: 8 };
/** Terms kept per source: enough to tell its event by, few enough to compare thousands of sources. */
const SOURCE_TERMS = 64;
/** Sources weighed between two pauses. */
const STEP = 20;

/** The stories of a corpus, in steps (a caller that must not hold the thread pauses at each `yield`). */
export function* storySteps(input: StoryInput, options: GroupOptions = DEFAULT_STORY_OPTIONS): Generator<void, Story[]> {
  const { sources } = input;
  const vectors = new Vectors(options.blockingTerms);
  const postings = new Postings();
  for (let k = 0; k < sources.length; k++) {
    // Weighed as given: the passages' weights already carry how rare each term is.
    vectors.add(k, sources[k], input.termsOf(sources[k], SOURCE_TERMS), () => 1);
    postings.add(k, vectors.salient(k));
    if (k % STEP === 0) yield;
  }
  const edges = new EdgeQueue(options.threshold);
  const ids = sources.map((_, k) => k);
  for (const k of ids) {
    edgesOf(k, vectors, postings, options, edges.push, true);
    if (k % STEP === 0) yield;
  }
  const groups = yield* mergeSteps(ids, edges, (a, b) => vectors.cosine(a, b), options.cohesion);
  return yield* storiesOf(groups.map((g) => g.map((k) => sources[k])), input.claims);
}

/**
 * Stories of sources grouped before, with the claims as they are now: what to show while the stories are
 * found again after a change (one edit seldom moves a source to another story).
 */
export function storiesFrom(groups: string[][], claims: Claim[]): Story[] {
  return finish(storiesOf(groups.filter((g) => g.length), claims));
}

/** Claims placed between two pauses. */
const CLAIMS_STEP = 2_000;

/**
 * Stories from groups of sources: each claim goes to the story that holds most of its sources (ties: the
 * larger story). Claims come most widely reported first, and each story keeps that order.
 */
function* storiesOf(groups: string[][], claims: Claim[]): Generator<void, Story[]> {
  const storyOf = new Map<string, number>();
  groups.forEach((g, k) => g.forEach((source) => storyOf.set(source, k)));
  const claimsOf: Claim[][] = groups.map(() => []);
  const votes = new Map<number, number>();
  for (let c = 0; c < claims.length; c++) {
    if (c % CLAIMS_STEP === 0) yield;
    const sources = claims[c].sources;
    // Most claims lie within one story: when its first, middle and last sources agree, no vote is counted
    // (a lookup by source costs a few hundred nanoseconds in a large corpus's heap, and the claims of 10,000
    // sources list 340,000 sources in all).
    const first = storyOf.get(sources[0]);
    let best = first ?? -1;
    if (storyOf.get(sources[sources.length >> 1]) !== first || storyOf.get(sources[sources.length - 1]) !== first) {
      votes.clear();
      for (const source of sources) {
        const k = storyOf.get(source);
        if (k !== undefined) votes.set(k, (votes.get(k) ?? 0) + 1);
      }
      best = -1;
      for (const [k, n] of votes) if (best < 0 || n > votes.get(best)! || (n === votes.get(best)! && groups[k].length > groups[best].length)) best = k;
    }
    if (best >= 0) claimsOf[best].push(claims[c]);
  }
  const out = groups.map((sources, k): Story => ({ id: `story/${sources[0]}`, label: claimsOf[k][0]?.label ?? sources[0], sources, claims: claimsOf[k] }));
  // Most sources first, then corpus order of the first source.
  return out.sort((a, b) => b.sources.length - a.sources.length || (a.sources[0] < b.sources[0] ? -1 : a.sources[0] > b.sources[0] ? 1 : 0));
}
