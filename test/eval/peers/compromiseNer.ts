// Peer for entities: compromise's people(), places() and organizations(), on the same text.
// Spans run from the first term's offset to the end of the last term's (compromise's match offsets also
// cover trailing punctuation and spaces), and a trailing possessive is dropped as the gold drops it.
import nlp from 'compromise';
import type { EntityLabel, Span } from '../../../src/core/types.js';

export interface PeerEntity extends Span {
  label: EntityLabel;
  text: string;
}

interface TermJson {
  offset: { start: number; length: number };
}

export function compromiseEntities(text: string): PeerEntity[] {
  const doc = nlp(text);
  const out: PeerEntity[] = [];
  const views: [EntityLabel, { json(options: object): unknown }][] = [
    ['PERSON', doc.people()],
    ['PLACE', doc.places()],
    ['ORG', doc.organizations()],
  ];
  for (const [label, view] of views) {
    for (const match of view.json({ offset: true }) as { terms: TermJson[] }[]) {
      const terms = match.terms;
      if (!terms.length) continue;
      const start = terms[0].offset.start;
      const last = terms[terms.length - 1].offset;
      let end = last.start + last.length;
      const possessive = /['’]s?$/.exec(text.slice(start, end));
      if (possessive && end - possessive[0].length > start) end -= possessive[0].length;
      out.push({ start, end, label, text: text.slice(start, end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
