// The terms a passage is compared by: stemmed content words in lower case, the names it mentions (a person
// by surname, a place or an organisation by canonical key, so `DPRK` and `North Korea` meet), and its
// figures (by value and unit kind).
import { stemmer } from 'stemmer';
import type { EntityAnnotation, NumberAnnotation, Span } from '../types.js';
import { REPORTING_VERBS } from '../annotators/speech-cues.js';
import { isQuantity, unitKey } from './agreement.js';
import { americanSpelling, concept, PHRASES } from './synonyms.js';
import { DEMONYM_PLACES, PLACE_NAMES } from '../entities/places.js';
import { COMMON_WORDS } from '../entities/common-words.js';
import { overlapping } from '../search.js';
import { ownCopy, SLICED_MIN } from '../analysis/compact.js';
import { StringMap } from '../stringMap.js';

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

/** Stem and synonym concept per word, remembered: news vocabulary repeats, and stemming is costly. In shards: a
 * hundred thousand words and more at 10,000 sources (see `StringMap`). */
const concepts = new StringMap<string>();
const MAX_REMEMBERED = 200_000;

function conceptOf(word: string): string {
  let c = concepts.get(word);
  if (c === undefined) {
    if (concepts.size >= MAX_REMEMBERED) concepts.clear();
    // Remembered, and a term's key: a word cut from a passage without capitals is a view of the passage's
    // words (lower-casing gave them back as they were), which it would keep alive.
    if (word.length >= SLICED_MIN) word = ownCopy(word);
    concepts.set(word, (c = concept(stemmer(americanSpelling(word)))));
  }
  return c;
}

/**
 * Whether a name is ordinary words, maybe led by a place: where the place ends (0 when there is none), or
 * -1. A title-cased headline capitalises ordinary words, and the annotator may take them for a name:
 * `School Shooting Victim`, `New Central Bank`, or a place and a verb, `Portugal Expands`. Such words are
 * compared as words (a place that leads them as the place), so that `Colorado Governor Visits …` meets
 * `Colorado governor visits …`. An acronym or a word such as `DeGeneres` is no ordinary word.
 */
function ordinaryWordsAfter(e: EntityAnnotation): number {
  if (e.label === 'PLACE' || e.name !== e.text) return -1; // a place, or a name the annotator resolved
  let at = ordinaryNames.get(e.text);
  if (at === undefined) {
    if (ordinaryNames.size >= MAX_REMEMBERED) ordinaryNames.clear();
    ordinaryNames.set(e.text, (at = findOrdinaryWords(e.text)));
  }
  return at;
}

/** `ordinaryWordsAfter` by the text of a name: names repeat across passages and documents. */
const ordinaryNames = new StringMap<number>();

function findOrdinaryWords(name: string): number {
  const words = [...name.matchAll(/\p{L}+/gu)];
  const isAcronym = (w: string) => /\p{Lu}.*\p{Lu}/u.test(w);
  const isOrdinary = (w: string) => COMMON_WORDS.has(w.toLowerCase()) && !isAcronym(w);
  // A leading place of up to three words, then ordinary words only. A name led by initials stays a name
  // (`US State Department`), so that it keys as `U.S. State Department` does.
  for (let lead = 0; lead <= Math.min(3, words.length - 1); lead++) {
    const placeEnd = lead ? words[lead - 1].index! + words[lead - 1][0].length : 0;
    if (lead && isAcronym(words[lead - 1][0])) break;
    if (lead && !PLACE_NAMES.has(name.slice(0, placeEnd).toLowerCase())) continue;
    if (words.slice(lead).every((w) => isOrdinary(w[0]))) return placeEnd;
  }
  return -1;
}

export interface Term {
  key: string;
  /** Extra weight: names and figures identify a claim more than common words do. */
  boost: number;
}

// Weights of terms relative to a common word's (tuned on the dev halves of the claims evaluation).
/** Names: people, places, organisations identify a claim more than common words do. */
const NAME_BOOST = 1.5;
/** The words of a name of several words: they are what it shares with shorter forms (`the Saints`). */
const NAME_WORD_BOOST = 0.5;
/** An amount: `crash kills 19` and `crash kills 26` are two reports, however alike their words. */
const QUANTITY_BOOST = 2;
/** A date pins a statement to a day: `… for Friday, December 6` and `… for Friday, July 12` are two items. */
const DATE_BOOST = 1.5;
/** A count written as a year of the last or this century, without a thousands separator. */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * The kind of figure a term stands for (`passageTerms` writes figures as `n:<value>:<unit>` for amounts and
 * `n:<label>:<value>` for dates, times, years…), or undefined for a term that is no figure.
 */
export function figureKind(key: string): string | undefined {
  if (!key.startsWith('n:')) return undefined;
  const second = key.indexOf(':', 2);
  const head = key.slice(2, second);
  // Amounts are one kind whatever their unit: the unit read off the next words varies between reports of one
  // count (`17 employees killed` / `78 killed`), and two different amounts still count against each other.
  return Number.isNaN(Number(head)) ? head : 'amount';
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Whether offsets fall in one of `spans` (sorted by start), asked in increasing order: one sweep, as
 * testing every span for every word was quadratic for a passage with thousands of figures.
 */
function sweep(spans: Span[]): (offset: number) => boolean {
  spans.sort((a, b) => a.start - b.start);
  let next = 0;
  let reach = -1;
  return (offset) => {
    while (next < spans.length && spans[next].start <= offset) reach = Math.max(reach, spans[next++].end);
    return offset < reach;
  };
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** A person's term by the text of the mention (in shards, as `concepts`). */
const surnames = new StringMap<string>();

/**
 * The term a name is compared by. A person goes by the surname, as news prose refers to them after the
 * first mention (`Bill de Blasio` / `De Blasio`, `Sylvester Stallone` / `Sly Stallone`); a one-word name
 * keys as the word would, so that a mention the annotator missed still meets it; others by canonical key
 * (`DPRK` / `North Korea`).
 */
function entityTerm(e: EntityAnnotation, entityKey: (e: Pick<EntityAnnotation, 'name' | 'label'>) => string): string {
  if (e.label === 'PERSON') {
    let surname = surnames.get(e.text);
    if (surname === undefined) {
      if (surnames.size >= MAX_REMEMBERED) surnames.clear();
      const words = e.text.toLowerCase().replace(/['’]s?$/, '').match(/\p{L}[\p{L}'’-]*/gu) ?? [];
      while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1])) words.pop();
      surnames.set(e.text, (surname = words.length ? conceptOf(words[words.length - 1]) : ''));
    }
    if (surname) return surname;
  }
  const key = entityKey(e);
  if (e.label !== 'PLACE' && !key.includes(' ')) return conceptOf(e.text.toLowerCase().replace(/['’]s?$/, ''));
  return `e:${key}`;
}

/** Every phrase of `PHRASES` in one pattern, so a passage is scanned once (they have no capturing groups). */
const ANY_PHRASE = new RegExp(PHRASES.map(([pattern]) => `(${pattern.source})`).join('|'), 'g');

/** The word standing for a phrase `ANY_PHRASE` matched, padded to its length. */
function phraseWord(match: string, ...groups: unknown[]): string {
  const k = groups.findIndex((g) => g !== undefined);
  return PHRASES[k][1].padEnd(match.length, ' ');
}

/** Terms of a passage of a document: its `written` words (the document's text from `start` to `end`), given the document's annotations. */
export function passageTerms(
  written: string,
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
  // Words covered by a figure, a place or a one-word name are represented by it, not by their letters; the
  // words of a longer name count a little too, so that `the Saints` meets `the New Orleans Saints`.
  const hidden: Span[] = [];
  const named: Span[] = [];
  for (const e of overlapping(entities, { start, end })) {
    const placeEnd = ordinaryWordsAfter(e);
    if (placeEnd > 0) {
      add(`e:${entityKey({ name: PLACE_NAMES.get(e.text.slice(0, placeEnd).toLowerCase())!, label: 'PLACE' })}`, NAME_BOOST);
      hidden.push({ start: e.start, end: e.start + placeEnd });
    }
    if (placeEnd >= 0) continue;
    add(entityTerm(e, entityKey), NAME_BOOST);
    (e.label !== 'PLACE' && /\s/.test(e.text) ? named : hidden).push(e);
  }
  for (const n of overlapping(numbers, { start, end })) {
    // `2014 Oscars` is a year, however a count it looks; `Oscars in 2014` says so.
    if (n.label === 'count' && YEAR.test(n.text)) add(`n:year:${n.value}`, 1);
    else if (isQuantity(n)) add(`n:${n.value}:${unitKey(n.unit) ?? ''}`, QUANTITY_BOOST);
    else if (n.value !== null) add(`n:${n.label}:${n.value}`, n.label === 'date' ? DATE_BOOST : 1);
    hidden.push(n);
  }
  const isHidden = sweep(hidden);
  const isNamed = named.length ? sweep(named) : () => false;
  let slice = written.toLowerCase();
  // Multi-word synonyms become one word of the same length, so offsets stay put.
  slice = slice.replace(ANY_PHRASE, phraseWord);
  const words = [...slice.matchAll(WORD)].filter((m) => !isHidden(start + m.index!));
  for (let i = 0; i < words.length; i++) {
    const word = words[i][0].replace(/['’]s?$/, '');
    if (isNamed(start + words[i].index!)) {
      if (word.length > 1 && !STOP.has(word)) add(conceptOf(word), NAME_WORD_BOOST);
      continue;
    }
    // A nationality word stands for its country (`Russian forces` / `Russia's forces`, `North Korean`).
    const pair = i + 1 < words.length ? DEMONYM_PLACES.get(`${word} ${words[i + 1][0].replace(/['’]s?$/, '')}`) : undefined;
    const place = pair ?? DEMONYM_PLACES.get(word);
    if (place) {
      add(`e:${entityKey({ name: place, label: 'PLACE' })}`, NAME_BOOST);
      if (pair) i++;
      continue;
    }
    // A compound written with a hyphen counts whole too, so that `bail-out` meets `bailout` (and `fast food` `fast-food`).
    const next = words[i + 1];
    if (next && next.index === words[i].index! + words[i][0].length + 1 && slice[next.index - 1] === '-' && /^\p{L}+$/u.test(word) && /^\p{L}+$/u.test(next[0])) {
      add(conceptOf(word + next[0]), 1);
    }
    if (word.length < 2 || STOP.has(word) || /^\d+$/.test(word)) continue;
    add(conceptOf(word), 1);
  }
  return [...terms.values()];
}
