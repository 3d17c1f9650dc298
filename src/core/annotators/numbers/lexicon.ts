// Word lists for the number annotator. Everything is a Map or a Set keyed by the lowercased word, so the
// matcher does one hash look-up per token and never runs a regular expression over running text.

/** Phrases of lowercased words by one of their words: each entry the phrase's other words, in order, and its value. */
export type PhraseIndex<T> = Map<string, [rest: string[], value: T][]>;

/**
 * Indexes phrases by their first word (by their last, `byLast`, for a matcher that reads backwards), the
 * longest first under each word, so that the longest phrase there wins.
 */
function phraseIndex<T>(phrases: Iterable<readonly [string, T]>, byLast = false): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const [phrase, value] of phrases) {
    const words = phrase.split(' ');
    const key = byLast ? words.pop()! : words.shift()!;
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    list.push([words, value]);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
}

/** Phrases that stand for themselves. */
const asThemselves = (phrases: string[]): [string, string][] => phrases.map((p) => [p, p]);

/** Cardinal number words: `one` … `nineteen`, the tens. */
export const SMALL_NUMBERS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);
/** Scale words after a number (`2.5 million`, `two hundred`). `dozen` multiplies like a scale. */
export const SCALES = new Map<string, number>([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['dozen', 12],
  ['bn', 1e9], ['mn', 1e6], ['mln', 1e6], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
  // Indian English: a lakh is 100,000, a crore 10 million
  ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7],
]);
/** Scale suffixes glued to a numeral (`$1.2bn`, `5k`). `m` and `b` only count as scales after a currency. */
export const GLUED_SCALES = new Map<string, number>([
  ['k', 1e3], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);
export const CURRENCY_ONLY_GLUED_SCALES = new Map<string, number>([['m', 1e6], ['b', 1e9], ['t', 1e12]]);

/** Denominators of fractions written in words: `two thirds`, `two-thirds`, `three quarters`. */
export const FRACTION_WORDS = new Map<string, number>([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourths', 4],
  ['fourth', 4], ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7],
  ['eighth', 8], ['eighths', 8], ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);

/** Vague plural amounts: `hundreds of`, `thousands of`, `tens of thousands`. Value = the base. */
export const VAGUE_PLURALS = new Map<string, number>([
  ['dozens', 12], ['scores', 20], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6],
  ['billions', 1e9], ['trillions', 1e12], ['tens', 10],
]);

const ORDINAL_LIST: [string, number][] = [
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50],
  ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100],
  ['thousandth', 1e3], ['millionth', 1e6], ['billionth', 1e9], ['trillionth', 1e12],
];
export const ORDINALS = new Map<string, number>(ORDINAL_LIST);
export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * Qualifiers that make a figure approximate or bounded.
 */
const QUALIFIER_PHRASES = [
  'more than', 'over', 'nearly', 'almost', 'some', 'about', 'around', 'roughly', 'approximately',
  'at least', 'up to', 'fewer than', 'less than', 'as many as', 'as much as', 'as few as', 'an estimated',
  'estimated', 'just over', 'just under', 'well over', 'well above', 'under', 'at most', 'close to',
  'upwards of', 'in excess of', 'no more than', 'no fewer than', 'no less than', 'not more than',
  'barely', 'only', 'above', 'below', 'exceeding', 'beyond', 'circa', 'approx.', 'approx', 'greater than',
  'larger than', 'smaller than', 'bigger than', 'higher than', 'lower than', 'exceed', 'exceeds',
  // inclusive bounds: `less than or equal to 30`
  'less than or equal to', 'fewer than or equal to', 'more than or equal to', 'greater than or equal to',
  'larger than or equal to', 'smaller than or equal to', 'bigger than or equal to', 'equal to or more than',
  'equal to or less than', 'equal to or greater than', 'equal to or fewer than',
];
export const QUALIFIERS = phraseIndex(asThemselves(QUALIFIER_PHRASES));

/** Open bounds after a figure: `500 or more`, `18 and over`. First word → the words that may follow it. */
export const AMOUNT_BOUNDS_AFTER = new Map<string, Set<string>>([
  ['or', new Set(['more', 'less', 'fewer', 'greater', 'higher', 'lower', 'above', 'below', 'over', 'under'])],
  ['and', new Set(['above', 'over', 'below', 'under'])],
]);

/** Month names and abbreviations (with or without the full stop) → month number. */
export const MONTHS = new Map<string, number>();
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name, i + 1);
  const abbr = name.slice(0, 3);
  if (abbr !== name) {
    MONTHS.set(abbr, i + 1);
    MONTHS.set(abbr + '.', i + 1);
  }
});
for (const [k, m] of [['sept', 9], ['sept.', 9]] as const) MONTHS.set(k, m);
/** Month words that are also ordinary English words; they need a day or a year next to them. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'jan', 'jun', 'dec', 'sep', 'aug', 'oct', 'nov', 'feb',
  'apr', 'jul', 'sept', 'march']);

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Abbreviated weekdays; most are also words (`Sat`, `Wed`, `Sun`), so they only count before a date. */
export const WEEKDAY_ABBREVIATIONS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'mon.', 'tue.', 'tues.', 'wed.', 'thu.', 'thur.', 'thurs.', 'fri.', 'sat.', 'sun.']);
/** `on Fridays`: a weekday that recurs. */
export const WEEKDAY_PLURALS = new Set([...WEEKDAYS].map((d) => d + 's'));

/** `last week`, `next month`, `this year`, `the following day`: words that make a period relative. */
export const RELATIVE_DATE_HEADS = new Set(['last', 'next', 'this', 'past', 'previous', 'coming', 'following', 'upcoming']);
/** Second words of a two-word head: `this past Wednesday`, `this coming weekend`. */
export const RELATIVE_DATE_SECOND_HEADS = new Set(['past', 'coming', 'upcoming']);
/** Periods a relative head can name (weekdays, months, seasons and parts of the day too). */
export const RELATIVE_DATE_UNITS = new Set(['week', 'month', 'year', 'weekend', 'decade', 'century', 'quarter',
  'fortnight', 'season']);
/** Heads that also name the neighbouring day (`the next day`); `last day`, `this day` are other idioms. */
export const DAY_HEADS = new Set(['next', 'following', 'previous']);
export const DEICTIC_DAYS = new Set(['yesterday', 'today', 'tomorrow', 'tonight', 'tonite']);
/** Parts of the day, and the half of the clock they put a bare hour in (`5 in the morning`). */
export const DAY_PARTS = new Map<string, 'am' | 'pm'>([
  ['morning', 'am'], ['afternoon', 'pm'], ['evening', 'pm'], ['night', 'pm'],
]);
export const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);
/** `early 2020`, `mid-November`, `late last year`, `later this week`. */
export const PERIOD_PREFIXES = new Set(['early', 'mid', 'late', 'earlier', 'later']);
/** `the end of 2008`, `the beginning of March`. */
export const PERIOD_EDGES = new Set(['end', 'beginning', 'start', 'middle']);
/** `the first week of July`, `the second half of 2024`, `the last quarter of the year`. */
export const PERIOD_PARTS = new Set(['week', 'weekend', 'half', 'quarter', 'month', 'fortnight']);
export const PERIOD_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'last', 'final', '1st', '2nd', '3rd', '4th']);
/** Recurrence adverbs; the same words are adjectives before a noun (`a daily briefing`). */
export const RECURRING = new Set(['daily', 'weekly', 'monthly', 'yearly', 'annually', 'quarterly', 'hourly', 'nightly',
  'fortnightly', 'biweekly', 'bi-weekly', 'bimonthly', 'bi-monthly', 'semiannually', 'semi-annually', 'everyday']);
/** Holidays. The single words stand alone; the others need their capitals (`Labor Day`, not `labor day`). */
export const HOLIDAYS = phraseIndex(asThemselves([
  'christmas day', 'christmas eve', 'christmas', 'easter sunday', 'easter monday', 'easter', 'thanksgiving day',
  'thanksgiving', 'halloween', 'hanukkah', 'diwali', 'new year\'s day', 'new year\'s eve', 'new year’s day',
  'new year’s eve', 'independence day', 'labor day', 'labour day', 'memorial day', 'veterans day', 'boxing day',
  'valentine\'s day', 'valentine’s day', 'good friday', 'black friday', 'victory day', 'election day',
]));

/**
 * Open bounds before a date or time (`since August`, `no later than Friday`), by their last word: the matcher
 * reads them backwards from the date.
 */
export const DATE_BOUNDS_BEFORE = phraseIndex(asThemselves([
  'since', 'after', 'before', 'until', 'till', 'prior to', 'later than', 'earlier than', 'no later than',
  'no earlier than', 'not later than', 'not earlier than', 'starting', 'starting on', 'starting from', 'beginning',
  'beginning on', 'beginning from', 'as early as', 'as late as',
]), true);
/** Open bounds after a date or time (`2012 or later`, `1/1/2016 and later`, `2020 onwards`): first word → rest. */
export const DATE_BOUNDS_AFTER = new Map<string, string[]>([
  ['or', ['later', 'earlier']], ['and', ['later', 'earlier']],
  ['onwards', []], ['onward', []],
]);

/** Words that join the two ends of a date or time range (`between` takes `and`). */
export const RANGE_LINKS = new Set(['to', '-', '–', 'through', 'thru', 'till', 'until', 'til']);

export const AM_PM = new Map<string, 'am' | 'pm'>([
  ['a.m.', 'am'], ['a.m', 'am'], ['am', 'am'], ['p.m.', 'pm'], ['p.m', 'pm'], ['pm', 'pm'],
]);
export const TIME_ZONES = new Set(['et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt',
  'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest', 'wet', 'ist', 'kst', 'jst', 'msk', 'aest', 'aedt', 'hkt',
  'sgt', 'pkt', 'wib', 'sast', 'nzst', 'nzdt', 'akst', 'hst']);

/** Currency symbols and codes written before the amount → ISO code. */
export const CURRENCY_PREFIXES: [string, string][] = [
  ['cad$', 'CAD'], ['aud$', 'AUD'],
  ['mxn$', 'MXN'], ['mex$', 'MXN'], ['us$', 'USD'], ['hk$', 'HKD'], ['nz$', 'NZD'], ['a$', 'AUD'], ['c$', 'CAD'], ['s$', 'SGD'], ['r$', 'BRL'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₩', 'KRW'], ['₹', 'INR'], ['₽', 'RUB'],
  ['₴', 'UAH'], ['元', 'CNY'],
];
/** Codes that may stand before an amount as a separate word (`USD 5 million`). */
export const CURRENCY_CODES = new Map<string, string>([
  ['usd', 'USD'], ['eur', 'EUR'], ['gbp', 'GBP'], ['jpy', 'JPY'], ['cny', 'CNY'], ['rmb', 'CNY'], ['krw', 'KRW'],
  ['inr', 'INR'], ['rub', 'RUB'], ['uah', 'UAH'], ['chf', 'CHF'], ['cad', 'CAD'], ['aud', 'AUD'], ['hkd', 'HKD'],
]);
/** Currency words written after the amount → ISO code. */
export const CURRENCY_WORDS = new Map<string, string>([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['pound', 'GBP'], ['pounds', 'GBP'],
  ['sterling', 'GBP'], ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['won', 'KRW'], ['ruble', 'RUB'],
  ['rubles', 'RUB'], ['rouble', 'RUB'], ['roubles', 'RUB'], ['rupee', 'INR'], ['rupees', 'INR'],
  ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['hryvnas', 'UAH'], ['franc', 'CHF'], ['francs', 'CHF'],
  ['cent', 'USD'], ['cents', 'USD'], ['pence', 'GBP'], ['p', 'GBP'], ['usd', 'USD'], ['eur', 'EUR'],
  ['gbp', 'GBP'], ['rmb', 'CNY'], ['krw', 'KRW'], ['jpy', 'JPY'], ['cny', 'CNY'], ['元', 'CNY'],
  ['bitcoin', 'BTC'], ['bitcoins', 'BTC'], ['zloty', 'PLN'], ['zlotys', 'PLN'], ['forint', 'HUF'], ['forints', 'HUF'],
  ['shekel', 'ILS'], ['shekels', 'ILS'], ['ringgit', 'MYR'], ['rupiah', 'IDR'], ['naira', 'NGN'], ['reais', 'BRL'],
  ['markka', 'FIM'], ['markkaa', 'FIM'],
]);
/**
 * Currency names of more than one word, written after the amount (`420 million Finnish markka`, `10 Hong Kong
 * dollars`, `5 Mexican pesos`), with their ISO codes. A bare `pesos` or `dinars` names no one currency and is not
 * money.
 */
const CURRENCY_NAME_FORMS: [string, string][] = [
  ['hong kong dollar', 'HKD'], ['new zealand dollar', 'NZD'], ['new taiwan dollar', 'TWD'], ['taiwan dollar', 'TWD'],
  ['singapore dollar', 'SGD'], ['canadian dollar', 'CAD'], ['australian dollar', 'AUD'], ['us dollar', 'USD'],
  ['u.s. dollar', 'USD'], ['american dollar', 'USD'], ['chinese yuan', 'CNY'], ['japanese yen', 'JPY'],
  ['swiss franc', 'CHF'], ['british pound', 'GBP'], ['pound sterling', 'GBP'], ['korean won', 'KRW'],
  ['south korean won', 'KRW'], ['indian rupee', 'INR'], ['russian ruble', 'RUB'], ['russian rouble', 'RUB'],
  ['ukrainian hryvnia', 'UAH'], ['turkish lira', 'TRY'], ['finnish markka', 'FIM'], ['german mark', 'DEM'],
  ['deutsche mark', 'DEM'], ['french franc', 'FRF'], ['italian lira', 'ITL'], ['mexican peso', 'MXN'],
  ['philippine peso', 'PHP'], ['argentine peso', 'ARS'], ['argentinian peso', 'ARS'], ['chilean peso', 'CLP'],
  ['colombian peso', 'COP'], ['brazilian real', 'BRL'], ['south african rand', 'ZAR'], ['swedish krona', 'SEK'],
  ['norwegian krone', 'NOK'], ['danish krone', 'DKK'], ['polish zloty', 'PLN'], ['hungarian forint', 'HUF'],
  ['czech koruna', 'CZK'], ['israeli shekel', 'ILS'], ['new israeli shekel', 'ILS'], ['thai baht', 'THB'],
  ['malaysian ringgit', 'MYR'], ['indonesian rupiah', 'IDR'], ['nigerian naira', 'NGN'], ['kenyan shilling', 'KES'],
  ['egyptian pound', 'EGP'], ['saudi riyal', 'SAR'], ['uae dirham', 'AED'], ['kuwaiti dinar', 'KWD'],
  ['iraqi dinar', 'IQD'], ['jordanian dinar', 'JOD'], ['iranian rial', 'IRR'], ['pakistani rupee', 'PKR'],
  ['vietnamese dong', 'VND'], ['georgian lari', 'GEL'], ['kazakh tenge', 'KZT'], ['belarusian ruble', 'BYN'],
];
export const CURRENCY_NAMES = phraseIndex(
  CURRENCY_NAME_FORMS.flatMap(([names, code]) => {
    // the plural adds -s to the last word (`markka`, `yen`, `won`, `baht`, `rand` and `dong` have none in use)
    const last = names.split(' ').pop()!;
    const plural = /^(?:markka|yen|won|baht|rand|dong|sterling|real)$/.test(last) ? [] : [`${names}s`];
    if (last === 'real') plural.push(names.replace(/real$/, 'reais'));
    return [names, ...plural].map((phrase): [string, string] => [phrase, code]);
  }),
);
/** Currency signs that may also stand after the amount (`10 €`, `100 ₡`). */
export const CURRENCY_SIGNS = new Map<string, string>([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₩', 'KRW'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'],
  ['₡', 'CRC'], ['₭', 'LAK'], ['₦', 'NGN'], ['₱', 'PHP'], ['₺', 'TRY'], ['₪', 'ILS'], ['฿', 'THB'], ['₫', 'VND'],
]);
/** Words that may qualify a currency word: `U.S. dollars`, `Hong Kong dollars`. */
export const CURRENCY_ADJECTIVES = new Map<string, string>([
  ['u.s.', 'USD'], ['us', 'USD'], ['american', 'USD'], ['canadian', 'CAD'], ['australian', 'AUD'],
  ['singapore', 'SGD'], ['taiwan', 'TWD'], ['new', ''], ['south', ''], ['korean', 'KRW'],
]);

/**
 * Units of measure, as phrases of lowercased words. The unit reported is the phrase as written, lowercased.
 */
const MEASURE_PHRASES = [
  // duration
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes',
  'second', 'seconds', 'millisecond', 'milliseconds', 'decade', 'decades', 'century', 'centuries', 'yr', 'yrs', 'hr', 'hrs', 'mins',
  'years old', 'year old', 'months old', 'weeks old', 'days old', 'years of age', 'months of age', 'yo',
  'fortnight', 'fortnights', 'millennia',
  // length, area, volume
  'mile', 'miles', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'km', 'kms', 'meter', 'meters',
  'metre', 'metres', 'centimeter', 'centimeters', 'centimetres', 'cm', 'millimeter', 'millimeters',
  'millimetres', 'mm', 'foot', 'feet', 'ft', 'inch', 'inches', 'in.', 'yard', 'yards', 'nautical miles',
  'nautical mile', 'light years', 'light-years', 'square miles', 'square mile', 'square kilometers',
  'square kilometres', 'square kilometer', 'square kilometre', 'square meters', 'square metres',
  'square feet', 'square foot', 'sq km', 'sq mi', 'sq ft', 'km2', 'km²', 'acre', 'acres', 'hectare', 'hectares',
  'ha', 'liter', 'liters', 'litre', 'litres', 'gallon', 'gallons', 'barrels', 'barrel', 'cubic meters',
  'cubic metres', 'cubic feet', 'bpd', 'ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres',
  'decimeter', 'decimeters', 'decimetre', 'decimetres', 'micrometer', 'micrometers', 'micrometres', 'nanometer',
  'nanometers', 'nanometres', 'picometer', 'picometers', 'picometres', 'micron', 'microns', 'teaspoon',
  'teaspoons', 'tablespoon', 'tablespoons', 'tsp', 'tbsp', 'pint', 'pints', 'quart', 'quarts',
  // weight
  'ton', 'tons', 'tonne', 'tonnes', 'metric tons', 'metric tonnes', 'kilogram', 'kilograms', 'kilogramme',
  'kilogrammes', 'kg', 'kgs', 'gram', 'grams', 'lb', 'lbs', 'ounce', 'ounces', 'oz', 'milligram', 'milligrams', 'mg',
  'microgram', 'micrograms', 'μg', 'mcg', 'nanogram', 'nanograms', 'ng',
  // temperature
  'degrees', 'degree', 'degrees celsius', 'degrees fahrenheit', 'degrees centigrade', 'degrees c',
  'degrees f', 'deg celsius', 'deg fahrenheit', 'deg c', 'deg f', 'celsius', 'fahrenheit', 'centigrade',
  'degree celsius', 'degree fahrenheit', 'degree centigrade', 'kelvin',
  '°', '°c', '°f', 'c°', 'f°',
  // speed, power, energy, data
  'mph', 'kph', 'km/h', 'kmh', 'miles per hour', 'miles an hour', 'kilometers per hour', 'kilometres per hour',
  'knots', 'megawatts', 'megawatt', 'mw', 'gigawatts', 'gigawatt', 'gw', 'kilowatts', 'kw', 'kwh', 'mwh',
  'gwh', 'terawatt-hours', 'volts', 'watts', 'megatons', 'kilotons', 'gigabytes', 'terabytes', 'megabytes',
  'gb', 'tb', 'mb',
];
export const MEASURES = phraseIndex(asThemselves(MEASURE_PHRASES));
/** Unit suffixes that can be glued to a numeral (`200lbs`, `3.5km`, `20°C`, `45-acre`). */
export const GLUED_UNITS = new Set(MEASURE_PHRASES.filter((p) => !p.includes(' ')).concat(['m', 'g', 'l', 'km/h']));
/** Short measure words that are too ambiguous on their own after a number (`5 in`, `3 ha`, `2 m`). */
export const WEAK_UNITS = new Set(['in.', 'ha', 'mb', 'ng', 'gb', 'tb', 'mw', 'gw', 'kw', 'yo', 'mg', 'ml', 'second', 'degree',
  'degrees', '°']);

export const PERCENT_WORDS = new Set(['percent', 'pct', 'percents', 'percentage']);

/** Words that may stand before a year: `in 1950`, `since 2014`. */
export const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'of', 'from', 'until', 'till', 'through', 'before',
  'after', 'during', 'early', 'late', 'mid', 'mid-', 'circa', 'year', 'the', 'summer', 'winter', 'spring',
  'autumn', 'fall', 'to', 'and', 'or', 'between', 'around', 'for', 'at', 'election', 'census']);

/**
 * Function words: they end the counted-noun search after a number, and a capitalised function word before a
 * numeral does not make the numeral part of a name (`In 2024`, `About 50`).
 */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into',
  'onto', 'than', 'as', 'per', 'via', 'who', 'whom', 'whose', 'which', 'that', 'this', 'these', 'those', 'what',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will',
  'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'not', 'no', 'if', 'so', 'then', 'when',
  'where', 'while', 'since', 'until', 'after', 'before', 'during', 'about', 'over', 'under', 'some', 'all',
  'each', 'every', 'any', 'both', 'either', 'neither', 'he', 'she', 'it', 'they', 'we', 'you', 'i', 'his',
  'her', 'its', 'their', 'our', 'your', 'my', 'him', 'them', 'us', 'me', 'there', 'here', 'also', 'just',
  'only', 'even', 'including', 'among', 'between', 'against', 'around', 'through', 'across', 'up', 'down',
  'out', 'off', 'again', 'more', 'most', 'less', 'least', 'nearly', 'almost', 'approximately', 'roughly',
  'said', 'says', 'say', 'according', 'than', 'like', 'near', 'within', 'without', 'toward', 'towards',
  'upon', 'whether', 'because', 'though', 'although', 'however', 'already', 'now', 'still', 'yet', 'ago',
  'later', 'earlier', 'each', 'another', 'other', 'such', 'own', 'same', 'both', 'top', 'number', 'total',
  'page', 'step', 'phase', 'level', 'grade', 'size', 'age', 'aged', 'score', 'scored', 'rank', 'ranked',
  'killed', 'wounded', 'injured', 'died', 'dead', 'missing', 'left', 'were', 'remain', 'remained',
]);
/** Words after `one` that show it is a pronoun or part of an idiom, not a count (`one of`, `one another`). */
export const ONE_STOPWORDS = new Set(['of', 'another', 'or', 'and', 'who', 'that', 'which', 'is', 'was', 'has',
  'had', 'would', 'could', 'will', 'can', 'may', 'might', 'must', 'should', 'does', 'did', 'the', 'a', 'an',
  'in', 'on', 'at', 'to', 'by', 'for', 'with', 'from', 'more', 'else', 'way', 'thing', 'point', 'hand', 'side',
  'day', 'after', 'by', 'as', 'if', 'but', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'says', 'said', 'knows',
  'another', 'another\'s', 'too', 'such', 'here', 'there', 'one']);
export const ONE_PREVIOUS_STOPWORDS = new Set(['no', 'the', 'this', 'that', 'any', 'every', 'each', 'which',
  'only', 'someone', 'anyone', 'everyone', 'a', 'an', 'such', 'little', 'big', 'last', 'next', 'other',
  'another', 'right', 'wrong', 'new', 'old', 'first', 'good', 'bad', 'same', 'single']);

/** Plurals that do not end in -s, plus collective nouns a count can stand before. */
export const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff',
  'cattle', 'livestock', 'aircraft', 'sheep', 'fish', 'deer', 'feet', 'teeth', 'mice', 'geese', 'data',
  'media', 'militia', 'crew', 'spacecraft', 'infantry', 'cavalry', 'youth', 'offspring', 'clergy', 'kin']);
/** Words ending in -s that are not plural nouns. */
export const NOT_PLURAL = new Set(['was', 'has', 'is', 'this', 'thus', 'its', 'his', 'hers', 'yes', 'less', 'plus',
  'across', 'always', 'perhaps', 'whereas', 'afterwards', 'towards', 'news', 'besides', 'unless', 'does',
  'says', 'goes', 'gets', 'takes', 'makes', 'comes', 'sees', 'seems', 'remains', 'includes', 'means',
  'bus', 'gas', 'alias', 'atlas', 'chaos', 'ethos', 'lens', 'series', 'species', 'us', 'as', 'ours', 'yours',
  'theirs', 'sometimes', 'nevertheless', 'regardless', 'nonetheless', 'overseas', 'unawares', 'odds']);
