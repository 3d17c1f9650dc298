// Light rewrites of a claim, as one outlet retells another's copy: another reporting verb, the attribution
// moved, a figure changed or hedged (so sources disagree), a quote cut short. And the small edits a reader
// makes to a source, for the re-analysis benchmark.
import { chance, int, pick, type Rng } from './random.js';

const REPORTING_VERBS = ['said', 'told reporters', 'stated', 'noted', 'added', 'confirmed'];
const HEDGES = ['about', 'nearly', 'more than', 'some', 'roughly', 'at least'];
// Words that may start a sentence and still read right in lower case after `X said`.
const LOWERABLE = /^(The|A|An|It|Its|They|He|She|There|This|These|Those|His|Her|Their|Some|Many|Most|Several)\b/;
// A name: one to four capitalised words (`Patel`, `Jack Ketsoyan`).
const NAME = String.raw`\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,3}`;

export function swapReportingVerb(rng: Rng, sentence: string): string {
  const saids = [...sentence.matchAll(/\bsaid\b/g)];
  if (!saids.length) return sentence;
  const at = pick(rng, saids).index!;
  return `${sentence.slice(0, at)}${pick(rng, REPORTING_VERBS)}${sentence.slice(at + 4)}`;
}

const FRONT = new RegExp(String.raw`^(${NAME}) said(?: that)? (\p{Ll}[^“”"]+)\.$`, 'u');
const BACK = new RegExp(String.raw`^([^“”"]+?), (${NAME}) said\.$`, 'u');

/** `Patel said that X.` ⇄ `X, Patel said.` */
export function moveAttribution(sentence: string): string {
  const front = FRONT.exec(sentence);
  if (front) return `${front[2].charAt(0).toUpperCase()}${front[2].slice(1)}, ${front[1]} said.`;
  const back = BACK.exec(sentence);
  if (back && LOWERABLE.test(back[1])) return `${back[2]} said ${back[1].charAt(0).toLowerCase()}${back[1].slice(1)}.`;
  return sentence;
}

// Numbers that are not years, times or parts of dates: counts, amounts, percentages.
const FIGURE = /(?<![\d.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d:/-]|,\d)/g;
const MONTH_BEFORE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$/;

function figures(text: string): RegExpMatchArray[] {
  return [...text.matchAll(FIGURE)].filter((m) => {
    const digits = m[0].replace(/,/g, '');
    const year = /^(1[89]|20)\d\d$/.test(digits);
    return !year && !MONTH_BEFORE.test(text.slice(Math.max(0, m.index! - 6), m.index));
  });
}

function formatLike(value: number, like: string): string {
  const decimals = like.includes('.') ? like.split('.')[1].length : 0;
  const fixed = value.toFixed(decimals);
  return like.includes(',') ? Number(fixed).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : fixed;
}

/** Another value for the figure written `written`: off by a few, or by a tenth to a half. */
function otherValue(rng: Rng, written: string): string {
  const value = Number(written.replace(/,/g, ''));
  let next = value;
  if (value < 20 && !written.includes('.')) next = Math.max(0, value + pick(rng, [-2, -1, 1, 2, 3]));
  else {
    next = value * pick(rng, [0.5, 0.8, 0.9, 1.1, 1.2, 1.5]);
    // Round to the precision of the original (10,000 → 12,000, not 12,347).
    const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1);
    if (!written.includes('.')) next = Math.round(next / magnitude) * magnitude;
  }
  if (next === value) next = value + 1;
  return formatLike(next, written);
}

/** Changes or hedges one figure of the text; the text unchanged when it has none. */
export function changeFigure(rng: Rng, text: string, hedge = true): string {
  const found = figures(text);
  if (!found.length) return text;
  const m = pick(rng, found);
  const at = m.index!;
  const before = text.slice(Math.max(0, at - 12), at);
  const replacement =
    hedge && chance(rng, 0.35) && !/(about|nearly|than|some|roughly|least|over|almost|\$)\s?$/i.test(before)
      ? `${pick(rng, HEDGES)} ${m[0]}`
      : otherValue(rng, m[0]);
  return `${text.slice(0, at)}${replacement}${text.slice(at + m[0].length)}`;
}

/** Part of a quote, as outlets quote partially: up to a comma, or without its first words. */
export function trimQuote(rng: Rng, words: string): string {
  const parts = words.split(/,\s+/);
  const head = parts.slice(0, -1).join(', ');
  if (parts.length > 1 && head.split(/\s+/).length >= 6 && chance(rng, 0.6)) return head;
  const tokens = words.split(/\s+/);
  return tokens.length >= 10 ? tokens.slice(int(rng, 1, 3)).join(' ') : words;
}

/** A few words of a document changed, or a figure: what one save of a reader's edit looks like. */
export function editDocument(rng: Rng, text: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const edited = chance(rng, 0.4) ? changeFigure(rng, text, false) : replaceWords(rng, text);
    if (edited !== text) return edited;
  }
  return `${text}\nEdited.`;
}

/** One to three consecutive words replaced by words found elsewhere in the same text. */
function replaceWords(rng: Rng, text: string): string {
  const words = [...text.matchAll(/\b\p{Ll}{4,}\b/gu)];
  if (words.length < 10) return text;
  const at = int(rng, 0, words.length - 4);
  const count = int(rng, 1, 3);
  // Keep whatever stands between the words (a comma, a name), change only the words.
  let out = text.slice(0, words[at].index);
  let last = words[at].index!;
  for (const w of words.slice(at, at + count)) {
    out += text.slice(last, w.index) + pick(rng, words)[0];
    last = w.index! + w[0].length;
  }
  return out + text.slice(last);
}
