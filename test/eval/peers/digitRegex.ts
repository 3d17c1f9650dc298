// Peer for numbers: digits and a next-word unit, nothing else.
//   - Span: optional $/€/£, digits with thousands separators (`10,000`) or plain, optional decimals, optional %.
//   - Value: the digits as a number (separators dropped).
//   - Unit: `%` after a %, USD/EUR/GBP after a currency sign, else the next word when it is lower-case letters
//     and not a function word (`10,000 soldiers` → soldiers, `5 of` → none).
// Labels, for coarse types only: percent, money, or count.
import type { NumberLabel, Span } from '../../../src/core/types.js';

export interface PeerNumber extends Span {
  label: NumberLabel;
  value: number;
  unit: string | null;
}

const FIGURE = /(?<![\p{L}\p{N}])([$€£])?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(%)?/gu;
const NEXT_WORD = /^[ \t]+([a-z][a-z-]*)\b/;
const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const FUNCTION_WORDS = new Set(
  'a an the of to in on at and or but by for from with as is are was were be been has have had that this than per into over under after before about it its their his her who which when'.split(' '),
);

export function digitNumbers(text: string): PeerNumber[] {
  const out: PeerNumber[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const value = Number(m[2].replace(/,/g, ''));
    let unit: string | null = null;
    let label: NumberLabel = 'count';
    if (m[3]) {
      unit = '%';
      label = 'percent';
    } else if (m[1]) {
      unit = CURRENCY[m[1]];
      label = 'money';
    } else {
      const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1];
      if (next && !FUNCTION_WORDS.has(next)) unit = next;
    }
    out.push({ start, end, label, value, unit });
  }
  return out;
}
