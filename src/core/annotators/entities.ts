// Named entities (PERSON / ORG / PLACE) from the shared token view, in one linear pass plus a small
// document-level pass for canonical names.
//
// 1. Words: each word token becomes a `Word` with its shape (Capitalised / UPPER / lower / other), whether a
//    capital there proves anything (sentence starts, lines, after an opening quote or colon, and every word of a
//    headline-case line are "initial": their capital needs evidence), and a possessive or `-led` suffix cut off.
// 2. Chunks: runs of capitalised words joined by single spaces, with connectors (`of`, `the`, `and`, `for`,
//    `de`, `bin`, …) inside. Lexicon phrases (`Democratic People’s Republic of Korea`) are matched first, so a
//    possessive inside a known name does not break it.
// 3. Each chunk is classified: whole-lexicon match; role titles split it (`U.S. Secretary of State Antony
//    Blinken` → PLACE `U.S.`, PERSON `Antony Blinken`); a leading demonym is dropped unless an organisation head
//    follows (`Russian forces` → nothing, `Ukrainian Center for …` → ORG); organisation and place head words;
//    given names; multi-word unknowns default to PERSON; single unknown words wait for the document pass.
// 4. Document pass: single words are linked to the one multi-word PERSON they are the surname (or family name)
//    of, to an abbreviation defined in the text (`… Korea, or DPRK`, `(NIS)`, `DPRK stands for …`), or to
//    the initials of a multi-word ORG; then every mention gets its canonical name (lexicon canonical, else the
//    longest full form with the same key).
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import type { EntityAnnotation, EntityLabel } from '../types.js';
import type { TokenizedDocument, Token } from '../tokens.js';
import { PLACE_NAMES, WEAK_PLACE_FORMS, DEMONYMS, PLACE_HEADS, PLACE_PREFIXES } from '../entities/places.js';
import { CITIES } from '../entities/cities.js';
import { ORG_NAMES, CASE_SENSITIVE_ORG_FORMS, ORG_HEADS, ORG_OF_HEADS } from '../entities/orgs.js';
import { TITLES, ROLE_MODIFIERS, HONORIFICS, ROLE_DOMAINS, GIVEN_NAMES, NAME_PARTICLES, NAME_SUFFIXES } from '../entities/people.js';
import { COMMON_WORDS } from '../entities/common-words.js';
import { entityKey } from '../entities/registry.js';

// ---------------------------------------------------------------------------------------------------------
// Lexicon phrase trie: word sequences (normalised: lowercase, straight apostrophes) → label + canonical name.

interface LexEntry {
  label: EntityLabel;
  canonical: string;
  /** From the GeoNames city list rather than the curated lexicons: a single word that may be a given name. */
  weak?: boolean;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: LexEntry;
}
const TRIE: TrieNode = { next: new Map() };

function normWord(s: string): string {
  return straightApostrophes(s.toLowerCase());
}

function straightApostrophes(s: string): string {
  return s.indexOf('’') >= 0 || s.indexOf('‘') >= 0 ? s.replace(/[’‘]/g, "'") : s;
}

function addLex(form: string, entry: LexEntry): void {
  const words = form.split(' ').filter(Boolean);
  let node = TRIE;
  for (const w of words) {
    const key = normWord(w);
    let n = node.next.get(key);
    if (!n) node.next.set(key, (n = { next: new Map() }));
    node = n;
  }
  if (!node.entry) node.entry = entry;
}

for (const [form, canonical] of ORG_NAMES) {
  addLex(form, { label: 'ORG', canonical });
}
for (const [form, canonical] of PLACE_NAMES) addLex(form, { label: 'PLACE', canonical });
for (const c of CITIES) if (!PLACE_NAMES.has(normWord(c))) addLex(c, { label: 'PLACE', canonical: c, weak: !c.includes(' ') });

/** Words whose capitalised form is ambiguous with an ordinary word: lexicon matches need the exact case. */
const CASE_SENSITIVE = new Set<string>([...CASE_SENSITIVE_ORG_FORMS, 'us', 'it', 'in', 'or', 'me', 'oh', 'ok', 'la', 'de', 'hi', 'id', 'ma', 'pa', 'ga', 'al', 'co', 'mo']);

// ---------------------------------------------------------------------------------------------------------
// Small word sets.

const CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'on', ...NAME_PARTICLES]);
const MONTHS_DAYS = new Set(
  ('january february march april may june july august september october november december jan jan. feb feb. ' +
    'mar. apr apr. jun. jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. monday tuesday wednesday ' +
    'thursday friday saturday sunday mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun. christmas easter ' +
    'thanksgiving halloween ramadan eid hanukkah passover lent diwali').split(' '),
);
/** Heads of events, laws, documents and products: capitalised but not PERSON / ORG / PLACE. */
const NON_ENTITY_HEADS = new Set(
  ('war wars day days week year era age games olympics cup championship championships series bowl open ' +
    'treaty accord accords agreement partnership pact deal act law bill amendment constitution charter ' +
    'declaration doctrine plan strategy policy initiative summit conference forum prize award awards medal ' +
    'festival show awards index survey report study census election elections revolution uprising crisis ' +
    'storm hurricane typhoon earthquake fire pandemic virus disease syndrome prize').split(' '),
);
/** All-caps forms that are not names. */
const NON_ENTITY_ACRONYMS = new Set(
  ('uav uavs icbm icbms slbm irbm gdp cpi ceo cfo coo cto tv pc am pm a.m. p.m. et est edt gmt utc pst pdt cst ' +
    'cdt bst cet kst jst ist ok usd eur gbp jpy krw rmb cny ai ap pdf dna rna hiv aids covid sars mers mp mps ' +
    'mep pow pows ied ieds rpg atm suv suvs sms faq faqs ceo id ids url www html pr gop vip dj mvp diy rip asap ' +
    'fyi lol omg nb ps vs etc i ii iii iv v vi vii viii ix x xi xii wmd wmds emp gps lng lpg km kg mph nuclear ' +
    'op-ed ed min max no nos vol sec dui dwi').split(' '),
);
const SAY_VERBS = new Set(
  ('said says told added stated wrote asked explained noted argued insisted warned claimed tweeted recalled ' +
    'testified announced confirmed denied acknowledged replied responded continued concluded admitted').split(' '),
);
const PLACE_PREPS = new Set(['in', 'near', 'outside', 'across', 'inside', 'throughout', 'toward', 'towards', 'from', 'at', 'to', 'into']);
const STRONG_PLACE_PREPS = new Set(['in', 'near', 'outside', 'across', 'inside', 'throughout']);
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northern', 'southern', 'eastern', 'western', 'central']);
/** ORG heads that make a phrase an organisation wherever they stand in it (`Korea Institute Defense Analyses`). */
const INNER_ORG_HEADS = new Set(
  'institute university ministry department agency council committee commission organization organisation association foundation corporation center centre academy'.split(' '),
);
/** `X of Y` phrases that are places (`Gulf of Mexico`, `Republic of Korea`). */
const PLACE_OF_HEADS = new Set('gulf sea bay strait straits isle island islands republic kingdom city province state county district cape lake mount sultanate emirate principality commonwealth'.split(' '));
/** Adjective suffixes after a hyphen: `U.S.-led`, `Seoul-based`, `Cold War-era`. */
const HYPHEN_SUFFIXES = new Set(
  ('led based backed era style born made owned run controlled occupied held funded sponsored linked allied ' +
    'friendly bound like type class level area wide specific related centric focused oriented dominated ' +
    'affiliated aligned appointed supported brokered imposed annexed registered listed headquartered ' +
    'bred educated trained armed made built designed produced language speaking american').split(' '),
);
/** Opening punctuation after which a capital proves nothing. */
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '{', ':', '—', '–', '-', '>', '|', '•', '·', '«', '*', '#', '/']);
const ABBREVIATIONS = new Set('jr. sr. st. mt. ft. co. corp. inc. ltd. bros. no. vs. ave. blvd. rd. dept. gov. univ. assn. intl. natl.'.split(' '));
/** Contraction tails: `I'm`, `We're`, `Don't`. */
const CONTRACTION = /['’](?:m|re|ve|ll|d|t|s)$/;
const PLACE_NOUNS = new Set('region province city county state district area village town border coast airport port neighborhood neighbourhood suburb oblast valley island peninsula governorate municipality township capital'.split(' '));
const NAME_SHAPED_SUFFIX = /(?:ity|ness|tion|sion|ment|ing|ly|ed|ies|ism|ful|less|able|ible|ous|ive|ance|ence|ship|ure|ise|ize)$/;

// ---------------------------------------------------------------------------------------------------------
// Words.

type Shape = 'cap' | 'upper' | 'lower' | 'other';

interface Word {
  start: number;
  /** End of the name part: possessive `’s` / `'` and `-led`-style suffixes cut off. */
  end: number;
  /** Text of the name part. */
  text: string;
  /** Normalised name part: lowercase, straight apostrophes. */
  low: string;
  /** Normalised full token (possessive included), for lexicon phrases that contain `People’s`. */
  rawLow: string;
  shape: Shape;
  /** A capital here is not evidence of a name (sentence/line start, after an opener, in a headline). */
  initial: boolean;
  /** A suffix was cut: the word ends any chunk. */
  cut: boolean;
  /** The word is joined to the previous one by a single space (no newline, no punctuation). */
  joined: boolean;
  /** Index of the sentence segment (sentence × line) the word is in. */
  seg: number;
}

/** Shape of `text.slice(from, to)`, read in the document string (see tokens.ts). */
function shapeOf(text: string, from: number, to: number): Shape {
  let letters = 0;
  let upper = 0;
  let first: 'u' | 'l' | '' = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return 'other';
    let isUpper: boolean;
    if (c < 128) {
      // ASCII without the case-mapping calls: only A-Z and a-z have case.
      if (c >= 65 && c <= 90) isUpper = true;
      else if (c >= 97 && c <= 122) isUpper = false;
      else continue;
    } else {
      const ch = text[i];
      const up = ch.toUpperCase();
      if (ch.toLowerCase() === up) continue;
      isUpper = ch === up;
    }
    letters++;
    if (isUpper) {
      upper++;
      if (!first) first = 'u';
    } else if (!first) first = 'l';
  }
  if (!letters) return 'other';
  if (first === 'l') return 'lower';
  if (upper === letters && letters >= 2) return 'upper';
  // Plural acronyms: `ICBMs`, `UAVs`.
  if (upper === letters - 1 && letters >= 3 && text.charCodeAt(to - 1) === 115 /* s */) return 'upper';
  return 'cap';
}

const HYPHEN = 1;
const APOSTROPHE = 2;
const CURLY = 4;

/**
 * Which marks occur in `text.slice(from, to)`: `-` (HYPHEN), `'` or `’` (APOSTROPHE), `’` or `‘` (CURLY). Most
 * words have none, and then the checks that look for them are skipped.
 */
function marksIn(text: string, from: number, to: number): number {
  let marks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) marks |= HYPHEN;
    else if (c === 39) marks |= APOSTROPHE;
    else if (c === 8217) marks |= APOSTROPHE | CURLY;
    else if (c === 8216) marks |= CURLY;
  }
  return marks;
}

function isApostrophe(s: string): boolean {
  return s === "'" || s === '’';
}

function apostropheAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 39 || c === 8217;
}

function buildWords(doc: TokenizedDocument): Word[] {
  const source = doc.text;
  const words: Word[] = [];
  let seg = 0;
  for (const sentence of doc.sentences) {
    const toks = sentence.tokens;
    let segStart = words.length;
    let initialNext = true;
    let joinedNext = false;
    let lastPunct: Token | null = null;
    let lastText = '';
    const closeSeg = () => {
      const c = lastText[lastText.length - 1];
      markHeadline(words, segStart, words.length, c === '.' || c === '!' || c === '?' || c === '”' || c === '"');
      lastText = '';
      segStart = words.length;
      seg++;
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.type === 'space') {
        if (t.text !== ' ' && (t.text.indexOf('\n') >= 0 || t.text.indexOf('\r') >= 0)) {
          closeSeg();
          initialNext = true;
          joinedNext = false;
        }
        continue;
      }
      lastText = t.text;
      if (t.type !== 'word') {
        lastPunct = t;
        joinedNext = false;
        if (OPENERS.has(t.text)) {
          // A straight quote or apostrophe followed by a space closes rather than opens.
          const nxt = toks[i + 1];
          if (!((t.text === '"' || t.text === "'" || t.text === '-') && nxt && nxt.type === 'space')) initialNext = true;
        }
        continue;
      }
      const prev = toks[i - 1];
      // One space, or one no-break space (`Vedant\u00a0Patel`, common in text copied from the web).
      const joined = joinedNext && prev !== undefined && prev.type === 'space' && (prev.text === ' ' || prev.text === '\u00a0' || prev.text === '\u202f') && lastPunct === null;
      let text = t.text;
      let end = t.end;
      let cut = false;
      const marks = marksIn(source, t.start, t.end);
      // Possessives: `Russia’s`, `Jong-un's`; `Koreans'` (apostrophe as its own token). Characters are read in
      // the document string (see tokens.ts): `text` is always `source.slice(t.start, end)`.
      const n = text.length;
      const lastChar = source.charCodeAt(end - 1);
      if (marks & APOSTROPHE && n > 2 && (lastChar === 115 /* s */ || lastChar === 83 /* S */) && apostropheAt(source, end - 2)) {
        text = text.slice(0, n - 2);
        end -= 2;
        cut = true;
      } else if (n > 1 && lastChar === 115) {
        const nxt = toks[i + 1];
        if (nxt && nxt.type === 'punct' && isApostrophe(nxt.text) && nxt.start === t.end) {
          const after = toks[i + 2];
          if (!after || after.type !== 'word') cut = true;
        }
      }
      // A sentence-final period glued to a word (`Ross.`) that is not an abbreviation.
      if (text.length > 3 && source.charCodeAt(end - 1) === 46 /* . */ && text.indexOf('.') === text.length - 1) {
        const nxt = toks[i + 1];
        const stem = normWord(text.slice(0, -1));
        if ((!nxt || nxt.type === 'space') && !ABBREVIATIONS.has(stem + '.') && !PLACE_NAMES.has(stem + '.') && !TITLES.has(stem + '.') && !MONTHS_DAYS.has(stem + '.')) {
          text = text.slice(0, -1);
          end -= 1;
        }
      }
      // Hyphenated adjective suffixes: `U.S.-led`, `Seoul-based`. Few words have a hyphen: search once.
      const hyphenated = (marks & HYPHEN) !== 0 && text.indexOf('-') >= 0;
      const h = hyphenated ? text.lastIndexOf('-') : -1;
      if (h > 0 && h < text.length - 1) {
        const suffix = text.slice(h + 1);
        if (HYPHEN_SUFFIXES.has(suffix.toLowerCase()) && suffix[0] === suffix[0].toLowerCase()) {
          end -= text.length - h;
          text = text.slice(0, h);
          cut = true;
        }
      }
      const rawLow = marks & CURLY ? straightApostrophes(t.lower) : t.lower;
      const w: Word = {
        start: t.start,
        end,
        text,
        low: text === t.text ? rawLow : normWord(text),
        rawLow,
        shape: marks & APOSTROPHE && CONTRACTION.test(text) ? 'other' : shapeOf(source, t.start, end),
        initial: initialNext,
        cut,
        joined,
        seg,
      };
      // Hyphen compounds of two names: `Russia-North Korea`, `Korea-U.S.`: split when the first part is known.
      const hy = hyphenated ? text.indexOf('-') : -1;
      if (hy > 0 && !cut && w.shape === 'cap') {
        const a = text.slice(0, hy);
        const b = text.slice(hy + 1);
        const aLow = normWord(a);
        if (b && b[0] !== b[0].toLowerCase() && !TRIE.next.get(w.low)?.entry && (PLACE_NAMES.has(aLow) || DEMONYMS.has(aLow) || TRIE.next.get(aLow)?.entry)) {
          // Written out rather than spread from `w`: every word keeps the same object layout.
          words.push({ start: w.start, end: t.start + hy, text: a, low: aLow, rawLow: aLow, shape: shapeOf(source, t.start, t.start + hy), initial: w.initial, cut: true, joined: w.joined, seg });
          words.push({ start: t.start + hy + 1, end, text: b, low: normWord(b), rawLow: normWord(t.text.slice(hy + 1)), shape: shapeOf(source, t.start + hy + 1, end), initial: false, cut, joined: false, seg });
          initialNext = false;
          joinedNext = true;
          lastPunct = null;
          continue;
        }
      }
      words.push(w);
      initialNext = false;
      joinedNext = true;
      lastPunct = null;
    }
    closeSeg();
  }
  return words;
}

/** Headline-case lines (≥ 3 words, ≥ 60 % capitalised): every capital there needs evidence. */
function markHeadline(words: Word[], from: number, to: number, terminated: boolean): void {
  let total = 0;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const s = words[i].shape;
    if (s === 'other') continue;
    total++;
    if (s === 'cap' || s === 'upper') caps++;
  }
  if (total >= 3 && caps >= total * (terminated ? 0.85 : 0.6)) for (let i = from; i < to; i++) words[i].initial = true;
}

// ---------------------------------------------------------------------------------------------------------
// Candidates.

interface Mention {
  start: number;
  end: number;
  label: EntityLabel | null;
  /** Lexicon canonical name, when the lexicon decided. */
  canonical: string | null;
  /** How sure the label is: lexicon > head word or title > default guess. */
  strength: 3 | 2 | 1 | 0;
  /** Normalised words of the mention. */
  words: string[];
  /** The single word of a one-word mention was in initial position with only "rare word" evidence. */
  weakInitial: boolean;
  /** The mention this one stands for (the full name of a surname, the definition of an abbreviation). */
  alias: Mention | undefined;
  /** `entityKey` of the words, set by the document pass. */
  key: string;
  /** Index into the document's word list of the first and last word. */
  wi: number;
  wj: number;
}

interface Ctx {
  /** The document's text. */
  text: string;
  words: Word[];
  capSeen: Set<string>;
  lowSeen: Set<string>;
  out: Mention[];
}

function isNameShape(w: Word): boolean {
  return w.shape === 'cap' || w.shape === 'upper';
}

function isCommon(ctx: Ctx, low: string): boolean {
  if (COMMON_WORDS.has(low) || ctx.lowSeen.has(low)) return true;
  const n = low.length;
  if (n < 4) return false;
  // Inflections of common words: `Jolts`, `Overturns`, `Ruled`, `Ruling`.
  if (low.endsWith('s') && !low.endsWith('ss')) {
    if (COMMON_WORDS.has(low.slice(0, -1))) return true;
    if (low.endsWith('es') && COMMON_WORDS.has(low.slice(0, -2))) return true;
    if (low.endsWith('ies') && COMMON_WORDS.has(low.slice(0, -3) + 'y')) return true;
  }
  if (low.endsWith('ed') && (COMMON_WORDS.has(low.slice(0, -2)) || COMMON_WORDS.has(low.slice(0, -1)))) return true;
  if (low.endsWith('ing') && n > 5 && (COMMON_WORDS.has(low.slice(0, -3)) || COMMON_WORDS.has(low.slice(0, -3) + 'e'))) return true;
  return false;
}

/** Plural of a common noun (`Colts`, `Saints`, `Warriors`): team and group names. */
function isCommonPlural(low: string): boolean {
  if (low.length < 4 || !low.endsWith('s') || low.endsWith('ss')) return false;
  return COMMON_WORDS.has(low.slice(0, -1)) || (low.endsWith('ies') && COMMON_WORDS.has(low.slice(0, -3) + 'y'));
}

/** Does a capital on this initial word count as evidence of a name? */
function hasEvidence(ctx: Ctx, w: Word): boolean {
  const low = w.low;
  if (ctx.capSeen.has(low)) return true;
  if (GIVEN_NAMES.has(low) || TITLES.has(low)) return true;
  const node = TRIE.next.get(low);
  if (node && (node.entry || node.next.size)) return !CASE_SENSITIVE.has(low) || w.shape === 'upper';
  if (DEMONYMS.has(low)) return true;
  if (isCommon(ctx, low) || low.length < 2) return false;
  if (w.shape === 'upper') return low.length <= 5;
  return !NAME_SHAPED_SUFFIX.test(low);
}

/** Longest lexicon phrase starting at word i (words joined by single spaces). Returns the end index (exclusive). */
function lexMatch(ctx: Ctx, i: number, limit: number): { j: number; entry: LexEntry } | null {
  const words = ctx.words;
  let node: TrieNode | undefined = TRIE;
  let best: { j: number; entry: LexEntry } | null = null;
  let throughPossessive = false;
  for (let k = i; k < limit; k++) {
    const w = words[k];
    if (k > i && (!w.joined || (words[k - 1].cut && !throughPossessive))) break;
    throughPossessive = false;
    const prev: TrieNode = node!;
    node = prev.next.get(w.low);
    // A possessive inside a known phrase (`People’s`): continue on the full token.
    const viaRaw = w.rawLow !== w.low ? prev.next.get(w.rawLow) : undefined;
    if (node?.entry && (k === i || w.shape !== 'lower' || w.low.length <= 3)) {
      const first = words[i];
      const single = k === i;
      const okCase = !single || !CASE_SENSITIVE.has(first.low) || first.shape === 'upper' || (first.shape === 'cap' && !first.initial && first.low.length > 2);
      const okShape = first.shape !== 'lower' || first.low.startsWith('al');
      if (okCase && okShape && !(single && WEAK_PLACE_FORMS.has(first.low) && !PLACE_NAMES.has(first.low))) best = { j: k + 1, entry: node.entry };
    }
    if (viaRaw && viaRaw.next.size && k + 1 < limit && words[k + 1].joined && viaRaw.next.has(words[k + 1].low)) {
      node = viaRaw;
      throughPossessive = true;
      continue;
    }
    if (!node || node.next.size === 0) break;
  }
  return best;
}

function emit(ctx: Ctx, i: number, j: number, label: EntityLabel | null, strength: Mention['strength'], canonical: string | null = null, weakInitial = false): void {
  const ws = ctx.words;
  // Trim connectors at the edges.
  while (i < j && !isNameShape(ws[i]) && !ws[i].low.startsWith('al-')) i++;
  while (j > i && !isNameShape(ws[j - 1]) && !NAME_SUFFIXES.has(ws[j - 1].low)) j--;
  if (i >= j) return;
  const words: string[] = [];
  for (let k = i; k < j; k++) words.push(ws[k].low);
  ctx.out.push({ start: ws[i].start, end: ws[j - 1].end, label, canonical, strength, words, weakInitial, alias: undefined, key: '', wi: i, wj: j - 1 });
}

function lastNameWord(ctx: Ctx, i: number, j: number): Word {
  let k = j - 1;
  while (k > i && NAME_SUFFIXES.has(ctx.words[k].low)) k--;
  return ctx.words[k];
}

function hasOrgHead(ctx: Ctx, i: number, j: number): boolean {
  const ws = ctx.words;
  if (j - i >= 1 && ORG_HEADS.has(lastNameWord(ctx, i, j).low) && (j - i >= 2 || ws[i].shape !== 'upper')) return j - i >= 2;
  for (let k = i + 1; k < j; k++) if (INNER_ORG_HEADS.has(ws[k].low)) return true;
  if (j - i >= 3 && ORG_OF_HEADS.has(ws[i].low) && ws[i + 1].low === 'of') return true;
  return false;
}

function hasPlaceHead(ctx: Ctx, i: number, j: number): boolean {
  const ws = ctx.words;
  if (j - i < 2) return false;
  if (PLACE_HEADS.has(ws[j - 1].low)) return true;
  if (PLACE_PREFIXES.has(ws[i].low) && ws[i + 1].low !== 'of') return true;
  if (j - i >= 3 && PLACE_OF_HEADS.has(ws[i].low) && ws[i + 1].low === 'of') return true;
  return false;
}

/** End (exclusive) of a role run starting at i: titles and modifiers ending in a title (`Secretary of State`). */
function roleRun(ctx: Ctx, i: number, j: number): number {
  const ws = ctx.words;
  let k = i;
  let lastTitle = -1;
  while (k < j) {
    const low = ws[k].low;
    if (TITLES.has(low)) {
      lastTitle = k;
      k++;
      // `Secretary of State`, `Minister of Foreign Affairs`.
      if (k + 1 < j && ws[k].low === 'of' && ROLE_DOMAINS.has(ws[k + 1].low)) {
        k++;
        while (k < j && ROLE_DOMAINS.has(ws[k].low)) k++;
        lastTitle = k - 1;
      }
      continue;
    }
    if (ROLE_MODIFIERS.has(low) || low === '-elect') {
      k++;
      continue;
    }
    break;
  }
  return lastTitle >= 0 ? lastTitle + 1 : i;
}

function demonymLength(ctx: Ctx, i: number, j: number): number {
  const ws = ctx.words;
  if (i + 1 < j && DEMONYMS.has(ws[i].low + ' ' + ws[i + 1].low)) return 2;
  if (DEMONYMS.has(ws[i].low)) return 1;
  return 0;
}

function wholeLex(ctx: Ctx, i: number, j: number): boolean {
  const m = lexMatch(ctx, i, j);
  return m !== null && m.j === j;
}

/** Classify chunk words [i, j); `person` marks that a title preceded it. */
function classify(ctx: Ctx, i: number, j: number, person: boolean): void {
  const ws = ctx.words;
  // Edge connectors.
  while (i < j && !isNameShape(ws[i])) i++;
  while (j > i && !isNameShape(ws[j - 1]) && !NAME_SUFFIXES.has(ws[j - 1].low)) j--;
  if (i >= j) return;
  // Leading `The`: part of an organisation's name when capitalised mid-sentence (`at The Hollywood Reporter`).
  if (ws[i].low === 'the' && j - i >= 2) {
    const before = ctx.out.length;
    classify(ctx, i + 1, j, person);
    const m = ctx.out[before];
    if (!ws[i].initial && ws[i].shape === 'cap' && m && m.wi === i + 1 && m.label === 'ORG') {
      m.start = ws[i].start;
      m.wi = i;
      m.words.unshift('the');
    }
    return;
  }
  // `Southern California`, `East Jerusalem`: a capitalised direction before a known place.
  if (DIRECTIONS.has(ws[i].low) && ws[i].shape === 'cap' && j - i >= 2 && !person) {
    const m = lexMatch(ctx, i + 1, j);
    if (m && m.j === j && m.entry.label === 'PLACE' && !lexMatch(ctx, i, j)) {
      emit(ctx, i, j, 'PLACE', 2);
      return;
    }
  }

  // Lexicon phrases anywhere in the chunk: the whole chunk, or split around them unless a head word
  // makes the whole chunk one name (`U.S. State Department`, `Korea Institute Defense Analyses`).
  const orgHead = hasOrgHead(ctx, i, j);
  const placeHead = !orgHead && hasPlaceHead(ctx, i, j);
  for (let k = i; k < j; k++) {
    const m = lexMatch(ctx, k, j);
    if (!m) continue;
    if (person && (m.entry.weak || GIVEN_NAMES.has(ws[k].low))) continue;
    if (k === i && m.j === j) {
      if (m.entry.weak) emit(ctx, i, j, m.entry.label, 1, m.entry.canonical);
      else emit(ctx, i, j, m.entry.label, 3, m.entry.canonical);
      return;
    }
    // A one-word city inside a longer unknown chunk that starts with a given name is a name (`Vladimir Putin`).
    if (GIVEN_NAMES.has(ws[k].low)) continue;
    if (k === i && m.entry.label === 'PLACE' && !orgHead && !placeHead) {
      // `Indianapolis Colts`, `Indiana State`: a place followed by a plural noun or `State` names a team/school.
      const lastW = ws[j - 1];
      if (m.j < j && ((lastW.low.endsWith('s') && !lastW.low.endsWith('ss') && !DEMONYMS.has(lastW.low) && roleRun(ctx, m.j, j) === m.j) || (m.j === j - 1 && lastW.low === 'state'))) {
        emit(ctx, i, j, 'ORG', 2);
        return;
      }
    }
    if (orgHead || placeHead) break;
    // Roles and demonyms before the lexicon phrase are handled below; only split at name-internal positions.
    if (k > i) {
      const before = roleRun(ctx, i, k);
      if (before === k || demonymLength(ctx, i, k) === k - i) {
        if (before === k && before > i) person = true;
        emit(ctx, k, m.j, m.entry.label, 3, m.entry.canonical);
        if (m.j < j) classify(ctx, m.j, j, before === k && roleRun(ctx, m.j, j) === m.j ? false : false);
        return;
      }
    }
    if (k === i) {
      // `Ukraine President Volodymyr Zelenskyy`, `NATO Secretary General Mark Rutte`, `Kursk Oblast`…
      const rest = m.j;
      const r = roleRun(ctx, rest, j);
      if (r > rest) {
        emit(ctx, i, rest, m.entry.label, 3, m.entry.canonical);
        if (r < j) classify(ctx, r, j, true);
        return;
      }
      if (hasPlaceHead(ctx, i, j) || hasOrgHead(ctx, i, j)) break;
      emit(ctx, i, rest, m.entry.label, 3, m.entry.canonical);
      classify(ctx, rest, j, false);
      return;
    }
    // Lexicon phrase in the middle of an unknown chunk (`Korea JoongAng Daily` is handled by the lexicon itself).
    break;
  }

  // Honorifics and role titles.
  const r = roleRun(ctx, i, j);
  if (r > i) {
    if (r >= j) return;
    if (!hasOrgHead(ctx, r, j) || HONORIFICS.has(ws[i].low) || GIVEN_NAMES.has(ws[r].low)) return classify(ctx, r, j, true);
    if (orgHead) {
      emit(ctx, i, j, 'ORG', 2);
      return;
    }
  }
  // Titles after a name part: `Ukraine President …` handled above; `Foo Minister Bar` → split.
  for (let k = i + 1; k < j; k++) {
    if (TITLES.has(ws[k].low) && !orgHead) {
      const e = roleRun(ctx, k, j);
      if (e > k && e < j) {
        classify(ctx, i, k, false);
        classify(ctx, e, j, true);
        return;
      }
      if (e >= j) {
        classify(ctx, i, k, false);
        return;
      }
    }
  }
  // Demonyms: `Russian forces`, `North Korean leader Kim Jong Un`; kept inside organisation names.
  const d = demonymLength(ctx, i, j);
  if (d) {
    if (orgHead && j - i > d) {
      emit(ctx, i, j, 'ORG', 2);
      return;
    }
    if (j - i === d) return;
    const rest = i + d;
    if (j - rest === 1 && isCommon(ctx, ws[rest].low) && !person) return;
    return classify(ctx, rest, j, person);
  }
  // Connectors: `and` splits unless a head word holds the phrase together; `of` likewise.
  for (let k = i + 1; k < j - 1; k++) {
    const low = ws[k].low;
    if ((low === 'and' || low === '&') && (!orgHead || wholeLex(ctx, i, k) || wholeLex(ctx, k + 1, j))) {
      classify(ctx, i, k, person);
      classify(ctx, k + 1, j, false);
      return;
    }
    if ((low === 'for' || low === 'on') && !orgHead) {
      classify(ctx, i, k, person);
      classify(ctx, k + 1, j, false);
      return;
    }
    if (low === 'of' && !orgHead && !placeHead) {
      classify(ctx, i, k, person);
      classify(ctx, k + 1, j, false);
      return;
    }
  }
  const n = j - i;
  const first = ws[i];
  const last = lastNameWord(ctx, i, j);
  if (MONTHS_DAYS.has(first.low) || MONTHS_DAYS.has(last.low)) {
    if (n === 1) return;
    if (MONTHS_DAYS.has(first.low)) return classify(ctx, i + 1, j, person);
    return classify(ctx, i, j - 1, person);
  }
  if (NON_ENTITY_HEADS.has(last.low) && !person) return;
  if (orgHead) return emit(ctx, i, j, 'ORG', 2);
  if (placeHead) return emit(ctx, i, j, 'PLACE', 2);
  if (person) return emit(ctx, i, j, 'PERSON', 2);
  if (n === 1) {
    const w = first;
    if (DIRECTIONS.has(w.low) || w.low === 'i' || w.low.length < 2) return;
    if (w.shape === 'upper') {
      let low = w.low;
      if (NON_ENTITY_ACRONYMS.has(low)) return;
      if (low.endsWith('s') && w.text.endsWith('s') && NON_ENTITY_ACRONYMS.has(low.slice(0, -1))) return;
      if (w.text.endsWith('s') && low.length > 2) return; // `ISPs`, `GIs`: plurals of common nouns
      if (low.replace(/\./g, '').length > 6) {
        // Long all-caps word: a shouted ordinary word unless evidence says otherwise.
        low = low.replace(/\./g, '');
        if (isCommon(ctx, low)) return;
      }
      return emit(ctx, i, j, 'ORG', 1);
    }
    if (GIVEN_NAMES.has(w.low) && !isCommon(ctx, w.low)) return emit(ctx, i, j, 'PERSON', 1, null, w.initial);
    return emit(ctx, i, j, null, 0, null, w.initial);
  }
  // Several unknown words.
  let commonCount = 0;
  for (let k = i; k < j; k++) if (isCommon(ctx, ws[k].low) && !GIVEN_NAMES.has(ws[k].low)) commonCount++;
  if (commonCount === n) return;
  emit(ctx, i, j, 'PERSON', 1);
}

/** Split the document's words into chunks and classify each. */
function chunk(ctx: Ctx): void {
  const ws = ctx.words;
  const N = ws.length;
  let i = 0;
  while (i < N) {
    const w = ws[i];
    // `al-` names: the document's character is tested first (see tokens.ts), most words do not start with `a`.
    const startsName = isNameShape(w) || ((ctx.text.charCodeAt(w.start) | 0x20) === 97 && w.low.startsWith('al-') && w.text.length > 3 && w.text[3] !== w.text[3].toLowerCase());
    if (!startsName) {
      i++;
      continue;
    }
    // Grow the chunk.
    let j = i + 1;
    if (!w.cut) {
      while (j < N && ws[j].joined && ws[j].seg === w.seg) {
        const x = ws[j];
        if (isNameShape(x) || NAME_SUFFIXES.has(x.low)) {
          j++;
          if (x.cut) break;
          continue;
        }
        if (CONNECTORS.has(x.low) && !x.cut && j + 1 < N && ws[j + 1].joined && ws[j + 1].seg === w.seg) {
          // `of the`, `de la`: up to two connectors before the next capitalised word.
          let k = j + 1;
          if (CONNECTORS.has(ws[k].low) && !ws[k].cut && k + 1 < N && ws[k + 1].joined) k++;
          if (isNameShape(ws[k]) && ws[k].seg === w.seg) {
            j = k + 1;
            if (ws[k].cut) break;
            continue;
          }
        }
        break;
      }
    }
    // A lexicon phrase may run through a possessive (`Democratic People’s Republic of Korea`); words inside
    // a lexicon phrase need no other evidence.
    let a = i;
    for (let k = i; k < j; k++) {
      const lm = lexMatch(ctx, k, N);
      if (lm) {
        if (lm.j > j) j = lm.j;
        k = lm.j - 1;
        continue;
      }
      const x = ws[k];
      // Initial words need evidence: strip and split at those without it.
      if (x.initial && isNameShape(x) && !hasEvidence(ctx, x)) {
        if (k > a) classify(ctx, a, k, false);
        a = k + 1;
      }
    }
    if (a < j) {
      const before = ctx.out.length;
      classify(ctx, a, j, i > 0 && a === i && ws[i].joined && TITLES.has(ws[i - 1].low) && ws[i - 1].shape === 'lower' && false);
      // Lone initial word kept on "rare word" evidence only: mark so the document pass can drop it.
      for (let k = before; k < ctx.out.length; k++) {
        const m = ctx.out[k];
        if (m.wi === m.wj && ws[m.wi].initial && !ctx.capSeen.has(ws[m.wi].low) && m.strength < 3) m.weakInitial = true;
      }
    }
    i = j;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Document pass.

/** First letters of the words and of their hyphenated parts, connectors left out. */
function initials(words: string[]): string {
  let s = '';
  for (const w of words) {
    if (w === 'of' || w === 'the' || w === 'and' || w === 'for' || w === '&' || w === 'on') continue;
    for (let i = 0; i < w.length; i++) {
      if (w[i] !== '-' && (i === 0 || w[i - 1] === '-')) s += w[i];
    }
  }
  return s;
}

function resolveDocument(ctx: Ctx): EntityAnnotation[] {
  const ws = ctx.words;
  const text = ctx.text;
  const ms = ctx.out;
  // The passes below compare mentions by key again and again.
  for (const m of ms) m.key = entityKey(m.words.length === 1 ? m.words[0] : m.words.join(' '));

  // Abbreviations defined in the text: `Full Name (ABBR)`, `Full Name, or ABBR`, `ABBR stands for … Full Name`.
  const abbrev = new Map<string, Mention>();
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.words.length < 2) continue;
    const ini = initials(m.words);
    if (ini.length < 2) continue;
    const after = text.slice(m.end, m.end + 16);
    const mm = /^(?:\s*\(|,\s+or\s+|\s+or\s+)([A-Z][A-Za-z.]{1,10})/.exec(after);
    if (mm) {
      const ab = mm[1].replace(/\./g, '').toLowerCase();
      if (ab === ini || ab[0] === ini[0]) abbrev.set(ab, m);
    }
    if (!abbrev.has(ini) && ini.length >= 2) abbrev.set('?' + ini, m);
  }
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.words.length !== 1 || ws[m.wi].shape !== 'upper') continue;
    const after = text.slice(m.end, m.end + 20);
    if (/^\s+stands\s+for\b/.test(after)) {
      const ab = m.words[0].replace(/\./g, '');
      for (let q = k + 1; q < ms.length && ms[q].start - m.end < 200; q++) {
        if (initials(ms[q].words) === ab) {
          abbrev.set(ab, ms[q]);
          break;
        }
      }
    }
  }

  // Multi-word PERSON mentions by their first and last word.
  const byLast = new Map<string, Set<string>>();
  const byFirst = new Map<string, Set<string>>();
  const fullByKey = new Map<string, Mention>();
  const placeFirst = new Map<string, Mention>();
  const labelOf = new Map<string, EntityLabel>();
  for (const m of ms) {
    if (m.label && m.strength >= 2 && m.words.length === 1 && !labelOf.has(m.words[0])) labelOf.set(m.words[0], m.label);
    if (m.words.length < 2 || !m.label) continue;
    const key = m.key;
    if (m.label === 'PERSON') {
      let lastW = m.words[m.words.length - 1];
      if (NAME_SUFFIXES.has(lastW) && m.words.length > 2) lastW = m.words[m.words.length - 2];
      const l = entityKey(lastW);
      const f = entityKey(m.words[0]);
      if (!byLast.has(l)) byLast.set(l, new Set());
      byLast.get(l)!.add(key);
      if (!GIVEN_NAMES.has(m.words[0])) {
        if (!byFirst.has(f)) byFirst.set(f, new Set());
        byFirst.get(f)!.add(key);
      }
    } else if (m.label === 'PLACE' && !placeFirst.has(m.words[0])) placeFirst.set(m.words[0], m);
    const prev = fullByKey.get(key);
    if (!prev || m.words.length > prev.words.length) fullByKey.set(key, m);
  }
  const fullName = (key: string): Mention | undefined => fullByKey.get(key);

  // Multi-word ORG mentions by their last word (`Colts` → `Indianapolis Colts`); null when ambiguous.
  const orgLast = new Map<string, Mention | null>();
  for (const m of ms) {
    if (m.label !== 'ORG' || m.words.length < 2) continue;
    const l = entityKey(m.words[m.words.length - 1]);
    if (ORG_HEADS.has(m.words[m.words.length - 1])) continue;
    const cur = orgLast.get(l);
    if (cur === undefined) orgLast.set(l, m);
    else if (cur && cur.key !== m.key) orgLast.set(l, null);
  }

  const result: EntityAnnotation[] = [];
  /** The mention each result comes from. */
  const resultMentions: Mention[] = [];
  for (let idx = 0; idx < ms.length; idx++) {
    const m = ms[idx];
    let label = m.label;
    let name: string | null = m.canonical;
    const single = m.words.length === 1;
    if (single && m.strength < 3) {
      const w = m.words[0];
      const wk = m.key;
      const ab = w.indexOf('.') < 0 ? w : w.replace(/\./g, '');
      const def = abbrev.get(ab) ?? (ws[m.wi].shape === 'upper' ? abbrev.get('?' + ab) : undefined);
      const lastSet = byLast.get(wk);
      const firstSet = byFirst.get(wk);
      if (def && def.label) {
        label = def.label;
        name = def.canonical || null;
        m.canonical = def.canonical;
        m.alias = def;
      } else if (lastSet && lastSet.size === 1 && (m.strength < 2 || label === 'PERSON')) {
        label = 'PERSON';
        m.alias = fullName([...lastSet][0]);
      } else if (firstSet && firstSet.size === 1 && !lastSet && (m.strength < 2 || label === 'PERSON')) {
        label = 'PERSON';
        m.alias = fullName([...firstSet][0]);
      } else if (m.strength < 2 && orgLast.has(wk) && orgLast.get(wk) !== null) {
        label = 'ORG';
        m.alias = orgLast.get(wk)!;
      } else if (!label && placeFirst.has(w)) {
        label = 'PLACE';
      } else if (!label && labelOf.has(w)) {
        label = labelOf.get(w)!;
      } else if (m.strength < 2) {
        const x = ws[m.wi];
        const prev = m.wi > 0 && ws[m.wi - 1].seg === x.seg ? ws[m.wi - 1] : null;
        const next = m.wj + 1 < ws.length && ws[m.wj + 1].seg === x.seg ? ws[m.wj + 1] : null;
        const common = isCommon(ctx, w);
        if (m.weakInitial && (!label || common) && !(next && SAY_VERBS.has(next.low))) continue;
        if (!label || label === 'PLACE') {
          // Context cues, strongest first.
          const placeNext = next !== null && next.joined && next.shape === 'lower' && PLACE_NOUNS.has(next.low);
          const commaPlace = nearPlace(ms, idx, text);
          if (next && SAY_VERBS.has(next.low) && next.joined) label = 'PERSON';
          else if (label) {
            /* keep the lexicon's PLACE */
          } else if (placeNext || commaPlace) label = 'PLACE';
          else if (prev && STRONG_PLACE_PREPS.has(prev.low) && !x.initial && !isCommonPlural(w)) label = 'PLACE';
          else if (prev && prev.low === 'the' && prev.shape === 'lower') label = 'ORG';
          else if (isCommonPlural(w)) label = 'ORG';
          else if (common) continue;
          else if (prev && PLACE_PREPS.has(prev.low)) label = 'PLACE';
          else label = 'PERSON';
        }
      }
    } else if (label === 'PERSON' && m.strength < 2 && !GIVEN_NAMES.has(m.words[0]) && nearPlace(ms, idx, text) && text.slice(m.end, m.end + 2) === ', ') {
      // `Rancho Mirage, Calif.`: an unknown name followed by a known state or country is a place.
      label = 'PLACE';
    } else if (!label) {
      // Several unknown words, half of them or more ordinary words (`Standards Board Policy`): not a name.
      continue;
    }
    if (!label) continue;
    result.push({ kind: 'entity', label, start: m.start, end: m.end, text: text.slice(m.start, m.end), name: name ?? '' });
    resultMentions.push(m);
  }

  // Canonical names: lexicon canonical; else the longest full form with the same key (or the aliased one).
  const longest: Record<EntityLabel, Map<string, string>> = { PERSON: new Map(), ORG: new Map(), PLACE: new Map() };
  for (const e of result) {
    if (e.name) continue;
    const k = entityKey(e.text);
    const cur = longest[e.label].get(k);
    if (!cur || e.text.length > cur.length) longest[e.label].set(k, e.text);
  }
  // ORG short forms contained in a longer ORG of the document (`State Department` ⊂ `U.S. State Department`).
  const orgFull = new Map<string, string>();
  for (const e of result) {
    if (e.label !== 'ORG' || e.name || !e.text.includes(' ')) continue;
    const full = cleanName(e.text);
    for (let p = full.indexOf(' '); p >= 0; p = full.indexOf(' ', p + 1)) {
      const suffix = full.slice(p + 1);
      const cur = orgFull.get(suffix);
      if (!cur || full.length > cur.length || (full.length === cur.length && full < cur)) orgFull.set(suffix, full);
    }
  }
  for (let r = 0; r < result.length; r++) {
    const e = result[r];
    if (e.name) continue;
    const alias = resultMentions[r].alias;
    let src = e.text;
    if (alias) {
      if (alias.canonical) {
        e.name = alias.canonical;
        continue;
      }
      src = text.slice(alias.start, alias.end);
      e.label = alias.label ?? e.label;
    }
    src = cleanName(src);
    let best = longest[e.label].get(entityKey(src)) ?? src;
    if (e.label === 'ORG' && best.includes(' ')) {
      const f = orgFull.get(best);
      if (f) best = f;
    }
    e.name = cleanName(best);
  }
  return result;
}

/** Is the mention next to a known place across a comma (`Millom, Cumbria`, `Wasilla, Alaska`)? */
function nearPlace(ms: Mention[], idx: number, text: string): boolean {
  const m = ms[idx];
  const n = ms[idx + 1];
  if (n && n.label === 'PLACE' && n.strength >= 2 && n.start - m.end <= 3 && text.slice(m.end, n.start).trim() === ',') return true;
  const p = ms[idx - 1];
  if (p && p.label === 'PLACE' && p.strength >= 2 && m.start - p.end <= 3 && text.slice(p.end, m.start).trim() === ',') return true;
  return false;
}

function cleanName(s: string): string {
  // White space is almost always single spaces already.
  let out = /[^\S ]| {2}/.test(s) ? s.replace(/\s+/g, ' ') : s;
  if (out.indexOf('’') >= 0) out = out.replace(/’/g, "'");
  // All-caps datelines (`SEOUL`) read as names.
  if (out.length > 4 && /^[A-Z ]+$/.test(out)) {
    out = out.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
  }
  return out;
}

/** Named entities of a tokenized document, sorted by start, non-overlapping. */
export function findEntities(doc: TokenizedDocument): EntityAnnotation[] {
  const words = buildWords(doc);
  const capSeen = new Set<string>();
  const lowSeen = new Set<string>();
  for (const w of words) {
    if (w.shape === 'lower') lowSeen.add(w.low);
    else if (w.shape === 'cap' && !w.initial) capSeen.add(w.low);
  }
  // A word seen both capitalised mid-sentence and lowercase is common only if lowercase use dominates; keep
  // it as capitalised evidence (names like `Bush`, `Rice` recur capitalised).
  const ctx: Ctx = { text: doc.text, words, capSeen, lowSeen, out: [] };
  chunk(ctx);
  ctx.out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps (should not happen; keep the first and longest).
  const flat: Mention[] = [];
  let lastEnd = -1;
  for (const m of ctx.out) {
    if (m.start >= lastEnd) {
      flat.push(m);
      lastEnd = m.end;
    }
  }
  ctx.out = flat;
  return resolveDocument(ctx);
}

/** retext plugin: reads `file.data.tokenized`, writes `file.data.entities`. */
const retextEntities: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const doc = file.data.tokenized;
    file.data.entities = doc ? findEntities(doc) : [];
  };
};

export default retextEntities;
