// Marks that follow the text. A mark is saved as the words it covers with a little context on each side
// and the offsets where it was last seen, in the manner of the W3C Web Annotation TextQuoteSelector and
// TextPositionSelector (as Hypothesis stores them), and re-found after the source is edited: at the old
// offsets if the words are still there, else at the occurrence whose context fits best, else where an
// approximate match of the words sits among their context, else nowhere (the caller lists it as orphaned).
//
// The search is local first, around where the passage is expected; what is not found there is looked for
// in the whole text, in one pass shared by all such anchors, so the length of the text is paid for once,
// not once per anchor. Approximate matching only ever runs in small windows around likely places.

export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the passage was last seen: a hint, not a promise. */
  start: number;
  end: number;
}

export interface ResolvedAnchor {
  start: number;
  end: number;
  /** False when the passage was edited and found by approximate matching. */
  exactMatch: boolean;
}

const DEFAULT_CONTEXT = 32;
/** Below this length an approximate match means nothing: most short strings are a few edits from many others. */
const MIN_FUZZY_LENGTH = 12;
/** An approximate match must keep this share of the passage (1 − edits / length). */
const MIN_SIMILARITY = 0.75;
/** Weights of a candidate's score, as Hypothesis weighs them: the words most, then context, then position. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;
/** A short passage is only a match with at least this share of its context: else it is a common word elsewhere. */
const MIN_CONTEXT_FOR_SHORT = 0.25;
/** An exact occurrence with this much of its context needs no approximate search to compete with it. */
const GOOD_CONTEXT = 0.75;
/** How far around the expected place the local search looks, and how much context it needs to stop there. */
const LOCAL_RADIUS = 4096;
const LOCAL_CONTEXT = 0.5;
/** Pieces of the passage and its context looked for to guess where it went. */
const PROBE_LENGTH = 16;
const MIN_PROBE_LENGTH = 8;
/** How many sightings of a probe become guesses, nearest the expected place first. */
const GUESSES_PER_PROBE = 4;
/** Sightings of a probe kept in the whole-text pass: a piece seen more often than this says little. */
const MAX_PROBE_HITS = 64;

interface Candidate {
  start: number;
  end: number;
  exactMatch: boolean;
  context: number;
  score: number;
}

/** A piece of text expected at `offset` from the passage's start. */
interface Probe {
  key: string;
  offset: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const clamp = (n: number, max: number) => Math.min(Math.max(Math.trunc(n) || 0, 0), max);

/** Moves an offset that falls between the halves of a surrogate pair before (`-1`) or after (`1`) the pair. */
function snap(text: string, offset: number, direction: -1 | 1): number {
  const inside = offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1));
  return inside ? offset + direction : offset;
}

/** The anchor of text[start, end): the passage widened to whole characters, with `context` units each side. */
export function anchorAt(text: string, start: number, end: number, context = DEFAULT_CONTEXT): TextAnchor {
  const [a, b] = [clamp(start, text.length), clamp(end, text.length)];
  const from = snap(text, Math.min(a, b), -1);
  const to = snap(text, Math.max(a, b), 1);
  const width = clamp(context, text.length);
  const prefixFrom = snap(text, Math.max(0, from - width), 1);
  const suffixTo = snap(text, Math.min(text.length, to + width), -1);
  return { exact: text.slice(from, to), prefix: text.slice(prefixFrom, from), suffix: text.slice(to, suffixTo), start: from, end: to };
}

/** Where the anchor's passage is in `text` now, or null when it can no longer be found. */
export function resolveAnchor(anchor: TextAnchor, text: string): ResolvedAnchor | null {
  return resolveAnchors([anchor], text)[0];
}

/**
 * Resolves the anchors of one text. An edit usually shifts every later passage by the same amount, so each
 * anchor is expected where the previous one's shift puts it: after an insertion near the top, every anchor
 * below it is found at once instead of searched for.
 */
export function resolveAnchors(anchors: readonly TextAnchor[], text: string): (ResolvedAnchor | null)[] {
  const order = anchors.map((_, i) => i).sort((i, j) => (anchors[i].start || 0) - (anchors[j].start || 0));
  const found: (Candidate | null)[] = new Array(anchors.length).fill(null);
  const elsewhere: Unresolved[] = [];
  let shift = 0;
  for (const index of order) {
    const anchor = anchors[index];
    const expected = clamp((anchor.start || 0) + shift, text.length);
    const local = anchor.exact ? resolveLocally(anchor, text, expected) : resolveEmpty(anchor, text, expected);
    if (local && local.context >= LOCAL_CONTEXT) {
      found[index] = local;
      shift = local.start - (anchor.start || 0);
    } else if (anchor.exact) elsewhere.push({ index, anchor, expected, local });
  }
  resolveInWholeText(elsewhere, text).forEach((candidate, k) => (found[elsewhere[k].index] = candidate));
  return found.map((c) => c && { start: snap(text, c.start, -1), end: snap(text, c.end, 1), exactMatch: c.exactMatch });
}

/** An anchor the local search found no convincing place for, with the best it found. */
interface Unresolved {
  index: number;
  anchor: TextAnchor;
  expected: number;
  local: Candidate | null;
}

/** At the expected place, else the best fit within LOCAL_RADIUS of it. */
function resolveLocally(anchor: TextAnchor, text: string, expected: number): Candidate | null {
  const atHint = exactAt(anchor, text, expected, expected);
  if (atHint?.context === 1) return atHint;
  const exact = bestOccurrence(anchor, text, expected);
  if (exact && exact.context >= GOOD_CONTEXT) return exact;
  const guesses = [expected];
  for (const probe of probesOf(anchor)) {
    for (const hit of nearest(text, probe.key, expected + probe.offset, GUESSES_PER_PROBE, LOCAL_RADIUS)) guesses.push(hit - probe.offset);
  }
  return better(exact, bestApproximate(anchor, text, expected, guesses));
}

/**
 * Anchors not found near where they were expected (moved far, or deleted): every sighting of their probes
 * is collected in one pass over the text, and the passages are looked for where those put them, beyond
 * the stretch the local search has covered.
 */
function resolveInWholeText(items: Unresolved[], text: string): (Candidate | null)[] {
  const probes = items.map(({ anchor }) => probesOf(anchor));
  const sightings = sightingsOf(text, probes.flat().map((p) => p.key));
  let next = 0;
  return items.map(({ anchor, expected, local }, k) => {
    const guesses: number[] = [];
    let best = local;
    for (const probe of probes[k]) {
      const hits = sightings[next++];
      // Every sighting of the passage's own beginning may be the passage; the others only guide the search.
      if (probe.offset === 0) for (const hit of hits) best = better(best, exactAt(anchor, text, hit, expected));
      const nearFirst = hits.map((hit) => hit - probe.offset).sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
      guesses.push(...nearFirst.slice(0, GUESSES_PER_PROBE));
    }
    for (const guess of guesses) best = better(best, exactAt(anchor, text, guess, expected));
    const far = guesses.filter((guess) => Math.abs(guess - expected) > LOCAL_RADIUS);
    return far.length ? better(best, bestApproximate(anchor, text, expected, far)) : best;
  });
}

function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  return !a || (b && b.score > a.score) ? b : a;
}

/** An anchor of no characters (a caret) sits between its prefix and suffix. */
function resolveEmpty(anchor: TextAnchor, text: string, expected: number): Candidate | null {
  const joined = anchor.prefix + anchor.suffix;
  const at = joined ? nearest(text, joined, Math.max(0, expected - anchor.prefix.length), 1, Infinity)[0] : expected - anchor.prefix.length;
  if (at === undefined) return null;
  const caret = at + anchor.prefix.length;
  return { start: caret, end: caret, exactMatch: true, context: 1, score: 1 };
}

/** The passage's edges and the context's inner edges, long enough to be telling. */
function probesOf({ exact, prefix, suffix }: TextAnchor): Probe[] {
  const probes = [
    { key: prefix.slice(-PROBE_LENGTH), offset: -Math.min(PROBE_LENGTH, prefix.length) },
    { key: exact.slice(0, PROBE_LENGTH), offset: 0 },
    { key: suffix.slice(0, PROBE_LENGTH), offset: exact.length },
  ];
  if (exact.length > PROBE_LENGTH) probes.push({ key: exact.slice(-PROBE_LENGTH), offset: exact.length - PROBE_LENGTH });
  return probes.filter((p) => p.key.length >= MIN_PROBE_LENGTH);
}

function score(quote: number, context: number, distance: number, textLength: number): number {
  const position = 1 - Math.min(1, distance / Math.max(1, textLength));
  return (QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * context + POSITION_WEIGHT * position) / (QUOTE_WEIGHT + CONTEXT_WEIGHT + POSITION_WEIGHT);
}

/** The passage exactly at `start`, scored; null when it is not there, or is short and out of context. */
function exactAt(anchor: TextAnchor, text: string, start: number, expected: number): Candidate | null {
  if (start < 0 || !text.startsWith(anchor.exact, start)) return null;
  const end = start + anchor.exact.length;
  const context = contextSimilarity(anchor, text, start, end);
  if (anchor.exact.length < MIN_FUZZY_LENGTH && context < MIN_CONTEXT_FOR_SHORT) return null;
  return { start, end, exactMatch: true, context, score: score(1, context, Math.abs(start - expected), text.length) };
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ');

/**
 * How much of the anchor's context (0–1) still borders text[start, end): the characters the prefix shares
 * with what precedes and the suffix with what follows, outward from the passage. Runs of whitespace count
 * as one space, so re-wrapped lines and CRLF line ends do not count as changes.
 */
function contextSimilarity(anchor: TextAnchor, text: string, start: number, end: number): number {
  const prefix = squeeze(anchor.prefix);
  const suffix = squeeze(anchor.suffix);
  if (!prefix && !suffix) return 1;
  // Twice the length leaves room for the extra characters of CRLF line ends and widened spaces.
  const before = squeeze(text.slice(Math.max(0, start - anchor.prefix.length * 2), start));
  const after = squeeze(text.slice(end, end + anchor.suffix.length * 2));
  let p = 0;
  while (p < prefix.length && p < before.length && prefix[prefix.length - 1 - p] === before[before.length - 1 - p]) p++;
  let s = 0;
  while (s < suffix.length && s < after.length && suffix[s] === after[s]) s++;
  return (p + s) / (prefix.length + suffix.length);
}

/**
 * The occurrences of `needle` within `limit` of `expected`, ring by ring: the text is searched in rings that
 * widen fourfold, so a nearby occurrence costs little to find however long the text is. Each ring's starts
 * come nearest first, with `reach`: the distance within which every occurrence has now been seen.
 */
function* ringsOutward(text: string, needle: string, expected: number, limit: number): Generator<{ starts: number[]; reach: number }> {
  let [lo, hi] = [expected, expected];
  for (let radius = 256; lo > 0 || hi < text.length; radius *= 4) {
    const r = Math.min(radius, limit);
    const [from, to] = [Math.max(0, expected - r), Math.min(text.length, expected + r)];
    const starts = [...startsIn(text, needle, from, lo), ...startsIn(text, needle, hi, to)];
    const reach = Math.min(from > 0 ? expected - from : Infinity, to < text.length ? to - expected : Infinity);
    yield { starts: starts.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected)), reach };
    if (r === limit) return;
    [lo, hi] = [from, to];
  }
}

/** Where `needle` starts within [from, to). */
function startsIn(text: string, needle: string, from: number, to: number): number[] {
  const starts: number[] = [];
  if (from >= to) return starts;
  const window = text.slice(from, to + needle.length - 1);
  for (let at = window.indexOf(needle); at >= 0; at = window.indexOf(needle, at + 1)) starts.push(from + at);
  return starts;
}

/** The `count` occurrences of `needle` nearest `expected`, within `limit` of it. */
function nearest(text: string, needle: string, expected: number, count: number, limit: number): number[] {
  const found: number[] = [];
  for (const { starts } of ringsOutward(text, needle, clamp(expected, text.length), limit)) {
    found.push(...starts);
    if (found.length >= count) break;
  }
  return found.slice(0, count);
}

/** The exact occurrence near `expected` whose context fits best; visiting them outward, it stops once no farther one could win. */
function bestOccurrence(anchor: TextAnchor, text: string, expected: number): Candidate | null {
  let best: Candidate | null = null;
  for (const { starts, reach } of ringsOutward(text, anchor.exact, expected, LOCAL_RADIUS)) {
    for (const at of starts) best = better(best, exactAt(anchor, text, at, expected));
    if (best && best.score >= score(1, 1, reach, text.length)) break;
  }
  return best;
}

const BASE = 31;
const HASH_BUCKETS = 1 << 20;

/** Every start of each key, in one pass over the text with a rolling hash of the keys' first characters. */
function sightingsOf(text: string, keys: string[]): number[][] {
  const sightings = keys.map((): number[] => []);
  if (!keys.length || text.length < MIN_PROBE_LENGTH) return sightings;
  const byHash = new Map<number, number[]>();
  // A bit per hash bucket spares the map lookup at the many places where no key starts.
  const maybe = new Uint8Array(HASH_BUCKETS);
  keys.forEach((key, k) => {
    const h = hashAt(key, 0);
    byHash.set(h, [...(byHash.get(h) ?? []), k]);
    maybe[h & (HASH_BUCKETS - 1)] = 1;
  });
  let power = 1; // BASE to the (MIN_PROBE_LENGTH − 1), to take the leaving character out of the hash
  for (let i = 1; i < MIN_PROBE_LENGTH; i++) power = Math.imul(power, BASE);
  for (let i = 0, h = hashAt(text, 0); ; i++) {
    if (maybe[h & (HASH_BUCKETS - 1)]) {
      for (const k of byHash.get(h) ?? []) if (sightings[k].length < MAX_PROBE_HITS && text.startsWith(keys[k], i)) sightings[k].push(i);
    }
    if (i + MIN_PROBE_LENGTH >= text.length) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), power), BASE) + text.charCodeAt(i + MIN_PROBE_LENGTH)) | 0;
  }
  return sightings;
}

function hashAt(s: string, from: number): number {
  let h = 0;
  for (let i = 0; i < MIN_PROBE_LENGTH; i++) h = (Math.imul(h, BASE) + s.charCodeAt(from + i)) | 0;
  return h;
}

/**
 * The best approximate match of an edited passage, searched in a small window around each guess at where it
 * starts. The cost is the passage's length times the windows' total length, whatever the size of the text,
 * and only linear in the passage's length when the edit is confined to one stretch of it.
 */
function bestApproximate(anchor: TextAnchor, text: string, expected: number, guesses: number[]): Candidate | null {
  const { exact } = anchor;
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxEdits = Math.floor(exact.length * (1 - MIN_SIMILARITY));
  const margin = maxEdits + 8;
  // Guesses that nearly coincide share a window; others keep their own, since a window spanning two copies
  // of a passage would only yield the intact one.
  const sorted = guesses.map((g) => clamp(g, text.length)).sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const g of sorted) {
    const group = groups[groups.length - 1];
    if (group && g - group[group.length - 1] <= margin) group.push(g);
    else groups.push([g]);
  }
  const candidate = (match: Match | null): Candidate | null => {
    if (!match || match.edits > maxEdits) return null;
    const context = contextSimilarity(anchor, text, match.start, match.end);
    const quote = 1 - match.edits / exact.length;
    return { start: match.start, end: match.end, exactMatch: false, context, score: score(quote, context, Math.abs(match.start - expected), text.length) };
  };
  // First the cheap reading of each guess (one stretch edited), then the full search, where several probes
  // agree first; a window that a single probe points to is skipped once a match fits its context well.
  let best: Candidate | null = null;
  const unsettled: number[][] = [];
  for (const group of groups) {
    const quick = group.map((g) => candidate(oneStretchEdit(exact, text, g, maxEdits))).reduce(better, null);
    if (quick) best = better(best, quick);
    else unsettled.push(group);
  }
  for (const group of unsettled.sort((a, b) => b.length - a.length)) {
    if (best && best.context >= GOOD_CONTEXT && group.length === 1) break;
    const [first, last] = [group[0], group[group.length - 1]];
    best = better(best, candidate(closestSubstring(exact, text, Math.max(0, first - margin), Math.min(text.length, last + exact.length + margin), first)));
  }
  return best;
}

interface Match {
  start: number;
  end: number;
  edits: number;
}

/**
 * The passage at `start` when only one stretch of it changed (a word replaced, a typo fixed): its beginning
 * is intact there and its end is found a little after, and the edits are counted as the longer of the two
 * differing middles (an upper bound on the edit distance). Null when the beginning or the end is not intact.
 */
function oneStretchEdit(exact: string, text: string, start: number, maxEdits: number): Match | null {
  const m = exact.length;
  let same = 0;
  while (same < m && exact.charCodeAt(same) === text.charCodeAt(start + same)) same++;
  if (same < MIN_PROBE_LENGTH) return null;
  const tail = exact.slice(-MIN_PROBE_LENGTH);
  const from = Math.max(start, start + m - maxEdits - MIN_PROBE_LENGTH);
  let end = -1;
  for (const at of startsIn(text, tail, from, Math.min(text.length, start + m + maxEdits))) {
    const candidate = at + MIN_PROBE_LENGTH;
    if (end < 0 || Math.abs(candidate - start - m) < Math.abs(end - start - m)) end = candidate;
  }
  if (end < 0) return null;
  const length = end - start;
  const prefix = Math.min(same, length);
  let suffix = 0;
  while (suffix < Math.min(m, length) - prefix && exact.charCodeAt(m - 1 - suffix) === text.charCodeAt(end - 1 - suffix)) suffix++;
  const edits = Math.max(m, length) - prefix - suffix;
  return edits <= maxEdits ? { start, end, edits } : null;
}

/**
 * The substring of text[from, to) closest to `pattern` in edit distance (Sellers' algorithm: the edit
 * distance table with a free start anywhere in the window, kept one column at a time), each cell
 * remembering where its match began. Among equally close matches, the one starting nearest `near`.
 */
function closestSubstring(pattern: string, text: string, from: number, to: number, near: number): Match | null {
  const m = pattern.length;
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);
  // cost[i]: edits between pattern[0, i) and the best text ending here; start[i]: where that text begins.
  const cost = new Int32Array(m + 1);
  const start = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    start[i] = from;
  }
  let best: Match | null = null;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diagonal = cost[0];
    let diagonalStart = start[0];
    let above = 0; // the empty pattern matches anywhere
    let aboveStart = j + 1;
    cost[0] = 0;
    start[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const left = cost[i];
      const leftStart = start[i];
      let here = diagonal + (codes[i - 1] === c ? 0 : 1);
      let hereStart = diagonalStart;
      if (left + 1 < here) {
        here = left + 1; // a character of the text left out
        hereStart = leftStart;
      }
      if (above + 1 < here) {
        here = above + 1; // a character of the passage missing
        hereStart = aboveStart;
      }
      cost[i] = here;
      start[i] = hereStart;
      diagonal = left;
      diagonalStart = leftStart;
      above = here;
      aboveStart = hereStart;
    }
    if (!best || above < best.edits || (above === best.edits && Math.abs(aboveStart - near) < Math.abs(best.start - near))) {
      best = { start: aboveStart, end: j + 1, edits: above };
    }
  }
  return best;
}
