// Numeric claims: counts, amounts of money, percentages, measures, ordinals, years, dates, times and ranges.
//
// One left-to-right pass per sentence over the items of `numbers/items.ts` (tokens regrouped so that
// `10,000`, `$1.2bn` and `12%` are single items). At each item the matcher tries a date or time phrase
// (`numbers/dates.ts`), then a quantity (optional qualifier + amount + optional range + unit); a match consumes
// its items, so the annotations come out sorted and never overlap. Lexicons are Maps/Sets (`numbers/lexicon.ts`).
//
// Span and unit rules
// - The span runs from the qualifier (`over`, `more than`, `an estimated`, `between` for ranges) through the
//   figure and its multiplier, currency sign and percent sign. Inclusive bounds are qualifiers too (`less than
//   or equal to 30`, `greater than or equal to 50`), and an open bound after the figure is in the span with
//   `approx` holding it (`500 or more people` → span `500 or more`, unit `people`; `10 km or more`, `18 and over`).
// - Counts: the counted noun is NOT in the span; it goes into `unit` (`over 10,000 DPRK soldiers` → span
//   `over 10,000`, unit `soldiers`). The unit is the first plural-looking word among the next four words
//   (stopping at punctuation, figures and function words), so modifiers are skipped: `DPRK soldiers` →
//   `soldiers`, `ground forces` → `forces`. When that word is capitalised, the capitalised words right before
//   it are kept with it and the case is kept (`11,000 North Koreans` → `North Koreans`); otherwise the unit is
//   lowercased. With the figure 1 the first lowercase word is taken (`one North Korean soldier` → `soldier`),
//   with `-strong` the next word (`50,000-strong force` → `force`).
// - Money, percents and measures: the unit words ARE in the span (`5 million dollars`, `12 percent`,
//   `hundreds of square miles`, `three-year`); `unit` is an ISO currency code, `%` (or `percentage points`),
//   or the measure words as written, lowercased (`square miles`, `year`, `weeks`); a rate keeps both units
//   (`30 miles per gallon` → unit `miles per gallon`). Currency names of several
//   words and signs written after the amount are in the span (`420 million Finnish markka` → FIM, `10 Hong Kong
//   dollars` → HKD, `10 €`); a name that fits several currencies (`pesos`, `dinars`) needs its adjective
//   (`Mexican pesos` → MXN), else the figure is a count. A sign followed by a figure is that figure's (`5 $10
//   bills`). Cents may go unnamed at the end of a clause: `15 dollars 50`, `thirteen dollars forty five` → 13.45.
// - Vague amounts: `hundreds of` → 100, `thousands of` → 1000, `tens of thousands` → 10000, `dozens of` → 12,
//   `a couple of` → 2, `several hundred` → 100; `approx` holds the vague phrase (`tens of`, `hundreds of`,
//   `several`). The trailing `of` is left out of a count's span (`tens of thousands`), kept inside a
//   measure's or money's span (`hundreds of square miles`). An explicit qualifier wins over the vague phrase.
// - Ranges: `10 to 15`, `between 10 and 15`, `10-15`, `$10-15 million` → label `range`, value = lower,
//   `upper` = upper, unit as for the bounds. A scale on the upper bound applies to a bare lower bound
//   (`10 to 15 million` → 10e6..15e6). Descending pairs (`3-1` scores, `from 10 to 5`) are not ranges. Two
//   bounds that close an interval are a range too (`over 18 and under 60` → 18..60, approx null).
// - Fractions: `two thirds`, `a third of`, `one fifth`, `three and a half`, `2 1/2`, `1½`, `half a million`, `half
//   a dozen` (6), `one million and a half` and `3 million and a quarter` (a fraction of the scale: 1.5e6, 3.25e6;
//   not before `of`: `2 million and a third of them`) (a singular ordinal-like denominator before a noun is an
//   ordinal: `a third party`); any whole number in words over a plural denominator (`twenty fifths` → 4, `a
//   hundred trillionths` → 1e-10, `one hundred and thirty fifths` → 26, `two hundredths`), and `one` over a
//   singular one where no noun follows (`one twenty-fifth` → 0.04; `seconds` stays a time unit); shares (`one in
//   five adults` → 0.2, unit `adults`; `two out of five`); spoken decimals (`three point five million`). A smaller
//   unit after money or a measure adds to it: `13 dollars and 45 cents` → 13.45, `6 feet 2 inches` → 6.1667 feet.
// - Years: a bare four-digit figure 1000–2100 is a year unless a plural noun follows and no year preposition
//   (`in`, `since`, `by`…) precedes it (`1500 soldiers` is a count). `1990s`, `1990's` and the detokenised
//   `1990 s` are the year 1990. A range of years is a year, the first (`between 2014 and 2018` → 2014).
//   A year said in words is a year after a month or a day (`13 Sept nineteen seventy two`, `August two
//   thousand and fifteen`) or after `in`, `since`, `by`… (`in nineteen ninety six`; not a bare `in two
//   thousand`, as often a count, nor one before a counted noun).
// - Dates (value = yyyymmdd as a number when the year is written, else mmdd; month-only dates use day 00: `June
//   2024` → 20240600, `in August` → 800): `Nov. 13`, `Nov. 13, 2024`, `13 Nov 2024`, `June 19th`, `2024-11-13`,
//   `11/13/2024`, `22/04`, `March eighteenth`; a month of a year in figures: `2015-3`, `2015-03`, `12-2015`,
//   `3/2015` → 20150300 (not `2011-12`, mostly a season or fiscal year). `May`, `March` and bare abbreviations
//   need a day or year next to them. Weekdays (`Tuesday`), holidays (`Christmas Day`), relative and recurring
//   dates (`next Monday`, `last week`, `next week Mon`, `this weekend`, `tomorrow morning`, `every Tuesday`,
//   `daily`, `three times a week`, `two weeks before Christmas`) are dates with value null; `today` and `now`
//   alone are not reported (mostly `nowadays`: `Today, Russia is…`). `the past two weeks` is a measure (2 weeks),
//   not a date. A part of a period keeps the value and label of what it is part of: `the last week of July` → 700,
//   `mid-November` → 1100, `the end of 2008` and `the first half of 2024` → the year. A date that needs its `the`
//   takes it: one that starts with an ordinal (`the 18th of May`, `the last week of July`) and `the next day`;
//   where `the` may go, it stays out (`end of 2008`, `next quarter`, `the June 19 summit`).
// - Open bounds: a bound before a date, time or year is in its span (`since August`, `after 2010`, `before
//   4 pm`, `no later than Friday`, `starting on January 7th`), and so is one after it (`2012 or later`,
//   `2020 onwards`); label and value stay the date's. `in`, `on` and `by` are not bounds and stay out.
// - Offsets from now are relative dates (value null; label time for hours and minutes): `2 days ago`, `three
//   weeks later`, `a year earlier`, `30 minutes from now`, `an hour later`. A bare duration stays a measure
//   (`for 3 days`, `about a week after the talks`), and so does one after `in` (`the first time in two years`).
// - Times (value = minutes after midnight): `5:35 a.m. ET`, `06:58 AM IST`, `5 p.m.`, `5pm`, `8.30pm`, `noon`,
//   `midnight`, `four o'clock`, `5 in the morning`; the am/pm marker and an uppercase time-zone abbreviation
//   are in the span, the zone is the unit.
// - Combined: a day with its time is one date with the day's value (`Thursday 1 pm`, `Nov. 13, 2024 at 5:35
//   a.m. ET` → 20241113, `8 a.m. on Nov. 5`, and with a bound on the time: `Tuesday after 1pm`, `tomorrow
//   before 5pm`, `Friday by noon`); a dateline's comma keeps them apart (`13 Nov 2024, 06:58 AM`).
//   A range of dates or times has the label and value of its first end: `from March to May` → date 300,
//   `9 to 12 June` → 609, `from 5 to 6pm` → time 1020 (the bare end takes the other's am/pm). No `upper`:
//   that is for ranges of amounts.
// - Number words split by a detokenised hyphen are one number: `fifty - two` → 52 (a ten, then a unit 1–9).
// - Ordinals: `first` … `trillionth`, `twenty-first`, `21st`, `third-largest` → value = the rank.
// - Not reported: figures inside names (`Hwasong-19`, `F-16`, `COVID-19`, `G7` are words, not figures; a bare
//   integer right after a capitalised non-function word is a model or article number: `Boeing 737`,
//   `Article 5`, `Resolution 2231`), numbers after `No.`/`#`, phone-like digit groups, `0/250`-style
//   counters, figures glued to letters (`5G`, `250자`), and `one` as a pronoun (`one of them`, `no one`,
//   `one another`). Times are never counts.
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import type { TokenizedDocument } from '../tokens.js';
import type { NumberAnnotation, NumberLabel } from '../types.js';
import { type Item, ItemBuffer, NUMERIC, PUNCT, WORD } from './numbers/items.js';
import {
  AMOUNT_BOUNDS_AFTER, CURRENCY_ADJECTIVES, CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_ONLY_GLUED_SCALES,
  CURRENCY_PREFIXES, CURRENCY_SIGNS, CURRENCY_WORDS, DATE_BOUNDS_AFTER, DATE_BOUNDS_BEFORE, DAY_HEADS,
  FRACTION_WORDS, FUNCTION_WORDS, GLUED_SCALES, GLUED_UNITS, MEASURES, MONTHS, ONE_PREVIOUS_STOPWORDS, ONE_STOPWORDS,
  ORDINALS, ORDINAL_SUFFIXES, PERCENT_WORDS, PERIOD_ORDINALS, QUALIFIERS, SCALES, SMALL_NUMBERS, TENS, VAGUE_PLURALS,
  WEAK_UNITS, WEEKDAYS, YEAR_PREPOSITIONS,
} from './numbers/lexicon.js';
import { caseRoles, readTemporal, rolesOf, spelledYearAt, TEMPORAL_ROLES, TEMPORAL_WORDS } from './numbers/dates.js';
import { doc, isCountNounAhead, isPluralWord, items, lowerAt, n, phraseAt, setSentence, word } from './numbers/sentence.js';

/** An amount as read at one position: the figure, how it was written and what was glued to it. */
interface Amount {
  /** Exclusive end item index. */
  j: number;
  value: number;
  /** The scale word or suffix that multiplied the figure (`million` → 1e6), 1 when none. */
  scale: number;
  currency: string | null;
  percent: boolean;
  /** Measure unit glued to or hyphenated with the figure (`km`, `year`). */
  measure: string | null;
  /** Word after a hyphen that is not a measure (`50-member`, `50,000-strong`). */
  hyphenWord: string | null;
  ordinal: boolean;
  /** A bare integer numeral: one item, digits only. */
  plain: boolean;
  intDigits: number;
  decade: boolean;
  /** Where the span ends when it is not at the end of the last item (`1990 s.`: before the full stop). */
  endChar: number;
  /** Vague phrase (`hundreds of`, `several`). */
  vague: string | null;
  /** The word `one` on its own. */
  one: boolean;
  upper: number | null;
}

function newAmount(j: number, value: number): Amount {
  return {
    j, value, scale: 1, currency: null, percent: false, measure: null, hyphenWord: null, ordinal: false,
    plain: false, intDigits: 0, decade: false, endChar: -1, vague: null, one: false, upper: null,
  };
}

let out: NumberAnnotation[] = [];
const buffer = new ItemBuffer();

function emit(label: NumberLabel, i: number, j: number, value: number | null, unit: string | null,
  approx: string | null, upper?: number | null, end = items[j - 1].end): void {
  const start = items[i].start;
  const text = doc.slice(start, end);
  // Two literals rather than `upper` added afterwards: V8 keeps a literal's shape, but forgets an added
  // property's at a full garbage collection when no object has it, and drops the code that met it.
  out.push(upper != null
    ? { kind: 'number', label, start, end, text, value, unit, approx, upper }
    : { kind: 'number', label, start, end, text, value, unit, approx });
}

// ------------------------------------------------------------------------------------- dates and times

function tryTemporal(i: number, roles: number): number {
  const stamp = readTemporal(i, roles);
  if (!stamp) return -1;
  return emitTemporal(stamp.label, stamp.start, stamp.end, stamp.value, stamp.unit);
}

/**
 * Emits a date, time or year with the open bounds around it (`since August`, `2012 or later`) and, before a
 * date that starts with an ordinal or a period word, its `the` (`the 18th`, `the last week of July`).
 * Returns the item the span ends before.
 */
function emitTemporal(label: NumberLabel, i: number, j: number, value: number | null, unit: string | null, end = items[j - 1].end): number {
  let start = label !== 'time' && theBelongs(i) && isFreeWord(i - 1) && items[i - 1].lower === 'the' ? i - 1 : i;
  start = boundBefore(start);
  const after = boundAfter(j);
  if (after > j) {
    j = after;
    end = items[j - 1].end;
  }
  emit(label, start, j, value, unit, null, null, end);
  return j;
}

/** A word at k that no annotation has taken. */
function isFreeWord(k: number): boolean {
  return k >= 0 && items[k].type === WORD && (out.length === 0 || out[out.length - 1].end <= items[k].start);
}

/**
 * A date starting at item i that needs the `the` before it: an ordinal (`the 18th`, `the last week of July`) or
 * `next`, `following`, `previous` with `day` (`the next day`; `next day` alone is another phrase). Where `the`
 * may go (`end of 2008`, `next quarter`), it stays out.
 */
function theBelongs(i: number): boolean {
  const it = items[i];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    return !!num && ORDINAL_SUFFIXES.has(num.suffix);
  }
  return ORDINALS.has(it.lower) || PERIOD_ORDINALS.has(it.lower) || (DAY_HEADS.has(it.lower) && lowerAt(i + 1) === 'day');
}

/** The start of an open bound before item i (`since`, `no later than`), or i. */
function boundBefore(i: number): number {
  if (!isFreeWord(i - 1)) return i;
  const rests = DATE_BOUNDS_BEFORE.get(items[i - 1].lower);
  if (!rests) return i;
  for (const [rest] of rests) {
    const from = i - 1 - rest.length;
    if (from < 0 || !isFreeWord(from)) continue;
    let ok = true;
    for (let r = 0; r < rest.length && ok; r++) ok = items[from + r].type === WORD && items[from + r].lower === rest[r];
    if (ok) return from;
  }
  return i;
}

/** The end of an open bound after item j (`or later`, `onwards`), or j. */
function boundAfter(j: number): number {
  const w = word(j);
  const rest = w && w.space ? DATE_BOUNDS_AFTER.get(w.lower) : undefined;
  if (!rest) return j;
  if (rest.length === 0) return j + 1;
  // not the start of another bound: `2018 or later than 2020`
  const next = word(j + 1);
  return next && rest.includes(next.lower) && lowerAt(j + 2) !== 'than' ? j + 2 : j;
}

// -------------------------------------------------------------------------------------------- amounts

/** Consumes scale words after a figure (`2.5 million`, `two hundred thousand`). */
function applyScales(a: Amount): void {
  while (a.j < n && items[a.j].type === WORD) {
    const s = SCALES.get(items[a.j].lower);
    if (!s) break;
    a.value *= s;
    a.scale *= s;
    a.j++;
  }
}

/** Reads a hyphen suffix (`-year`, `-year-old`, `-strong`, `-member`) into the amount. */
function applyHyphen(a: Amount, rest: string): boolean {
  if (rest === '') return true;
  const first = rest.split('-')[0];
  if (MEASURES.has(first) || GLUED_UNITS.has(first)) a.measure = rest;
  else if (/^[a-z]+(-[a-z]+)*$/.test(rest)) a.hyphenWord = rest;
  else return false;
  return true;
}

/** Number words from item k on: `twenty-five`, `two hundred and fifty thousand`, `two dozen`. */
function readNumberWords(k: number, leadingA = false): Amount | null {
  let total = 0;
  let cur = 0;
  let last = ''; // '', 'unit', 'tens', 'hundred', 'scale'
  let j = k;
  let any = leadingA; // `a hundred`: the article stands for one
  let hyphenRest = '';
  let ordinal = false;
  let scale = 1;
  while (j < n && (items[j].type === WORD || (j > k && items[j].lower === '-')) && (j === k || items[j].space)) {
    const lower = items[j].lower;
    if (lower === '-') {
      // `fifty - two`: a compound split by a detokenised hyphen
      const unit = last === 'tens' && items[j + 1]?.space ? SMALL_NUMBERS.get(lowerAt(j + 1)) : undefined;
      if (unit === undefined || unit < 1 || unit > 9) break;
      cur += unit;
      last = 'unit';
      j += 2;
      continue;
    }
    const parts = lower.includes('-') ? lower.split('-') : null;
    if (parts) {
      // `twenty-five`, `three-year`, `twenty-first`, `three-year-old`, `two-thirds`
      if (any && !(last === 'hundred' || last === 'scale' || (last === '' && leadingA))) break;
      const den = parts.length === 2 && !any ? FRACTION_WORDS.get(parts[1]) : undefined;
      const numer = den ? SMALL_NUMBERS.get(parts[0]) : undefined;
      if (den && numer && numer < den + 6) {
        const f = newAmount(j + 1, numer / den);
        return f;
      }
      let v = 0;
      let p = 0;
      let partLast = '';
      for (; p < parts.length; p++) {
        const s = SMALL_NUMBERS.get(parts[p]);
        const t = TENS.get(parts[p]);
        if (t !== undefined && partLast === '') { v += t; partLast = 'tens'; continue; }
        if (s !== undefined && (partLast === '' || (partLast === 'tens' && s < 10))) { v += s; partLast = 'unit'; continue; }
        const o = ORDINALS.get(parts[p]);
        if (o !== undefined && (partLast === '' || (partLast === 'tens' && o < 10))) { v += o; ordinal = true; p++; break; }
        break;
      }
      if (p === 0) return null;
      cur += v;
      any = true;
      j++;
      hyphenRest = parts.slice(p).join('-');
      if (ordinal || hyphenRest) break;
      last = 'tens';
      continue;
    }
    if (any && last === 'unit' && cur > 0 && cur < 20 && total === 0 && (FRACTION_WORDS.has(lower) || denominatorOf(lower, cur > 1) > 0)) {
      // `two thirds`, `one fifth`
      const f = j - 1 === k ? fractionWordsAt(k) : null;
      if (f) return ofScale(newAmount(f.end, f.value));
    }
    if (lower === 'and' && last !== '' && last !== 'fraction') {
      // `three and a half`, `one hundred and three and two thirds`
      const f = fractionWordsAt(j + 1);
      if (f) {
        // `one million and a half`: a fraction of the scale, not of one (`2 million and a third of them`: of them)
        if (last === 'scale' && cur === 0) {
          if (lowerAt(f.end) === 'of') break;
          total += f.value * scale;
        } else cur += f.value;
        last = 'fraction';
        j = f.end;
        continue;
      }
    }
    // `three point five million`; not `at one point`, the idiom
    if (lower === 'point' && any && last !== 'fraction' && !(j === k + 1 && k > 0 && items[k - 1].lower === 'at')) {
      const d = spokenDecimalsAt(j + 1);
      if (d) {
        cur += d.value;
        last = 'fraction';
        j = d.end;
        continue;
      }
    }
    if (last === 'fraction' && !SCALES.has(lower)) break;
    if (lower === 'dozens' && any && last !== 'scale') {
      // `three dozens`
      cur *= 12;
      last = 'scale';
      j++;
      continue;
    }
    const s = SMALL_NUMBERS.get(lower);
    if (s !== undefined) {
      if (last === 'unit' || (last === 'tens' && s >= 10)) break;
      cur += s;
      last = 'unit';
      any = true;
      j++;
      continue;
    }
    const t = TENS.get(lower);
    if (t !== undefined) {
      if (last === 'unit' || last === 'tens') break;
      cur += t;
      last = 'tens';
      any = true;
      j++;
      continue;
    }
    const sc = SCALES.get(lower);
    if (sc !== undefined && any && lower.length > 3) {
      if (sc === 100) { cur = (cur || 1) * 100; last = 'hundred'; }
      else { total += (cur || 1) * sc; cur = 0; last = 'scale'; scale = sc; }
      j++;
      continue;
    }
    if (lower === 'and' && (last === 'hundred' || last === 'scale') && j + 1 < n &&
      (SMALL_NUMBERS.has(items[j + 1].lower) || TENS.has(items[j + 1].lower.split('-')[0]))) {
      j++;
      continue;
    }
    const o = ORDINALS.get(lower);
    if (o !== undefined && (last === 'tens' || last === 'hundred' || last === 'scale')) {
      cur += o < 100 ? o : 0;
      if (o >= 100) cur = (cur || 1) * o;
      ordinal = true;
      j++;
      break;
    }
    break;
  }
  if (!any) return null;
  // `twenty fifths`, `a hundred trillionths`, `one hundred and thirty fifths`: the whole number over the denominator
  // (the singular after `one` only where no noun follows, as in `one twenty-fifth`: else an ordinal may start)
  const whole = total + cur;
  const den = !ordinal && !hyphenRest && last !== 'fraction' && whole >= 1 && j < n && items[j].space ? denominatorOf(items[j].lower, whole > 1) : 0;
  if (den > 0 && (whole > 1 || !word(j + 1))) return newAmount(j + 1, whole / den);
  const a = newAmount(j, total + cur);
  a.scale = scale;
  a.ordinal = ordinal;
  a.one = j === k + 1 && items[k].lower === 'one';
  if (!ordinal && !applyHyphen(a, hyphenRest)) return null;
  return a;
}

/**
 * The denominator a fraction word names, or 0: `fifths` → 5, `hundredths` → 100, `trillionths`, `twenty-fifths`
 * → 25; `plural` asks for the plural (`fifths`), else the singular (`fifth`). `seconds` is a time unit and
 * `firsts` no fraction.
 */
function denominatorOf(lower: string, plural: boolean): number {
  if (plural !== (lower.charCodeAt(lower.length - 1) === 115 /* s */)) return 0;
  const w = plural ? lower.slice(0, -1) : lower;
  if (w === 'second' || w === 'first') return 0;
  const f = FRACTION_WORDS.get(w) ?? ORDINALS.get(w);
  if (f !== undefined) return f;
  const dash = w.indexOf('-');
  if (dash < 0) return 0;
  const tens = TENS.get(w.slice(0, dash));
  const unit = ORDINALS.get(w.slice(dash + 1));
  return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : 0;
}

/**
 * A part of an amount read after it: its value and the item it ends before. An object, not a pair: an array
 * holding a fraction would store the index as a double too, and the matcher's loop index would follow.
 */
interface Part {
  value: number;
  end: number;
}

/**
 * A fraction in words from item k: `a half`, `a third`, `one fifth`, `two thirds`, `three quarters`. The singular
 * goes with one (`one third`, not `two third`); an ordinal-like singular before a noun is an ordinal (`a third party`).
 */
function fractionWordsAt(k: number): Part | null {
  const first = lowerAt(k);
  const numer = first === 'a' || first === 'an' ? 1 : SMALL_NUMBERS.get(first);
  const denWord = lowerAt(k + 1);
  if (numer === undefined || numer < 1 || k + 1 >= n || !items[k + 1].space) return null;
  // the singular goes with one, the plural with more (`quarter`, `half` stand for their own plurals too)
  const plural = denWord.charCodeAt(denWord.length - 1) === 115; /* s */
  if (plural !== numer > 1) return null;
  const den = FRACTION_WORDS.get(denWord) ?? denominatorOf(denWord, plural);
  if (!den) return null;
  const next = word(k + 2);
  if (!plural && ORDINALS.has(denWord) && next && next.space && !FUNCTION_WORDS.has(next.lower) &&
    !SCALES.has(next.lower) && measureAt(k + 2) < 0) return null;
  return { value: numer / den, end: k + 2 };
}

/** The digits after a spoken `point`: `five`, `nought three`, `seventy-one`: a value below 1. */
function spokenDecimalsAt(k: number): Part | null {
  let digits = '';
  let j = k;
  for (; j < n && items[j].type === WORD && items[j].space; j++) {
    const lower = items[j].lower;
    const d = DIGIT_WORDS.get(lower);
    if (d !== undefined) { digits += d; continue; }
    // `point seventy-one`, `point eleven`: one two-digit word
    const pair = digits === '' ? twoDigitWord(lower) : -1;
    if (pair >= 0) { digits = String(pair); j++; }
    break;
  }
  return digits ? { value: Number(`0.${digits}`), end: j } : null;
}

/** `eleven` … `ninety-nine` as a number, else -1. */
function twoDigitWord(lower: string): number {
  const dash = lower.indexOf('-');
  if (dash < 0) {
    const v = SMALL_NUMBERS.get(lower) ?? TENS.get(lower) ?? -1;
    return v >= 10 ? v : -1;
  }
  const tens = TENS.get(lower.slice(0, dash));
  const unit = SMALL_NUMBERS.get(lower.slice(dash + 1));
  return tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? tens + unit : -1;
}
const DIGIT_WORDS = new Map<string, number>([['zero', 0], ['nought', 0], ['naught', 0], ['oh', 0], ['one', 1], ['two', 2],
  ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9]]);

/** `one in five`, `3 in 10`, `two out of five`: the share, with what follows as its unit (`one in five adults`). */
function addShare(a: Amount): void {
  const link = lowerAt(a.j);
  const at = link === 'in' ? a.j + 1 : link === 'out' && lowerAt(a.j + 1) === 'of' ? a.j + 2 : -1;
  if (at < 0 || a.currency || a.percent || a.measure || a.ordinal || a.upper !== null || !Number.isInteger(a.value)) return;
  const b = parseAmount(at);
  // `1 in 2019` is a year
  if (!b || b.currency || b.percent || b.measure || b.ordinal || b.upper !== null || b.decade) return;
  if (b.plain && b.intDigits === 4) return;
  // a share has a small round base (`9 out of 10`); `750,000 out of 2.2 million` keeps its counts
  if (!Number.isInteger(b.value) || b.value <= a.value || b.value > 1000 || a.scale > 1 || b.scale > 1) return;
  // `3 in 10 days`, `2 in 5 percent`: a time or an amount, not a share
  const after = lowerAt(b.j);
  if (measureAt(b.j) > 0 || PERCENT_WORDS.has(after) || CURRENCY_WORDS.has(after)) return;
  a.value /= b.value;
  a.j = b.j;
  a.plain = false;
  a.one = false;
}

/** `two thirds of a million`, `a quarter of a billion`: the fraction times the scale. */
function ofScale(a: Amount): Amount {
  const article = lowerAt(a.j + 1) === 'a' || lowerAt(a.j + 1) === 'an';
  const s = lowerAt(a.j) === 'of' && article ? SCALES.get(lowerAt(a.j + 2)) : undefined;
  if (s && s >= 1000) {
    a.value *= s;
    a.scale = s;
    a.j += 3;
  }
  return a;
}

/** `half a million`, `quarter million`, `half an hour` (the measure is read after the amount). */
function halfOrQuarter(k: number): Amount | null {
  const f = items[k].lower === 'half' ? 0.5 : 0.25;
  let j = k + 1;
  const article = lowerAt(j) === 'a' || lowerAt(j) === 'an';
  if (article) j++;
  const s = SCALES.get(lowerAt(j));
  // `half a million`, `half a dozen` (6)
  if (s && (s >= 1000 || (s === 12 && article))) {
    const a = newAmount(j + 1, f * s);
    a.scale = s;
    return a;
  }
  if (article && f === 0.5 && measureAt(j) > 0) return newAmount(j, f);
  return f === 0.25 && lowerAt(k + 1) === 'of' ? ofScale(newAmount(k + 1, f)) : null;
}

/** After a whole figure: `3 and a half`, `2 1/4`. */
function addFraction(a: Amount): void {
  if (!a.plain) return;
  let f: Part | null = null;
  if (lowerAt(a.j) === 'and') f = fractionWordsAt(a.j + 1);
  else if (a.j < n && items[a.j].type === NUMERIC && items[a.j].space && items[a.j].text.includes('/')) {
    const num = items[a.j].numeric();
    if (num && num.kind === 'number' && num.value < 1) f = { value: num.value, end: a.j + 1 };
  }
  if (!f) return;
  a.value += f.value;
  a.j = f.end;
  a.plain = false;
}

function parseAmount(k: number): Amount | null {
  if (k >= n) return null;
  const it = items[k];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (!num || (num.kind !== 'number' && num.kind !== 'range' && num.kind !== 'decade')) return null;
    // `0/250`, `(202) 555`: figures glued to slashes are counters or codes
    if ((k > 0 && !it.space && items[k - 1].lower === '/') || (k + 1 < n && !items[k + 1].space && items[k + 1].lower === '/')) return null;
    if (k > 0 && (items[k - 1].lower === 'no.' || items[k - 1].lower === '#')) return null;
    const a = newAmount(k + 1, num.value);
    a.currency = num.currency;
    a.plain = num.plain;
    a.intDigits = num.intDigits;
    if (num.kind === 'range') a.upper = num.upper;
    if (num.kind === 'decade') { a.decade = true; return a; }
    // `the 1990 s`: a decade with the `s` detached, as in detokenised text
    const after = lowerAt(k + 1);
    if (num.plain && num.intDigits === 4 && num.value % 10 === 0 && (after === 's' || after === 's.') && items[k + 1].space) {
      a.decade = true;
      a.j = k + 2;
      a.endChar = items[k + 1].start + 1;
      return a;
    }
    const suffix = num.suffix;
    if (suffix !== '') {
      let s: number | undefined;
      if (suffix === '%') a.percent = true;
      else if (ORDINAL_SUFFIXES.has(suffix) && num.intDigits > 0 && Number.isInteger(num.value) && num.currency === null) a.ordinal = true;
      else if ((s = GLUED_SCALES.get(suffix) ?? (num.currency ? CURRENCY_ONLY_GLUED_SCALES.get(suffix) : undefined))) {
        a.value *= s;
        if (a.upper !== null) a.upper *= s;
        a.scale = s;
      } else if (CURRENCY_WORDS.has(suffix) && suffix.length > 1 || suffix === 'p' || suffix === '元') {
        if (a.currency) return null;
        a.currency = CURRENCY_WORDS.get(suffix)!;
        if (suffix === 'p' || suffix.startsWith('cent') || suffix === 'pence') a.value /= 100;
      } else if (GLUED_UNITS.has(suffix) || suffix === 'm2' || suffix === 'm²' || suffix === 'rad') a.measure = suffix;
      else if (suffix.charCodeAt(0) === 45 || suffix.charCodeAt(0) === 8211) {
        if (!applyHyphen(a, suffix.slice(1))) return null;
      } else return null;
      return a;
    }
    addFraction(a);
    applyScales(a);
    // `3 million and a quarter`: a fraction of the scale
    if (a.scale >= 1000 && a.upper === null && lowerAt(a.j) === 'and') {
      const f = fractionWordsAt(a.j + 1);
      if (f && lowerAt(f.end) !== 'of') {
        a.value += f.value * a.scale;
        a.j = f.end;
      }
    }
    if (a.scale === 1 && lowerAt(a.j) === 'dozens') { a.value *= 12; a.scale = 12; a.j++; }
    if (a.upper !== null) a.upper *= a.scale;
    if (lowerAt(a.j) === '%') { a.percent = true; a.j++; }
    return a;
  }
  if (it.type !== WORD) return null;
  const lower = it.lower;
  // a currency sign standing apart: `$ 75 million`, `hk $ 10.05`, `c $ 16.4`
  // a code glued to the sign: `cad$ 15`, `mxn$ 15`
  const gluedSign = lower.length > 1 && lower.endsWith('$');
  if (k + 1 < n && (lower === '$' || gluedSign || (lower.length <= 3 && lowerAt(k + 1) === '$'))) {
    const signEnd = lower === '$' || gluedSign ? k + 1 : k + 2;
    const sign = lower === '$' || gluedSign ? lower : lower + '$';
    const prefix = CURRENCY_PREFIXES.find(([s]) => s === sign);
    if (prefix && signEnd < n && items[signEnd].type === NUMERIC) {
      const a = parseAmount(signEnd);
      if (a && !a.currency && !a.percent && !a.ordinal && !a.measure) {
        a.currency = prefix[1];
        a.plain = false;
        return a;
      }
    }
    return null;
  }
  if ((lower === '€' || lower === '£' || lower === '¥') && k + 1 < n && items[k + 1].type === NUMERIC) {
    const a = parseAmount(k + 1);
    if (a && !a.currency && !a.percent && !a.ordinal && !a.measure) {
      a.currency = CURRENCY_PREFIXES.find(([s]) => s === lower)![1];
      a.plain = false;
      return a;
    }
    return null;
  }
  // currency code before the figure: `USD 5 million`, `EUR 125`
  const code = CURRENCY_CODES.get(lower);
  if (code && it.text === it.text.toUpperCase() && k + 1 < n && items[k + 1].type === NUMERIC) {
    const a = parseAmount(k + 1);
    if (a && !a.currency && !a.percent && !a.ordinal && !a.measure) {
      a.currency = code;
      a.plain = false;
      return a;
    }
    return null;
  }
  if (lower === 'a' || lower === 'an') {
    const next = lowerAt(k + 1);
    if (next === 'couple') {
      const a = newAmount(k + 2, 2);
      a.vague = lowerAt(k + 2) === 'of' ? 'a couple of' : 'a couple';
      if (SCALES.has(lowerAt(k + 2))) { a.vague = 'a couple'; applyScales(a); a.scale = a.value / 2; }
      return a;
    }
    if (next === 'few' && SCALES.has(lowerAt(k + 2))) {
      const a = newAmount(k + 2, 1);
      applyScales(a);
      a.vague = 'a few';
      return a;
    }
    const s = SCALES.get(next);
    if (s && next.length > 3) return readNumberWords(k + 1, true);
    if (next === 'quarter' && SCALES.has(lowerAt(k + 2))) return halfOrQuarter(k + 1); // `a quarter million`
    // `a third of the vote`; `a third term` is an ordinal
    const f = FRACTION_WORDS.has(next) ? fractionWordsAt(k) : null;
    return f && lowerAt(f.end) === 'of' ? ofScale(newAmount(f.end, f.value)) : null;
  }
  if (lower === 'half' || lower === 'quarter') return halfOrQuarter(k);
  if ((lower === 'several' || lower === 'many' || lower === 'few') && SCALES.has(lowerAt(k + 1)) && lowerAt(k + 1).length > 3) {
    const a = newAmount(k + 1, 1);
    applyScales(a);
    a.vague = lower;
    return a;
  }
  const base = VAGUE_PLURALS.get(lower);
  if (base !== undefined) {
    let j = k + 1;
    let value = base;
    const afterOf = VAGUE_PLURALS.get(lowerAt(k + 2));
    if (lowerAt(j) === 'of' && afterOf !== undefined && afterOf > base && afterOf >= 1000) {
      value = base * afterOf;
      j = k + 3;
    } else if (lower === 'tens' || lower === 'scores') {
      return null;
    }
    const a = newAmount(j, value);
    a.scale = value;
    a.vague = lower + ' of';
    if (j === k + 1 && lowerAt(j) !== 'of') a.vague = lower;
    return a;
  }
  if (SMALL_NUMBERS.has(lower) || TENS.has(lower) || lower.includes('-')) return readNumberWords(k);
  const o = ORDINALS.get(lower);
  if (o !== undefined) {
    const a = newAmount(k + 1, o);
    a.ordinal = true;
    return a;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- units

/** Measure phrase starting at item k: returns the end index, or -1. */
function measureAt(k: number): number {
  const it = word(k);
  if (!it) return -1;
  const m = phraseAt(k, MEASURES);
  if (!m || (m[0] === k + 1 && WEAK_UNITS.has(it.lower))) return -1;
  return m[0];
}

function unitText(from: number, to: number): string {
  let s = items[from].lower;
  for (let k = from + 1; k < to; k++) s += ' ' + items[k].lower;
  return s;
}

/** A currency name of several words at k (`Finnish markka`, `Hong Kong dollars`): [end, ISO code], or null. */
function currencyNameAt(k: number): [number, string] | null {
  return k < n && items[k].space ? phraseAt(k, CURRENCY_NAMES) : null;
}

/** The counted noun after a count (see the header for the rule). */
function countedNoun(k: number, singular: 'one' | 'first' | null): string | null {
  let lastWord = -1;
  for (let m = k; m < n && m < k + 4; m++) {
    const it = items[m];
    if (it.type !== WORD || !it.space) break;
    if (FUNCTION_WORDS.has(it.lower) || it.lower.includes('\'') || it.lower.includes('’')) break;
    if (SMALL_NUMBERS.has(it.lower) || TENS.has(it.lower) || MONTHS.has(it.lower) || WEEKDAYS.has(it.lower)) break;
    if (singular === 'first' || (singular === 'one' && !it.cap)) return it.cap ? it.text : it.lower;
    if (isPluralWord(it)) {
      if (!it.cap) return it.lower;
      let from = m;
      while (from > k && items[from - 1].cap && items[from - 1].text !== items[from - 1].text.toUpperCase()) from--;
      return doc.slice(items[from].start, it.end);
    }
    lastWord = m;
  }
  if (singular === 'one' && lastWord >= 0) return items[lastWord].text;
  return null;
}

// ------------------------------------------------------------------------------------------ quantities

/** The end of a qualifier at item i (`more than`, `an estimated`), or -1. */
function qualifierAt(i: number): number {
  return phraseAt(i, QUALIFIERS)?.[0] ?? -1;
}

const LOWER_BOUNDS = new Set(['more than', 'over', 'above', 'at least', 'greater than', 'larger than', 'no less than',
  'no fewer than', 'upwards of', 'in excess of', 'exceeding', 'bigger than', 'higher than', 'more than or equal to',
  'greater than or equal to', 'larger than or equal to', 'bigger than or equal to', 'equal to or more than',
  'equal to or greater than']);
const UPPER_BOUNDS = new Set(['less than', 'fewer than', 'under', 'below', 'at most', 'smaller than', 'no more than',
  'not more than', 'up to', 'lower than', 'less than or equal to', 'fewer than or equal to', 'smaller than or equal to',
  'equal to or less than', 'equal to or fewer than']);

/** The end of an open bound after a figure at j (`or more`, `and over`), or -1. */
function amountBoundAfter(j: number): number {
  const rest = AMOUNT_BOUNDS_AFTER.get(lowerAt(j));
  return rest && rest.has(lowerAt(j + 1)) && lowerAt(j + 2) !== 'than' ? j + 2 : -1;
}

/**
 * The second bound after `and` at k, when it closes the first (`more than 10 and less than 40`): a lower and an
 * upper bound in order. Null for bounds that leave nothing between them (`more than 40 and less than 10`).
 */
function boundPair(first: string, a: Amount, k: number): Amount | null {
  const q = qualifierAt(k);
  if (q < 0) return null;
  const second = unitText(k, q);
  const lowerFirst = LOWER_BOUNDS.has(first) && UPPER_BOUNDS.has(second);
  if (!lowerFirst && !(UPPER_BOUNDS.has(first) && LOWER_BOUNDS.has(second))) return null;
  const b = parseAmount(q);
  if (!b || b.ordinal || b.upper !== null || b.one || !!b.currency !== !!a.currency || b.percent !== a.percent) return null;
  return (lowerFirst ? a.value < b.value : b.value < a.value) ? b : null;
}

/** `-` glued to a figure, or `minus`/`negative` before a figure or a number word. */
function isNegativeSign(i: number): boolean {
  if (i + 1 >= n) return false;
  const sign = items[i].lower;
  const next = items[i + 1];
  if (sign === '-') return next.type === NUMERIC && items[i].space && !next.space;
  if (sign !== 'minus' && sign !== 'negative') return false;
  // `a negative one` is a pronoun
  const article = i > 0 && (items[i - 1].lower === 'a' || items[i - 1].lower === 'the');
  if (next.lower === 'one' && sign === 'negative' && article) return false;
  return next.type === NUMERIC || SMALL_NUMBERS.has(next.lower) || TENS.has(next.lower);
}

/** Prepositions after which a year in words is read as one (`in nineteen ninety six`). */
const SPELLED_YEAR_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'by', 'before', 'after', 'from', 'during', 'of']);

/**
 * `in nineteen ninety six`, `since two thousand and eight`: a year in words after a year preposition; not a
 * bare `two thousand` (`in two thousand` is as often a count), nor one before a counted noun.
 */
function trySpelledYear(i: number): number {
  if (i === 0 || !SPELLED_YEAR_PREPOSITIONS.has(items[i - 1].lower)) return -1;
  const y = spelledYearAt(i);
  if (!y || (y[0] === 2000 && y[1] === i + 2)) return -1;
  return emitTemporal('year', i, y[1], y[0], null);
}

function tryQuantity(i: number): number {
  const year = items[i].type === WORD ? trySpelledYear(i) : -1;
  if (year > 0) return year;
  let start = i;
  let qualifier: string | null = null;
  let k = i;
  const q = qualifierAt(i);
  let between = false;
  if (q > 0) {
    qualifier = unitText(i, q);
    k = q;
  } else if (items[i].lower === 'between') {
    between = true;
    k = i + 1;
  }
  if (!qualifier && !between && isNegativeSign(i)) {
    // `-9.5`, `minus 5`, `minus five`, `negative 2`: negative figures
    const a = parseAmount(i + 1);
    if (a && a.plain !== undefined && !a.ordinal && a.upper === null) {
      a.value = -a.value;
      const lbl: NumberLabel = a.currency ? 'money' : a.percent ? 'percent' : a.measure ? 'measure' : 'count';
      const unit = a.currency ?? (a.percent ? '%' : a.measure);
      emit(lbl, i, a.j, a.value, unit, null);
      return a.j;
    }
  }
  let a = parseAmount(k);
  if (!a && qualifier && (lowerAt(k) === 'a' || lowerAt(k) === 'an')) {
    // `about a week`, `barely a month`
    const end = measureAt(k + 1);
    if (end > 0) {
      emit('measure', start, end, 1, unitText(k + 1, end), qualifier);
      return end;
    }
  }
  if (!a) return -1;
  addShare(a);
  if (a.ordinal) {
    if (qualifier || between) return -1;
    emit('ordinal', k, a.j, a.value, null, null);
    return a.j;
  }
  // a qualifier that is also a preposition before a year (`by 2030`, `around 1950`, `under 18`) stays out
  const amountStart = k;
  // names: `Boeing 737`, `Article 5`
  if (a.plain && !qualifier && !between && k > 0) {
    const prev = items[k - 1];
    if (prev.type === WORD && prev.cap && !FUNCTION_WORDS.has(prev.lower) && !YEAR_PREPOSITIONS.has(prev.lower) &&
      !MONTHS.has(prev.lower) && !WEEKDAYS.has(prev.lower) && !QUALIFIERS.has(prev.lower) && !isCountNounAhead(a.j) &&
      measureAt(a.j) < 0 && !PERCENT_WORDS.has(lowerAt(a.j)) && !CURRENCY_WORDS.has(lowerAt(a.j))) {
      return a.j; // consumed, not reported
    }
  }
  // `one of them`, `no one`, `one another`
  if (a.one && a.j === k + 1) {
    const next = items[a.j];
    if (!next || next.type !== WORD || ONE_STOPWORDS.has(next.lower)) return -1;
    if (!qualifier && k > 0 && ONE_PREVIOUS_STOPWORDS.has(items[k - 1].lower)) return -1;
  }
  let j = a.j;
  let upper: number | null = a.upper;
  // ranges: `10 to 15`, `10 - 15`, `between 10 and 15`
  const link = lowerAt(j);
  if (upper === null && (between ? link === 'and' : (link === 'to' || link === '-' || link === '–' || link === 'through'))) {
    const b = parseAmount(j + 1);
    if (b && !b.ordinal && !b.decade && b.upper === null && !b.one) {
      let lo = a.value;
      if (a.scale === 1 && b.scale > 1 && lo * b.scale <= b.value) lo *= b.scale;
      if (between || lo < b.value) {
        a.value = lo;
        upper = b.value;
        a.currency = a.currency ?? b.currency;
        a.percent = a.percent || b.percent;
        a.measure = b.measure ?? a.measure;
        a.hyphenWord = b.hyphenWord;
        a.plain = false;
        a.vague = null;
        j = b.j;
      }
    }
  }
  // two bounds: `more than 10 and less than 40`, `over 18 and under 65`, `at most 100 and at least 20`
  if (upper === null && qualifier && link === 'and') {
    const pair = boundPair(qualifier, a, j + 1);
    if (pair) {
      upper = Math.max(a.value, pair.value);
      a.value = Math.min(a.value, pair.value);
      a.plain = false;
      qualifier = null;
      j = pair.j;
    }
  }
  if (between && upper === null) {
    start = k;
  }
  // `500 or more people`: the bound is in the span, the counted noun after it
  let bound = -1;
  if (upper === null && !qualifier && !a.vague && (bound = amountBoundAfter(j)) > 0) {
    qualifier = unitText(j, bound);
    a.plain = false;
    j = bound;
  }
  let label: NumberLabel = 'count';
  let unit: string | null = null;
  const approx = qualifier ?? a.vague;
  let spanEnd = j;
  if (a.decade) {
    return emitTemporal('year', amountStart, j, a.value, null, a.endChar >= 0 ? a.endChar : items[j - 1].end);
  }
  if (a.currency) {
    label = 'money';
    unit = a.currency;
  } else if (a.percent) {
    label = 'percent';
    unit = '%';
  } else if (a.measure) {
    label = 'measure';
    unit = a.measure;
  }
  if (label === 'count' && !a.hyphenWord) {
    // unit words after the figure
    let u = j;
    if (a.vague && a.vague.endsWith(' of') && lowerAt(u) === 'of') u++;
    const w0 = lowerAt(u);
    const w1 = lowerAt(u + 1);
    let name: [number, string] | null;
    if (PERCENT_WORDS.has(w0) || (w0 === 'per' && w1 === 'cent')) {
      label = 'percent';
      unit = '%';
      spanEnd = w0 === 'per' ? u + 2 : u + 1;
      if (w0 === 'percentage' && (w1 === 'points' || w1 === 'point')) { unit = 'percentage points'; spanEnd = u + 2; }
    } else if ((name = currencyNameAt(u)) !== null) {
      label = 'money';
      unit = name[1];
      spanEnd = name[0];
    } else if (CURRENCY_SIGNS.has(w0) && items[u].space && !(u + 1 < n && items[u + 1].type === NUMERIC)) {
      // `10 €`, `100 ₡`; not the sign of the next amount (`5 $10 bills`)
      label = 'money';
      unit = CURRENCY_SIGNS.get(w0)!;
      spanEnd = u + 1;
    } else if (CURRENCY_WORDS.has(w0) && w0 !== 'p' && items[u].space) {
      label = 'money';
      unit = CURRENCY_WORDS.get(w0)!;
      if (w0.startsWith('cent') || w0 === 'pence') a.value /= 100, upper = upper === null ? null : upper / 100;
      spanEnd = u + 1;
    } else if (CURRENCY_ADJECTIVES.has(w0) && CURRENCY_WORDS.has(w1) && w1 !== 'p') {
      label = 'money';
      unit = CURRENCY_ADJECTIVES.get(w0) || CURRENCY_WORDS.get(w1)!;
      spanEnd = u + 2;
    } else {
      let m = measureAt(u);
      if (m > 0) {
        label = 'measure';
        // a rate: `50 meters per millisecond`, `30 miles per gallon`
        const per = lowerAt(m) === 'per' ? measureAt(m + 1) : -1;
        if (per > 0) m = per;
        unit = unitText(u, m);
        spanEnd = m;
      } else if (!a.vague || a.vague.endsWith(' of') || u === j) {
        unit = countedNoun(u, a.value === 1 ? 'one' : null);
      }
    }
  } else if (a.hyphenWord) {
    unit = a.hyphenWord === 'strong' ? countedNoun(j, 'first') : a.hyphenWord;
  }
  // years: a bare 4-digit figure, unless it counts a plural noun (`1500 soldiers`)
  if (label === 'count' && a.plain && a.intDigits === 4 && a.value >= 1000 && a.value <= 2100 && !qualifier &&
    upper === null && j === amountStart + 1) {
    const prev = amountStart > 0 ? items[amountStart - 1].lower : '';
    if (YEAR_PREPOSITIONS.has(prev) || !unit || prev === ',' ) return emitTemporal('year', amountStart, j, a.value, null);
  }
  if (upper !== null) {
    if (label === 'count') spanEnd = j;
    emit('range', start, spanEnd, a.value, unit, approx === a.vague ? null : approx, upper);
    return spanEnd;
  }
  if (label === 'count') spanEnd = j;
  // a measure/money/percent reached through `of` keeps the `of` in the span; a count's vague `of` does not
  if (a.one && label === 'count' && !unit) return -1;
  if (label === 'money' || label === 'measure') {
    const tail = smallerUnitAfter(spanEnd, label === 'money');
    if (tail) {
      a.value += tail.value;
      spanEnd = tail.end;
    }
    // `10 km or more`
    if (!approx && (bound = amountBoundAfter(spanEnd)) > 0) {
      emit(label, start, bound, a.value, unit, unitText(spanEnd, bound));
      return bound;
    }
  }
  emit(label, start, spanEnd, a.value, unit, approx);
  return spanEnd;
}

/** Units that a smaller one can follow, and how many of it make one: `13 dollars and 45 cents`, `6 feet 2 inches`. */
const SMALLER_UNITS = new Map<string, [Set<string>, number]>();
for (const [big, small, per] of [
  ['dollars dollar euros euro usd eur', 'cents cent', 100], ['pounds', 'pence ounces oz', 0], ['feet foot ft', 'inches inch in', 12],
  ['hours hour', 'minutes minute mins', 60], ['years year', 'months month', 12], ['lbs lb', 'ounces oz', 16],
] as const) {
  for (const word of big.split(' ')) SMALLER_UNITS.set(word, [new Set(small.split(' ')), per]);
}

/**
 * After a money or measure amount ending at k with its unit word: `and 45 cents`, `2 inches`, `30 minutes`:
 * the part of the unit it adds. `pounds` takes pence or ounces, whichever follows.
 */
function smallerUnitAfter(k: number, money: boolean): Part | null {
  const entry = SMALLER_UNITS.get(lowerAt(k - 1));
  if (!entry) return null;
  const at = lowerAt(k) === 'and' ? k + 1 : k;
  const b = parseAmount(at);
  if (!b || b.currency || b.percent || b.ordinal || b.measure || b.upper !== null || !Number.isInteger(b.value)) return null;
  const small = lowerAt(b.j);
  // `15 dollars 50`, `thirteen dollars forty five`: the cents unnamed, at the end of the clause
  if (money && entry[1] === 100 && b.value < 100 && !word(b.j)) return { value: b.value / 100, end: b.j };
  if (!entry[0].has(small) || (small === 'in' && word(b.j + 1))) return null;
  if (money !== (small === 'cents' || small === 'cent' || small === 'pence')) return null;
  const per = entry[1] || (small === 'pence' ? 100 : 16);
  return b.value < per ? { value: b.value / per, end: b.j + 1 } : null;
}

// ------------------------------------------------------------------------------------------------ API

/** Words that can start a quantity: the first words `tryQuantity` and `parseAmount` accept. Keep in step. */
const QUANTITY_STARTERS = new Set<string>([
  ...QUALIFIERS.keys(), 'between', '-', 'minus', 'negative', '$', '€', '£', '¥', ...CURRENCY_CODES.keys(), 'a', 'an',
  'half', 'quarter', 'several', 'many', 'few', ...VAGUE_PLURALS.keys(), ...SMALL_NUMBERS.keys(), ...TENS.keys(),
  ...ORDINALS.keys(),
]);
/** First parts of hyphenated words that start a quantity (`twenty-five`, `two-thirds`, `three-year`). */
const NUMBER_WORD_HEADS = new Set<string>([...SMALL_NUMBERS.keys(), ...TENS.keys(), ...ORDINALS.keys()]);

/** A start flag above the date and time roles of `numbers/dates.ts`. */
const QUANTITY = 2 * (TEMPORAL_ROLES + 1);
/**
 * What each starter word may start: its date and time roles, and QUANTITY. Most words are in neither, and
 * one look-up skips them.
 */
const START_ROLES = new Map<string, number>();
for (const w of [...QUANTITY_STARTERS, ...TEMPORAL_WORDS]) {
  START_ROLES.set(w, rolesOf(w) | (QUANTITY_STARTERS.has(w) ? QUANTITY : 0));
}

/** What may start at item i: date and time roles (case considered) and QUANTITY; 0 where every `try…` fails. */
function startRoles(i: number): number {
  const it = items[i];
  if (it.type === NUMERIC) return TEMPORAL_ROLES | QUANTITY;
  if (it.type === PUNCT) return it.lower === '-' ? QUANTITY : 0;
  const lower = it.lower;
  const roles = START_ROLES.get(lower);
  if (roles !== undefined) return caseRoles(roles, it.cap) | (roles & QUANTITY);
  // Hyphenated number words and months (`twenty-five`, `mid-November`, `Jan-Feb`)
  if (hasHyphen(it)) return rolesOf(lower) | (NUMBER_WORD_HEADS.has(lower.slice(0, lower.indexOf('-'))) ? QUANTITY : 0);
  // a currency prefix before a separate `$` (`hk $ 10`)
  if (lower.length > 5) return 0;
  return lower.charCodeAt(lower.length - 1) === 36 /* $ */ || (lower.length <= 3 && lowerAt(i + 1) === '$') ? QUANTITY : 0;
}

/** Whether the item's text has a hyphen, read in the document string (see tokens.ts). */
function hasHyphen(it: Item): boolean {
  for (let k = it.start; k < it.end; k++) if (doc.charCodeAt(k) === 45) return true;
  return false;
}

/** Finds the numeric expressions of a tokenized document; sorted by start, non-overlapping. */
export function findNumbers(tokenized: TokenizedDocument): NumberAnnotation[] {
  const result: NumberAnnotation[] = [];
  out = result;
  const text = tokenized.text;
  for (const sentence of tokenized.sentences) {
    buffer.fill(sentence.tokens, text);
    setSentence(buffer.items, buffer.length, text);
    let i = 0;
    while (i < n) {
      const roles = startRoles(i);
      if (roles === 0) { i++; continue; }
      let next = roles & TEMPORAL_ROLES ? tryTemporal(i, roles & TEMPORAL_ROLES) : -1;
      if (next < 0 && roles & QUANTITY) next = tryQuantity(i);
      i = next > i ? next : i + 1;
    }
  }
  setSentence([], 0, '');
  out = [];
  return result;
}

const retextNumbers: Plugin<[], Root> = function () {
  return (_tree, file) => {
    file.data.numbers = findNumbers(file.data.tokenized!);
  };
};

export default retextNumbers;
