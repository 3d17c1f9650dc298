// Binary search over sorted lists: the one routine behind every "first item at or after" lookup (words by
// offset, annotations overlapping a passage, lines by offset, postings after a passage).

/**
 * The index of the first item for which `before` is false, in a list where `before` holds for a prefix and
 * fails for the rest (the list's length when it holds for all).
 */
export function partitionPoint<T>(list: ArrayLike<T>, before: (item: T) => boolean): number {
  return partitionIndex(list.length, (i) => before(list[i]));
}

/** `partitionPoint` over the indices 0 … length-1 of something read by index (rows, columns). */
export function partitionIndex(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The items overlapping a span. Items of one kind are sorted and do not overlap, so their ends are sorted
 * too: the search finds the first, and a long document's passages do not each scan all its items.
 */
export function overlapping<T extends { start: number; end: number }>(items: readonly T[], span: { start: number; end: number }): T[] {
  const from = partitionPoint(items, (x) => x.end <= span.start);
  let to = from;
  while (to < items.length && items[to].start < span.end) to++;
  // A slice is exactly as long as it needs to be (pushes leave room for more): the claims keep these per passage.
  return items.slice(from, to);
}
