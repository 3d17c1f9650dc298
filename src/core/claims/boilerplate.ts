// Page furniture that web-to-text copies carry along: navigation, share and log-in prompts, credits,
// captions and "related stories" lists. None of it is a claim a source makes.

const UI_WORDS =
  /\b(log ?in|sign ?in|sign ?up|subscribe|newsletter|share (this|on|via)|print|comments?|cookies?|follow us|all rights reserved|copyright|©|click here|advertisement|read more|download (the|our) app|help-image|lock icon|dictionary)\b/i;
const META_LINE =
  /^(edited by|updated|first published|published|reporting by|writing by|additional reporting|compiled by|photo:|image:|source:|credit:|file photo|tags?:|topics?:|home\b)/i;
const CREDIT_TAIL = /(\[[A-Z][A-Z .,/&-]+\]|\((?:AP|AFP|Reuters|Getty Images|EPA|Yonhap)[^)]*\)|\b(?:AP|AFP|Reuters|Getty) Photo\b.*)\s*$/;
const LIST_HEADING = /^(related( stories| articles| article| coverage| news| content)?|read more|more on this( story)?|see also|recommended|most read|trending|more from [\w ]+)$/i;

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Whether a line is the heading of a list of other articles' headlines. */
export function isListHeading(line: string): boolean {
  return LIST_HEADING.test(line.trim().replace(/[:.]$/, ''));
}

/** Whether a sentence is page furniture rather than prose. */
export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  const words = countWords(s);
  if (words < 4) return true;
  if (META_LINE.test(s)) return true;
  if (CREDIT_TAIL.test(s)) return true;
  if (/ > /.test(s)) return true; // breadcrumbs
  if (/^(https?:\/\/|www\.)\S+$/i.test(s) || /^\S+@\S+\.\w+$/.test(s)) return true; // a bare address
  if (words < 16 && UI_WORDS.test(s)) return true;
  // A short fragment without final punctuation: a heading, a widget label, a line of a log-in prompt.
  if (words < 8 && !/[.!?"”’)]$/.test(s)) return true;
  if (/\(\d+\/\d+/.test(s)) return true; // character counters such as (0/250)
  // Mostly symbols or digits: counters, timestamps, widgets.
  const letters = (s.match(/\p{L}/gu) ?? []).length;
  return letters < s.length * 0.5;
}
