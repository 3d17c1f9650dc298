// The corpus as a REFI-QDA project: each source with its text, under its name; codes for the claims carried
// by two sources or more and those the researcher worked on, for speakers, entities and kinds of figures; a
// coded segment for every claim passage and every annotation; and the researcher's notes. QualCoder,
// ATLAS.ti, MAXQDA and NVivo then show what Corroborate found, ready to recode.
//
// Notes: a claim's note is a project note attached to the claim's code; a passage's note is a project note
// attached to its coded segment, and also the segment's own memo (its Description), which is where
// QualCoder looks for it (it reads project notes as journal entries, without their targets).
import type { Corpus } from './corpus.js';
import type { Claim } from './claims/claims.js';
import type { Annotation } from './types.js';
import { stableGuid, type QdaCode, type QdaNote, type QdaProject, type QdaSelection } from './qdpx.js';

export interface ProjectOptions {
  name: string;
  origin: string;
  user: string;
  createdAt: Date;
  /** How a source is named; its label in the corpus when not given. */
  sourceName?: (doc: string) => string;
  /** Where a source is (its path in the workspace), written in the source's description. */
  sourcePath?: (doc: string) => string;
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

/** A name for a note, from what it is about: short, since the tools list notes by name. */
function noteName(about: string): string {
  const oneLine = about.replace(/\s+/g, ' ').trim();
  return `Note on ${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}`;
}

/** A claim is a code when two sources carry it, or when the researcher shaped it or wrote a note on it or its passages. */
function coded(corpus: Corpus, claim: Claim): boolean {
  return claim.sources.length > 1 || !!claim.shaped || claim.passages.some((p) => corpus.memoOf(p));
}

export function projectOf(corpus: Corpus, options: ProjectOptions): QdaProject {
  const sourceName = options.sourceName ?? ((doc: string) => corpus.label(doc));
  const codes = new CodeTree();
  const selections = new Map<string, QdaSelection[]>();
  const notes: QdaNote[] = [];
  const select = (doc: string, start: number, end: number, code: string, name: string): QdaSelection => {
    const list = selections.get(doc) ?? [];
    const guid = stableGuid('selection', doc, String(start), String(end), code);
    let selection = list.find((s) => s.guid === guid);
    if (!selection) list.push((selection = { guid, name, start, end, codes: [code] }));
    selections.set(doc, list);
    return selection;
  };
  // Passage notes, one per source and wording, attached to every segment it is on.
  const passageNotes = new Map<string, QdaNote>();
  // Claims first: the researcher's main codes, most widely reported first.
  for (const claim of corpus.claims()) {
    if (!coded(corpus, claim)) continue;
    const sources = `${claim.sources.length} source${claim.sources.length > 1 ? 's' : ''}`;
    const code = codes.code(['Claims', claim.label], '#C586C0', `${sources}; ${STATUS[claim.status]}${claim.shaped ? '; shaped by the researcher' : ''}`);
    if (claim.memo) notes.push({ guid: stableGuid('note', 'claim', claim.id), name: noteName(`claim “${claim.label}”`), text: claim.memo, targets: [code] });
    for (const p of claim.passages) {
      const selection = select(p.doc, p.start, p.end, code, claim.label);
      const memo = corpus.memoOf(p);
      if (!memo) continue;
      selection.note = memo;
      const key = JSON.stringify([p.doc, memo]);
      const note = passageNotes.get(key);
      if (note) note.targets!.push(selection.guid);
      else passageNotes.set(key, { guid: stableGuid('note', 'passage', p.doc, memo), name: noteName(`${sourceName(p.doc)}, line ${p.line}`), text: memo, targets: [selection.guid] });
    }
  }
  notes.push(...passageNotes.values());
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
    sources: corpus.documents().map((doc) => {
      const description = describe(corpus, doc.id, options.sourcePath);
      return {
        guid: stableGuid('source', doc.id),
        name: sourceName(doc.id),
        text: doc.text,
        ...(description ? { description } : {}),
        selections: (selections.get(doc.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end),
      };
    }),
    notes,
  };
}

/** The source's file, outlet, date and author, one per line, those known. */
function describe(corpus: Corpus, doc: string, path: ProjectOptions['sourcePath']): string | undefined {
  const { outlet, date, author } = corpus.describe(doc);
  const lines = [path && `File: ${path(doc)}`, outlet && `Outlet: ${outlet}`, date && `Date: ${date}`, author && `Author: ${author}`].filter(Boolean);
  return lines.length ? lines.join('\n') : undefined;
}
