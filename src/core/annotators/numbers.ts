// Numeric claims: counts, amounts of money, percentages, measures, ordinals, years, dates, times and ranges.
//
// One left-to-right pass per sentence over the items of `numbers/items.ts` (tokens regrouped so that
// `10,000`, `$1.2bn` and `12%` are single items). At each item the matcher tries, in order, a date, a time,
// then a quantity (optional qualifier + amount + optional range + unit); a match consumes its items, so the
// annotations come out sorted and never overlap. Lexicons are Maps/Sets (`numbers/lexicon.ts`).
//
// Span and unit rules
// - The span runs from the qualifier (`over`, `more than`, `an estimated`, `between` for ranges) through the
//   figure and its multiplier, currency sign and percent sign.
// - Counts: the counted noun is NOT in the span; it goes into `unit` (`over 10,000 DPRK soldiers` → span
//   `over 10,000`, unit `soldiers`). The unit is the first plural-looking word among the next four words
//   (stopping at punctuation, figures and function words), so modifiers are skipped: `DPRK soldiers` →
//   `soldiers`, `ground forces` → `forces`. When that word is capitalised, the capitalised words right before
//   it are kept with it and the case is kept (`11,000 North Koreans` → `North Koreans`); otherwise the unit is
//   lowercased. With the figure 1 the first lowercase word is taken (`one North Korean soldier` → `soldier`),
//   with `-strong` the next word (`50,000-strong force` → `force`).
// - Money, percents and measures: the unit words ARE in the span (`5 million dollars`, `12 percent`,
//   `hundreds of square miles`, `three-year`); `unit` is an ISO currency code, `%` (or `percentage points`),
//   or the measure words as written, lowercased (`square miles`, `year`, `weeks`).
// - Vague amounts: `hundreds of` → 100, `thousands of` → 1000, `tens of thousands` → 10000, `dozens of` → 12,
//   `a couple of` → 2, `several hundred` → 100; `approx` holds the vague phrase (`tens of`, `hundreds of`,
//   `several`). The trailing `of` is left out of a count's span (`tens of thousands`), kept inside a
//   measure's or money's span (`hundreds of square miles`). An explicit qualifier wins over the vague phrase.
// - Ranges: `10 to 15`, `between 10 and 15`, `10-15`, `$10-15 million` → label `range`, value = lower,
//   `upper` = upper, unit as for the bounds. A scale on the upper bound applies to a bare lower bound
//   (`10 to 15 million` → 10e6..15e6). Descending pairs (`3-1` scores, `from 10 to 5`) are not ranges.
// - Years: a bare four-digit figure 1000–2100 is a year unless a plural noun follows and no year preposition
//   (`in`, `since`, `by`…) precedes it (`1500 soldiers` is a count). `1990s` is the year 1990.
// - Dates (value = yyyymmdd as a number when the year is written, else mmdd; month-only dates use day 00:
//   `June 2024` → 20240600, `in August` → 800): `Nov. 13`, `Nov. 13, 2024`, `13 Nov 2024`, `June 19th`,
//   `2024-11-13`, `11/13/2024`, `22/04`. `May`, `March` and bare abbreviations need a day or year next to
//   them. Weekdays (`Tuesday`) are dates with value null; relative expressions
//   (`today`, `last week`, `next month`) are not reported: they state no date a source could get wrong. `the past two weeks` is a measure (2 weeks), not a date.
// - Times (value = minutes after midnight): `5:35 a.m. ET`, `06:58 AM IST`, `5 p.m.`, `5pm`, `noon`,
//   `midnight`; the am/pm marker and an uppercase time-zone abbreviation are in the span, the zone is the unit.
// - Ordinals: `first` … `millionth`, `twenty-first`, `21st`, `third-largest` → value = the rank.
// - Not reported: figures inside names (`Hwasong-19`, `F-16`, `COVID-19`, `G7` are words, not figures; a bare
//   integer right after a capitalised non-function word is a model or article number: `Boeing 737`,
//   `Article 5`, `Resolution 2231`), numbers after `No.`/`#`, phone-like digit groups, `0/250`-style
//   counters, figures glued to letters (`5G`, `250자`), and `one` as a pronoun (`one of them`, `no one`,
//   `one another`). Times are never counts.
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import type { TokenizedDocument } from '../tokens.js';
import type { NumberAnnotation, NumberLabel } from '../types.js';
import { Item, ItemBuffer, NUMERIC, PUNCT, WORD } from './numbers/items.js';
import {
  AM_PM, AMBIGUOUS_MONTHS, CURRENCY_ADJECTIVES, CURRENCY_CODES, CURRENCY_PREFIXES, FRACTION_WORDS, CURRENCY_ONLY_GLUED_SCALES, CURRENCY_WORDS,
  FUNCTION_WORDS, GLUED_SCALES, GLUED_UNITS, IRREGULAR_PLURALS, MEASURES, MONTHS, NOT_PLURAL,
  ONE_PREVIOUS_STOPWORDS, ONE_STOPWORDS, ORDINAL_SUFFIXES, ORDINALS, PERCENT_WORDS, QUALIFIERS,
  SCALES, SMALL_NUMBERS, TENS, TIME_ZONES, VAGUE_PLURALS, WEAK_UNITS,
  WEEKDAYS, YEAR_PREPOSITIONS,
} from './numbers/lexicon.js';
import { dateValue, validDate } from './numbers/numeric.js';

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
  /** Vague phrase (`hundreds of`, `several`). */
  vague: string | null;
  /** The word `one` on its own. */
  one: boolean;
  upper: number | null;
}

function newAmount(j: number, value: number): Amount {
  return {
    j, value, scale: 1, currency: null, percent: false, measure: null, hyphenWord: null, ordinal: false,
    plain: false, intDigits: 0, decade: false, vague: null, one: false, upper: null,
  };
}

let items: Item[] = [];
let n = 0;
let doc = '';
let out: NumberAnnotation[] = [];
const buffer = new ItemBuffer();

function word(k: number): Item | null {
  return k < n && items[k].type === WORD ? items[k] : null;
}

function lowerAt(k: number): string {
  return k < n ? items[k].lower : '';
}

function emit(label: NumberLabel, i: number, j: number, value: number | null, unit: string | null,
  approx: string | null, upper?: number | null): void {
  const start = items[i].start;
  const end = items[j - 1].end;
  const a: NumberAnnotation = { kind: 'number', label, start, end, text: doc.slice(start, end), value, unit, approx };
  if (upper != null) a.upper = upper;
  out.push(a);
}

// ---------------------------------------------------------------------------------------------- dates

function dayAt(k: number): number {
  if (k >= n || items[k].type !== NUMERIC) return 0;
  const num = items[k].numeric();
  if (!num || num.kind !== 'number' || num.currency || num.intDigits > 2 || !Number.isInteger(num.value)) return 0;
  if (num.suffix !== '' && !ORDINAL_SUFFIXES.has(num.suffix)) return 0;
  return num.value >= 1 && num.value <= 31 ? num.value : 0;
}

function yearAt(k: number): number {
  if (k >= n || items[k].type !== NUMERIC) return 0;
  const num = items[k].numeric();
  if (!num || !num.plain || num.intDigits !== 4) return 0;
  return num.value >= 1000 && num.value <= 2200 ? num.value : 0;
}

function monthAt(k: number, needsContext: boolean): number {
  const it = word(k);
  if (!it) return 0;
  const m = MONTHS.get(it.lower);
  if (!m) return 0;
  if (!it.cap && (needsContext || AMBIGUOUS_MONTHS.has(it.lower) || it.lower.length <= 4)) return 0;
  return m;
}

/** After a day (`13`) or a month-day (`Nov. 13`): an optional `, 2024` / ` 2024`. Returns [year, end]. */
function trailingYear(k: number): [number, number] {
  let y = yearAt(k);
  if (y && items[k].space) return [y, k + 1];
  if (k < n && items[k].lower === ',' ) {
    y = yearAt(k + 1);
    if (y) return [y, k + 2];
  }
  return [0, k];
}

function tryDate(i: number): number {
  const it = items[i];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (num && num.kind === 'date' && (i + 1 >= n || items[i + 1].lower !== '/')) {
      emit('date', i, i + 1, num.value, null, null);
      return i + 1;
    }
    // day month [year]: `13 Nov 2024`, `13th November`, `4th of July`
    const d = dayAt(i);
    if (d) {
      let k = i + 1;
      if (lowerAt(k) === 'of' && monthAt(k + 1, false)) k++;
      const m = monthAt(k, false);
      if (m && validDate(0, m, d)) {
        const [y, end] = trailingYear(k + 1);
        emit('date', i, end, dateValue(y, m, d), null, null);
        return end;
      }
    }
    return -1;
  }
  if (it.type !== WORD) return -1;
  const lower = it.lower;
  const m = monthAt(i, false);
  if (m) {
    let k = i + 1;
    if (lowerAt(k) === '.' && !it.lower.endsWith('.') && it.lower.length <= 4) k++; // `Nov` `.`
    const d = dayAt(k);
    if (d && validDate(0, m, d) && items[k].space) {
      const [y, end] = trailingYear(k + 1);
      emit('date', i, end, dateValue(y, m, d), null, null);
      return end;
    }
    let y = yearAt(k);
    if (y && items[k].space) {
      emit('date', i, k + 1, dateValue(y, m, 0), null, null);
      return k + 1;
    }
    if (lowerAt(k) === ',' && (y = yearAt(k + 1))) {
      emit('date', i, k + 2, dateValue(y, m, 0), null, null);
      return k + 2;
    }
    if (!AMBIGUOUS_MONTHS.has(lower) || (lower.endsWith('.') && lower !== 'may.')) {
      emit('date', i, i + 1, dateValue(0, m, 0), null, null);
      return i + 1;
    }
    return -1;
  }
  // Relative expressions (`today`, `last week`) state no date a source could get wrong: not reported.
  if (WEEKDAYS.has(lower) && it.cap) {
    emit('date', i, i + 1, null, null, null);
    return i + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------- times

function tryTime(i: number): number {
  const it = items[i];
  let minutes = -1;
  let k = i + 1;
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (!num || num.currency) return -1;
    if (num.kind === 'time') {
      minutes = num.value;
      if (num.suffix === '') {
        const ampm = k < n ? AM_PM.get(items[k].lower) : undefined;
        if (ampm && minutes < 13 * 60) {
          if (minutes >= 12 * 60) minutes -= 12 * 60;
          if (ampm === 'pm') minutes += 12 * 60;
          k++;
        }
      }
    } else if (num.kind === 'number' && Number.isInteger(num.value) && num.value >= 1 && num.value <= 12 &&
      num.intDigits <= 2) {
      let ampm = AM_PM.get(num.suffix);
      if (!ampm && num.suffix === '' && k < n) {
        ampm = AM_PM.get(items[k].lower);
        if (ampm) k++;
      }
      if (!ampm) return -1;
      minutes = ((num.value % 12) + (ampm === 'pm' ? 12 : 0)) * 60;
    } else {
      return -1;
    }
  } else if (it.lower === 'noon' || it.lower === 'midnight') {
    minutes = it.lower === 'noon' ? 720 : 0;
  } else {
    return -1;
  }
  let zone: string | null = null;
  if (k < n && items[k].type === WORD && TIME_ZONES.has(items[k].lower) && items[k].text === items[k].text.toUpperCase()) zone = items[k++].text;
  emit('time', i, k, minutes, zone, null);
  return k;
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
  while (j < n && items[j].type === WORD && (j === k || items[j].space)) {
    const lower = items[j].lower;
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
    const den = any && last === 'unit' && cur > 0 && cur < 10 && total === 0 ? FRACTION_WORDS.get(lower) : undefined;
    if (den !== undefined && lower !== 'half' && lower !== 'quarter' && lower !== 'third' && lower !== 'fifth') {
      // `two thirds`
      const f = newAmount(j + 1, cur / den);
      return f;
    }
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
  const a = newAmount(j, total + cur);
  a.scale = scale;
  a.ordinal = ordinal;
  a.one = j === k + 1 && items[k].lower === 'one';
  if (!ordinal && !applyHyphen(a, hyphenRest)) return null;
  return a;
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
    applyScales(a);
    if (a.scale === 1 && lowerAt(a.j) === 'dozens') { a.value *= 12; a.scale = 12; a.j++; }
    if (a.upper !== null) a.upper *= a.scale;
    if (lowerAt(a.j) === '%') { a.percent = true; a.j++; }
    return a;
  }
  if (it.type !== WORD) return null;
  const lower = it.lower;
  // a currency sign standing apart: `$ 75 million`, `hk $ 10.05`, `c $ 16.4`
  if (k + 1 < n && (lower === '$' || (lower.length <= 3 && lowerAt(k + 1) === '$'))) {
    const signEnd = lower === '$' ? k + 1 : k + 2;
    const sign = lower === '$' ? '$' : lower + '$';
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
    return null;
  }
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

function isPluralWord(it: Item): boolean {
  const w = it.lower;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.length < 3 || w.charCodeAt(w.length - 1) !== 115 /* s */) return false;
  if (w.includes('\'') || w.includes('’') || NOT_PLURAL.has(w)) return false;
  return !(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ous'));
}

/** Measure phrase starting at item k: returns the end index, or -1. */
function measureAt(k: number): number {
  const it = word(k);
  if (!it) return -1;
  const rests = MEASURES.get(it.lower);
  if (!rests) return -1;
  for (const rest of rests) {
    let ok = true;
    for (let r = 0; r < rest.length; r++) {
      const w = word(k + 1 + r);
      if (!w || w.lower !== rest[r]) { ok = false; break; }
    }
    if (!ok) continue;
    if (rest.length === 0 && WEAK_UNITS.has(it.lower)) return -1;
    return k + 1 + rest.length;
  }
  return -1;
}

function unitText(from: number, to: number): string {
  let s = items[from].lower;
  for (let k = from + 1; k < to; k++) s += ' ' + items[k].lower;
  return s;
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

function qualifierAt(i: number): number {
  const it = items[i];
  if (it.type !== WORD) return -1;
  const rests = QUALIFIERS.get(it.lower);
  if (!rests) return -1;
  for (const rest of rests) {
    let ok = true;
    for (let r = 0; r < rest.length; r++) {
      const w = word(i + 1 + r);
      if (!w || w.lower !== rest[r]) { ok = false; break; }
    }
    if (ok) return i + 1 + rest.length;
  }
  return -1;
}

function isCountNounAhead(k: number): boolean {
  const it = word(k);
  return !!it && it.space && isPluralWord(it) && !FUNCTION_WORDS.has(it.lower);
}

function tryQuantity(i: number): number {
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
  if (!qualifier && !between && (items[i].lower === '-' || items[i].lower === 'minus') && i + 1 < n &&
    items[i + 1].type === NUMERIC && (items[i].lower === 'minus' || (items[i].space && !items[i + 1].space))) {
    // `-9.5`, `minus 5`: negative figures
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
  if (between && upper === null) {
    start = k;
  }
  let label: NumberLabel = 'count';
  let unit: string | null = null;
  let approx = qualifier ?? a.vague;
  let spanEnd = j;
  if (a.decade) {
    emit('year', amountStart, j, a.value, null, null);
    return j;
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
    if (PERCENT_WORDS.has(w0) || (w0 === 'per' && w1 === 'cent')) {
      label = 'percent';
      unit = '%';
      spanEnd = w0 === 'per' ? u + 2 : u + 1;
      if (w0 === 'percentage' && (w1 === 'points' || w1 === 'point')) { unit = 'percentage points'; spanEnd = u + 2; }
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
      const m = measureAt(u);
      if (m > 0) {
        label = 'measure';
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
    if (YEAR_PREPOSITIONS.has(prev) || !unit || prev === ',' ) {
      emit('year', amountStart, j, a.value, null, null);
      return j;
    }
  }
  if (upper !== null) {
    if (label === 'count') spanEnd = j;
    emit('range', start, spanEnd, a.value, unit, approx === a.vague ? null : approx, upper);
    return spanEnd;
  }
  if (label === 'count') spanEnd = j;
  // a measure/money/percent reached through `of` keeps the `of` in the span; a count's vague `of` does not
  if (a.one && label === 'count' && !unit) return -1;
  emit(label, start, spanEnd, a.value, unit, approx);
  return spanEnd;
}

// ------------------------------------------------------------------------------------------------ API

/**
 * Words that can start a date, a time or a quantity: the first words `tryDate`, `tryTime`, `tryQuantity` and
 * `parseAmount` accept. Keep in step with them. Most words are none of these, and one look-up skips them.
 */
const STARTERS = new Set<string>([
  ...MONTHS.keys(), ...WEEKDAYS, 'noon', 'midnight', ...QUALIFIERS.keys(), 'between', '-', 'minus', '$', '€', '£', '¥',
  ...CURRENCY_CODES.keys(), 'a', 'an', 'several', 'many', 'few', ...VAGUE_PLURALS.keys(), ...SMALL_NUMBERS.keys(),
  ...TENS.keys(), ...ORDINALS.keys(),
]);

/** First parts of the hyphenated words `readNumberWords` reads (`twenty-five`, `three-year`, `two-thirds`). */
const NUMBER_WORDS = new Set<string>([...SMALL_NUMBERS.keys(), ...TENS.keys(), ...ORDINALS.keys()]);

/** Whether a match may start at item i; false only where every `try…` would fail. */
function mayStart(i: number): boolean {
  const it = items[i];
  if (it.type === NUMERIC) return true;
  if (it.type === PUNCT) return it.lower === '-';
  const lower = it.lower;
  // Hyphenated number words; a currency prefix before a separate `$` (`hk $ 10`).
  return STARTERS.has(lower) || (hasHyphen(it) && NUMBER_WORDS.has(lower.slice(0, lower.indexOf('-')))) ||
    (lower.length <= 3 && lowerAt(i + 1) === '$');
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
  doc = tokenized.text;
  for (const sentence of tokenized.sentences) {
    buffer.fill(sentence.tokens, doc);
    items = buffer.items;
    n = buffer.length;
    let i = 0;
    while (i < n) {
      if (!mayStart(i)) { i++; continue; }
      let next = tryDate(i);
      if (next < 0) next = tryTime(i);
      if (next < 0) next = tryQuantity(i);
      i = next > i ? next : i + 1;
    }
  }
  items = [];
  n = 0;
  doc = '';
  out = [];
  return result;
}

const retextNumbers: Plugin<[], Root> = function () {
  return (_tree, file) => {
    file.data.numbers = findNumbers(file.data.tokenized!);
  };
};

export default retextNumbers;
