// Named entities (PERSON / ORG / PLACE) from the shared token view, in one linear pass plus a small
// document-level pass for context and canonical names.
//
// 1. Words: each word token becomes a `Word` with its shape (Capitalised / UPPER / lower / other), whether a
//    capital there proves anything (sentence starts, lines, after an opening quote or colon, and every word of a
//    headline-case line are "initial": their capital needs evidence), and a possessive or `-led` suffix cut off.
// 2. Chunks: runs of capitalised words joined by single spaces, with connectors (`of`, `the`, `and`, `for`,
//    `de`, `bin`, …) inside. Lexicon phrases (`Democratic People’s Republic of Korea`) are matched first, so a
//    possessive inside a known name does not break it. Quoted nicknames (`James "Whitey" Bulger`) and shop
//    names (`Joe's Pub`) are read here.
// 3. Each chunk is classified: products and ships are left out; whole-lexicon match; role titles split it
//    (`U.S. Secretary of State Antony Blinken` → PLACE `U.S.`, PERSON `Antony Blinken`); a leading demonym is
//    dropped unless an organisation head follows (`Russian forces` → nothing, `Ukrainian Center for …` → ORG);
//    organisation and place head words; teams (`Boston Red Sox`); given names; other names wait for the
//    document pass, multi-word ones marked as guesses.
// 4. Document pass: names no lexicon, head word or title decides get their label from context (`operator
//    Zentrix` → ORG, `his brother Dmitrios` → PERSON, `in Lyon` → PLACE, `win over Dayton` in a sports story
//    → ORG), the cues of all mentions of a name pooled; without a cue they are left out, not guessed as
//    PERSON. Single words are linked to the one multi-word PERSON they are the surname (or family name) of,
//    to an abbreviation defined in the text (`… Korea, or DPRK`, `(NIS)`, `DPRK stands for …`), or to the
//    initials of a multi-word ORG; then every mention gets its canonical name (lexicon canonical, else the
//    longest full form with the same key).
import type { Plugin } from 'unified';
import type { Root } from 'nlcst';
import type { EntityAnnotation, EntityLabel } from '../types.js';
import type { TokenizedDocument, Token } from '../tokens.js';
import { PLACE_NAMES, WEAK_PLACE_FORMS, DEMONYMS, PLACE_HEADS, PLACE_PREFIXES, PLACE_OF_NOUNS, COUNTRIES } from '../entities/places.js';
import { CITIES } from '../entities/cities.js';
import { ORG_NAMES, CASE_SENSITIVE_ORG_FORMS, ORG_HEADS, ORG_OF_HEADS, ORG_NOUNS, SPORTS_WORDS, SPORTS_LEAGUES, SPORTS_STORY_WORDS, TEAM_RIVAL_WORDS, TEAM_NOUNS, TEAM_NICKNAMES, TEAM_NICKNAME_PHRASES, PRODUCT_NAMES } from '../entities/orgs.js';
import { TITLES, ROLE_MODIFIERS, HONORIFICS, ROLE_DOMAINS, GIVEN_NAMES, NAME_PARTICLES, NAME_SUFFIXES, PERSON_NOUNS, WELL_KNOWN_SURNAMES } from '../entities/people.js';
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
    'op-ed ed min max no nos vol sec dui dwi md mba phd rn esq dds').split(' '),
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

/** Team names spelt with digits (`76ers`, `49ers`) count as capitalised words. */
const NUMBERED_NICKNAME = /^\d+ers$/i;

function nameShapeOf(text: string, from: number, to: number, word: string): Shape {
  const shape = shapeOf(text, from, to);
  // Most `other` words are numbers: the last letter is tested before the pattern.
  return shape === 'other' && (text.charCodeAt(to - 1) | 0x20) === 115 /* s */ && NUMBERED_NICKNAME.test(word) ? 'cap' : shape;
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
        shape: marks & APOSTROPHE && CONTRACTION.test(text) ? 'other' : nameShapeOf(source, t.start, end, text),
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
      if (joined && text.length === 2 && text.charCodeAt(1) === 46 /* . */ && mergeSpacedInitials(words, w, source)) {
        initialNext = false;
        continue;
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

/**
 * `U. S.`, `N. Y.`, `D. C.`: initials written with spaces become one word when the lexicons know them joined.
 * Returns whether `w` was merged into the previous word.
 */
function mergeSpacedInitials(words: Word[], w: Word, source: string): boolean {
  const prev = words[words.length - 1];
  if (!prev || prev.seg !== w.seg || prev.cut || !/^(?:[A-Z]\.)+$/.test(prev.low.toUpperCase()) || source.slice(prev.end, w.start) !== ' ') return false;
  const low = prev.low + w.low;
  if (!TRIE.next.has(low)) return false;
  // Written out rather than spread: every word keeps the same object layout.
  words[words.length - 1] = { start: prev.start, end: w.end, text: source.slice(prev.start, w.end), low, rawLow: low, shape: 'upper', initial: prev.initial, cut: w.cut, joined: prev.joined, seg: prev.seg };
  return true;
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
  /** A multi-word name with no head word or title: its label is decided from context in the document pass. */
  guess: boolean;
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
  /** A sports story: teams are often named by their city (`win over Dayton`). */
  sports: boolean;
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
function hasEvidence(ctx: Ctx, k: number): boolean {
  const w = ctx.words[k];
  const low = w.low;
  if (ctx.capSeen.has(low)) return true;
  if (GIVEN_NAMES.has(low) || TITLES.has(low) || WELL_KNOWN_SURNAMES.has(low)) return true;
  if (isTeamNickname(ctx, k)) return true;
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
  ctx.out.push({ start: ws[i].start, end: ws[j - 1].end, label, canonical, strength, words, weakInitial, guess: false, alias: undefined, key: '', wi: i, wj: j - 1 });
}

function lastNameWord(ctx: Ctx, i: number, j: number): Word {
  let k = j - 1;
  while (k > i && NAME_SUFFIXES.has(ctx.words[k].low)) k--;
  return ctx.words[k];
}

/**
 * After a place at the start of a chunk, where a team or school name ends: after a known nickname (`Boston Red
 * Sox`, `Philadelphia 76ers`), or at the end of a chunk ending in a plural (`Denver Broncos`) or `State`.
 * Returns -1 when the words are no team.
 */
function teamNameEnd(ctx: Ctx, from: number, j: number): number {
  const ws = ctx.words;
  if (from >= j) return -1;
  if (from + 1 < j && TEAM_NICKNAME_PHRASES.has(ws[from].low + ' ' + ws[from + 1].low)) return from + 2;
  if (TEAM_NICKNAMES.has(ws[from].low)) return from + 1;
  const last = ws[j - 1];
  if (last.low.endsWith('s') && !last.low.endsWith('ss') && !DEMONYMS.has(last.low) && roleRun(ctx, from, j) === from) return j;
  return from === j - 1 && last.low === 'state' ? j : -1;
}

function hasOrgHead(ctx: Ctx, i: number, j: number): boolean {
  const ws = ctx.words;
  if (j - i >= 1 && ORG_HEADS.has(lastNameWord(ctx, i, j).low) && (j - i >= 2 || ws[i].shape !== 'upper')) return j - i >= 2;
  for (let k = i + 1; k < j; k++) if (INNER_ORG_HEADS.has(ws[k].low)) return true;
  if (j - i >= 3 && ORG_OF_HEADS.has(ws[i].low) && ws[i + 1].low === 'of') return true;
  // `Institute for Peace Studies`, `Committee for the Re-election …`.
  if (j - i >= 3 && INNER_ORG_HEADS.has(ws[i].low) && ws[i + 1].low === 'for') return true;
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

/** First words of the products named in two words (`internet` of `Internet Explorer`). */
const PRODUCT_FIRST_WORDS = new Set([...PRODUCT_NAMES].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0]));

/** A chunk that starts with a product's name (`Windows XP`, `Internet Explorer Web`, `IE`): no entity. */
function isProductName(ctx: Ctx, i: number, j: number): boolean {
  const ws = ctx.words;
  const first = ws[i];
  if (first.low === 'ie') return first.shape === 'upper';
  // `Chrome` alone; `Chrome Industries` is a company.
  if (PRODUCT_NAMES.has(first.low)) return first.low !== 'chrome' || j - i === 1;
  return j - i >= 2 && PRODUCT_FIRST_WORDS.has(first.low) && PRODUCT_NAMES.has(first.low + ' ' + ws[i + 1].low);
}

/** `the North`, `the South` mid-sentence: a region, or the country of that name in the document (`North Korea`). */
function isTheNorth(ctx: Ctx, i: number): boolean {
  const w = ctx.words[i];
  const prev = i > 0 ? ctx.words[i - 1] : null;
  return (w.low === 'north' || w.low === 'south') && w.shape === 'cap' && !w.initial && prev !== null && w.joined && prev.low === 'the';
}

/** Ship prefixes (`INS Talwar`, `USS Cole`, `HMS Victory`): vessels are not PERSON / ORG / PLACE. */
const SHIP_PREFIXES = new Set(['ins', 'uss', 'hms', 'hmas', 'hmcs', 'hmnzs', 'rms', 'mv', 'm/v', 'ss', 'usns', 'uscgc']);

function isShipName(ctx: Ctx, i: number, j: number): boolean {
  const ws = ctx.words;
  if (j - i >= 2 && ws[i].shape === 'upper' && SHIP_PREFIXES.has(ws[i].low)) return true;
  for (let k = i; k < j - 1; k++) if (ws[k].low === 'ship' || ws[k].low === 'vessel') return true;
  return false;
}

/** Classify chunk words [i, j); `person` marks that a title preceded it. */
function classify(ctx: Ctx, i: number, j: number, person: boolean): void {
  const ws = ctx.words;
  // Edge connectors.
  while (i < j && !isNameShape(ws[i])) i++;
  while (j > i && !isNameShape(ws[j - 1]) && !NAME_SUFFIXES.has(ws[j - 1].low)) j--;
  if (i >= j) return;
  if (isShipName(ctx, i, j) || isProductName(ctx, i, j)) return;
  // `[Russian President Vladimir] Putin`: an editor's bracket splits the name; the surname stands alone.
  if (j - i === 1 && GIVEN_NAMES.has(ws[i].low) && ctx.text.charCodeAt(ws[i].end) === 93 /* ] */) return;
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
      const end = teamNameEnd(ctx, m.j, j);
      if (end > 0) {
        emit(ctx, i, end, 'ORG', 2);
        if (end < j) classify(ctx, end, j, false); // `Boston Celtics Coach …`
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
        if (m.j < j) classify(ctx, m.j, j, false);
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
    if (isTheNorth(ctx, i)) return emit(ctx, i, j, 'PLACE', 2);
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
    if (isTeamNickname(ctx, i)) return emit(ctx, i, j, 'ORG', 2);
    if (GIVEN_NAMES.has(w.low) && !isCommon(ctx, w.low)) return emit(ctx, i, j, 'PERSON', 1, null, w.initial);
    if (WELL_KNOWN_SURNAMES.has(w.low)) return emit(ctx, i, j, 'PERSON', 2);
    return emit(ctx, i, j, null, 0, null, w.initial);
  }
  // Several unknown words.
  let commonCount = 0;
  for (let k = i; k < j; k++) if (isCommon(ctx, ws[k].low) && !GIVEN_NAMES.has(ws[k].low)) commonCount++;
  if (commonCount === n) return;
  const before = ctx.out.length;
  emit(ctx, i, j, 'PERSON', 1);
  if (ctx.out.length > before) ctx.out[before].guess = true;
}

/** Quote marks around a nickname, as written before (`James 'Whitey`) and after it (`Whitey' Bulger`). */
const NICKNAME_OPEN = new Set([" '", ' "', ' “', ' ‘']);
const NICKNAME_CLOSE = new Set(["' ", '" ', '” ', '’ ']);

/**
 * `James "Whitey" Bulger`, `Anna 'Nan' Reyes`: a first name, a quoted nickname of up to three words and
 * a surname make one PERSON. Returns the index of the surname, or -1.
 */
function nicknamedSurname(ctx: Ctx, i: number, j: number): number {
  const ws = ctx.words;
  if (j - i !== 1 || j >= ws.length || ws[i].cut || ws[i].shape !== 'cap' || ws[j].start - ws[i].end !== 2) return -1;
  if (!NICKNAME_OPEN.has(ctx.text.slice(ws[i].end, ws[j].start))) return -1;
  for (let k = j; k < j + 3 && k + 1 < ws.length && ws[k].seg === ws[i].seg; k++) {
    if (!isNameShape(ws[k]) || ws[k].cut) return -1;
    if (NICKNAME_CLOSE.has(ctx.text.slice(ws[k].end, ws[k + 1].start))) {
      // One surname after the nickname, ending the name (not `Ross 'Catching Fire' Negotiations` in a headline).
      const last = ws[k + 1];
      const after = k + 2 < ws.length ? ws[k + 2] : null;
      if (last.shape !== 'cap' || last.seg !== ws[i].seg || TITLES.has(last.low) || (after && after.joined && isNameShape(after))) return -1;
      return k + 1;
    }
    if (k + 1 < ws.length && !ws[k + 1].joined) return -1;
  }
  return -1;
}

/** One PERSON over the name, the nickname and the surname; its words leave the nickname out, for linking. */
function emitNicknamed(ctx: Ctx, i: number, j: number, surname: number): void {
  const ws = ctx.words;
  const words: string[] = [];
  for (let k = i; k < j; k++) words.push(ws[k].low);
  words.push(ws[surname].low);
  ctx.out.push({ start: ws[i].start, end: ws[surname].end, label: 'PERSON', canonical: null, strength: 2, words, weakInitial: false, guess: false, alias: undefined, key: '', wi: i, wj: surname });
}

/** Heads that follow a possessive in shop names (`Joe's Pub`, `Harry's Bar`, `Tom's Diner`). */
const STORE_HEADS = new Set('club store stores restaurant bar pub cafe café diner market pharmacy bakery deli grill kitchen electronics warehouse garage inn tavern'.split(' '));

/** Word `p` is a possessive unknown to the lexicons followed by a shop head: the two make one ORG. */
function isStoreName(ctx: Ctx, p: number): boolean {
  const ws = ctx.words;
  const owner = ws[p];
  const head = ws[p + 1];
  if (!head || !owner.cut || owner.shape !== 'cap' || !apostropheAt(ctx.text, owner.end)) return false;
  if (!head.joined || head.shape !== 'cap' || !STORE_HEADS.has(head.low) || head.seg !== owner.seg) return false;
  return !TRIE.next.get(owner.low)?.entry && !WELL_KNOWN_SURNAMES.has(owner.low);
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
    const surname = nicknamedSurname(ctx, i, j);
    if (surname > 0) {
      emitNicknamed(ctx, i, j, surname);
      i = surname + 1;
      continue;
    }
    if (isStoreName(ctx, j - 1)) {
      // `the Tulsa Joe's Pub`: the words before the shop's name are classified on their own.
      if (j - 1 > i) classify(ctx, i, j - 1, false);
      emit(ctx, j - 1, j + 1, 'ORG', 2);
      i = j + 1;
      continue;
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
      if (x.initial && isNameShape(x) && !hasEvidence(ctx, k)) {
        if (k > a) classify(ctx, a, k, false);
        a = k + 1;
      }
    }
    if (a < j) {
      const before = ctx.out.length;
      classify(ctx, a, j, false);
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
// Context cues: what the words around a mention say it names. Used for names no lexicon, head word or title
// decides; without a cue such a name is left out rather than guessed.

/** Verbs of saying after a name that point to a person (organisations mostly `announce` or `confirm`). */
const PERSON_SAY_VERBS = new Set('said says told added stated wrote asked explained noted argued insisted warned recalled testified replied admitted'.split(' '));
/** Nouns after a product's name (`IE browser`, `a Windows machine`): products are not entities. */
const PRODUCT_NOUNS = new Set(
  ('browser browsers software program app apps application operating platform device devices phone phones ' +
    'smartphone computer computers machine machines pc pcs laptop tablet console sedan suv truck pickup ' +
    'car cars vehicle engine jet aircraft update updates patch version versions users').split(' '),
);
/** Nouns after a name (or its possessive) that only organisations have: `Carmody officials`, `Acme's shares`. */
const ORG_MEMBERS = new Set('officials executives shareholders shares stock employees subscribers customers division subsidiary headquarters'.split(' '));
/** Verbs of saying just before a name: `…,” said Ferreira`. */
const SAID_BEFORE = new Set(['said', 'says', 'added', 'wrote', 'asked', 'recalled']);
/** Words before `to` that make the next name the winner of a game (`lost to Boston`). */
const LOSS_WORDS = new Set(['lost', 'lose', 'loses', 'losing', 'fell', 'fall', 'falls', 'loss']);
/** After a name: an age or a relative clause about a person (`Kowalczyk, 54,`, `Brannigan, who`). */
const PERSON_AFTER = /^,\s+(?:who\b|whose\b|\d{1,3},)/;
/** After a name: a game score or a season record (`Dayton 51-50`, `Kentucky (10-0)`, `Butler 53,`). */
const SCORE_AFTER = /^(?:['’]s?)?\s+(?:\(\d{1,3}-\d{1,3}\)|\d{1,3}-\d{1,3}\b|\d{1,3},)/;
/** Between a name and another name of it: `, also known as`, `, or` is left out (abbreviations handle it). */
const KNOWN_AS = /^,?\s+(?:also\s+|better\s+|now\s+|formerly\s+)?(?:known|referred\s+to)\s+as\s+$/;
/** Before a name: an age (`35-year-old Gomes`). */
const AGE_BEFORE = /\d-year-old\s+$/;
/** After a name: the start of a description (`Ferreira, the former club president`, `Ann Lowe, one of …`). */
const APPOSITION = /^,\s+(?:the|a|an|one of the|one of)\s+([^,.;:!?()"“”]{1,60})/;

/** A sports story has several SPORTS_WORDS (lowercase) or league names (`NFL`). */
function isSportsStory(lowSeen: Set<string>, capSeen: Set<string>): boolean {
  let n = 0;
  for (const w of SPORTS_WORDS) if (lowSeen.has(w) && ++n >= SPORTS_STORY_WORDS) return true;
  for (const w of SPORTS_LEAGUES) if (capSeen.has(w) && ++n >= SPORTS_STORY_WORDS) return true;
  return false;
}

/** The word before the mention in its segment, when only a space separates them. */
function wordBefore(ctx: Ctx, m: Mention): Word | null {
  const first = ctx.words[m.wi];
  return m.wi > 0 && first.joined && ctx.words[m.wi - 1].seg === first.seg ? ctx.words[m.wi - 1] : null;
}

/** The word after the mention in its segment, when only a space (or a possessive) separates them. */
function wordAfter(ctx: Ctx, m: Mention): Word | null {
  const k = m.wj + 1;
  return k < ctx.words.length && ctx.words[k].joined && ctx.words[k].seg === ctx.words[m.wj].seg ? ctx.words[k] : null;
}

function lowerBefore(ctx: Ctx, m: Mention): Word | null {
  const prev = wordBefore(ctx, m);
  return prev && prev.shape === 'lower' ? prev : null;
}

/** A person's context: a role or kinship noun before (`his brother Dmitrios`), an age, `, who`, a description. */
function personCue(ctx: Ctx, m: Mention): boolean {
  const prev = lowerBefore(ctx, m) ?? wordBeforeComma(ctx, m);
  if (prev && (PERSON_NOUNS.has(prev.low) || TITLES.has(prev.low))) return true;
  // The patterns are tried only where their first character is (most names have none of them around).
  if (ctx.text.startsWith('old ', m.start - 4) && AGE_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 14), m.start))) return true;
  if (ctx.text.charCodeAt(m.end) !== 44 /* , */) return false;
  return PERSON_AFTER.test(ctx.text.slice(m.end, m.end + 12)) || describedAsPerson(ctx.text.slice(m.end, m.end + 72));
}

/** Does a description after the name (`, the 1950s pin-up model whose …`) call it a person, in its first words? */
function describedAsPerson(after: string): boolean {
  const d = APPOSITION.exec(after);
  if (!d) return false;
  const words = d[1].toLowerCase().split(/[\s-]+/, 6);
  return words.some((w) => PERSON_NOUNS.has(w) || TITLES.has(w) || w === 'who' || w === 'whose');
}

/** Said to speak (`Ferreira said`, `…,” said Ferreira`): organisations speak too, so this yields to other cues. */
function speakerCue(ctx: Ctx, m: Mention): boolean {
  const next = wordAfter(ctx, m);
  if (next && !ctx.words[m.wj].cut && PERSON_SAY_VERBS.has(next.low)) return true;
  const prev = lowerBefore(ctx, m);
  return prev !== null && SAID_BEFORE.has(prev.low);
}

/** An organisation's context: `operator Zentrix`, `the studio, Carmody`, `Carmody officials`, `Acme's shares`. */
function orgCue(ctx: Ctx, m: Mention): boolean {
  const prev = lowerBefore(ctx, m);
  if (prev !== null && ORG_NOUNS.has(prev.low)) return true;
  const next = wordAfter(ctx, m);
  if (next !== null && next.shape === 'lower' && ORG_MEMBERS.has(next.low)) return true;
  // `the studio, Carmody`: an organisation noun, a comma, the name.
  const before = wordBeforeComma(ctx, m);
  return before !== null && ORG_NOUNS.has(before.low);
}

/** The lowercase word before the mention when a comma separates them (`the studio, Carmody`). */
function wordBeforeComma(ctx: Ctx, m: Mention): Word | null {
  const w = ctx.words[m.wi];
  if (m.wi < 1 || w.joined) return null;
  const before = ctx.words[m.wi - 1];
  if (w.start - before.end !== 2 || ctx.text.charCodeAt(before.end) !== 44 /* , */ || before.seg !== w.seg) return null;
  return before.shape === 'lower' ? before : null;
}

/** In a sports story: the mention names a team (an opponent, a score, `… basketball`). */
function teamCue(ctx: Ctx, m: Mention): boolean {
  if (!ctx.sports) return false;
  const prev = lowerBefore(ctx, m);
  if (prev && TEAM_RIVAL_WORDS.has(prev.low)) return true;
  if (prev && prev.low === 'to' && m.wi > 1 && LOSS_WORDS.has(ctx.words[m.wi - 2].low)) return true;
  if (SCORE_AFTER.test(ctx.text.slice(m.end, m.end + 12))) return true;
  const next = wordAfter(ctx, m);
  return next !== null && next.shape === 'lower' && TEAM_NOUNS.has(next.low);
}

/** The mention is a place by its neighbours: `Lamu island`, `Tulsa, Oklahoma`, `in Lyon`, `town of Kendal`. */
function placeCue(ctx: Ctx, ms: Mention[], idx: number): boolean {
  const m = ms[idx];
  const next = wordAfter(ctx, m);
  const cut = ctx.words[m.wj].cut;
  if (next && next.shape === 'lower' && !cut && PLACE_NOUNS.has(next.low)) return true;
  if (nearPlace(ms, idx, ctx.text)) return true;
  const prev = lowerBefore(ctx, m);
  if (!prev) return false;
  // `outside Duarte's apartment`: a possessive after the preposition names the owner, not the place.
  if (afterPlacePreposition(ctx, m) && !isCommonPlural(ctx.words[m.wj].low)) return true;
  if (prev.low === 'downtown') return true;
  const before = m.wi > 1 ? ctx.words[m.wi - 2] : null;
  return prev.low === 'of' && before !== null && before.seg === prev.seg && before.shape === 'lower' && PLACE_OF_NOUNS.has(before.low);
}

function afterPlacePreposition(ctx: Ctx, m: Mention): boolean {
  const prev = lowerBefore(ctx, m);
  return prev !== null && STRONG_PLACE_PREPS.has(prev.low) && !ctx.words[m.wj].cut && !ctx.words[m.wi].initial;
}

/** A product, not an entity: `the KE browser`, `a Windows machine`, `Kestrel Explorer Web browser`. */
function productCue(ctx: Ctx, m: Mention): boolean {
  const next = wordAfter(ctx, m);
  return next !== null && next.shape === 'lower' && !ctx.words[m.wj].cut && PRODUCT_NOUNS.has(next.low);
}

/** In a sports story, a city or state that names its team (`win over Dayton`); countries stay places. */
function isCityTeam(ctx: Ctx, m: Mention, canonical: string | null): boolean {
  // A possessive too: `Kentucky's scoring record`, `Denver's playoff loss`.
  return ctx.sports && !COUNTRIES.has(canonical ?? '') && (teamCue(ctx, m) || ctx.words[m.wj].cut);
}

/** A team's nickname (`Broncos`, `76ers`) in a sports story, or before a team word (`Steelers lineman`). */
function isTeamNickname(ctx: Ctx, i: number): boolean {
  const w = ctx.words[i];
  if (!TEAM_NICKNAMES.has(w.low)) return false;
  if (ctx.sports) return true;
  const next = ctx.words[i + 1];
  return next !== undefined && next.joined && next.shape === 'lower' && TEAM_NOUNS.has(next.low);
}

/** A capitalised plural (`Wildcats`, `Broncos`, `Saints`): in a sports story, a team. */
function isTeamPlural(ctx: Ctx, low: string): boolean {
  if (TEAM_NICKNAMES.has(low)) return true;
  return low.length > 3 && low.endsWith('s') && !/(?:ss|us|is)$/.test(low) && ctx.sports;
}

/** `the Institute for Peace Studies, also known as Sentinel`: the label of the name it is another name of. */
function aliasOf(ctx: Ctx, ms: Mention[], idx: number): EntityLabel | null {
  const m = ms[idx];
  const prev = ms[idx - 1];
  if (!prev || !prev.label || prev.strength < 2 || m.start - prev.end > 32 || ctx.words[prev.wj].seg !== ctx.words[m.wi].seg) return null;
  return KNOWN_AS.test(ctx.text.slice(prev.end, m.start)) ? prev.label : null;
}

/** The label the context of one mention points to by a cue that is seldom wrong; null when none does. */
function strongCue(ctx: Ctx, ms: Mention[], idx: number): EntityLabel | null {
  const m = ms[idx];
  const alias = aliasOf(ctx, ms, idx);
  if (alias) return alias;
  if (orgCue(ctx, m) || teamCue(ctx, m)) return 'ORG';
  if (personCue(ctx, m)) return 'PERSON';
  if (placeCue(ctx, ms, idx)) return 'PLACE';
  return null;
}

/** Cues that hold when nothing else is known: a speaker, `the X`, a plural (`the Saints`). */
function weakCue(ctx: Ctx, m: Mention): EntityLabel | null {
  if (speakerCue(ctx, m)) return 'PERSON';
  const last = m.words[m.words.length - 1];
  const plural = isCommonPlural(last) || (ctx.sports && isTeamPlural(ctx, last));
  const prev = lowerBefore(ctx, m);
  const next = wordAfter(ctx, m);
  // `the Academy`, `the Bulldogs`, but not `the No. 2 official`, nor a name before a noun (`the Kelvin scale`).
  if (prev && prev.low === 'the' && (plural || ORG_HEADS.has(last) || (!isCommon(ctx, last) && !(next && next.shape === 'lower' && looksLikeNoun(next.low))))) return 'ORG';
  // `Blue Devils`, `Golden Eagles`; a plural surname after a first name is no team (`Lamar Rivers`).
  if (plural && (m.words.length === 1 || isCommon(ctx, m.words[0]))) return 'ORG';
  return null;
}

/** Auxiliaries and function words: after `the X`, other lowercase words are mostly the noun X modifies. */
const NOT_NOUNS = new Set(
  ('is was are were has had have will would can could may might must should did does do for to of in on at by ' +
    'with and or but that which who as from after before about into over under since while when where than ' +
    'this these those its their his her').split(' '),
);

/** A rough test that a word after a name is the noun the name modifies (`the Kelvin scale`), not a verb. */
function looksLikeNoun(low: string): boolean {
  return !NOT_NOUNS.has(low) && !low.endsWith('ed') && !low.endsWith('ly') && !(low.endsWith('s') && !low.endsWith('ss'));
}

/** What the context says about the names no lexicon, head word or title decides. */
interface NameCues {
  /** Per mention index: the strong cue of that mention (weak cues are read where needed). */
  strong: (EntityLabel | null)[];
  /** Per name key: the strong cue most of its mentions have (a name introduced as `his brother Dmitrios` is a
   * person in `Dmitrios was in his corner` too). */
  byKey: Map<string, EntityLabel>;
  /** Name keys used as products somewhere in the document (`the IE browser`), with their abbreviations. */
  products: Set<string>;
  /** Keys of the one-word names used alone mid-sentence: surnames and short forms. */
  alone: Set<string>;
  /** Per name key: the label most of its mid-sentence one-word mentions get; made when first needed. */
  settled: Map<string, EntityLabel> | null;
  /** Keys of the names that begin a longer ORG or PLACE with a head word (`Hazelden` of `Hazelden Center`). */
  shortForms: Map<string, EntityLabel>;
  /** Per mention index: the label `unknownWordLabel` gave it, once computed. */
  wordLabel: (EntityLabel | null | undefined)[];
}

function needsContext(m: Mention): boolean {
  return m.guess || (m.words.length === 1 && m.strength < 2 && !m.label);
}

function collectCues(ctx: Ctx, abbrev: Map<string, Mention>): NameCues {
  const ms = ctx.out;
  const cues: NameCues = { strong: new Array(ms.length).fill(null), byKey: new Map(), products: new Set(), alone: new Set(), settled: null, shortForms: shortForms(ms), wordLabel: new Array(ms.length) };
  const tally = new Map<string, Map<EntityLabel, number>>();
  for (let idx = 0; idx < ms.length; idx++) {
    const m = ms[idx];
    if (m.strength < 3 && productCue(ctx, m)) cues.products.add(m.key);
    if (!needsContext(m)) continue;
    if (m.words.length === 1 && !ctx.words[m.wi].initial) cues.alone.add(m.key);
    const cue = (cues.strong[idx] = strongCue(ctx, ms, idx));
    if (!cue) continue;
    const counts = tally.get(m.key) ?? new Map<EntityLabel, number>();
    counts.set(cue, (counts.get(cue) ?? 0) + 1);
    tally.set(m.key, counts);
  }
  for (const [key, counts] of tally) {
    const best = majority(counts);
    if (best) cues.byKey.set(key, best);
  }
  // A product's abbreviation is a product (`Kestrel Explorer (KE)` … `the KE browser`), and the other way round.
  if (cues.products.size) for (const [ab, def] of abbrev) {
    const abKey = entityKey(ab.replace(/^\?/, ''));
    if (cues.products.has(abKey)) cues.products.add(def.key);
    else if (cues.products.has(def.key)) cues.products.add(abKey);
  }
  return cues;
}

/** Heads after which the rest of a name is still the institution (`Hazelden Center` → `Hazelden`); after
 * `Police` or `County` it is a town. */
const SHORTENED_HEADS = new Set('center centre clinic hospital institute foundation university college academy museum library theatre theater arena stadium hotel'.split(' '));

function shortForms(ms: Mention[]): Map<string, EntityLabel> {
  const out = new Map<string, EntityLabel>();
  for (const m of ms) {
    if (m.strength !== 2 || m.words.length < 2 || (m.label !== 'ORG' && m.label !== 'PLACE') || !SHORTENED_HEADS.has(m.words[m.words.length - 1])) continue;
    out.set(entityKey(m.words.slice(0, -1).join(' ')), m.label);
  }
  return out;
}

/** The label each one-word name gets mid-sentence, by majority, for its sentence-initial mentions. */
function settleLabels(ctx: Ctx, cues: NameCues): Map<string, EntityLabel> {
  const settled = new Map<string, EntityLabel>();
  const tally = new Map<string, Map<EntityLabel, number>>();
  for (let idx = 0; idx < ctx.out.length; idx++) {
    const m = ctx.out[idx];
    if (m.guess || m.weakInitial || !needsContext(m)) continue;
    const label = (cues.wordLabel[idx] = unknownWordLabel(ctx, idx, null, cues));
    if (!label) continue;
    const counts = tally.get(m.key) ?? new Map<EntityLabel, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    tally.set(m.key, counts);
  }
  for (const [key, counts] of tally) {
    const best = majority(counts);
    if (best) settled.set(key, best);
  }
  return settled;
}

/** The label counted most often, or null on a tie. */
function majority(counts: Map<EntityLabel, number>): EntityLabel | null {
  let best: EntityLabel | null = null;
  let bestN = 0;
  let tie = false;
  for (const [label, n] of counts) {
    if (n > bestN) [best, bestN, tie] = [label, n, false];
    else if (n === bestN) tie = true;
  }
  return tie ? null : best;
}

/** Label of a one-word name no lexicon decides (`lexLabel`: a weak GeoNames city match, or null). */
function unknownWordLabel(ctx: Ctx, idx: number, lexLabel: EntityLabel | null, cues: NameCues): EntityLabel | null {
  const m = ctx.out[idx];
  const low = m.words[0];
  const next = wordAfter(ctx, m);
  if (m.weakInitial && (!lexLabel || isCommon(ctx, low)) && !(next && SAY_VERBS.has(next.low))) {
    // At a sentence start: a name described as a person (`Ferreira, the former club president,`), or one also
    // written mid-sentence, which takes the label it has there.
    if (lexLabel) return null;
    if (cues.strong[idx] === 'PERSON' && !isCommon(ctx, low)) return 'PERSON';
    if (!ctx.capSeen.has(low)) return null;
    cues.settled ??= settleLabels(ctx, cues);
    return cues.settled.get(m.key) ?? null;
  }
  if (cues.products.has(m.key)) return null;
  // A city of the GeoNames list (`Seoul said` is the government speaking): a team in a sports story.
  if (lexLabel === 'PLACE') return teamCue(ctx, m) ? 'ORG' : 'PLACE';
  // A given name alone after `in`, `near` … (`died in Clyde`) is a place.
  if (lexLabel === 'PERSON' && afterPlacePreposition(ctx, m)) return 'PLACE';
  if (lexLabel) return lexLabel;
  if (cues.strong[idx]) return cues.strong[idx];
  const longer = cues.shortForms.get(m.key);
  if (longer) return longer; // `Hazelden` where the text names the Hazelden Center
  const weak = weakCue(ctx, m);
  if (isCommon(ctx, low)) return weak === 'ORG' ? weak : null;
  const byKey = cues.byKey.get(m.key);
  if (byKey) return byKey;
  if (weak) return weak;
  const prev = lowerBefore(ctx, m);
  if (prev && PLACE_PREPS.has(prev.low)) return 'PLACE';
  return SURNAME_SHAPE.test(ctx.words[m.wi].text) ? 'PERSON' : null;
}

/**
 * Label of a multi-word name with no head word or title (`Marla Tenbrook`, `Blue Devils`, `Kestrel Explorer`):
 * a person needs a given name, a person's context, or its last word used alone as a surname elsewhere.
 */
function guessedNameLabel(ctx: Ctx, idx: number, cues: NameCues): EntityLabel | null {
  const m = ctx.out[idx];
  const strong = cues.strong[idx];
  const givenFirst = GIVEN_NAMES.has(m.words[0]) || /^[A-Z]\.$/.test(ctx.words[m.wi].text);
  if (strong === 'PLACE' && !givenFirst) return 'PLACE';
  const longer = cues.shortForms.get(m.key);
  if (longer && strong !== 'PERSON') return longer; // `at Mary Bridge` where the text names Mary Bridge Hospital
  if (givenFirst || strong === 'PERSON' || hasNamePart(ctx, m)) return 'PERSON';
  if (cues.products.has(m.key)) return null;
  if (strong) return strong;
  if (endsInCountry(ctx, m)) return 'ORG'; // `Telenor Pakistan`, `Orange Egypt`: a company's national arm
  const byKey = cues.byKey.get(m.key);
  if (byKey) return byKey;
  const weak = weakCue(ctx, m);
  if (weak) return weak;
  const n = m.words.length;
  const first = entityKey(m.words[0]);
  const last = entityKey(m.words[n - 1]);
  if (cues.byKey.get(first) === 'ORG') return 'ORG'; // `Butler Bulldogs` where `Butler` is a team
  if (cues.byKey.get(last) === 'PERSON' || (cues.alone.has(last) && !cues.byKey.has(last))) return 'PERSON';
  if (TEAM_NICKNAME_PHRASES.has(m.words[n - 2] + ' ' + m.words[n - 1])) return 'ORG';
  return personShaped(ctx, m) ? 'PERSON' : null;
}

function endsInCountry(ctx: Ctx, m: Mention): boolean {
  const last = ctx.words[m.wj];
  const place = PLACE_NAMES.get(last.low);
  return place !== undefined && COUNTRIES.has(place) && last.shape === 'cap';
}

/** A given name after the first word, a middle initial, a `Jr.`, or a surname spelling (`Sharron Diane Smith`). */
function hasNamePart(ctx: Ctx, m: Mention): boolean {
  for (let k = m.wi + 1; k <= m.wj; k++) {
    const w = ctx.words[k];
    if (GIVEN_NAMES.has(w.low) || NAME_SUFFIXES.has(w.low) || /^[A-Z]\.$/.test(w.text) || SURNAME_SHAPE.test(w.text)) return true;
  }
  return SURNAME_SHAPE.test(ctx.words[m.wi].text);
}

/** Name shape of a person: no ordinary word (given names aside), no all-caps word. */
function personShaped(ctx: Ctx, m: Mention): boolean {
  for (let k = m.wi; k <= m.wj; k++) {
    const w = ctx.words[k];
    if (NAME_PARTICLES.has(w.low) || NAME_SUFFIXES.has(w.low)) continue;
    if (w.shape === 'upper' && !/^[A-Z]\.$/.test(w.text)) return false;
    if (!GIVEN_NAMES.has(w.low) && isCommon(ctx, w.low)) return false;
  }
  return true;
}

/** Surname spellings only people have: `McDermott`, `LaRue`, `O'Brien`, `DeGeneres`. */
const SURNAME_SHAPE = /^(?:Mc|Mac|O['’]|La|Le|De|Di|Van)[A-Z][a-z]+$/;

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
    // The pattern is tried only after a bracket or an `or` (most names are followed by neither).
    const mm = mayDefineAbbreviation(text, m.end) ? /^(?:\s*\(|,\s+or\s+|\s+or\s+)([A-Z][A-Za-z.]{1,10})/.exec(text.slice(m.end, m.end + 16)) : null;
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

  // Names no lexicon, head word or title decides: their context, then the multi-word ones' labels.
  const cues = collectCues(ctx, abbrev);
  for (let idx = 0; idx < ms.length; idx++) if (ms[idx].guess) ms[idx].label = guessedNameLabel(ctx, idx, cues);

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
    if (single && m.label === 'ORG' && m.strength === 3 && byLast.has(m.key)) {
      // `Harrison Ford` … `Ford's performance`: the surname, not the company.
      label = 'PERSON';
      name = null;
      const full = byLast.get(m.key)!;
      if (full.size === 1) m.alias = fullName([...full][0]);
    } else if (single && m.strength < 3) {
      const w = m.words[0];
      const wk = m.key;
      const ab = w.indexOf('.') < 0 ? w : w.replace(/\./g, '');
      const def = abbrev.get(ab) ?? (ws[m.wi].shape === 'upper' ? abbrev.get('?' + ab) : undefined);
      const lastSet = byLast.get(wk);
      const firstSet = byFirst.get(wk);
      if (def && def.guess && !def.label) {
        continue; // the abbreviation of a name judged no entity (`Kestrel Explorer (KE)`)
      } else if (def && def.label) {
        label = def.label;
        name = def.canonical || null;
        m.canonical = def.canonical;
        m.alias = def;
      } else if (lastSet && (m.strength < 2 || label === 'PERSON')) {
        // The surname of one person named in full; of several (`Ana Duarte`, `Luis Duarte`), a
        // person still, with no one full name to stand for.
        label = 'PERSON';
        if (lastSet.size === 1) m.alias = fullName([...lastSet][0]);
      } else if (firstSet && firstSet.size === 1 && !lastSet && (m.strength < 2 || label === 'PERSON')) {
        label = 'PERSON';
        m.alias = fullName([...firstSet][0]);
      } else if (m.strength < 2 && orgLast.has(wk) && orgLast.get(wk) !== null) {
        label = 'ORG';
        m.alias = orgLast.get(wk)!;
      } else if (DIRECTIONS.has(w) && placeFirst.has(w)) {
        label = 'PLACE'; // `the North` → `North Korea`
        m.alias = placeFirst.get(w);
      } else if (!label && placeFirst.has(w)) {
        label = 'PLACE';
      } else if (!label && labelOf.has(w)) {
        label = labelOf.get(w)!;
      } else if (m.strength < 2) {
        const known = cues.wordLabel[idx];
        label = known !== undefined && !label ? known : unknownWordLabel(ctx, idx, label, cues);
      }
    } else if (!label) {
      // Several unknown words, half of them or more ordinary words (`Standards Board Policy`): not a name.
      continue;
    }
    if (!label) continue;
    if (label === 'PLACE' && isCityTeam(ctx, m, name)) label = 'ORG';
    result.push({ kind: 'entity', label, start: m.start, end: m.end, text: text.slice(m.start, m.end), name: name ?? '' });
    resultMentions.push(m);
  }

  // Canonical names: lexicon canonical; else the longest full form with the same key (or the aliased one).
  const longest: Record<EntityLabel, Map<string, string>> = { PERSON: new Map(), ORG: new Map(), PLACE: new Map() };
  // The key of each entity's text, wanted again below for most of them.
  const keys = result.map((e) => (e.name ? '' : entityKey(e.text)));
  for (let r = 0; r < result.length; r++) {
    const e = result[r];
    if (e.name) continue;
    const k = keys[r];
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
    let best = longest[e.label].get(src === e.text ? keys[r] : entityKey(src)) ?? src;
    if (e.label === 'ORG' && best.includes(' ')) {
      const f = orgFull.get(best);
      if (f) best = f;
    }
    e.name = cleanName(best);
  }
  return result;
}

/** Does `(` or `or` come right after position `end` (past a comma and spaces)? */
function mayDefineAbbreviation(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 44 /* , */) i++;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 40 /* ( */ || (c === 111 /* o */ && text.charCodeAt(i + 1) === 114 /* r */);
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
    else if ((w.shape === 'cap' || w.shape === 'upper') && !w.initial) capSeen.add(w.low);
  }
  // A word seen both capitalised mid-sentence and lowercase is common only if lowercase use dominates; keep
  // it as capitalised evidence (names like `Bush`, `Rice` recur capitalised).
  const ctx: Ctx = { text: doc.text, words, capSeen, lowSeen, sports: isSportsStory(lowSeen, capSeen), out: [] };
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
