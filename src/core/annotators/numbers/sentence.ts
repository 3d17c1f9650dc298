// The sentence the number matcher is reading: its items and the document they index into. Module state
// rather than a context object passed around, because every reader of `numbers.ts` and `dates.ts` looks at
// it on every item; `setSentence` switches it.
import { type Item, WORD } from './items.js';
import { FUNCTION_WORDS, IRREGULAR_PLURALS, NOT_PLURAL, type PhraseIndex } from './lexicon.js';

export let items: Item[] = [];
/** Number of items in the current sentence (the pool in `items` may be longer). */
export let n = 0;
export let doc = '';

export function setSentence(sentenceItems: Item[], length: number, text: string): void {
  items = sentenceItems;
  n = length;
  doc = text;
}

/** The item at k if it is a word. */
export function word(k: number): Item | null {
  return k < n && items[k].type === WORD ? items[k] : null;
}

/** The longest phrase of `index` in the words from item k on: [the item after it, its value], or null. */
export function phraseAt<T>(k: number, index: PhraseIndex<T>): [number, T] | null {
  const entries = word(k) && index.get(items[k].lower);
  if (!entries) return null;
  for (const [rest, value] of entries) {
    let r = 0;
    while (r < rest.length && word(k + 1 + r)?.lower === rest[r]) r++;
    if (r === rest.length) return [k + 1 + r, value];
  }
  return null;
}

/** The lowercased text of item k, '' past the end. */
export function lowerAt(k: number): string {
  return k < n ? items[k].lower : '';
}

export function isPluralWord(it: Item): boolean {
  const w = it.lower;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.length < 3 || w.charCodeAt(w.length - 1) !== 115 /* s */) return false;
  if (w.includes('\'') || w.includes('’') || NOT_PLURAL.has(w)) return false;
  return !(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ous'));
}

/** A plural noun at k that a figure before it would count (`1500 soldiers`). */
export function isCountNounAhead(k: number): boolean {
  const it = word(k);
  return !!it && it.space && isPluralWord(it) && !FUNCTION_WORDS.has(it.lower);
}
