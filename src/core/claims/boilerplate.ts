// Page furniture that web-to-text copies carry along: navigation, share and log-in prompts, credits,
// captions, timestamps and "related stories" lists. None of it is a claim a source makes. A headline is
// no furniture, though it is as short and as unpunctuated as a widget label: it says something happened.

const UI_WORDS =
  /\b(log ?in|sign ?in|sign ?up|subscribe|newsletter|share (this|on|via)|print|(leave|add|post|show|view|hide|load|read|write)( \w+)? comments?|comments? (\(|\d|are closed|policy)|^\d* ?comments?$|cookies?|follow us|all rights reserved|copyright|©|click here|advertisement|read more|download (the|our) app|help-image|lock icon|dictionary|skip to|back to top|most (popular|read|viewed|shared)|top stories|headlines|(may|might) also like|sponsored|editor'?s picks|(photo|picture|image|video)s? (by|courtesy)|getty images|your device|news (alerts|emails)|view (all|more))\b/i;
const META_LINE =
  /^(edited by|updated|last updated|first published|published|posted|reporting by|writing by|additional reporting|compiled by|by \p{Lu}|photo:|image:|source:|credit:|file photo|tags?:|topics?:|home\b)/iu;
const CREDIT_TAIL = /(\[[A-Z][A-Z .,/&-]+\]|\((?:AP|AFP|Reuters|Getty Images|EPA|Yonhap)[^)]*\)|\b(?:AP|AFP|Reuters|Getty) Photo\b.*)\s*$/;
const LIST_HEADING = /^(related( stories| articles| article| coverage| news| content)?|read more|more on this( story)?|see also|recommended|most read|trending|more from [\w ]+)$/i;
const FINAL_PUNCTUATION = /[.!?"”’')]$/;

// What a character is, by UTF-16 code unit, learnt as met: every sentence of every document is counted, and
// a regular expression's array of matches cost more than the rest of the furniture checks together.
const NOT_A_WORD = 1;
const NUMERAL = 2;
const LETTER = 3;
const CHAR_CLASS = new Uint8Array(0x10000);

function classOf(ch: string): number {
  return /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? NUMERAL : NOT_A_WORD;
}

/** Words (runs of letters and digits) and letters of a text, counted in code points. */
function wordsAndLetters(text: string): { words: number; letters: number } {
  let words = 0;
  let letters = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kind: number;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) kind = classOf(text.slice(i, ++i + 1)); // a pair
    else kind = CHAR_CLASS[unit] || (CHAR_CLASS[unit] = classOf(text[i]));
    if (kind !== NOT_A_WORD && !inWord) words++;
    inWord = kind !== NOT_A_WORD;
    if (kind === LETTER) letters++;
  }
  return { words, letters };
}

export function countWords(text: string): number {
  return wordsAndLetters(text).words;
}

/** Whether a line is the heading of a list of other articles' headlines. */
export function isListHeading(line: string): boolean {
  return LIST_HEADING.test(line.trim().replace(/[:.]$/, ''));
}

// Words that carry no content of a headline: function words, and the words of dates and times, which make
// up timestamps (`Posted Dec 23, 2012 6:11 PM ET`).
const FUNCTION_WORDS = new Set(
  `a an the and or but of in on at to for from by with as into onto over under after before about against
  amid among vs via per its it his her their our your my this that these those more most than not no all
  is are was were be been am will would can could may might must shall should has have had does did do he
  she they we you i him them us me who`.split(/\s+/),
);
const DATE_WORDS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun
  jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
  thur thurs fri sat sun am pm gmt utc est edt cst cdt pst pdt et pt ist bst cet`.split(/\s+/),
);
// Verb forms a headline states its news with that no ending shows (`Fred LaRue dies`, `Smith quits`).
const AUXILIARIES = new Set('is are was were be been will would can could may might must should has have had does did gets got'.split(' '));
const IRREGULAR_VERBS = new Set(
  `said says told won wins lost hit hits shot sworn held holds found fell led left made meets met quit quits ran
  rose sent set sold struck strikes took takes cut cuts put puts beat beats beaten broke broken built bought
  caught chose drew drove fled flees fought freed gave given grew hid hung kept knew laid lays let lets paid
  sank seen shut slain sought spent spoke stole stolen stood swore taken thrown threw went withdrew wrote
  written upheld upholds dies dead`.split(/\s+/),
);

/** A plural noun that can be a headline's subject (`Protesters`, `Gunmen`, `Police`), not `bus` or `news`. */
const PLURAL_SUBJECT = /^(?:\p{L}{2,}[^su']s|\p{L}*men|police|people|children)$/u;

/** Whether `word` (lower case) reads as a verb where it stands, after the word `previous`. */
function isVerbLike(word: string, previous: string): boolean {
  if (AUXILIARIES.has(word) || IRREGULAR_VERBS.has(word)) return true;
  if (FUNCTION_WORDS.has(word) || DATE_WORDS.has(word)) return false;
  // `to host the Oscars`, `32 die in …`, `Protesters clash with …`, `Thai police use …`: a plain verb
  // after its plural subject.
  if (previous === 'to' || /^\d/.test(previous) || PLURAL_SUBJECT.test(previous)) return true;
  // `Historic dairy building destroyed by fire`, `Lohan checking into rehab` (not `need`, `speed`).
  if (word.length >= 5 && /(?<!e)ed$|ing$/.test(word)) return true;
  // `Israel widens …`: a third-person -s after its subject (not `business`, `politics`, `famous`, `news`).
  return word.length >= 4 && /s$/.test(word) && !/(ss|us|is|ics|ews)$/.test(word) && !FUNCTION_WORDS.has(previous);
}

function wordsOf(line: string): string[] {
  return (line.toLowerCase().match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? []).map((w) => w.replace(/['’]s$/, ''));
}

function contentWords(words: string[]): string[] {
  return words.filter((w) => !FUNCTION_WORDS.has(w) && !DATE_WORDS.has(w) && !/\d/.test(w));
}

// The sections of a news site, which a menu lists (`World Business Markets Politics TV`).
const SECTIONS = new Set(
  `news world business markets politics sport sports entertainment health opinion tech technology science
  lifestyle travel culture arts video videos weather money economy style food local national international
  home latest live podcasts tv`.split(/\s+/),
);

/** Opens like a line of its own text (`with the Korea JoongAng Daily` is the tail of another), not a menu. */
function opensLikeALine(s: string): boolean {
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(s) || (s.match(/[|•·]/g) ?? []).length >= 2) return false;
  return wordsOf(s).filter((w) => SECTIONS.has(w)).length < 3;
}

/**
 * Whether a short line without final punctuation reads as a headline (`Ellen DeGeneres to host 2014
 * Oscars`, `Kenya SC upholds election result`) rather than a label, a byline or a timestamp: it opens
 * with a capital, has three content words or more, and a verb after its first word.
 */
export function isHeadline(line: string): boolean {
  const s = line.trim();
  if (!opensLikeALine(s)) return false;
  const words = wordsOf(s);
  if (contentWords(words).length < 3) return false;
  return words.some((w, i) => i > 0 && !/\d/.test(w) && isVerbLike(w, words[i - 1]));
}

// The outlet atop a page (`The New York Times`, `Korea JoongAng Daily`) or a byline (`Jane Doe, Staff Writer`).
const MASTHEAD_OR_BYLINE =
  /\b(times|post|herald|press|news|daily|journal|tribune|guardian|telegraph|gazette|agency|online|magazine|weekly|chronicle|examiner|observer|independent|mail|express|globe|network|\.com|writer|correspondent|reporter|editor|columnist|contributor)$/i;

/**
 * Whether the first line of a document's text reads as its title, a headline that may have no verb
 * (`Major fire at Waitrose in Wellington`): no furniture, no masthead, three content words or more, and
 * either one in lower case or four in all (`Middle East Politics` is a section's label).
 */
export function isTitle(line: string): boolean {
  const s = line.trim();
  if (!opensLikeALine(s) || isFurniture(s) || MASTHEAD_OR_BYLINE.test(s)) return false;
  const content = contentWords(wordsOf(s));
  return content.length >= 4 || (content.length === 3 && contentWords(s.match(/\b\p{Ll}+\b/gu) ?? []).length > 0);
}

/** Whether a sentence is furniture whatever its length: a credit, a prompt, a timestamp, an address. */
function isFurniture(s: string, { words, letters } = wordsAndLetters(s)): boolean {
  if (words < 3) return true;
  // Mostly symbols or digits: counters, timestamps, widgets.
  if (letters < s.length * 0.5) return true;
  if (META_LINE.test(s)) return true;
  if (CREDIT_TAIL.test(s)) return true;
  if (s.includes(' > ')) return true; // breadcrumbs
  if (/^(https?:\/\/|www\.)\S+$/i.test(s) || /^\S+@\S+\.\w+$/.test(s)) return true; // a bare address
  if (words < 16 && UI_WORDS.test(s)) return true;
  return /\(\d+\/\d+/.test(s); // character counters such as (0/250)
}

/** Whether a sentence is page furniture rather than prose. */
export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  const stats = wordsAndLetters(s);
  if (isFurniture(s, stats)) return true;
  // A short fragment without final punctuation is a heading, a widget label or a line of a log-in prompt,
  // unless it reads as a headline; a three-word sentence says too little to be a claim unless it does.
  if (stats.words < 4 || (stats.words < 8 && !FINAL_PUNCTUATION.test(s))) return !isHeadline(s);
  return false;
}
