// The five highlight kinds the views distinguish: quotes, the three entity labels, and numbers.
import type { Annotation } from '../core/types.js';

export type AnnotationKindKey = 'quote' | 'person' | 'org' | 'place' | 'number';

export const KIND_KEYS: AnnotationKindKey[] = ['quote', 'person', 'org', 'place', 'number'];

export const KIND_NAMES: Record<AnnotationKindKey, string> = {
  quote: 'Quotes',
  person: 'People',
  org: 'Organisations',
  place: 'Places',
  number: 'Numbers',
};

export function kindOf(a: Annotation): AnnotationKindKey {
  if (a.kind === 'quote') return 'quote';
  if (a.kind === 'number') return 'number';
  return a.label === 'PERSON' ? 'person' : a.label === 'ORG' ? 'org' : 'place';
}
