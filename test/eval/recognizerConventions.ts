// Microsoft Recognizers-Text conventions, mapped onto ours where the mapping is clear. What is not mapped is
// listed in NOT_MAPPED and printed, so nobody mistakes a convention gap for an error.
import type { NumberAnnotation, NumberLabel } from '../../src/core/types.js';
import type { RecognizerCase, RecognizerSpan } from './data.js';

export type Coarse = 'number' | 'money' | 'measurement' | 'date/time';
export const COARSE: Coarse[] = ['number', 'money', 'measurement', 'date/time'];

/** Each spec file annotates one model's kind only. */
export function caseCoarse(c: RecognizerCase): Coarse {
  const spec = c.meta.spec;
  if (spec.startsWith('Number/')) return 'number';
  if (spec.includes('Currency')) return 'money';
  if (spec.startsWith('NumberWithUnit/')) return 'measurement';
  return 'date/time';
}

const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'CHF', 'INR', 'KRW', 'RUB']);
// A duration (`3 hours`) is a date/time expression to Recognizers, an age (`5 years old`) a measurement.
const TIME_UNIT = /^(?:milli)?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))$/i;

/** Our label (and unit) as a Recognizers coarse type. */
export function ourCoarse(n: Pick<NumberAnnotation, 'label' | 'unit'>): Coarse {
  const byLabel: Record<NumberLabel, Coarse> = {
    count: 'number',
    ordinal: 'number',
    percent: 'number',
    money: 'money',
    measure: 'measurement',
    date: 'date/time',
    time: 'date/time',
    year: 'date/time',
    range: 'number',
  };
  if (n.label === 'measure' && n.unit && TIME_UNIT.test(n.unit)) return 'date/time';
  if (n.label === 'range' && n.unit && n.unit !== '%') return CURRENCY_CODES.has(n.unit) ? 'money' : TIME_UNIT.test(n.unit) ? 'date/time' : 'measurement';
  return byLabel[n.label];
}

const CURRENCY_UNIT: Record<string, string> = {
  Dollar: 'USD',
  'United States dollar': 'USD',
  Euro: 'EUR',
  Pound: 'GBP',
  'British pound': 'GBP',
  'Japanese yen': 'JPY',
  'Chinese yuan': 'CNY',
  'Canadian dollar': 'CAD',
  'Australian dollar': 'AUD',
  'Swiss franc': 'CHF',
};

// Our units are written as in the text; these are the spellings common enough to map.
const MEASURE_UNIT: [RegExp, string][] = [
  [/^(?:°|deg(?:rees?)?\.?\s*)?(?:c|celsius|centigrade)$/i, 'C'],
  [/^(?:°|deg(?:rees?)?\.?\s*)?(?:f|fahrenheit)$/i, 'F'],
  [/^(?:ft|foot|feet)$/i, 'Foot'],
  [/^(?:m|meters?|metres?)$/i, 'Meter'],
  [/^(?:km|kilometers?|kilometres?)$/i, 'Kilometer'],
  [/^(?:mi|miles?)$/i, 'Mile'],
  [/^(?:lbs?|pounds?)$/i, 'Pound'],
  [/^(?:kg|kilograms?|kilos?)$/i, 'Kilogram'],
  [/^(?:g|grams?)$/i, 'Gram'],
  [/^(?:gallons?|gal)$/i, 'Gallon'],
  [/^(?:in|inch|inches)$/i, 'Inch'],
  [/^(?:tons?)$/i, 'Ton'],
  [/^(?:tonnes?|metric tons?)$/i, 'Metric ton'],
  [/^(?:years?|yrs?)(?: old)?$/i, 'Year'],
  [/^months?(?: old)?$/i, 'Month'],
  [/^weeks?(?: old)?$/i, 'Week'],
  [/^days?(?: old)?$/i, 'Day'],
];

export const NOT_MAPPED = [
  'relative dates and times (`next month`, `tomorrow`): Recognizers resolves them with reference_datetime, we give null; not compared',
  'date ranges, datetime ranges, sets and durations: no single value of ours to compare; span only',
  'ordinal.relative (`last`, `next one`): no counterpart; span only',
  'currencies other than the common ones (cent, pence, bitcoin, lira, …): neither value nor unit compared; rarer measurement units: value compared, unit not',
  'numberrange: compared on the lower bound (and upper bound when we give one); open ends are not compared',
];

const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** The gold value in our encoding, or null when there is no clear counterpart. */
export function goldValue(span: RecognizerSpan): number | null {
  const v = span.value;
  switch (span.label) {
    case 'number':
    case 'ordinal':
    case 'currency':
    case 'dimension':
    case 'temperature':
    case 'age':
      return num(v.value);
    case 'percentage':
      return num(v.value?.replace('%', ''));
    case 'numberrange': {
      const m = /^[[(]([^,]*),/.exec(v.value ?? '');
      return m ? num(m[1]) : null;
    }
    case 'datetimeV2.date': {
      const timex = v.values?.[0]?.timex ?? '';
      let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(timex);
      if (m) return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
      m = /^XXXX-(\d{2})-(\d{2})$/.exec(timex);
      return m ? Number(m[1]) * 100 + Number(m[2]) : null;
    }
    case 'datetimeV2.daterange': {
      const timex = v.values?.[0]?.timex ?? '';
      let m = /^(\d{4})$/.exec(timex);
      if (m) return Number(m[1]);
      m = /^(\d{4})-(\d{2})$/.exec(timex);
      if (m) return Number(m[1]) * 10000 + Number(m[2]) * 100;
      m = /^XXXX-(\d{2})$/.exec(timex);
      return m ? Number(m[1]) * 100 : null;
    }
    case 'datetimeV2.time': {
      const m = /^T(\d{2})(?::(\d{2}))?/.exec(v.values?.[0]?.timex ?? '');
      return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : null;
    }
    default:
      return null;
  }
}

/** The gold unit in our spelling, or undefined when there is no unit or no mapping. */
export function goldUnit(span: RecognizerSpan): string | undefined {
  const unit = span.value.unit;
  if (!unit) return span.label === 'percentage' ? '%' : undefined;
  return span.label === 'currency' ? CURRENCY_UNIT[unit] : unit;
}

/** Our unit in Recognizers' spelling (currencies stay ISO codes, as goldUnit maps them). */
export function ourUnit(unit: string | null): string | null {
  if (!unit) return null;
  if (unit === '%' || CURRENCY_CODES.has(unit)) return unit;
  const flat = unit.trim();
  return MEASURE_UNIT.find(([re]) => re.test(flat))?.[1] ?? flat;
}
