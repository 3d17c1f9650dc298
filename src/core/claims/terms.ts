// The terms a passage is compared by: stemmed content words, the entities it names (by canonical key, so
// `DPRK` and `North Korea` meet), and its figures (by value and unit kind).
import { stemmer } from 'stemmer';
import type { EntityAnnotation, NumberAnnotation } from '../types.js';
import { REPORTING_VERBS } from '../annotators/speech-cues.js';
import { isQuantity, unitKey } from './agreement.js';
import { concept, PHRASES } from './synonyms.js';
import { DEMONYM_PLACES } from '../entities/places.js';
import { overlapping } from '../search.js';

// Function words and the words of attribution and of the reporting process (`said`, `briefing`, `asked
// to comment`): they say how a claim is reported, not what it claims.
const STOP = new Set(
  `a an the and or but if then than that this these those there here of in on at to for from by with without
  about into onto over under after before between through during since until against among within across
  is are was were be been being am do does did done doing have has had having will would shall should can
  could may might must it its it's they them their theirs we us our ours you your yours he him his she her
  hers i me my mine who whom whose which what when where why how all any both each few more most other some
  such no nor not only own same so too very just also even still yet again ever now today yesterday
  tomorrow monday tuesday wednesday thursday friday saturday sunday one ones as up down out off while
  because although though however whether per via mr mrs ms dr according report reported reports reporting
  news statement briefing press told regular new like well s t re ve ll d comment comments commented
  commenting`.split(/\s+/),
);
for (const verb of REPORTING_VERBS) STOP.add(verb);

/** Stem and synonym concept per word, remembered: news vocabulary repeats, and stemming is costly. */
const concepts = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

function conceptOf(word: string): string {
  let c = concepts.get(word);
  if (c === undefined) {
    if (concepts.size >= MAX_REMEMBERED) concepts.clear();
    concepts.set(word, (c = concept(stemmer(word))));
  }
  return c;
}

export interface Term {
  key: string;
  /** Extra weight: names and figures identify a claim more than common words do. */
  boost: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Terms of the text between `start` and `end` of a document, given the document's annotations. */
export function passageTerms(
  text: string,
  start: number,
  end: number,
  entities: EntityAnnotation[],
  numbers: NumberAnnotation[],
  entityKey: (e: Pick<EntityAnnotation, 'name' | 'label'>) => string,
): Term[] {
  const terms = new Map<string, Term>();
  const add = (key: string, boost: number) => {
    const t = terms.get(key);
    if (!t || t.boost < boost) terms.set(key, { key, boost });
  };
  // Words covered by an entity or a figure are represented by it, not by their letters.
  const covered: [number, number][] = [];
  for (const e of overlapping(entities, { start, end })) {
    add(`e:${entityKey(e)}`, 1.5);
    covered.push([e.start, e.end]);
  }
  for (const n of overlapping(numbers, { start, end })) {
    if (isQuantity(n)) add(`n:${n.value}:${unitKey(n.unit) ?? ''}`, 1.5);
    else if (n.value !== null) add(`n:${n.label}:${n.value}`, 1);
    covered.push([n.start, n.end]);
  }
  // Words and covered spans are both in text order: one sweep (testing every span for every word was
  // quadratic for a passage with thousands of figures).
  covered.sort((a, b) => a[0] - b[0]);
  let next = 0;
  let reach = -1;
  const isCovered = (offset: number) => {
    while (next < covered.length && covered[next][0] <= offset) reach = Math.max(reach, covered[next++][1]);
    return offset < reach;
  };
  let slice = text.slice(start, end).toLowerCase();
  // Multi-word synonyms become one word of the same length, so offsets stay put.
  for (const [pattern, word] of PHRASES) slice = slice.replace(pattern, (m) => word.padEnd(m.length, ' '));
  const words = [...slice.matchAll(WORD)].filter((m) => !isCovered(start + m.index!));
  for (let i = 0; i < words.length; i++) {
    const word = words[i][0].replace(/['’]s?$/, '');
    // A nationality word stands for its country (`Russian forces` / `Russia's forces`, `North Korean`).
    const pair = i + 1 < words.length ? DEMONYM_PLACES.get(`${word} ${words[i + 1][0].replace(/['’]s?$/, '')}`) : undefined;
    const place = pair ?? DEMONYM_PLACES.get(word);
    if (place) {
      add(`e:${entityKey({ name: place, label: 'PLACE' })}`, 1.5);
      if (pair) i++;
      continue;
    }
    if (word.length < 2 || STOP.has(word) || /^\d+$/.test(word)) continue;
    add(conceptOf(word), 1);
  }
  return [...terms.values()];
}
