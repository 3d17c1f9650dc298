// What a source says about itself: the outlet, date and author written in its dateline, byline, credit and
// publication lines, or in the source URL that saved web articles often start with. These lines sit at the
// top and the bottom of an article, so only the first and last couple of kilobytes are read. A part that is
// not written in the text stays null: nothing is guessed.

export type SourceEvidence = 'dateline' | 'credit' | 'byline' | 'url' | 'header' | 'file';
export type SourceField = 'outlet' | 'date' | 'author';

export interface SourceDescription {
  /** `Outlet · Author · date` with the parts found; the file name stands in when neither outlet nor author is. */
  label: string;
  /** The news organisation, under its usual name when it is a well-known one (`(AP)` → `Associated Press`). */
  outlet: string | null;
  /** The publication date as written (`Nov. 13, 2024`), else the update date; the time of day is left out. */
  date: string | null;
  /** `date` as YYYY-MM-DD when the year is written or follows from another date in the text, else null. */
  isoDate: string | null;
  author: string | null;
  /** Where the outlet, author and date came from, in that order, each kind once; `file` for the file name. */
  from: SourceEvidence[];
  /** Where in the text the outlet, date and author were read. */
  spans: { field: SourceField; start: number; end: number }[];
}

const HEAD_CHARS = 2048;
const TAIL_CHARS = 2048;
/** Metadata lines come before the story has got going. */
const HEAD_LINES = 12;
const TAIL_LINES = 15;
/** Longer lines are prose; skipping them also keeps every pattern below cheap. */
const MAX_LINE = 200;

interface Line {
  text: string;
  start: number;
}

interface DateReading {
  year: number | null;
  month: number;
  day: number;
}

interface Finding {
  field: SourceField;
  value: string;
  start: number;
  end: number;
  from: SourceEvidence;
  /** Lower wins: how directly the line states the part. */
  rank: number;
  readings?: DateReading[];
}

export function describeSource(text: string, fileName: string): SourceDescription {
  const head = nonEmptyLines(text, 0, Math.min(text.length, HEAD_CHARS)).slice(0, HEAD_LINES);
  const tail = nonEmptyLines(text, Math.max(0, text.length - TAIL_CHARS), text.length, true).slice(-TAIL_LINES);
  const findings: Finding[] = [...urlFindings(head[0]), ...headFindings(head), ...tailFindings(tail)];

  const outlet = best(findings, 'outlet');
  const author = best(findings, 'author');
  const date = best(findings, 'date');
  const isoDate = date ? isoDateOf(date, findings) : null;
  const shownDate = isoDate ?? date?.value;

  const from: SourceEvidence[] = outlet || author ? [] : ['file'];
  for (const f of [outlet, author, date]) if (f && !from.includes(f.from)) from.push(f.from);
  const who = outlet ? [outlet.value, author?.value] : [author?.value ?? fileStem(fileName)];
  const label = [...who, shownDate].filter((part): part is string => !!part).join(' · ');

  return {
    label,
    outlet: outlet?.value ?? null,
    date: date?.value ?? null,
    isoDate,
    author: author?.value ?? null,
    from,
    spans: [outlet, date, author].filter((f): f is Finding => !!f).map(({ field, start, end }) => ({ field, start, end })),
  };
}

/** Rank of a year that only helps date another date (`© 2024`, `/2024/` in a URL): never shown itself. */
const YEAR_ONLY = Infinity;

function best(findings: Finding[], field: SourceField): Finding | undefined {
  let chosen: Finding | undefined;
  for (const f of findings) {
    if (f.field === field && f.rank !== YEAR_ONLY && (!chosen || f.rank < chosen.rank || (f.rank === chosen.rank && f.start < chosen.start))) chosen = f;
  }
  return chosen;
}

/** `000_812b520c8dabc6dc.txt` → `000_812b520c8dabc6dc`; a path is reduced to its last part. */
function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || fileName || 'source';
}

/** The non-blank lines of text[from, to), trimmed; a first line cut by `from` is dropped when `whole`. */
function nonEmptyLines(text: string, from: number, to: number, whole = false): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  const chunk = text.slice(from, to);
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    if (whole && m.index === 0 && from > 0 && !/[\r\n]/.test(text[from - 1])) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) lines.push({ text: trimmed, start: from + m.index + lead });
  }
  return lines;
}

// ---- outlets -----------------------------------------------------------------------------------------

/** Agencies and broadcasters by the names they are credited under (lower case, no leading "the"). */
const OUTLET_NAMES: Record<string, string> = {
  ap: 'Associated Press',
  'associated press': 'Associated Press',
  reuters: 'Reuters',
  'thomson reuters': 'Reuters',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  upi: 'UPI',
  'united press international': 'UPI',
  yonhap: 'Yonhap',
  'yonhap news agency': 'Yonhap',
  'yonhap news': 'Yonhap',
  kyodo: 'Kyodo News',
  'kyodo news': 'Kyodo News',
  xinhua: 'Xinhua',
  'xinhua news agency': 'Xinhua',
  tass: 'TASS',
  interfax: 'Interfax',
  kcna: 'KCNA',
  'korean central news agency': 'KCNA',
  ukrinform: 'Ukrinform',
  pti: 'PTI',
  'press trust of india': 'PTI',
  ians: 'IANS',
  dpa: 'dpa',
  efe: 'EFE',
  ansa: 'ANSA',
  'anadolu agency': 'Anadolu Agency',
  bloomberg: 'Bloomberg',
  'bloomberg news': 'Bloomberg',
  cnn: 'CNN',
  bbc: 'BBC',
  'bbc news': 'BBC',
  nhk: 'NHK',
};

/** Well-known news sites by domain; a subdomain inherits its parent's name unless listed itself. */
const NEWS_DOMAINS: Record<string, string> = {
  'apnews.com': 'Associated Press',
  'ap.org': 'Associated Press',
  'reuters.com': 'Reuters',
  'afp.com': 'AFP',
  'upi.com': 'UPI',
  'yna.co.kr': 'Yonhap',
  'bloomberg.com': 'Bloomberg',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'latimes.com': 'Los Angeles Times',
  'usatoday.com': 'USA Today',
  'nydailynews.com': 'New York Daily News',
  'nypost.com': 'New York Post',
  'chicagotribune.com': 'Chicago Tribune',
  'bostonglobe.com': 'The Boston Globe',
  'seattletimes.com': 'The Seattle Times',
  'sfgate.com': 'San Francisco Chronicle',
  'cnn.com': 'CNN',
  'sportsillustrated.cnn.com': 'Sports Illustrated',
  'si.com': 'Sports Illustrated',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'nbcsports.com': 'NBC Sports',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'espn.go.com': 'ESPN',
  'espn.com': 'ESPN',
  'npr.org': 'NPR',
  'pbs.org': 'PBS',
  'msnbc.com': 'MSNBC',
  'cnbc.com': 'CNBC',
  'today.com': 'TODAY',
  'huffingtonpost.com': 'HuffPost',
  'huffpost.com': 'HuffPost',
  'politico.com': 'Politico',
  'axios.com': 'Axios',
  'thehill.com': 'The Hill',
  'newsweek.com': 'Newsweek',
  'time.com': 'TIME',
  'forbes.com': 'Forbes',
  'businessinsider.com': 'Business Insider',
  'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker',
  'yahoo.com': 'Yahoo',
  'hollywoodreporter.com': 'The Hollywood Reporter',
  'variety.com': 'Variety',
  'deadline.com': 'Deadline',
  'people.com': 'People',
  'eonline.com': 'E! News',
  'usmagazine.com': 'Us Weekly',
  'rollingstone.com': 'Rolling Stone',
  'tmz.com': 'TMZ',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'theguardian.com': 'The Guardian',
  'guardian.co.uk': 'The Guardian',
  'telegraph.co.uk': 'The Telegraph',
  'dailymail.co.uk': 'Daily Mail',
  'independent.co.uk': 'The Independent',
  'thetimes.co.uk': 'The Times',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'mirror.co.uk': 'Daily Mirror',
  'thesun.co.uk': 'The Sun',
  'news.sky.com': 'Sky News',
  'itv.com': 'ITV',
  'aljazeera.com': 'Al Jazeera',
  'dw.com': 'DW',
  'france24.com': 'France 24',
  'rt.com': 'RT',
  'euronews.com': 'Euronews',
  'lemonde.fr': 'Le Monde',
  'spiegel.de': 'Der Spiegel',
  'elpais.com': 'El País',
  'scmp.com': 'South China Morning Post',
  'japantimes.co.jp': 'The Japan Times',
  'nhk.or.jp': 'NHK',
  'kyodonews.net': 'Kyodo News',
  'xinhuanet.com': 'Xinhua',
  'tass.com': 'TASS',
  'koreaherald.com': 'The Korea Herald',
  'koreatimes.co.kr': 'The Korea Times',
  'koreajoongangdaily.joins.com': 'Korea JoongAng Daily',
  'nknews.org': 'NK News',
  'kyivindependent.com': 'The Kyiv Independent',
  'kyivpost.com': 'Kyiv Post',
  'rferl.org': 'RFE/RL',
  'rfa.org': 'Radio Free Asia',
  'voanews.com': 'VOA',
  'livemint.com': 'Mint',
  'timesofindia.indiatimes.com': 'The Times of India',
  'hindustantimes.com': 'Hindustan Times',
  'thehindu.com': 'The Hindu',
  'ndtv.com': 'NDTV',
  'indianexpress.com': 'The Indian Express',
  'inquirer.net': 'Philippine Daily Inquirer',
  'abc.net.au': 'ABC News (Australia)',
  'smh.com.au': 'The Sydney Morning Herald',
  'theage.com.au': 'The Age',
  'theaustralian.com.au': 'The Australian',
  'news.com.au': 'news.com.au',
  'cbc.ca': 'CBC',
  'globalnews.ca': 'Global News',
  'nzherald.co.nz': 'NZ Herald',
  'stuff.co.nz': 'Stuff',
  'cbslocal.com': 'CBS Local',
  'whitehouse.gov': 'The White House',
  'state.gov': 'U.S. Department of State',
  'justice.gov': 'U.S. Department of Justice',
};

/** Sites that host many publications under subdomains: the subdomain is the publication. */
const HOSTING_PLATFORMS = new Set(['blogspot', 'wordpress', 'livejournal', 'tumblr', 'weebly', 'typepad', 'substack', 'go']);

const cleanName = (written: string) => written.trim().replace(/[.,;:]+$/, '');
const knownOutlet = (written: string): string | undefined => OUTLET_NAMES[cleanName(written).toLowerCase().replace(/^the\s+/, '')];
/** A well-known outlet's usual name, else the name as written. */
const outletName = (written: string) => knownOutlet(written) ?? cleanName(written);

/** `edition.cnn.com` → `CNN`; `www.ktla.com` → `KTLA`; `dlisted.com` → `Dlisted`. */
function outletOfHost(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels[0] === 'www' || labels[0] === 'm') labels.shift();
  for (let i = 0; i < labels.length - 1; i++) {
    const known = NEWS_DOMAINS[labels.slice(i).join('.')];
    if (known) return known;
  }
  // Country domains register names one level lower: `odt.co.nz`, `theage.com.au`, `fia.uk.com`.
  const [tld, second] = [labels.at(-1) ?? '', labels.at(-2) ?? ''];
  const countrySecondLevel = labels.length > 2 && ((tld.length === 2 && /^(co|com|org|net|ac|gov|or|ne|go|edu)$/.test(second)) || (tld === 'com' && /^(uk|us|eu|gb)$/.test(second)));
  const nameAt = labels.length - (countrySecondLevel ? 3 : 2);
  if (nameAt < 0) return null;
  const main = nameAt > 0 && HOSTING_PLATFORMS.has(labels[nameAt]) ? labels[nameAt - 1] : labels[nameAt];
  if (!/[a-z]/.test(main)) return null;
  // Short all-letter names are call signs and initials (KTLA, AJC); longer ones are words.
  if (main.length <= 4 && /^[a-z]+$/.test(main)) return main.toUpperCase();
  return main.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** Looks like an organisation rather than a person: a known outlet or a newsroom word. */
function isOrganisation(name: string): boolean {
  return knownOutlet(name) !== undefined || /\b(News|Press|Times|Post|Agency|Network|Journal|Herald|Daily|Radio|TV|Media|Tribune|Telegraph|Gazette)\b/.test(name);
}

// ---- dates -------------------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const DAY = String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?![\d:])`;
const YEAR = String.raw`((?:19|20)\d\d)(?!\d)`;
/** `Nov. 13, 2024`, `Nov 13`, `May 3rd, 2013`, `November 27-2005`. */
const MONTH_FIRST = new RegExp(String.raw`(?<![a-z])${MONTH}\s*${DAY}(?:[,-]?\s*${YEAR})?`, 'gi');
/** `13 Nov 2024`, `09th June 2013`, `27 NOVEMBER, 2005`. */
const DAY_FIRST = new RegExp(String.raw`${DAY}\s*(?:of\s+)?${MONTH}(?:,?\s*${YEAR})?`, 'gi');
/** `05 / 02 / 2013`, `8/2/13`: month and day order is settled by their values or by another date. */
const NUMERIC = /(?<![\d/])(\d{1,2})\s?\/\s?(\d{1,2})\s?\/\s?(\d{4}|\d{2})(?![\d/])/g;
/** `2013-09-26`, and `2013/08/02` in URLs. */
const ISO = /(?<![\d/])((?:19|20)\d\d)([-/])(\d\d)\2(\d\d)(?!\d)/g;

interface DateMatch {
  start: number;
  end: number;
  readings: DateReading[];
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) + (Number(y) < 70 ? 2000 : 1900));

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const valid = (r: DateReading) => r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= daysIn(r.month, r.year);

/** The dates written in a line, left to right, without overlaps (the longer reading of a spot wins). */
function findDates(line: string): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (m: RegExpExecArray, readings: DateReading[]) => {
    const ok = readings.filter(valid);
    if (ok.length) found.push({ start: m.index, end: m.index + m[0].length, readings: ok });
  };
  for (const m of line.matchAll(MONTH_FIRST)) add(m, [{ month: monthOf(m[1]), day: Number(m[2]), year: m[3] ? Number(m[3]) : null }]);
  for (const m of line.matchAll(DAY_FIRST)) add(m, [{ month: monthOf(m[2]), day: Number(m[1]), year: m[3] ? Number(m[3]) : null }]);
  for (const m of line.matchAll(NUMERIC)) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
    add(m, a === b ? [{ month: a, day: b, year }] : [{ month: a, day: b, year }, { month: b, day: a, year }]);
  }
  for (const m of line.matchAll(ISO)) add(m, [{ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }]);
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DateMatch[] = [];
  for (const d of found) if (!kept.length || d.start >= kept[kept.length - 1].end) kept.push(d);
  return kept;
}

/** Time zones of countries that write the month first (`8 / 2 / 2013` with PDT is August 2) … */
const MONTH_FIRST_ZONE = /\b(?:[ECMP][SD]?T|AK[SD]T|HST)\b/;
/** … and of countries that write the day first. */
const DAY_FIRST_ZONE = /\b(?:GMT|BST|IST|CET|CEST|EET|MSK|AEST|AEDT|NZST|NZDT)\b/;

/** Keeps the reading of an ambiguous numeric date that the line's time zone implies. */
function byZone(readings: DateReading[], line: string): DateReading[] {
  if (readings.length < 2) return readings;
  if (MONTH_FIRST_ZONE.test(line)) return [readings[0]];
  return DAY_FIRST_ZONE.test(line) ? [readings[1]] : readings;
}

const TIME = /\b\d{1,2}(?:\s?[:.]\s?\d\d){1,2}(?:\s?[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s?[ap]\.?\s?m\b\.?/gi;
const ZONE = /\b(?:GMT|UTC|BST|IST|CET|CEST|EET|MSK|KST|JST|HKT|SGT|AEST|AEDT|NZST|NZDT|HST|AK[SD]T|[ECMPA][SD]?T)\b/g;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b/gi;
const DATE_LINE_WORDS = /\b(?:first|last|originally|published|posted|updated|created|story|modified|release|released|immediate|for|on|at|date|time|hrs|uk)\b/gi;

/** Nothing but dates, times, zones and publication words, give or take two words (a place, an agency). */
function leftoverWords(segment: string, dates: DateMatch[]): string[] {
  let rest = segment;
  for (const d of dates) rest = rest.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest.slice(d.end);
  rest = rest.replace(TIME, ' ').replace(ZONE, ' ').replace(WEEKDAY, ' ').replace(DATE_LINE_WORDS, ' ');
  return rest.match(/\p{L}{2,}/gu) ?? [];
}

/** Published or updated, from the nearest such word before the date. */
function dateKind(before: string): 'published' | 'updated' | null {
  const words = before.match(/publish|posted|created|release|originally|updat|modified|edited/gi);
  if (!words) return null;
  return /updat|modified|edited/i.test(words[words.length - 1]) ? 'updated' : 'published';
}

const DATE_RANK = { header: 0, published: 0, dateline: 1, plain: 2, updated: 3, url: 4 } as const;

/**
 * Publication and update lines (`Published: 13 November 2024`, `Updated Nov. 14, 2024 5:02 p.m. ET`), read
 * from `from` on; at the top, also a bare date line and an agency named beside the date (`Reuters Sep 18, 2013`).
 */
function publicationFindings(line: Line, from: number, inTail: boolean): Finding[] {
  const segment = line.text.slice(from);
  const offset = line.start + from;
  const dates = findDates(segment);
  if (!dates.length) return [];
  const extra = leftoverWords(segment, dates);
  const agency = extra.length && !inTail ? knownOutlet(extra.join(' ')) : undefined;
  if (extra.length > 2 && !agency) return [];
  const findings: Finding[] = [];
  if (agency) {
    const at = segment.indexOf(extra[0]);
    const end = segment.indexOf(extra[extra.length - 1], at) + extra[extra.length - 1].length;
    findings.push({ field: 'outlet', value: agency, start: offset + at, end: offset + end, from: 'header', rank: 2 });
  }
  let previousEnd = 0;
  for (const d of dates) {
    const kind = dateKind(segment.slice(previousEnd, d.start)) ?? 'plain';
    previousEnd = d.end;
    if (inTail && kind === 'plain') continue; // bare dates at the end are comments and related links
    findings.push({
      field: 'date',
      value: segment.slice(d.start, d.end).trim(),
      start: offset + d.start,
      end: offset + d.end,
      from: 'header',
      rank: DATE_RANK[kind],
      readings: byZone(d.readings, segment),
    });
  }
  return findings;
}

/**
 * The date as YYYY-MM-DD. A missing year, or the order of a numeric date's month and day, is settled by the
 * other dates the text gives (another date line, the URL, a copyright year), never by today's date.
 */
function isoDateOf(date: Finding, findings: Finding[]): string | null {
  const others = findings
    .filter((f) => f.field === 'date' && f !== date && f.readings?.length === 1 && f.readings[0].year !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((f) => f.readings![0]);
  const readings = date.readings ?? [];
  let chosen: DateReading | undefined;
  if (readings.length === 1) chosen = readings[0];
  else chosen = readings.find((r) => others.some((o) => o.year === r.year && o.month === r.month && (o.day === 0 || o.day === r.day)));
  if (!chosen) return null;
  if (chosen.year === null) {
    const reference = others.find((o) => o.day > 0) ?? others[0];
    if (!reference) return null;
    chosen = { ...chosen, year: nearestYear(chosen, reference) };
    if (!valid(chosen)) return null;
  }
  return `${chosen.year}-${String(chosen.month).padStart(2, '0')}-${String(chosen.day).padStart(2, '0')}`;
}

/** The year that puts a month and day closest to a dated reference (a Dec. 31 dateline on a Jan. 1 update). */
function nearestYear(r: DateReading, reference: DateReading): number {
  const year = reference.year!;
  if (reference.day === 0) return year;
  const at = (y: number) => Math.abs(Date.UTC(y, r.month - 1, r.day) - Date.UTC(year, reference.month - 1, reference.day));
  return [year - 1, year, year + 1].reduce((a, b) => (at(b) < at(a) ? b : a));
}

// ---- the lines ---------------------------------------------------------------------------------------

const URL_LINE = /^(?:https?:\/\/|www\.)([^\s/?#:@]+)\S*$/i;
const URL_DATES: RegExp[] = [
  /(?<!\d)((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?!\d)/, // /2013/08/02/, 2005-05-24
  new RegExp(String.raw`((?:19|20)\d\d)/${MONTH}/(\d\d)(?!\d)`, 'i'), // /2013/may/03/
  /(?<!\d)(19[89]\d|20[0-3]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/, // ...-20130504
];

/** A first line that is the article's URL: the outlet from its domain, a date from its path. */
function urlFindings(first: Line | undefined): Finding[] {
  const m = first ? URL_LINE.exec(first.text) : null;
  if (!first || !m) return [];
  const findings: Finding[] = [];
  const hostStart = first.start + m[0].indexOf(m[1]);
  const outlet = outletOfHost(m[1]);
  if (outlet) findings.push({ field: 'outlet', value: outlet, start: hostStart, end: hostStart + m[1].length, from: 'url', rank: 4 });
  const path = m[0].slice(m[0].indexOf(m[1]) + m[1].length);
  const pathStart = hostStart + m[1].length;
  for (const re of URL_DATES) {
    const d = re.exec(path);
    if (!d) continue;
    const month = /\d/.test(d[2]) ? Number(d[2]) : monthOf(d[2]);
    const reading = { year: Number(d[1]), month, day: Number(d[3]) };
    if (!valid(reading)) continue;
    findings.push({ field: 'date', value: d[0], start: pathStart + d.index, end: pathStart + d.index + d[0].length, from: 'url', rank: DATE_RANK.url, readings: [reading] });
    return findings;
  }
  // A year (and month) alone is no date to show, but settles the year of a date written without one.
  const year = /\/((?:19|20)\d\d)\/(?:(0[1-9]|1[0-2])\/)?/.exec(path);
  if (year) findings.push({ field: 'date', value: year[1], start: pathStart + year.index + 1, end: pathStart + year.index + 5, from: 'url', rank: YEAR_ONLY, readings: [{ year: Number(year[1]), month: Number(year[2] ?? 0), day: 0 }] });
  return findings;
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|van|von|bin|al|le|la|di|du)){1,4}`;
/** `By Jane Doe`, `By Jane Doe and John Roe, CNN`, `BY KIM SOO-YEON | Yonhap`. */
const BYLINE = new RegExp(
  String.raw`^(?:By|BY|Written by|Reported by):?\s+(${NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAME})*)(?:\s*[,|–—-]\s*(\p{Lu}[\p{L}\p{N}&.'’ -]{0,40}?))?\s*(?=$|\s(?:Updated|UPDATED|Published|PUBLISHED|Posted|POSTED)\b)`,
  'u',
);
const ROLE = /\b(Staff|Writer|Correspondent|Reporter|Editor|Contributor|Columnist)\b/i;

function bylineFindings(line: Line): { findings: Finding[]; end: number } | null {
  const m = BYLINE.exec(line.text);
  if (!m) return null;
  const names = m[1].split(/\s*,\s*|\s+and\s+|\s*&\s*/);
  const findings: Finding[] = [];
  let outlet = m[2]?.trim();
  let outletAt = outlet ? m[0].lastIndexOf(m[2]) : -1;
  // `By Jane Doe, Associated Press`: the last "name" is the organisation; `, Staff Writer` is neither.
  while (names.length > 1 && (isOrganisation(names[names.length - 1]) || ROLE.test(names[names.length - 1]))) {
    const last = names.pop()!;
    if (!outlet && isOrganisation(last)) {
      outlet = last;
      outletAt = m[0].lastIndexOf(last);
    }
  }
  const authors = names.join(names.length > 2 ? ', ' : ' and ');
  const authorsAt = m[0].indexOf(m[1]);
  const authorsEnd = authorsAt + m[1].lastIndexOf(names[names.length - 1]) + names[names.length - 1].length;
  findings.push({ field: 'author', value: authors, start: line.start + authorsAt, end: line.start + authorsEnd, from: 'byline', rank: 1 });
  if (outlet && !ROLE.test(outlet)) {
    findings.push({ field: 'outlet', value: outletName(outlet), start: line.start + outletAt, end: line.start + outletAt + outlet.length, from: 'byline', rank: 2 });
  }
  return { findings, end: m[0].length };
}

/** `SEOUL, Nov. 13 (UPI) —`, `WASHINGTON (Reuters) -`, `KYIV, Ukraine (AP) —`, `Nov. 13 (Yonhap) --`, `(CNN) —`. */
const DATELINE = /^([^()]{0,60}?)\s*(?:\(([^()]{2,40})\))?\s*(--|—|–|-(?=\s)|$)/;
const PLACE_WORD = /^(?:\p{Lu}|de$|la$|of$|el$|al$|upon$)/u;

function datelineFindings(line: Line): Finding[] {
  const m = DATELINE.exec(line.text);
  if (!m || (!m[3] && !m[2])) return []; // a short line with neither dash nor agency is a title
  const lead = m[1];
  const dates = findDates(lead);
  const place = leftoverWords(lead, dates);
  const words = lead.replace(TIME, ' ').split(/[\s,./]+/).filter((w) => w && !/^\d/.test(w));
  if (place.length > 5 || words.some((w) => !PLACE_WORD.test(w) && !dates.some((d) => lead.slice(d.start, d.end).includes(w)))) return [];
  const findings: Finding[] = [];
  const outlet = m[2]?.trim();
  // `(GMT+05:00)`, `(March 20, 2007)`: a parenthesis with digits is no agency.
  if (outlet && /^\p{Lu}\D*$/u.test(outlet) && outlet.split(/\s+/).length <= 5) {
    const at = line.start + m[0].indexOf('(', lead.length) + 1 + (m[2].length - m[2].trimStart().length);
    findings.push({ field: 'outlet', value: outletName(outlet), start: at, end: at + outlet.length, from: 'dateline', rank: 1 });
  }
  // A date alone before a dash (`Jan 5, 2011 – 4:35 PM`) is a date line, not a dateline.
  if (dates.length && (findings.length || (m[3] && place.length))) {
    const d = dates[0];
    findings.push({ field: 'date', value: lead.slice(d.start, d.end).trim(), start: line.start + d.start, end: line.start + d.end, from: 'dateline', rank: DATE_RANK.dateline, readings: d.readings });
  }
  return findings;
}

/** Lines a collector writes above a saved article: `Source: Reuters`, `Author: Jane Doe`, `Date: 2024-11-13`. */
const HEADER = /^(source|outlet|publication|publisher|author|authors|byline|writer|date)\s*:\s*(\S.{0,150})$/i;

function headerFindings(line: Line): Finding[] {
  const m = HEADER.exec(line.text);
  if (!m) return [];
  const key = m[1].toLowerCase();
  const valueAt = line.start + line.text.length - m[2].length;
  const value = m[2].trim();
  if (key === 'date') {
    const d = findDates(value)[0];
    return d ? [{ field: 'date', value: value.slice(d.start, d.end).trim(), start: valueAt + d.start, end: valueAt + d.end, from: 'header', rank: DATE_RANK.header, readings: d.readings }] : [];
  }
  if (/^(author|authors|byline|writer)$/.test(key)) {
    const name = value.replace(/^by\s+/i, '');
    return [{ field: 'author', value: name, start: valueAt + value.length - name.length, end: valueAt + value.length, from: 'header', rank: 0 }];
  }
  const url = URL_LINE.exec(value);
  const outlet = url ? outletOfHost(url[1]) : outletName(value);
  const at = url ? valueAt + value.indexOf(url[1]) : valueAt;
  return outlet ? [{ field: 'outlet', value: outlet, start: at, end: at + (url ? url[1].length : value.length), from: 'header', rank: 0 }] : [];
}

function headFindings(lines: Line[]): Finding[] {
  const findings: Finding[] = [];
  for (const line of lines) {
    const header = headerFindings(line);
    if (header.length) {
      findings.push(...header);
      continue;
    }
    if (line.text.length > MAX_LINE || URL_LINE.test(line.text)) continue;
    const byline = bylineFindings(line);
    if (byline) findings.push(...byline.findings);
    const dateline = byline ? [] : datelineFindings(line);
    findings.push(...dateline);
    // `By Jane Doe, CNN Updated 5:02 PM ET, Nov. 13, 2024`: the date after the byline.
    if (!dateline.some((f) => f.field === 'date')) findings.push(...publicationFindings(line, byline?.end ?? 0, false));
  }
  return findings;
}

const COPYRIGHT = /(?:©|\bCopyright\b|\([cC]\)(?=\s*(?:19|20)\d\d))\s*(?:©\s*)?((?:19|20)\d\d)?(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*(\p{Lu}[^|]{1,60}?)\s*(?:\.\s|\.$|\||All [Rr]ights [Rr]eserved|$)/u;
const REPORTING = /(?:^|\()Reporting by ([^;)]{2,160})/;

/** Credit lines at the end: `© 2024 The Associated Press`, `(Reporting by Jane Doe; Editing by …)`, `Yonhap`. */
function tailFindings(lines: Line[]): Finding[] {
  const findings: Finding[] = [];
  for (const line of lines) {
    if (line.text.length > MAX_LINE) continue;
    const copyright = COPYRIGHT.exec(line.text);
    if (copyright) {
      const at = line.start + copyright.index + copyright[0].indexOf(copyright[2]);
      findings.push({ field: 'outlet', value: outletName(copyright[2]), start: at, end: at + copyright[2].length, from: 'credit', rank: 3 });
      if (copyright[1]) {
        // The copyright year settles the year of a date written without one.
        const yearAt = line.start + copyright.index + copyright[0].indexOf(copyright[1]);
        findings.push({ field: 'date', value: copyright[1], start: yearAt, end: yearAt + 4, from: 'credit', rank: YEAR_ONLY, readings: [{ year: Number(copyright[1]), month: 0, day: 0 }] });
      }
    }
    const reporting = REPORTING.exec(line.text);
    if (reporting) {
      const names = reporting[1]
        .split(/\s*,\s*|\s+and\s+/)
        .map((n) => n.replace(/\s+in\s+.*$/, '').trim())
        .filter((n) => /^\p{Lu}/u.test(n));
      const at = line.start + reporting.index + reporting[0].indexOf(reporting[1]);
      if (names.length) findings.push({ field: 'author', value: names.join(names.length > 2 ? ', ' : ' and '), start: at, end: at + reporting[1].trimEnd().length, from: 'credit', rank: 2 });
    }
    // A line that is only an agency's name credits the story to it.
    const bare = /^[-—–\s]*([^-—–]+?)[.\s]*$/.exec(line.text);
    if (bare && bare[1].length <= 40 && knownOutlet(bare[1])) {
      const at = line.start + bare[0].indexOf(bare[1]);
      findings.push({ field: 'outlet', value: outletName(bare[1]), start: at, end: at + bare[1].length, from: 'credit', rank: 3 });
    }
    findings.push(...publicationFindings(line, 0, true));
  }
  return findings;
}
