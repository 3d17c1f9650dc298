// The corpus as a REFI-QDA project: each source with its text; codes for the claims carried by two sources
// or more, for speakers, entities and kinds of figures; and a coded segment for every claim passage and
// every annotation. QualCoder, ATLAS.ti, MAXQDA and NVivo then show what Corroborate found, ready to recode.
import type { Corpus } from './corpus.js';
import type { Annotation } from './types.js';
import { stableGuid, type QdaCode, type QdaProject, type QdaSelection } from './qdpx.js';

export interface ProjectOptions {
  name: string;
  origin: string;
  user: string;
  createdAt: Date;
  /** How a source is named (its path in the workspace). */
  sourceName: (doc: string) => string;
}

const STATUS = { differ: 'figures differ', approximate: 'figures agree approximately', agree: 'sources agree', single: 'one source' } as const;
const ENTITY_GROUPS = { PERSON: 'People', ORG: 'Organisations', PLACE: 'Places' } as const;

/** A code tree built as codes are first needed: `path` names the parents, the last part the code. */
class CodeTree {
  readonly roots: QdaCode[] = [];
  private readonly byPath = new Map<string, QdaCode>();

  code(path: string[], color?: string, description?: string): string {
    let siblings = this.roots;
    let code: QdaCode | undefined;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join('\u0000');
      code = this.byPath.get(key);
      if (!code) {
        code = { guid: stableGuid('code', ...path.slice(0, depth)), name: path[depth - 1], children: [] };
        if (depth === 1 && color) code.color = color;
        siblings.push(code);
        this.byPath.set(key, code);
      }
      siblings = code.children!;
    }
    if (description && code) code.description = description;
    return code!.guid;
  }
}

function annotationCode(codes: CodeTree, a: Annotation): string {
  switch (a.kind) {
    case 'quote':
      return codes.code(['Quotes', a.speaker ? `${a.speaker.name}` : 'Unattributed'], '#D7BA7D');
    case 'entity':
      return codes.code(['Entities', ENTITY_GROUPS[a.label], a.name], '#4EC9B0');
    case 'number':
      return codes.code(['Figures', a.label], '#B5CEA8');
  }
}

export function projectOf(corpus: Corpus, options: ProjectOptions): QdaProject {
  const codes = new CodeTree();
  const selections = new Map<string, QdaSelection[]>();
  const select = (doc: string, start: number, end: number, code: string, name: string) => {
    const list = selections.get(doc) ?? [];
    const guid = stableGuid('selection', doc, String(start), String(end), code);
    if (!list.some((s) => s.guid === guid)) list.push({ guid, name, start, end, codes: [code] });
    selections.set(doc, list);
  };
  // Claims first: the researcher's main codes, most widely reported first.
  for (const claim of corpus.claims()) {
    if (claim.sources.length < 2) continue;
    const code = codes.code(['Claims', claim.label], '#C586C0', `${claim.sources.length} sources; ${STATUS[claim.status]}`);
    for (const p of claim.passages) select(p.doc, p.start, p.end, code, claim.label);
  }
  for (const doc of corpus.documents()) {
    for (const a of corpus.annotations(doc.id)) select(doc.id, a.start, a.end, annotationCode(codes, a), doc.text.slice(a.start, a.end).slice(0, 80));
  }
  const prune = (list: QdaCode[]) => list.forEach((c) => (c.children!.length ? prune(c.children!) : delete c.children));
  prune(codes.roots);
  return {
    name: options.name,
    origin: options.origin,
    user: { name: options.user },
    createdAt: options.createdAt,
    codes: codes.roots,
    sources: corpus.documents().map((doc) => ({
      guid: stableGuid('source', doc.id),
      name: options.sourceName(doc.id),
      text: doc.text,
      selections: (selections.get(doc.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end),
    })),
    notes: [],
  };
}
