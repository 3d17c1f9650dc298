// Reads one numeral-led item (`10,000`, `$1.2bn`, `12%`, `5:35`, `2024-11-13`, `10-15`, `three`-less forms
// only). Items are short, so the few anchored regular expressions here cost nothing measurable.
import { CURRENCY_PREFIXES } from './lexicon.js';

export type NumericKind = 'number' | 'time' | 'date' | 'range' | 'decade';

export interface Numeric {
  kind: NumericKind;
  /** Amount; minutes after midnight for times; yyyymmdd / mmdd for dates; lower bound for ranges. */
  value: number;
  upper: number;
  currency: string | null;
  /** Only digits: no separator, decimal point, currency or suffix. */
  plain: boolean;
  /** Digits before the decimal point (separators excluded). */
  intDigits: number;
  /** Lowercased text after the numeral (`%`, `st`, `bn`, `km`, `-year`, `pm`), '' when none. */
  suffix: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TIME_REST = /^:([0-5]\d)(?::[0-5]\d)?(a\.?m\.?|p\.?m\.?)?$/;
const ISO_REST = /^[-–](\d{1,2})[-–](\d{1,2})$/;
const SLASH_REST = /^\/(\d{1,3})(?:\/(\d{4}|\d{2}))?$/;
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 8, 10, 16, 100]);

/** Vulgar fraction characters (`½`, `¾`, `⅔`), by code unit. */
export const VULGAR_FRACTIONS = new Map<number, number>([
  [0xbc, 1 / 4], [0xbd, 1 / 2], [0xbe, 3 / 4], [0x2150, 1 / 7], [0x2151, 1 / 9], [0x2152, 1 / 10], [0x2153, 1 / 3],
  [0x2154, 2 / 3], [0x2155, 1 / 5], [0x2156, 2 / 5], [0x2157, 3 / 5], [0x2158, 4 / 5], [0x2159, 1 / 6], [0x215a, 5 / 6],
  [0x215b, 1 / 8], [0x215c, 3 / 8], [0x215d, 5 / 8], [0x215e, 7 / 8],
]);

export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y === 0 || (y >= 1000 && y <= 2200));
}

export function dateValue(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

const YEAR_MONTH_REST = /^[-–/](0[1-9]|[1-9])$/;
const MONTH_YEAR_REST = /^[-–/](\d{4})$/;

/**
 * A month of a year as yyyymm00, else 0: `2015-3`, `2015-03`, `12-2015`, `3/2015`. Not `2011-12` (two
 * digits after a year are mostly the end of a season or fiscal year, `the 2011-12 season`).
 */
function yearMonth(value: number, intDigits: number, rest: string): number {
  let m: RegExpExecArray | null;
  if (intDigits === 4 && (m = YEAR_MONTH_REST.exec(rest)) && validDate(value, Number(m[1]), 1)) return dateValue(value, Number(m[1]), 0);
  if (intDigits <= 2 && (m = MONTH_YEAR_REST.exec(rest)) && validDate(Number(m[1]), value, 1)) return dateValue(Number(m[1]), value, 0);
  return 0;
}

/** Parses a numeral-led item; null when it is not a figure we report (`5G`, `+82`, `250자`, `555-1234-99`). */
export function parseNumeric(text: string, allowCurrency = true): Numeric | null {
  const lower = text.toLowerCase();
  let p = 0;
  let currency: string | null = null;
  const c0 = lower.charCodeAt(0);
  const vulgar = VULGAR_FRACTIONS.get(c0);
  if (vulgar !== undefined) {
    // `½ teaspoon`: the fraction alone
    return { kind: 'number', value: vulgar, upper: vulgar, currency: null, plain: false, intDigits: 0, suffix: lower.slice(1) };
  }
  if (!isDigit(c0) && !(c0 === 46 && isDigit(lower.charCodeAt(1)))) {
    if (!allowCurrency) return null;
    for (const [sym, code] of CURRENCY_PREFIXES) {
      if (lower.startsWith(sym)) {
        currency = code;
        p = sym.length;
        break;
      }
    }
    if (currency === null || !(isDigit(lower.charCodeAt(p)) || lower.charCodeAt(p) === 46)) return null;
  }
  const numStart = p;
  let intDigits = 0;
  let plain = currency === null;
  while (p < lower.length && isDigit(lower.charCodeAt(p))) { p++; intDigits++; }
  // thousands groups: `,ddd` not followed by another digit
  while (
    intDigits > 0 && lower.charCodeAt(p) === 44 && isDigit(lower.charCodeAt(p + 1)) &&
    isDigit(lower.charCodeAt(p + 2)) && isDigit(lower.charCodeAt(p + 3)) && !isDigit(lower.charCodeAt(p + 4))
  ) {
    p += 4;
    intDigits += 3;
    plain = false;
  }
  if (lower.charCodeAt(p) === 46 && isDigit(lower.charCodeAt(p + 1))) {
    p++;
    plain = false;
    while (p < lower.length && isDigit(lower.charCodeAt(p))) p++;
  }
  if (p === numStart) return null;
  const numText = lower.slice(numStart, p);
  let value = parseFloat(plain ? numText : numText.replace(/,/g, ''));
  // `1½`, `2¾`
  const fraction = plain ? VULGAR_FRACTIONS.get(lower.charCodeAt(p)) : undefined;
  if (fraction !== undefined) {
    value += fraction;
    plain = false;
    p++;
  }
  const rest = lower.slice(p);
  const result: Numeric = { kind: 'number', value, upper: value, currency, plain: plain && rest === '', intDigits, suffix: rest };
  if (rest === '') return result;
  const r0 = rest.charCodeAt(0);
  if (r0 === 58 /* : */) {
    const m = currency === null && plain && intDigits <= 2 ? TIME_REST.exec(rest) : null;
    if (!m || value > 24) return null;
    let minutes = value * 60 + Number(m[1]);
    if (m[2]) {
      if (value > 12) return null;
      const pm = m[2].charCodeAt(0) === 112;
      minutes = ((value % 12) + (pm ? 12 : 0)) * 60 + Number(m[1]);
      result.suffix = pm ? 'pm' : 'am';
    } else {
      result.suffix = '';
    }
    result.kind = 'time';
    result.value = minutes;
    return result;
  }
  if (r0 === 45 /* - */ || r0 === 8211 /* – */) {
    const month = currency === null && plain ? yearMonth(value, intDigits, rest) : 0;
    if (month > 0) {
      result.kind = 'date';
      result.value = month;
      result.suffix = '';
      return result;
    }
    if (intDigits === 4 && currency === null && !numText.includes('.')) {
      const iso = ISO_REST.exec(rest);
      if (iso) {
        const m = Number(iso[1]);
        const d = Number(iso[2]);
        if (!validDate(value, m, d)) return null;
        result.kind = 'date';
        result.value = dateValue(value, m, d);
        result.suffix = '';
        return result;
      }
    }
    const c1 = rest.charCodeAt(1);
    if (isDigit(c1) || (c1 === 36 /* $ */ && currency !== null)) {
      const hi = parseNumeric(rest.slice(1), currency !== null);
      if (!hi || hi.kind !== 'number') return null;
      // `2023-24`: a season; `3-1`: a score; `555-1234`: a phone number. Only ascending bounds make a range.
      if (hi.value <= value) return null;
      result.kind = 'range';
      result.upper = hi.value;
      result.suffix = hi.suffix;
      result.currency = currency ?? hi.currency;
      return result;
    }
    return result; // `-year`, `-strong`, `-acre`: the matcher reads the word
  }
  if (r0 === 47 /* / */) {
    const month = currency === null && plain ? yearMonth(value, intDigits, rest) : 0;
    if (month > 0) {
      result.kind = 'date';
      result.value = month;
      result.suffix = '';
      result.plain = false;
      return result;
    }
    const m = currency === null && plain ? SLASH_REST.exec(rest) : null;
    if (!m) return null;
    const b = Number(m[1]);
    if (m[2]) {
      let y = Number(m[2]);
      if (m[2].length === 2) y += y < 50 ? 2000 : 1900;
      // month/day/year (US) unless the first field cannot be a month
      const [mo, d] = value > 12 ? [b, value] : [value, b];
      if (!validDate(y, mo, d)) return null;
      result.kind = 'date';
      result.value = dateValue(y, mo, d);
    } else if (FRACTION_DENOMINATORS.has(b) && value < b && value > 0 && value < 10) {
      result.value = value / b;
    } else {
      const [mo, d] = value > 12 ? [b, value] : [value, b];
      if (!validDate(0, mo, d)) return null;
      result.kind = 'date';
      result.value = dateValue(0, mo, d);
    }
    result.suffix = '';
    result.plain = false;
    return result;
  }
  // `1990s`, `1990's`
  if ((rest === 's' || rest === '\'s' || rest === '’s') && intDigits === 4 && currency === null && numText.length === 4) {
    result.kind = 'decade';
    return result;
  }
  return result;
}
