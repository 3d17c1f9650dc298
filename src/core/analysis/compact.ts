// What the corpus keeps of an analysis, in less memory, with the same values.
//
// - One copy of each annotation string across the corpus. An analysis from a worker or the disk cache comes
//   with its own copy of every string (`entity`, `PERSON`, `United States`, a quote that ten outlets carry): at
//   10,000 sources, over a million copies of a few tens of thousands of strings.
// - Entities, numbers, sentences and paragraphs kept as rows of indices into one table of values (rows.ts):
//   hundreds of thousands of small objects cost tens of megabytes and garbage collection time. They read as
//   before (the same objects, made afresh on each read), so the analysis stays what the annotators, the
//   workers and the disk cache exchange; `itemAt`, `overlappingIn` and `entitiesLabelled` read a few items
//   without making the whole list.
// - Lists left as objects (quotes) rebuilt as object literals: a worker's message or the disk cache's
//   structured clone builds each object property by property, and V8 keeps the properties past the first
//   four in a separate array.
import type { DocumentAnalysis, EntityAnnotation, EntityLabel, Span } from '../types.js';
import { asLiteral, isPlain, Rows, ValueTable } from './rows.js';
import { overlapping } from '../search.js';

type PackedKey = 'entities' | 'numbers' | 'sentences' | 'paragraphs';

/** The rows behind an analysis's packed lists, to read a few items without making the whole list. */
const packedRows = new WeakMap<DocumentAnalysis, Partial<Record<PackedKey, Rows<object>>>>();

/** Item `k` of `a[key]` (made from its row alone when the list is packed). */
export function itemAt<K extends PackedKey>(a: DocumentAnalysis, key: K, k: number): DocumentAnalysis[K][number] | undefined {
  const rows = packedRows.get(a)?.[key];
  return (rows ? rows.at(k) : a[key][k]) as DocumentAnalysis[K][number] | undefined;
}

/** The entities of `a` with this label (made from their rows alone when packed: a report walks many documents). */
export function entitiesLabelled(a: DocumentAnalysis, label: EntityLabel): EntityAnnotation[] {
  const rows = packedRows.get(a)?.entities as Rows<EntityAnnotation> | undefined;
  return rows ? rows.where('label', label) : a.entities.filter((e) => e.label === label);
}

/** The items of `a[key]` overlapping `span`, as `overlapping` gives them (made from their rows alone when packed). */
export function overlappingIn<K extends 'entities' | 'numbers' | 'quotes'>(a: DocumentAnalysis, key: K, span: Span): DocumentAnalysis[K] {
  const rows = key === 'quotes' ? undefined : packedRows.get(a)?.[key as PackedKey];
  return (rows ? rows.overlapping(span) : overlapping(a[key] as readonly Span[], span)) as DocumentAnalysis[K];
}

/** V8 keeps a substring this long as a view into its whole text (shorter ones are copied). */
export const SLICED_MIN = 13;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** `max`: past this many strings the pool starts again (sharing is lost for a while, never a value). */
  constructor(private readonly max = 1_000_000) {}

  get size(): number {
    return this.strings.size;
  }

  /** The pool's copy of `s`. */
  of(s: string): string {
    let shared = this.strings.get(s);
    if (shared === undefined) {
      if (this.strings.size >= this.max) this.strings.clear();
      // A substring may be a view into its document's whole text, which the pool must not keep alive.
      shared = s.length >= SLICED_MIN ? ownCopy(s) : s;
      this.strings.set(shared, shared);
    }
    return shared;
  }

  /** Replaces the analysis's strings with the pool's copies, in place (equal values, same objects); returns it. */
  analysis(a: DocumentAnalysis): DocumentAnalysis {
    // Anything but a string (a damaged cache entry's) is left as it is.
    const of = <T>(x: T): T => (typeof x === 'string' ? (this.of(x) as T) : x);
    // Lists kept as rows share their values through the rows' table: not read (and made) here.
    const own = <K extends 'quotes' | 'entities' | 'numbers'>(key: K) => (Object.getOwnPropertyDescriptor(a, key)?.value ?? []) as DocumentAnalysis[K];
    for (const q of own('quotes')) {
      if (typeof q.kind === 'string') q.kind = of(q.kind);
      if (typeof q.label === 'string') q.label = of(q.label);
      if (typeof q.text === 'string') q.text = of(q.text);
      const speaker = q.speaker;
      if (speaker) {
        if (typeof speaker.text === 'string') speaker.text = of(speaker.text);
        if (typeof speaker.name === 'string') speaker.name = of(speaker.name);
      }
    }
    for (const e of own('entities')) {
      if (typeof e.kind === 'string') e.kind = of(e.kind);
      if (typeof e.label === 'string') e.label = of(e.label);
      if (typeof e.text === 'string') e.text = of(e.text);
      if (typeof e.name === 'string') e.name = of(e.name);
    }
    for (const n of own('numbers')) {
      if (typeof n.kind === 'string') n.kind = of(n.kind);
      if (typeof n.label === 'string') n.label = of(n.label);
      if (typeof n.text === 'string') n.text = of(n.text);
      if (typeof n.unit === 'string') n.unit = of(n.unit);
      if (typeof n.approx === 'string') n.approx = of(n.approx);
    }
    return a;
  }
}

/**
 * A copy of `value` (a string, or plain data holding strings) sharing no memory with the strings it was cut
 * or joined from: a short label made from a long text by slicing and joining, kept long (in a mark, a
 * description, a cache), can keep the whole text alive.
 */
export function ownCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Compacts analyses as they enter a corpus; one per corpus (its string pool and table of values). */
export class Compactor {
  private readonly strings = new StringPool();
  private readonly values = new ValueTable((s) => this.strings.of(s));

  /** The analysis compacted in place (strings shared; entities, numbers, sentences and paragraphs packed); returns it. */
  analysis(a: DocumentAnalysis): DocumentAnalysis {
    for (const key of ['entities', 'numbers', 'sentences', 'paragraphs'] as const) packRows(a, key, this.values);
    this.strings.analysis(a);
    // Lists left as objects (quotes, and lists rows cannot hold) are rebuilt as literals.
    for (const key of ['quotes', 'entities', 'numbers'] as const) {
      const list = Object.getOwnPropertyDescriptor(a, key)?.value as unknown;
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const x = list[i] as unknown as Record<string, unknown>;
        if (isPlain(x) && isPlain(x.speaker)) x.speaker = asLiteral(x.speaker);
        list[i] = asLiteral(list[i]);
      }
    }
    return a;
  }
}

/**
 * Replaces `a[key]`, a list of flat objects, by an accessor over its rows (see rows.ts) that makes the list
 * afresh on each read. A list rows cannot hold stays as it is.
 */
function packRows(a: DocumentAnalysis, key: PackedKey, values: ValueTable): void {
  const list = a[key] as unknown;
  if (!Array.isArray(list) || !Object.getOwnPropertyDescriptor(a, key)?.writable) return;
  const rows = Rows.of(list as object[], values);
  if (!rows) return;
  let packed = packedRows.get(a);
  if (!packed) packedRows.set(a, (packed = {}));
  packed[key] = rows;
  Object.defineProperty(a, key, accessors[key]);
}

/**
 * One accessor per key, shared by every analysis (a pair of closures per list was 12 MiB at 10,000 sources):
 * reading makes the list from the analysis's rows; assigning a list puts it in their place.
 */
const accessors = Object.fromEntries(
  (['entities', 'numbers', 'sentences', 'paragraphs'] as const).map((key) => [
    key,
    {
      get(this: DocumentAnalysis) {
        return packedRows.get(this)?.[key]?.all() ?? [];
      },
      set(this: DocumentAnalysis, value: unknown) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
        delete packedRows.get(this)?.[key];
      },
      enumerable: true,
      configurable: true,
    },
  ]),
) as Record<PackedKey, PropertyDescriptor>;
