// Dates and times for the number matcher: calendar dates (`Nov. 13, 2024`), weekdays, times (`5:35 a.m. ET`),
// relative and recurring dates (`next Monday`, `last week`, `every Tuesday`), parts of periods (`the last
// week of July`, `mid-November`), ranges (`from March to May`, `5 to 6pm`, `between 2014 and 2018`) and a
// day with its time (`Thursday 1 pm`, `Nov. 13 at 5:35 a.m.`, `3 p.m. on Monday`), each read as one span.
// Labels and values are described in the header of `numbers.ts`.
//
// A phrase is built from pieces: a day (a date, weekday or relative day), a longer period (a month, a week,
// a year phrase), a clock time, and the weak pieces that only count next to another one: a bare hour (`5`
// in `5 to 6pm`), a day number (`9` in `9 to 12 June`), a bare year (`2014` in `2014 through 2018`) and
// `today` (alone it is mostly `nowadays`: `Today, Russia is…`).
import { NUMERIC, WORD } from './items.js';
import {
  AM_PM, AMBIGUOUS_MONTHS, DAY_HEADS, DAY_PARTS, DEICTIC_DAYS, FUNCTION_WORDS, HOLIDAYS, MONTHS, ORDINAL_SUFFIXES, ORDINALS,
  PERIOD_EDGES, PERIOD_ORDINALS, PERIOD_PARTS, PERIOD_PREFIXES, RANGE_LINKS, RECURRING, RELATIVE_DATE_HEADS,
  RELATIVE_DATE_SECOND_HEADS, RELATIVE_DATE_UNITS, SEASONS, SMALL_NUMBERS, TENS, TIME_ZONES, WEEKDAY_ABBREVIATIONS,
  WEEKDAY_PLURALS, WEEKDAYS,
} from './lexicon.js';
import { dateValue, validDate } from './numeric.js';
import { isCountNounAhead, items, lowerAt, n, word } from './sentence.js';

/** A date or time found: items `start` to `end` (exclusive). */
export interface Stamp {
  start: number;
  end: number;
  label: 'date' | 'time' | 'year';
  value: number | null;
  /** Time zone of a time. */
  unit: string | null;
}

/**
 * day: names one day (it can take a clock time: `Monday at 5`); period: a longer span; clock: a time of day;
 * hour, dayNumber, year: weak pieces (see the header).
 */
type Kind = 'day' | 'period' | 'clock' | 'hour' | 'dayNumber' | 'year';

interface Piece extends Stamp {
  kind: Kind;
  /** Only counts next to another piece. */
  weak: boolean;
  /** Half of the clock: read on a time, or implied by a part of the day (`Monday morning`). */
  marker: 'am' | 'pm' | null;
  /** Recurs (`every Tuesday`, `daily`): never one end of a range. */
  recurs: boolean;
}

function piece(start: number, end: number, kind: Kind, value: number | null, label: Stamp['label'] = 'date'): Piece {
  const weak = kind === 'hour' || kind === 'dayNumber' || kind === 'year';
  return { start, end, kind, value, label, unit: null, weak, marker: null, recurs: false };
}

/** A longer phrase around `inner` keeps its label and value (`the end of 2008` is the year 2008). */
function around(start: number, end: number, inner: Piece, kind: Kind = inner.kind): Piece {
  const p = piece(start, end, kind, inner.value, inner.label);
  p.marker = inner.marker;
  return p;
}

/** A content word at k: what a figure before it would count or describe (`Monday 21 people`). */
function nounAhead(k: number): boolean {
  const it = word(k);
  return !!it && it.space && !FUNCTION_WORDS.has(it.lower) && !AM_PM.has(it.lower) && !DAY_PARTS.has(it.lower) &&
    !DEICTIC_DAYS.has(it.lower) && !RANGE_LINKS.has(it.lower);
}

// ------------------------------------------------------------------------------------------ calendar parts

function dayAt(k: number): number {
  if (k >= n || items[k].type !== NUMERIC) return 0;
  const num = items[k].numeric();
  if (!num || num.kind !== 'number' || num.currency || num.intDigits > 2 || !Number.isInteger(num.value)) return 0;
  if (num.suffix !== '' && !ORDINAL_SUFFIXES.has(num.suffix)) return 0;
  return num.value >= 1 && num.value <= 31 ? num.value | 0 : 0;
}

function yearAt(k: number): number {
  if (k >= n || items[k].type !== NUMERIC) return 0;
  const num = items[k].numeric();
  if (!num || !num.plain || num.intDigits !== 4) return 0;
  // `| 0`: parsed figures are doubles, and a double in an array (`trailingYear`) turns the index beside it
  // into one; the matcher's loop index would follow, and every function it reaches would slow down
  return num.value >= 1000 && num.value <= 2200 ? num.value | 0 : 0;
}

/** Month at k. Lowercase, short and ambiguous names (`may`, `march`, `jan`) are not months. */
function monthAt(k: number): number {
  const it = word(k);
  if (!it) return 0;
  const m = MONTHS.get(it.lower);
  if (!m) return 0;
  if (!it.cap && (AMBIGUOUS_MONTHS.has(it.lower) || isAbbreviation(it.lower))) return 0;
  return m;
}

/** Month abbreviations that are also words (`may`, `mar`): never lowercase. */
const AMBIGUOUS_WORDS = new Set(['may', 'mar']);

/** `Nov`, `nov.`: lowercase, these are too often other words or codes. */
function isAbbreviation(lower: string): boolean {
  return lower.length <= 4 && lower !== 'june' && lower !== 'july';
}

/**
 * A year said in words from k: `nineteen ninety six`, `nineteen eighty-six`, `nineteen hundred`, `twenty
 * twenty`, `two thousand`, `two thousand and fifteen`. Returns [year, end], or null. Only where a year is
 * expected (after a month or a day, or after `in`, `since`…): elsewhere these are counts.
 */
export function spelledYearAt(k: number): [number, number] | null {
  const first = word(k);
  if (!first) return null;
  if (first.lower === 'two' && lowerAt(k + 1) === 'thousand' && items[k + 1].space) {
    let j = k + 2;
    if (lowerAt(j) === 'and') j++;
    const rest = j < n && items[j].space ? twoWordNumberAt(j) : null;
    if (rest && rest[0] < 100) return [2000 + rest[0], rest[1]];
    return isCountNounAhead(k + 2) ? null : [2000, k + 2];
  }
  const century = SMALL_NUMBERS.get(first.lower) ?? (first.lower === 'twenty' ? 20 : undefined);
  if (century === undefined || century < 10 || century > 20 || k + 1 >= n || !items[k + 1].space) return null;
  if (lowerAt(k + 1) === 'hundred') return isCountNounAhead(k + 2) ? null : [century * 100, k + 2];
  const rest = twoWordNumberAt(k + 1);
  if (!rest || rest[0] < 10 || isCountNounAhead(rest[1])) return null;
  return [century * 100 + rest[0], rest[1]];
}

/** `ninety six`, `ninety-six`, `seventy`, `fifteen`, `five` at k: [value below 100, end], or null. */
function twoWordNumberAt(k: number): [number, number] | null {
  const w = word(k);
  if (!w) return null;
  const lower = w.lower;
  const s = SMALL_NUMBERS.get(lower);
  if (s !== undefined) return s >= 1 ? [s, k + 1] : null;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const t = TENS.get(lower.slice(0, dash));
    const unit = SMALL_NUMBERS.get(lower.slice(dash + 1));
    return t !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? [t + unit, k + 1] : null;
  }
  const t = TENS.get(lower);
  if (t === undefined) return null;
  const unit = word(k + 1) && items[k + 1].space ? SMALL_NUMBERS.get(lowerAt(k + 1)) : undefined;
  return unit !== undefined && unit >= 1 && unit <= 9 ? [t + unit, k + 2] : [t, k + 1];
}

/** A year in figures or words at k, with a space before it: [year, end], or null. */
function yearOrSpelledAt(k: number): [number, number] | null {
  if (k >= n || !items[k].space) return null;
  const y = yearAt(k);
  return y ? [y, k + 1] : spelledYearAt(k);
}

/** After a day (`13`) or a month-day (`Nov. 13`): an optional `, 2024` / ` 2024` / ` of 2024`. Returns [year, end]. */
function trailingYear(k: number): [number, number] {
  let y = yearAt(k);
  if (y && items[k].space) return [y, k + 1];
  const spelled = spelledYearAt(k);
  if (spelled && items[k].space) return spelled;
  const link = lowerAt(k);
  if ((link === ',' || link === 'of') && (y = yearAt(k + 1)) && !isCountNounAhead(k + 2)) return [y, k + 2];
  return [0, k];
}

/** A day written in words: `ninth`, `twenty-first`, `twenty second`, `twenty nine`. Returns [day, end, ordinal]. */
function spelledDayAt(k: number): [number, number, boolean] | null {
  const w = word(k);
  if (!w) return null;
  const lower = w.lower;
  const o = ORDINALS.get(lower);
  if (o !== undefined) return o <= 31 ? [o, k + 1, true] : null;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const t = TENS.get(lower.slice(0, dash));
    const rest = lower.slice(dash + 1);
    const unit = ORDINALS.get(rest) ?? SMALL_NUMBERS.get(rest);
    if (t === undefined || unit === undefined || unit < 1 || unit > 9 || t + unit > 31) return null;
    return [t + unit, k + 1, ORDINALS.has(rest)];
  }
  const t = TENS.get(lower);
  if (t !== undefined) {
    const next = word(k + 1);
    if (next && next.space) {
      const unit = ORDINALS.get(next.lower) ?? SMALL_NUMBERS.get(next.lower);
      if (unit !== undefined && unit >= 1 && unit <= 9 && t + unit <= 31) return [t + unit, k + 2, ORDINALS.has(next.lower)];
    }
    return t <= 30 ? [t, k + 1, false] : null;
  }
  const s = SMALL_NUMBERS.get(lower);
  return s !== undefined && s >= 1 ? [s, k + 1, false] : null;
}

/** A day number on its own, figures or words: `9`, `12th`, `seventeenth` (weak). */
function dayNumberAt(k: number): Piece | null {
  const d = dayAt(k);
  if (d) return piece(k, k + 1, 'dayNumber', d);
  const s = spelledDayAt(k);
  return s && s[2] ? piece(k, s[1], 'dayNumber', s[0]) : null;
}

/** A day written as an ordinal, `26th` or `twenty-sixth`: returns the end, or 0. */
function ordinalDayAt(k: number): number {
  if (dayAt(k)) return items[k].numeric()!.suffix !== '' ? k + 1 : 0;
  const s = spelledDayAt(k);
  return s && s[2] ? s[1] : 0;
}

/** A bare year that a range can end on: not a count (`2000 people`). */
function yearPieceAt(k: number): Piece | null {
  const y = yearAt(k);
  return y && !isCountNounAhead(k + 1) ? piece(k, k + 1, 'year', y, 'year') : null;
}

// What a word can start, as bit flags: one look-up decides which readers to try (most words start nothing).
const PERIOD_OF = 1;
const DEICTIC = 2;
const RELATIVE = 4;
const PREFIX = 8;
const RECURS = 16;
const SEASON = 32;
const FISCAL = 64;
const WEEKEND = 128;
const COUNT = 256;
const MONTH = 512;
const DAY_NUMBER = 1024;
const CLOCK = 2048;
const OPENER = 4096;
const WEEKDAY = 8192;
const HOLIDAY = 16384;
const QUARTER = 32768;
const SPELLED_DAY = 65536;
const CALENDAR = MONTH | WEEKDAY | HOLIDAY | QUARTER | SPELLED_DAY;
/** Every role; `numbers.ts` keeps its own flags above these. */
export const TEMPORAL_ROLES = 2 * SPELLED_DAY - 1;
/** Not a role: the word starts nothing lowercase (`may`, `sat`, `wed`, `nov`, `fridays`). */
const CAPITAL_ONLY = 2 * SPELLED_DAY;

const ROLES = new Map<string, number>();
function addRole(words: Iterable<string>, role: number): void {
  for (const w of words) ROLES.set(w, (ROLES.get(w) ?? 0) | role);
}
addRole([...PERIOD_ORDINALS, ...PERIOD_EDGES], PERIOD_OF);
addRole(DEICTIC_DAYS, DEICTIC);
addRole(RELATIVE_DATE_HEADS, RELATIVE);
addRole(PERIOD_PREFIXES, PREFIX);
addRole(['every', 'each', ...RECURRING], RECURS);
addRole(SEASONS, SEASON);
addRole(['fiscal', 'financial'], FISCAL);
addRole(['weekend'], WEEKEND);
addRole(['a', 'an', ...SMALL_NUMBERS.keys(), ...TENS.keys()], COUNT);
addRole(['once', 'twice'], RECURS);
addRole(MONTHS.keys(), MONTH);
addRole([...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS, ...WEEKDAY_PLURALS], WEEKDAY);
addRole(HOLIDAYS.keys(), HOLIDAY);
addRole(['q1', 'q2', 'q3', 'q4'], QUARTER);
addRole(ORDINALS.keys(), SPELLED_DAY);
addRole([...AMBIGUOUS_MONTHS, ...WEEKDAY_ABBREVIATIONS, ...WEEKDAY_PLURALS, ...[...MONTHS.keys()].filter(isAbbreviation)],
  CAPITAL_ONLY);
addRole([...ORDINALS.keys(), ...TENS.keys()], DAY_NUMBER);
addRole(['noon', 'midnight', 'midday', ...SMALL_NUMBERS.keys()], CLOCK);
addRole(['from', 'between'], OPENER);

/** The words that have a role. */
export const TEMPORAL_WORDS: Iterable<string> = ROLES.keys();

/** The roles of a word; hyphenated words by their first part (`mid-May`, `Jan-Feb`, `twenty-first`). */
export function rolesOf(lower: string): number {
  const roles = ROLES.get(lower);
  if (roles !== undefined) return roles;
  const dash = lower.indexOf('-');
  if (dash <= 0) return 0;
  const head = lower.slice(0, dash);
  if (head === 'mid') return PREFIX;
  if (MONTHS.has(head)) return MONTH;
  return SMALL_NUMBERS.has(head) || TENS.has(head) ? COUNT | SPELLED_DAY | DAY_NUMBER : 0;
}

/** The roles of a word with its case considered: lowercase, a capital-only word is no month or weekday. */
export function caseRoles(roles: number, cap: boolean): number {
  return (cap || !(roles & CAPITAL_ONLY) ? roles : roles & ~(MONTH | WEEKDAY)) & TEMPORAL_ROLES;
}

/** The roles of the word at k, its case considered. */
function rolesAt(k: number): number {
  return caseRoles(rolesOf(items[k].lower), items[k].cap);
}

// ----------------------------------------------------------------------------------------- calendar dates

/** `Nov. 13, 2024`, `13 Nov 2024`, `2024-11-13`, `June 2024`, `August`, `March eighteenth`, `Tuesday, Nov. 12`. */
function readCalendar(k: number, lenient: boolean): Piece | null {
  const it = items[k];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    // a month of a year (`2015-3`) is a period: no time of day goes with it
    if (num && num.kind === 'date' && lowerAt(k + 1) !== '/') return piece(k, k + 1, num.value % 100 ? 'day' : 'period', num.value);
    // day month [year]: `13 Nov 2024`, `13th November`, `4th of July`
    const d = dayAt(k);
    return d ? dayMonth(k, d, k + 1) : null;
  }
  if (it.type !== WORD) return null;
  const lower = it.lower;
  const roles = rolesAt(k);
  if (roles & MONTH) {
    const m = monthAt(k);
    if (m) return monthDate(k, m, lenient);
    const dash = lower.indexOf('-');
    return dash > 0 && it.cap ? monthPair(k, dash) : null;
  }
  if (roles & WEEKDAY) {
    if (WEEKDAY_PLURALS.has(lower)) return it.cap ? recurring(piece(k, k + 1, 'day', null)) : null; // `on Fridays`
    return WEEKDAYS.has(lower) || it.cap ? weekdayDate(k) : null;
  }
  if (roles & HOLIDAY) return holiday(k);
  if (roles & QUARTER) return quarter(k);
  if (!(roles & SPELLED_DAY)) return null;
  // `fourth of July`, `the twenty-seventh of April`
  const s = spelledDayAt(k);
  if (s && s[2] && lowerAt(s[1]) === 'of') {
    const month = monthAt(s[1] + 1);
    if (month && validDate(0, month, s[0])) {
      const [y, end] = trailingYear(s[1] + 2);
      return piece(k, end, 'day', dateValue(y, month, s[0]));
    }
  }
  return null;
}

/** `Christmas Day`, `Easter 2018`, `Labor Day`; not `Christmas tree`. The date is null, as for weekdays. */
function holiday(k: number): Piece | null {
  const cap = items[k].cap;
  for (const [rest] of HOLIDAYS.get(items[k].lower)!) {
    let j = k + 1;
    // the rest of the phrase, capitalised when its first word is (`Labor Day`)
    while (j - k - 1 < rest.length && lowerAt(j) === rest[j - k - 1] && items[j].space && (items[j].cap || !cap)) j++;
    if (j - k - 1 < rest.length || (rest.length > 0 && !items[k].cap) || (rest.length === 0 && nounAhead(j))) continue;
    const y = yearAt(j);
    return piece(k, y && items[j].space ? j + 1 : j, 'day', null);
  }
  return null;
}

function isQuarter(lower: string): boolean {
  return lower.length === 2 && lower.charCodeAt(0) === 113 /* q */ && lower.charCodeAt(1) >= 49 && lower.charCodeAt(1) <= 52;
}

/** `Q1 2024`, and `Q3` after a function word (`in Q3`); not a model name (`Audi Q3`). */
function quarter(k: number): Piece | null {
  const y = yearAt(k + 1);
  if (y && items[k + 1].space) return piece(k, k + 2, 'period', y, 'year');
  return items[k].cap && k > 0 && FUNCTION_WORDS.has(items[k - 1].lower) ? piece(k, k + 1, 'period', null) : null;
}

/** After a day number at k (ending at j): `13 Nov 2024`, `4th of July`. */
function dayMonth(k: number, d: number, j: number): Piece | null {
  if (lowerAt(j) === 'of' && monthAt(j + 1)) j++;
  // lowercase abbreviations only between a day and a year: `14 nov 2023`
  const m = monthAt(j) || (yearAt(j + 1) && !AMBIGUOUS_WORDS.has(lowerAt(j)) ? MONTHS.get(lowerAt(j)) ?? 0 : 0);
  if (!m || !validDate(0, m, d)) return null;
  const [y, end] = trailingYear(j + 1);
  return piece(k, end, 'day', dateValue(y, m, d));
}

function monthDate(k: number, m: number, lenient: boolean): Piece | null {
  const it = items[k];
  const lower = it.lower;
  let j = k + 1;
  if (lowerAt(j) === '.' && !lower.endsWith('.') && lower.length <= 4) j++; // `Nov` `.`
  const d = dayAt(j);
  if (d && validDate(0, m, d) && items[j].space) {
    const [y, end] = trailingYear(j + 1);
    return piece(k, end, 'day', dateValue(y, m, d));
  }
  // `November 19-20`: the first day stands for the range
  const num = j < n && items[j].type === NUMERIC && items[j].space ? items[j].numeric() : null;
  if (num && num.kind === 'range' && num.suffix === '' && Number.isInteger(num.value) && num.value >= 1 && num.upper <= 31) {
    const [y, end] = trailingYear(j + 1);
    return piece(k, end, 'day', dateValue(y, m, num.value));
  }
  // `March eighteenth`, `May twenty nine` (a cardinal only where it counts nothing: `in March twenty people…`)
  const s = j < n && items[j].space ? spelledDayAt(j) : null;
  if (s && validDate(0, m, s[0]) && (s[2] || !nounAhead(s[1])) && !(lower === 'may' && previousIsName(k))) {
    const [y, end] = trailingYear(s[1]);
    return piece(k, end, 'day', dateValue(y, m, s[0]));
  }
  const year = yearOrSpelledAt(j);
  if (year) return piece(k, year[1], 'period', dateValue(year[0], m, 0));
  let y = 0;
  if ((lowerAt(j) === ',' || lowerAt(j) === 'of') && (y = yearAt(j + 1)) && !isCountNounAhead(j + 2)) {
    return piece(k, j + 2, 'period', dateValue(y, m, 0)); // `June, 2024`, `June of 1992`
  }
  if (!AMBIGUOUS_MONTHS.has(lower) || (lower.endsWith('.') && lower !== 'may.') || (it.cap && (lenient || afterMonthPreposition(k)))) {
    return piece(k, k + 1, 'period', dateValue(0, m, 0));
  }
  return null;
}

/** `in May`, `since March`, `by Sept`: a preposition that makes a capitalised `May` the month. */
function afterMonthPreposition(k: number): boolean {
  return k > 0 && MONTH_PREPOSITIONS.has(items[k - 1].lower);
}
const MONTH_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'through']);

/** `Theresa May`: a capitalised word before `May` makes it a name. */
function previousIsName(k: number): boolean {
  return k > 0 && items[k - 1].type === WORD && items[k - 1].cap && !FUNCTION_WORDS.has(items[k - 1].lower);
}

/** `Jan-Feb 2017`, `Dec-2018`: one hyphenated word; the first month stands for a range. Not `a May-December romance`. */
function monthPair(k: number, dash: number): Piece | null {
  const lower = items[k].lower;
  if (k > 0 && (items[k - 1].lower === 'a' || items[k - 1].lower === 'an')) return null;
  const m = MONTHS.get(lower.slice(0, dash));
  const rest = lower.slice(dash + 1);
  if (m && /^\d{4}$/.test(rest)) return piece(k, k + 1, 'period', dateValue(Number(rest), m, 0)); // `Dec-2018`
  if (!m || !MONTHS.has(rest)) return null;
  const y = yearAt(k + 1);
  return y && items[k + 1].space ? piece(k, k + 2, 'period', dateValue(y, m, 0)) : piece(k, k + 1, 'period', dateValue(0, m, 0));
}

/** A weekday, with the date it names when one follows: `Tuesday, Nov. 12`, `Monday 21`, `friday the 26th`. */
function weekdayDate(k: number): Piece | null {
  const it = items[k];
  let j = k + 1;
  if (lowerAt(j) === ',') j++;
  const date = j < n ? readCalendar(j, false) : null;
  if (date && date.kind === 'day' && date.value !== null) return around(k, date.end, date);
  const d = dayAt(k + 1);
  if (d && items[k + 1].space && !nounAhead(k + 2) && !AM_PM.has(lowerAt(k + 2))) return piece(k, k + 2, 'day', null);
  const ordinal = lowerAt(k + 1) === 'the' ? ordinalDayAt(k + 2) : 0;
  if (ordinal) return piece(k, ordinal, 'day', null);
  // lowercase, a weekday needs a part of the day (`tuesday afternoon`)
  return WEEKDAYS.has(it.lower) && (it.cap || DAY_PARTS.has(lowerAt(k + 1))) ? piece(k, k + 1, 'day', null) : null;
}

// ------------------------------------------------------------------------------------- relative dates

/** `next Monday`, `last week`, `this past Wednesday`, `the following day`, `this morning`, `last March`. */
function readRelative(k: number): Piece | null {
  let j = k + 1;
  if (lowerAt(k) === 'this' && RELATIVE_DATE_SECOND_HEADS.has(lowerAt(j))) j++;
  if (YEAR_KINDS.has(lowerAt(j)) && lowerAt(j + 1) === 'year') j++; // `last fiscal year`
  const w = word(j);
  if (!w || !w.space) return null;
  const unit = w.lower;
  if (unit === 'week') {
    // `next week on Tuesday`, `this week Monday`, `next week Mon` (an abbreviation with its capital)
    const d = lowerAt(j + 1) === 'on' ? j + 2 : j + 1;
    const day = lowerAt(d);
    if ((WEEKDAYS.has(day) || (WEEKDAY_ABBREVIATIONS.has(day) && items[d].cap)) && items[d].space) return piece(k, d + 1, 'day', null);
  }
  if (RELATIVE_DATE_UNITS.has(unit) || SEASONS.has(unit)) return piece(k, j + 1, 'period', null);
  if (WEEKDAYS.has(unit)) {
    // `next Friday, March 8`
    const day = weekdayDate(j);
    return day ? around(k, day.end, day) : piece(k, j + 1, 'day', null);
  }
  if (DAY_PARTS.has(unit) || (unit === 'day' && DAY_HEADS.has(items[k].lower))) {
    const p = piece(k, j + 1, 'day', null);
    p.marker = DAY_PARTS.get(unit) ?? null;
    return p;
  }
  const m = MONTHS.get(unit);
  if (m && (w.cap || !AMBIGUOUS_MONTHS.has(unit))) {
    // `last March`, `this August 2nd`
    const date = monthDate(j, m, true);
    return date ? around(k, date.end, date) : null;
  }
  const h = HOLIDAYS.has(unit) ? holiday(j) : null; // `last Easter`
  return h ? around(k, h.end, h) : null;
}

/** Kinds of year: `last fiscal year`, `fiscal 2024`, `the 2023 financial year`. */
const YEAR_KINDS = new Set(['fiscal', 'financial', 'calendar', 'school', 'academic']);

/** `fiscal 2024`, `fiscal year 2024`: the year. */
function fiscalYear(k: number): Piece | null {
  const j = lowerAt(k + 1) === 'year' ? k + 2 : k + 1;
  const year = yearPieceAt(j);
  return year && items[j].space ? around(k, j + 1, year, 'period') : null;
}

/** `the weekend` (`over the weekend`): the weekend just past or coming; `the` is read back from `weekend`. */
function theWeekend(k: number): Piece | null {
  return k > 0 && items[k - 1].lower === 'the' && items[k].space ? piece(k - 1, k + 1, 'period', null) : null;
}

/** `tomorrow`, `yesterday`, `tonight`; `today` is weak. */
function readDeictic(k: number): Piece {
  const lower = items[k].lower;
  const p = piece(k, k + 1, 'day', null);
  p.weak = lower === 'today';
  if (lower === 'tonight' || lower === 'tonite') p.marker = 'pm';
  return p;
}

/** `mid-November`, `late July`, `early 2020`, `later this week`, `late Friday`, `earlier today`, `later in the day`. */
function readPrefixed(k: number): Piece | null {
  const it = items[k];
  const lower = it.lower;
  if (lower.startsWith('mid-')) return midWord(k);
  const j = k + 1;
  if (j >= n || !items[j].space) return null;
  if (lower === 'early' || lower === 'mid' || lower === 'late') {
    if (MONTHS.has(lowerAt(j)) && items[j].cap) {
      const date = monthDate(j, MONTHS.get(lowerAt(j))!, true);
      if (date) return around(k, date.end, date, 'period');
    }
    const year = yearPieceAt(j);
    if (year) return around(k, j + 1, year, 'period');
    const num = items[j].type === NUMERIC ? items[j].numeric() : null;
    if (num && num.kind === 'decade') return around(k, j + 1, piece(j, j + 1, 'year', num.value, 'year'), 'period');
  }
  const next = lowerAt(j);
  if (RELATIVE_DATE_HEADS.has(next)) {
    const r = readRelative(j);
    if (r) return around(k, r.end, r);
  }
  // `late Friday`, `early tomorrow`, `earlier today`
  const day = DEICTIC_DAYS.has(next) ? readDeictic(j) : WEEKDAYS.has(next) && items[j].cap ? readDay(j, false) : null;
  if (day && day.kind === 'day') return withDayTail(around(k, day.end, day, 'day'));
  if (next === 'in' && lowerAt(j + 1) === 'the') {
    const unit = lowerAt(j + 2);
    if (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year' || DAY_PARTS.has(unit)) {
      const p = piece(k, j + 3, 'period', null);
      p.marker = DAY_PARTS.get(unit) ?? null;
      return p;
    }
  }
  return null;
}

/** One word: `mid-November`, `mid-2024`, `mid-1990s`. */
function midWord(k: number): Piece | null {
  const rest = items[k].lower.slice(4);
  const m = MONTHS.get(rest);
  if (m) return piece(k, k + 1, 'period', dateValue(0, m, 0));
  const year = /^(\d{4})s?$/.exec(rest);
  return year ? piece(k, k + 1, 'period', Number(year[1]), 'year') : null;
}

/** `the end of 2008`, `the first week of July`, `the second quarter of 2023`, `end of this year`. */
function readPeriodOf(k: number): Piece | null {
  const lower = items[k].lower;
  let j: number;
  if (PERIOD_EDGES.has(lower)) {
    if (lowerAt(k + 1) !== 'of') return null;
    j = k + 2;
  } else {
    // `the first week of`, `the first Monday of`, `the first six months of`
    const part = lowerAt(k + 1);
    const unitEnd = PERIOD_PARTS.has(part) || WEEKDAYS.has(part) ? k + 2 : countedPeriodsEnd(k + 1);
    if (unitEnd < 0 || lowerAt(unitEnd) !== 'of') return null;
    j = unitEnd + 1;
  }
  const anchor = lowerAt(j);
  // `of the year`, `of month`; not `the end of the day` (an idiom) nor `the end of the war`
  if (anchor === 'the' && PERIOD_ANCHORS.has(lowerAt(j + 1))) return piece(k, j + 2, 'period', null);
  if (PERIOD_ANCHORS.has(anchor)) return piece(k, j + 1, 'period', null);
  if (RELATIVE_DATE_HEADS.has(anchor)) {
    const r = readRelative(j);
    return r ? around(k, r.end, r, 'period') : null;
  }
  const date = j < n ? readCalendar(j, true) : null;
  if (date) return around(k, date.end, date, 'period');
  const year = yearPieceAt(j);
  return year ? around(k, j + 1, year, 'period') : null;
}
const PERIOD_ANCHORS = new Set(['year', 'month', 'week', 'season', 'decade', 'century', 'quarter']);
const PLURAL_PERIODS = new Set(['days', 'weeks', 'weekends', 'months', 'quarters', 'years']);

/** A small count of periods from k, `six months`, `10 days`, `twenty-one days`: the end, or -1. */
function countedPeriodsEnd(k: number): number {
  if (k >= n) return -1;
  const it = items[k];
  let j = k + 1;
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (!num || !num.plain || num.intDigits > 3) return -1;
  } else {
    const dash = it.lower.indexOf('-');
    const first = dash > 0 ? it.lower.slice(0, dash) : it.lower;
    if (!SMALL_NUMBERS.has(first) && !TENS.has(first)) return -1;
    if (TENS.has(it.lower) && SMALL_NUMBERS.has(lowerAt(j))) j++; // `twenty one`
  }
  return PLURAL_PERIODS.has(lowerAt(j)) ? j + 1 : -1;
}

/** Units of the clock an offset from now may count in: `30 minutes later`, `3 hours ago`. */
const CLOCK_PERIODS = new Set(['hours', 'minutes', 'seconds']);

/**
 * `two weeks before May 13`, `three months after Easter`, `3 days from Tuesday`, and offsets from now: `2 days
 * ago`, `3 weeks later`, `30 minutes from now`: a date (a time for hours and minutes), null.
 */
function readOffset(k: number): Piece | null {
  let j = countedPeriodsEnd(k);
  let label: Stamp['label'] = 'date';
  if (j < 0) {
    const unit = lowerAt(k + 1);
    if (CLOCK_PERIODS.has(unit) && smallCountAt(k)) {
      // `30 minutes ago`, `3 hours later`: from now only
      const end = fromNowEnd(k + 2);
      return end > 0 ? piece(k, end, 'day', null, 'time') : null;
    }
    // the singular: `a week after`, `one day before`, `a year ago`, `an hour later`
    const first = lowerAt(k);
    if (first !== 'a' && first !== 'an' && first !== 'one') return null;
    if (unit === 'hour' || unit === 'minute') label = 'time';
    else if (unit !== 'day' && unit !== 'week' && unit !== 'month' && unit !== 'year') return null;
    j = k + 2;
  }
  const end = fromNowEnd(j);
  if (end > 0) return piece(k, end, 'day', null, label);
  if (label === 'time') return null;
  const link = lowerAt(j);
  if (link !== 'before' && link !== 'after' && link !== 'from') return null;
  const anchor = readDay(j + 1, false);
  return anchor && !anchor.recurs && (anchor.kind === 'day' || anchor.kind === 'period') ? piece(k, anchor.end, 'day', null) : null;
}

/** The end of `ago`, `later`, `earlier`, `hence` or `from now` at j, or -1. */
function fromNowEnd(j: number): number {
  const w = word(j);
  if (!w || !w.space) return -1;
  if (w.lower === 'ago' || w.lower === 'later' || w.lower === 'earlier' || w.lower === 'hence') return j + 1;
  return w.lower === 'from' && lowerAt(j + 1) === 'now' ? j + 2 : -1;
}

/** A small count at k, a figure or a number word (`30`, `five`): what `30 minutes ago` counts. */
function smallCountAt(k: number): boolean {
  const it = items[k];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    return !!num && num.plain && num.intDigits <= 3;
  }
  return SMALL_NUMBERS.has(it.lower) || TENS.has(it.lower) || it.lower.includes('-');
}

/** `every Tuesday`, `each week`, `every other day`, `every two weeks`, `daily` (as an adverb). */
function readRecurring(k: number): Piece | null {
  const it = items[k];
  if (RECURRING.has(it.lower)) {
    // `a daily briefing`, `the weekly Die Zeit`, `Korea JoongAng Daily`: adjectives and names
    if (it.cap && k > 0) return null;
    if (k > 0 && (items[k - 1].lower === 'a' || items[k - 1].lower === 'an' || items[k - 1].lower === 'the')) return null;
    const next = word(k + 1);
    if (next && next.space && !FUNCTION_WORDS.has(next.lower) && !RECURRING.has(next.lower)) return null;
    return recurring(piece(k, k + 1, 'period', null));
  }
  let j = k + 1;
  if (lowerAt(j) === 'other') j++;
  const count = j < n && (SMALL_NUMBERS.has(lowerAt(j)) || (items[j].type === NUMERIC && items[j].numeric()?.plain));
  if (count) j++;
  const w = word(j);
  if (!w || !w.space) return null;
  const unit = count && w.lower.endsWith('s') ? w.lower.slice(0, -1) : w.lower;
  if (WEEKDAYS.has(unit) || DAY_PARTS.has(unit) || unit === 'day' || unit === 'night') {
    const p = piece(k, j + 1, 'day', null);
    p.marker = DAY_PARTS.get(unit) ?? null;
    return recurring(p);
  }
  if (RELATIVE_DATE_UNITS.has(unit) || unit === 'hour') return recurring(piece(k, j + 1, 'period', null));
  return null;
}

function recurring(p: Piece): Piece {
  p.recurs = true;
  return p;
}

/** `once a week`, `twice a day`, `three times a year`. */
function readFrequency(k: number): Piece | null {
  let j = k + 1;
  const lower = items[k].lower;
  if (lower !== 'once' && lower !== 'twice') {
    if (lowerAt(j) !== 'times') return null;
    j++;
  }
  const per = lowerAt(j);
  if (per !== 'a' && per !== 'per' && per !== 'each' && per !== 'every') return null;
  const unit = lowerAt(j + 1);
  if (!(unit === 'day' || unit === 'night' || RELATIVE_DATE_UNITS.has(unit) || WEEKDAYS.has(unit))) return null;
  return recurring(piece(k, j + 2, 'period', null));
}

/** `2017 Q1`: the year. */
function yearQuarter(k: number): Piece | null {
  const y = yearAt(k);
  return y && isQuarter(lowerAt(k + 1)) && items[k + 1].space ? piece(k, k + 2, 'period', y, 'year') : null;
}

/** `summer 2024`, `the summer of 2023` (the year), `fall of 2024`. */
function readSeason(k: number): Piece | null {
  let j = k + 1;
  if (lowerAt(j) === 'of') j++;
  const year = yearPieceAt(j);
  return year && items[j].space ? around(k, j + 1, year, 'period') : null;
}

/** Any day or period at k; `lenient` accepts a capitalised ambiguous month alone (`from March to May`). */
function readDay(k: number, lenient: boolean): Piece | null {
  if (k >= n) return null;
  const it = items[k];
  let p: Piece | null = null;
  if (it.type === NUMERIC) {
    if (PERIOD_ORDINALS.has(it.lower)) p = readPeriodOf(k); // `1st week of`
    p = p ?? readFrequency(k) ?? yearQuarter(k) ?? readOffset(k) ?? readCalendar(k, lenient);
  } else if (it.type === WORD) {
    const roles = rolesAt(k);
    if (roles & PERIOD_OF) p = readPeriodOf(k);
    if (!p && roles & DEICTIC) p = readDeictic(k);
    if (!p && roles & RELATIVE) p = readRelative(k);
    if (!p && roles & PREFIX) p = readPrefixed(k);
    if (!p && roles & RECURS) p = readRecurring(k) ?? readFrequency(k);
    if (!p && roles & SEASON) p = readSeason(k);
    if (!p && roles & FISCAL) p = fiscalYear(k);
    if (!p && roles & WEEKEND) p = theWeekend(k);
    if (!p && roles & COUNT) p = readFrequency(k) ?? readOffset(k);
    if (!p && roles & CALENDAR) p = readCalendar(k, lenient);
  }
  return p && p.kind === 'day' ? withDayTail(p) : p;
}

/** A day number (`9`, `ninth`) or a bare year at k: the weak ends of a range. */
function weakPieceAt(k: number, yearToo: boolean): Piece | null {
  if (k >= n) return null;
  const it = items[k];
  if (it.type === NUMERIC) return dayNumberAt(k) ?? (yearToo ? yearPieceAt(k) : null);
  return it.type === WORD && rolesAt(k) & DAY_NUMBER ? dayNumberAt(k) : null;
}

/** `Monday morning`, `tomorrow night`, `Tuesday of last week`, `Wednesday next week`. */
function withDayTail(p: Piece): Piece {
  let j = p.end;
  const early = lowerAt(j) === 'early' || lowerAt(j) === 'late' ? 1 : 0; // `Sunday late evening`
  const part = DAY_PARTS.get(lowerAt(j + early));
  if (part && items[j].space && p.marker === null) {
    j += early + 1;
    p.end = j;
    p.marker = part;
  }
  const k = lowerAt(j) === 'of' ? j + 1 : j;
  const unit = lowerAt(k + 1);
  if (RELATIVE_DATE_HEADS.has(lowerAt(k)) && (unit === 'week' || unit === 'weekend') && k < n && items[k].space) p.end = k + 2;
  return p;
}

// ------------------------------------------------------------------------------------------------- times

/** Reads `12`, `six` or `2.30` as an hour of the clock, 0–12 (weak). */
function hourAt(k: number): Piece | null {
  if (k >= n) return null;
  const it = items[k];
  let h = -1;
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (num && num.kind === 'number' && num.plain && num.intDigits <= 2 && num.value <= 12) h = num.value;
    // `at 2.30`
    else if (num && num.kind === 'number' && num.suffix === '' && !num.currency && it.text.length <= 5) {
      const minutes = dottedMinutes(it.text);
      if (minutes >= 0) return piece(k, k + 1, 'hour', minutes, 'time');
    }
  } else {
    h = spelledHourAt(k);
  }
  return h < 0 ? null : piece(k, k + 1, 'hour', h * 60, 'time');
}

/** `one` … `twelve` at k as an hour, else -1. */
function spelledHourAt(k: number): number {
  const s = items[k].type === WORD ? SMALL_NUMBERS.get(items[k].lower) : undefined;
  return s !== undefined && s >= 1 && s <= 12 ? s : -1;
}

/** `8.30pm`: an hour and two-digit minutes written as a decimal. */
function dottedMinutes(text: string): number {
  const m = /^(\d{1,2})\.([0-5]\d)/.exec(text);
  return m && Number(m[1]) <= 12 ? Number(m[1]) * 60 + Number(m[2]) : -1;
}

function withMarker(minutes: number, marker: 'am' | 'pm'): number {
  return (Math.floor(minutes / 60) % 12 + (marker === 'pm' ? 12 : 0)) * 60 + (minutes % 60);
}

/**
 * A clock time: `5:35 a.m. ET`, `06:58 AM IST`, `5 p.m.`, `5pm`, `8.30pm`, `4 o'clock`, `six pm`, `noon`;
 * a range in one item counts as its first time (`3-8pm`, `1-3 pm`).
 */
function readClock(k: number): Piece | null {
  if (k >= n) return null;
  const it = items[k];
  let minutes = -1;
  let marker: 'am' | 'pm' | null = null;
  let j = k + 1;
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (!num || num.currency) return null;
    if (num.kind === 'time') {
      minutes = num.value;
      if (num.suffix === '') {
        marker = minutes < 13 * 60 ? markerAt(j) : null;
        if (marker) {
          minutes = withMarker(minutes, marker);
          j++;
        }
      } else {
        marker = num.suffix === 'pm' ? 'pm' : 'am';
      }
    } else if (num.intDigits <= 2 && num.value >= 0 && (num.kind === 'number' || num.kind === 'range')) {
      marker = AM_PM.get(num.suffix) ?? null;
      if (!marker && num.suffix === '' && (marker = markerAt(j))) j++;
      const whole = Number.isInteger(num.value) && num.value >= 1 && num.value <= 12;
      if (num.kind === 'range' && !(whole && Number.isInteger(num.upper) && num.upper <= 12)) return null;
      if (whole) minutes = num.value * 60;
      else if (marker && num.kind === 'number') minutes = dottedMinutes(it.text);
      if (minutes < 0) return null;
      if (marker) {
        // `11-1 pm` never parses (descending); `3-8pm`: both ends in the marker's half
        minutes = withMarker(minutes, marker);
      } else if (num.kind === 'number' && whole && OCLOCK.has(lowerAt(j))) {
        j++;
      } else if (num.value === 12 && (lowerAt(j) === 'noon' || lowerAt(j) === 'midnight')) {
        minutes = lowerAt(j++) === 'noon' ? 720 : 0; // `12 noon`
      } else {
        return null;
      }
    } else {
      return null;
    }
  } else if (it.lower === 'noon' || it.lower === 'midnight' || it.lower === 'midday') {
    minutes = it.lower === 'midnight' ? 0 : 720;
  } else {
    // `six pm`, `six o'clock`
    const hour = spelledHourAt(k);
    marker = hour < 0 ? null : markerAt(j);
    if (!marker && (hour < 0 || !OCLOCK.has(lowerAt(j)))) return null;
    j++;
    minutes = marker ? withMarker(hour * 60, marker) : hour * 60;
  }
  const p = piece(k, j, 'clock', minutes, 'time');
  p.marker = marker;
  if (j < n && items[j].type === WORD && TIME_ZONES.has(items[j].lower) && items[j].text === items[j].text.toUpperCase()) {
    p.unit = items[j].text;
    p.end = j + 1;
  }
  return p;
}
const OCLOCK = new Set(['o\'clock', 'o’clock', 'oclock']);

/** The am/pm marker at k (`p.m.`, `PM`), or null. */
function markerAt(k: number): 'am' | 'pm' | null {
  return k < n ? AM_PM.get(items[k].lower) ?? null : null;
}

/** `in the morning`, `at night` after a time: the half of the clock it puts a bare hour in. */
function withPartOfDay(p: Piece): Piece {
  const j = p.end;
  let part: 'am' | 'pm' | undefined;
  let end = j;
  if (lowerAt(j) === 'in' && lowerAt(j + 1) === 'the') {
    const k = lowerAt(j + 2) === 'early' || lowerAt(j + 2) === 'late' ? j + 3 : j + 2;
    part = DAY_PARTS.get(lowerAt(k));
    end = k + 1;
  } else if (lowerAt(j) === 'at' && lowerAt(j + 1) === 'night') {
    part = 'pm';
    end = j + 2;
  }
  if (!part) return p;
  if (p.marker === null && p.value !== null && p.value < 13 * 60) p.value = withMarker(p.value, part);
  p.marker = p.marker ?? part;
  p.kind = 'clock';
  p.weak = false;
  p.end = end;
  return p;
}

/** The bare end of a range takes the other end's half of the clock: `5 to 6pm`, `11 to 1 pm` (11 a.m.). */
function resolveRange(a: Piece, b: Piece): void {
  if (a.marker !== null || b.marker === null || a.value === null || a.value >= 13 * 60) return;
  const ah = Math.floor(a.value / 60) % 12;
  const bh = Math.floor(b.value! / 60) % 12;
  const same = ah <= bh;
  a.value = withMarker(a.value, same ? b.marker : b.marker === 'am' ? 'pm' : 'am');
}

/** The half of the clock a day at k implies (`last night`, `tomorrow morning`), or null. */
function markerOfDayAt(k: number): 'am' | 'pm' | null {
  const day = readDay(lowerAt(k) === 'on' ? k + 1 : k, false);
  return day && day.kind === 'day' ? day.marker : null;
}

/**
 * A time or a time range: `5 to 6pm`, `between 2 and 3 pm`, `from 10:30 to 3`, `3:00 to 4:00`, `5 in the
 * morning`. A bare hour alone needs `licensed` (after `Monday at`).
 */
function readClockPhrase(i: number, licensed: boolean, hint: 'am' | 'pm' | null = null): Piece | null {
  const opener = lowerAt(i);
  const k = opener === 'from' || opener === 'between' ? i + 1 : i;
  let first = readClock(k);
  if (!first) {
    // a bare hour needs a range, a part of the day or a licence after it; most small numbers have none
    const next = lowerAt(k + 1);
    if (!licensed && !RANGE_LINKS.has(next) && next !== 'and' && next !== 'in' && next !== 'at') return null;
    first = hourAt(k);
    if (!first) return null;
  }
  const a = withPartOfDay(first);
  const link = lowerAt(a.end);
  if (RANGE_LINKS.has(link) || (opener === 'between' && link === 'and')) {
    const b = readClock(a.end + 1) ?? hourAt(a.end + 1);
    // two bare hours make a range only when the day says which half of the clock (`tonight from 7 to 9`,
    // `between 7 and 9 last night`)
    if (b && a.kind === 'hour' && b.kind === 'hour' && hint === null) hint = markerOfDayAt(b.end);
    if (b && (a.kind === 'clock' || b.kind === 'clock' || hint !== null)) {
      if (hint !== null && b.kind === 'hour') b.marker = hint;
      resolveRange(a, b);
      const p = piece(i, b.end, 'clock', a.value, 'time');
      p.marker = a.marker ?? b.marker;
      p.unit = b.unit ?? a.unit;
      return withPartOfDay(p);
    }
  }
  if (opener === 'between') return null;
  const p = withPartOfDay(a);
  if (p.kind === 'hour' && !(licensed && !nounAhead(p.end))) return null;
  return p;
}

// ---------------------------------------------------------------------------------------------- phrases

/** A range of days or periods: `from March to May`, `between 2014 and 2018`, `9 to 12 June`, `April 9th through 17th`. */
function dayRange(a: Piece, b: Piece): boolean {
  if (a.kind === 'dayNumber') {
    // the first end takes the month of the second
    if (b.kind !== 'day' || b.value === null || b.value % 100 === 0) return false;
    a.value = b.value - (b.value % 100) + a.value!;
    return true;
  }
  if (b.kind === 'dayNumber') return a.kind === 'day' && a.value !== null && a.value % 100 !== 0;
  if (a.kind === 'year' && b.kind === 'year') return b.value! > a.value!;
  // `2014 through May 2nd 2018`, not `2016 to June`
  if ((a.label === 'year' || b.label === 'year') && !(hasYear(a) && hasYear(b))) return false;
  if (a.kind === 'clock' || a.kind === 'hour' || b.kind === 'clock' || b.kind === 'hour') return false;
  return true;
}

/** One end of a range of days, `the` allowed before it (`from 2007 to the end of 2008`). */
function rangeEndAt(k: number): Piece | null {
  const the = lowerAt(k) === 'the' ? k + 1 : k;
  const p = readDay(the, true) ?? weakPieceAt(the, the === k);
  if (p && the > k) p.start = k;
  return p;
}

function hasYear(p: Piece): boolean {
  return p.value !== null && (p.label === 'year' || p.value > 9999);
}

function readDayPhrase(i: number): Piece | null {
  const opener = lowerAt(i);
  const k = opener === 'from' || opener === 'between' ? i + 1 : i;
  const lenient = k > i || RANGE_LINKS.has(lowerAt(k + 1));
  // a weak first end needs a link right after it (two items for `twenty first`)
  const weakEnd = lenient || RANGE_LINKS.has(lowerAt(k + 2));
  const a = k > i ? rangeEndAt(k) : readDay(k, lenient) ?? (weakEnd ? weakPieceAt(k, true) : null);
  if (!a) return null;
  const link = lowerAt(a.end);
  if (!a.recurs && (RANGE_LINKS.has(link) || (opener === 'between' && link === 'and'))) {
    const b = rangeEndAt(a.end + 1);
    if (b && !b.recurs && dayRange(a, b)) {
      const p = around(k > i ? i : k, b.end, a, 'period');
      p.weak = false;
      return p;
    }
  }
  // a bare `May` or `Dec` is a month only as the end of a range or after `from` or `in`
  if (k === i && a.end === k + 1 && AMBIGUOUS_MONTHS.has(items[k].lower) && !afterMonthPreposition(k)) return null;
  // a weak day (`today`) may still take a time (`today at 3 p.m.`): the caller decides
  return a.weak && a.kind !== 'day' ? null : a;
}

const TIME_BOUNDS = new Set(['before', 'after', 'by', 'until', 'till']);

/** A day followed by its time: `Thursday 1 pm`, `Nov. 13 at 5:35 a.m.`, `Tuesday from 2:00 to 2:30 pm`. */
function clockAfter(day: Piece): Piece | null {
  let j = day.end;
  const link = lowerAt(j);
  // `Tuesday after 1pm`, `tomorrow before 5pm`, `Friday by noon`: a bound on the time, still the day's time
  const licensed = link === 'at' || link === 'around' || link === 'about' || TIME_BOUNDS.has(link);
  if (licensed) j++;
  const clock = readClockPhrase(j, licensed || day.marker !== null, day.marker);
  if (!clock) return null;
  if (clock.marker === null && day.marker !== null && clock.value !== null && clock.value < 13 * 60) {
    clock.value = withMarker(clock.value, day.marker);
  }
  return around(day.start, clock.end, day);
}

/** A time followed by its day: `3 p.m. on Monday`, `8am this morning`, `3:00 to 4:00 tomorrow`. */
function dayAfter(clock: Piece): Piece | null {
  const j = lowerAt(clock.end) === 'on' ? clock.end + 1 : clock.end;
  const day = readDay(j, false);
  if (!day || day.kind !== 'day') return null;
  return around(clock.start, day.end, day);
}

/**
 * Words that can follow a number that starts a date or time (`5 pm`, `5 to 6`, `13 Nov`, `2 weeks before`, `3 times
 * a week`, `a week after`, `twenty first`). After any other word a number is a quantity, and one look-up spares
 * the readers; `in`, `at` and `of` also need the words after them (`5 in the morning`, `4th of July`).
 */
const AFTER_NUMBER = new Set<string>([...AM_PM.keys(), ...OCLOCK, 'noon', 'midnight', ...RANGE_LINKS, 'times', ...CLOCK_PERIODS, 'hour', 'minute',
  ...MONTHS.keys(), ...PLURAL_PERIODS, ...PERIOD_PARTS, 'day', 'month', 'year', 'q1', 'q2', 'q3', 'q4',
  ...SMALL_NUMBERS.keys(), ...ORDINALS.keys()]);
const NUMBER_ROLES = COUNT | CLOCK | DAY_NUMBER;

function followsNumber(i: number): boolean {
  const next = lowerAt(i + 1);
  if (AFTER_NUMBER.has(next)) return true;
  if (next === 'of') return MONTHS.has(lowerAt(i + 2));
  if (next === 'at') return lowerAt(i + 2) === 'night';
  return next === 'in' && lowerAt(i + 2) === 'the';
}

/** Whether a date or time may start at item i; false for most numbers and every other word. */
function mayStartTemporal(i: number, roles: number): boolean {
  const it = items[i];
  if (it.type === NUMERIC) {
    const num = it.numeric();
    if (!num) return false;
    return num.kind !== 'number' || AM_PM.has(num.suffix) || followsNumber(i);
  }
  if (it.type !== WORD) return false;
  // `from`, `between`: only before a date or time (`from the end of 2008`)
  if (roles === OPENER) {
    return (i + 1 < n && (mayStartTemporal(i + 1, rolesAt(i + 1)) || lowerAt(i + 2) === 'and')) ||
      (lowerAt(i + 1) === 'the' && rolesOf(lowerAt(i + 2)) !== 0);
  }
  return roles !== 0 && ((roles & ~NUMBER_ROLES) !== 0 || followsNumber(i));
}

/** The date or time phrase starting at item i, or null; `roles` are the word's (`caseRoles`), any for a figure. */
export function readTemporal(i: number, roles: number): Stamp | null {
  if (!mayStartTemporal(i, roles)) return null;
  const clock = readClockPhrase(i, false);
  if (clock) return dayAfter(clock) ?? clock;
  const day = readDayPhrase(i);
  if (!day) return null;
  if (day.kind === 'day') {
    const withClock = clockAfter(day);
    if (withClock) return withClock;
  }
  return day.weak ? null : day;
}
