// Test helpers: tokenise a text the way the pipeline does, and mark given names as entities.
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { tokenize, type TokenizedDocument } from '../../../src/core/tokens.js';
import type { EntityAnnotation, EntityLabel } from '../../../src/core/types.js';

export function tokenized(text: string): TokenizedDocument {
  return tokenize(unified().use(retextEnglish).parse(text) as Root, text);
}

/** Every occurrence of each given name, as an entity whose canonical name is `name` (default: the form). */
export function entitiesFor(text: string, names: Record<string, EntityLabel | [EntityLabel, string]>): EntityAnnotation[] {
  const out: EntityAnnotation[] = [];
  for (const [form, spec] of Object.entries(names)) {
    const [label, name] = Array.isArray(spec) ? spec : [spec, form];
    for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
      out.push({ kind: 'entity', label, start: i, end: i + form.length, text: form, name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
