// The researcher's work on top of the machine's: corrections to the annotations, claims shaped by hand,
// notes, and names given to sources. It is plain data, saved as a human-readable JSON file beside the
// sources (see the extension's curation store), so it can be versioned and shared. Every place in a source
// is a `Mark`: the passage's text with a little context (anchors.ts), so marks follow the text when a
// source is edited, and a mark whose text is gone is listed as orphaned, never dropped.
//
// Every change is a pure function from one Curation to the next: the extension, the CLI and the tests
// all go through these, and undo is keeping the previous value.
import type { TextAnchor } from '../anchors.js';
import type { AnnotationKind, EntityLabel } from '../types.js';

/** A place in a source: the source's id and the anchored text. */
export interface Mark {
  source: string;
  anchor: TextAnchor;
}

/** An annotation the machine found that is wrong. */
export interface RemoveCorrection extends Mark {
  action: 'remove';
  kind: AnnotationKind;
}

/** An annotation the machine missed. `speaker` for quotes, `label` (and optionally `name`) for entities. */
export interface AddCorrection extends Mark {
  action: 'add';
  kind: AnnotationKind;
  speaker?: string | null;
  label?: EntityLabel;
  name?: string;
}

/** The quote at the mark is by someone else (null: by nobody the text names). */
export interface SpeakerCorrection extends Mark {
  action: 'speaker';
  speaker: string | null;
}

/** Every mention of an entity, in every source, is of another type. */
export interface RetypeCorrection {
  action: 'retype';
  entity: string;
  label: EntityLabel;
  to: EntityLabel;
}

/** Two entities are one: mentions of `entity` are mentions of `into` (an alias), in every source. */
export interface MergeCorrection {
  action: 'merge';
  entity: string;
  label: EntityLabel;
  into: string;
  intoLabel: EntityLabel;
}

/** Mentions of `entity` are an entity of their own, not the longer name the machine took them for. */
export interface SplitCorrection {
  action: 'split';
  entity: string;
  label: EntityLabel;
}

export type AnchoredCorrection = RemoveCorrection | AddCorrection | SpeakerCorrection;
export type EntityRule = RetypeCorrection | MergeCorrection | SplitCorrection;
export type Correction = AnchoredCorrection | EntityRule;

/** A claim the researcher has named, merged, moved passages into or created: its passages are pinned. */
export interface ShapedClaim {
  id: string;
  title?: string;
  memo?: string;
  passages: Mark[];
}

export interface PassageMemo extends Mark {
  memo: string;
}

export interface Curation {
  /** Names given to sources, by source id. */
  sources: Record<string, { label: string }>;
  corrections: Correction[];
  claims: ShapedClaim[];
  memos: PassageMemo[];
}

export function emptyCuration(): Curation {
  return { sources: {}, corrections: [], claims: [], memos: [] };
}

export function isAnchored(c: Correction): c is AnchoredCorrection {
  return 'anchor' in c;
}

export function isEmpty(c: Curation): boolean {
  return !Object.keys(c.sources).length && !c.corrections.length && !c.claims.length && !c.memos.length;
}

/** Every mark of the curation with what it belongs to, for orphan reports and for saving by path. */
export function marksOf(c: Curation): { mark: Mark; owner: string }[] {
  const out: { mark: Mark; owner: string }[] = [];
  for (const x of c.corrections) if (isAnchored(x)) out.push({ mark: x, owner: correctionTitle(x) });
  for (const claim of c.claims) for (const p of claim.passages) out.push({ mark: p, owner: `passage of claim "${claim.title ?? claim.id}"` });
  for (const m of c.memos) out.push({ mark: m, owner: 'note on a passage' });
  return out;
}

export function correctionTitle(c: Correction): string {
  switch (c.action) {
    case 'remove':
      return `removed ${c.kind}`;
    case 'add':
      return `added ${c.kind}`;
    case 'speaker':
      return `speaker set to ${c.speaker ?? 'nobody'}`;
    case 'retype':
      return `${c.entity} is a ${c.to.toLowerCase()}`;
    case 'merge':
      return `${c.entity} merged into ${c.into}`;
    case 'split':
      return `${c.entity} kept apart`;
  }
}

// ---- Validation of a file read from disk (people edit it by hand and merge it in version control) ----

const KINDS = new Set(['quote', 'entity', 'number']);
const LABELS = new Set(['PERSON', 'ORG', 'PLACE']);

function fail(where: string, what: string): never {
  throw new Error(`${where}: ${what}`);
}

function str(v: unknown, where: string): string {
  return typeof v === 'string' ? v : fail(where, 'expected a string');
}

function label(v: unknown, where: string): EntityLabel {
  return LABELS.has(v as string) ? (v as EntityLabel) : fail(where, 'expected PERSON, ORG or PLACE');
}

function anchor(v: unknown, where: string): TextAnchor {
  const a = v as Record<string, unknown>;
  if (!a || typeof a !== 'object') fail(where, 'expected an anchor { exact, prefix, suffix, start, end }');
  const n = (x: unknown, f: string) => (Number.isInteger(x) && (x as number) >= 0 ? (x as number) : fail(`${where}.${f}`, 'expected a whole number'));
  return { exact: str(a.exact, `${where}.exact`), prefix: str(a.prefix ?? '', `${where}.prefix`), suffix: str(a.suffix ?? '', `${where}.suffix`), start: n(a.start ?? 0, 'start'), end: n(a.end ?? 0, 'end') };
}

function mark(v: unknown, where: string): Mark {
  const m = v as Record<string, unknown>;
  if (!m || typeof m !== 'object') fail(where, 'expected { source, anchor }');
  return { source: str(m.source, `${where}.source`), anchor: anchor(m.anchor, `${where}.anchor`) };
}

function correction(v: unknown, where: string): Correction {
  const c = v as Record<string, unknown>;
  if (!c || typeof c !== 'object') fail(where, 'expected an object');
  switch (c.action) {
    case 'remove':
      return { action: 'remove', kind: KINDS.has(c.kind as string) ? (c.kind as AnnotationKind) : fail(`${where}.kind`, 'expected quote, entity or number'), ...mark(c, where) };
    case 'add': {
      const kind = KINDS.has(c.kind as string) ? (c.kind as AnnotationKind) : fail(`${where}.kind`, 'expected quote, entity or number');
      const out: AddCorrection = { action: 'add', kind, ...mark(c, where) };
      if (kind === 'quote') out.speaker = c.speaker == null ? null : str(c.speaker, `${where}.speaker`);
      if (kind === 'entity') out.label = label(c.label, `${where}.label`);
      if (kind === 'entity' && c.name != null) out.name = str(c.name, `${where}.name`);
      return out;
    }
    case 'speaker':
      return { action: 'speaker', speaker: c.speaker == null ? null : str(c.speaker, `${where}.speaker`), ...mark(c, where) };
    case 'retype':
      return { action: 'retype', entity: str(c.entity, `${where}.entity`), label: label(c.label, `${where}.label`), to: label(c.to, `${where}.to`) };
    case 'merge':
      return { action: 'merge', entity: str(c.entity, `${where}.entity`), label: label(c.label, `${where}.label`), into: str(c.into, `${where}.into`), intoLabel: label(c.intoLabel ?? c.label, `${where}.intoLabel`) };
    case 'split':
      return { action: 'split', entity: str(c.entity, `${where}.entity`), label: label(c.label, `${where}.label`) };
    default:
      return fail(`${where}.action`, 'expected remove, add, speaker, retype, merge or split');
  }
}

function list<T>(v: unknown, where: string, item: (x: unknown, where: string) => T): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v.map((x, i) => item(x, `${where}[${i}]`)) : fail(where, 'expected a list');
}

/** The curation in `raw` (parsed JSON), or an Error saying where it is not in the expected form. */
export function validateCuration(raw: unknown): Curation {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r !== 'object' || Array.isArray(r)) fail('the file', 'expected an object');
  const sources: Curation['sources'] = {};
  const given = (r.sources ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) fail('sources', 'expected an object keyed by source');
  for (const [id, s] of Object.entries(given)) sources[id] = { label: str((s as Record<string, unknown>)?.label, `sources["${id}"].label`) };
  return {
    sources,
    corrections: list(r.corrections, 'corrections', correction),
    claims: list(r.claims, 'claims', (x, where) => {
      const c = x as Record<string, unknown>;
      if (!c || typeof c !== 'object') fail(where, 'expected an object');
      const claim: ShapedClaim = { id: str(c.id, `${where}.id`), passages: list(c.passages, `${where}.passages`, mark) };
      if (c.title != null) claim.title = str(c.title, `${where}.title`);
      if (c.memo != null) claim.memo = str(c.memo, `${where}.memo`);
      return claim;
    }),
    memos: list(r.memos, 'memos', (x, where) => ({ ...mark(x, where), memo: str((x as Record<string, unknown>).memo, `${where}.memo`) })),
  };
}

/** The same curation with every source id passed through `rename` (ids ↔ paths relative to the workspace). */
export function mapSources(c: Curation, rename: (source: string) => string): Curation {
  const m = <T extends Mark>(x: T): T => ({ ...x, source: rename(x.source) });
  return {
    sources: Object.fromEntries(Object.entries(c.sources).map(([id, s]) => [rename(id), s])),
    corrections: c.corrections.map((x) => (isAnchored(x) ? m(x) : x)),
    claims: c.claims.map((claim) => ({ ...claim, passages: claim.passages.map(m) })),
    memos: c.memos.map(m),
  };
}
