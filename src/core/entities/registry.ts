// Cross-document canonical names: one record per real-world entity across a corpus of documents.
//
// `entityKey` folds the spelling variants outlets produce (case, diacritics, hyphens, apostrophes, doubled
// letters, `-iy`/`-yy`/`-y` endings, `ks`/`x`, final `-ey`/`-ei`), so `Zelensky`, `Zelenskyy` and `Zelenskiy`
// meet, and so do `Kim Jong Un` and `Kim Jong-un`. Standard aliases from the lexicons (`DPRK` → `North Korea`,
// `U.S.` → `United States`) are folded before keying. A short form joins the one long form it abbreviates,
// when exactly one exists in the corpus: a one-word PERSON (`Zelenskyy`) the multi-word PERSON with that
// surname, an ORG (`State Department`) the ORG that adds a place in front (`U.S. State Department`). That merge
// is done when records are read, so adding or removing a document costs O(its entities) and the result does
// not depend on insertion order.
import type { EntityAnnotation, EntityLabel } from '../types.js';
import { PLACE_NAMES, DEMONYMS } from './places.js';
import { ownCopy, SLICED_MIN } from '../analysis/compact.js';
import { ORG_NAMES } from './orgs.js';

/** A document's entities, as its analysis gives them: the same on every read. */
export interface EntitySource {
  readonly entities: readonly EntityAnnotation[];
}

export interface EntityRecord {
  key: string;
  name: string;
  label: EntityLabel;
  /** Surface forms seen, sorted. */
  aliases: string[];
  /** Mentions per document. */
  docs: Map<string, number>;
}

function foldWord(w: string): string {
  if (w.length <= 2) return w;
  let out = '';
  for (let i = 0; i < w.length; i++) if (i === 0 || w[i] !== w[i - 1]) out += w[i];
  if (out.indexOf('ks') >= 0) out = out.replace(/ks/g, 'x');
  if (out.length > 3) {
    if (out.endsWith('iy') || out.endsWith('yi') || out.endsWith('ij')) out = out.slice(0, -2) + 'y';
    else if (out.endsWith('ey')) out = out.slice(0, -2) + 'ei';
  }
  return out;
}

/** Keys already computed: a document names the same few entities over and over. Emptied when full. */
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;

/** Variant-insensitive key of a name. */
export function entityKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    // A name the annotators cut from a text is a view of the whole text, which the cache would keep alive.
    keyCache.set(name.length >= SLICED_MIN ? ownCopy(name) : name, (key = computeKey(name)));
  }
  return key;
}

function computeKey(name: string): string {
  let s = name.normalize('NFD').toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = c.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    if (c === "'" || c === '’' || c === '‘' || c === '.' || c === '`' || c === 'ʼ') continue;
    if (c === ' ' || c === '-' || c === '‐' || c === '–' || c === '_' || c === '\n' || c === '\t') {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  s = out;
  if (s.indexOf(' ') < 0) return foldWord(s);
  return s.split(' ').map(foldWord).join(' ');
}

function lexCanonical(name: string, label: EntityLabel): string | undefined {
  const low = name.replace(/[’‘]/g, "'").toLowerCase();
  if (label === 'PLACE') return PLACE_NAMES.get(low);
  if (label === 'ORG') return ORG_NAMES.get(low);
  return undefined;
}

interface Raw {
  id: string;
  key: string;
  label: EntityLabel;
  /** Canonical names given by the annotator, with mention counts. */
  names: Counts;
  /** Surface forms with mention counts. */
  forms: Counts;
  docs: Counts;
  total: number;
  /** The key of the short form this long form stands for (a surname; an ORG without its place), else null. */
  short: string | null;
  single: boolean;
}

/**
 * The short form a long name is referred to by later: a multi-word PERSON by its surname, an ORG of three
 * words or more led by a place or nationality (`U.S. State Department`, `British Foreign Office`) by the rest.
 */
function shortFormOf(label: EntityLabel, key: string): string | null {
  const words = key.split(' ');
  if (label === 'PERSON') return words.length > 1 ? words[words.length - 1] : null;
  if (label !== 'ORG' || words.length < 3) return null;
  const lead = words[0];
  return PLACE_NAMES.has(lead) || DEMONYMS.has(lead) ? words.slice(1).join(' ') : null;
}

function rawId(label: EntityLabel, key: string): string {
  return `${label}|${key}`;
}

/**
 * Mention counts by string, as a map would keep them, with the first entry inline: most entities have one
 * name, one or two spellings and few sources, and tens of thousands of maps of one entry cost megabytes.
 */
class Counts {
  private only: string | undefined;
  private count = 0;
  private map: Map<string, number> | undefined;

  bump(k: string, by: number): void {
    if (this.map) return bump(this.map, k, by);
    if (this.only === k) {
      this.count += by;
      if (this.count <= 0) [this.only, this.count] = [undefined, 0];
    } else if (by <= 0) return; // not counted: nothing to take away
    else if (this.only === undefined) [this.only, this.count] = [k, by];
    else this.map = new Map([[this.only, this.count], [k, by]]);
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    if (this.map) yield* this.map;
    else if (this.only !== undefined) yield [this.only, this.count];
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this) yield k;
  }
}

function bump(map: Map<string, number> | Counts, k: string, by: number): void {
  if (map instanceof Counts) return map.bump(k, by);
  const n = (map.get(k) ?? 0) + by;
  if (n > 0) map.set(k, n);
  else map.delete(k);
}

function best(map: Iterable<[string, number]>): string {
  let out = '';
  let n = -1;
  for (const [k, c] of map) {
    if (c > n || (c === n && (k.length > out.length || (k.length === out.length && k < out)))) {
      out = k;
      n = c;
    }
  }
  return out;
}

export class EntityRegistry {
  private raws = new Map<string, Raw>();
  /** Id of a short form (`PERSON|patel`, `ORG|state department`) → ids of the long forms it may stand for. */
  private longForms = new Map<string, Set<string>>();
  /** Records already built, until the next change: views resolve the same entities again and again. */
  private built = new Map<string, EntityRecord>();
  /**
   * Where each document's entities were read (they do not change after): their ids are worked out again on
   * removal, as a list of ids and names per mention cost tens of megabytes at 10,000 sources. The source, not
   * the list: a corpus keeps its analyses' entities packed and makes the list on each read (analysis/rows.ts).
   */
  private byDoc = new Map<string, EntitySource>();
  /** Ids of short forms the researcher keeps apart from the long form they would join. */
  private apart: ReadonlySet<string> = new Set();

  /** Short forms (`PERSON|kim`) that stay entities of their own; forgets every record built. */
  keepApart(ids: ReadonlySet<string>): void {
    this.apart = ids;
    this.built.clear();
  }

  private keyOf(entity: Pick<EntityAnnotation, 'name' | 'label'>): string {
    return entityKey(lexCanonical(entity.name, entity.label) ?? entity.name);
  }

  /** The raw id and name an entity counts under (none for a name without letters or digits). */
  private idOf(e: EntityAnnotation): { id: string; name: string; key: string } | undefined {
    const name = lexCanonical(e.name, e.label) ?? e.name;
    const key = entityKey(name);
    return key ? { id: rawId(e.label, key), name, key } : undefined;
  }

  add(docId: string, source: EntitySource): void {
    if (this.byDoc.has(docId)) this.remove(docId);
    const { entities } = source;
    const ids: string[] = [];
    for (const e of entities) {
      const counted = this.idOf(e);
      if (!counted) continue;
      const { id, name, key } = counted;
      let raw = this.raws.get(id);
      if (!raw) {
        const short = shortFormOf(e.label, key);
        raw = { id, key, label: e.label, names: new Counts(), forms: new Counts(), docs: new Counts(), total: 0, single: key.indexOf(' ') < 0, short };
        this.raws.set(id, raw);
        if (short) {
          const shortId = rawId(e.label, short);
          let set = this.longForms.get(shortId);
          if (!set) this.longForms.set(shortId, (set = new Set()));
          set.add(id);
        }
      }
      bump(raw.names, name, 1);
      bump(raw.forms, e.text, 1);
      bump(raw.docs, docId, 1);
      raw.total++;
      ids.push(id);
    }
    this.byDoc.set(docId, source);
    this.forgetRecords(ids);
  }

  /**
   * Drops the built records a document's entities take part in: their own, the long form a short one joins,
   * and every long form sharing a short one (a second `… Patel` changes what `Patel` means). Records of other
   * entities stay built, so a hover after an edit does not rebuild the records of the whole corpus.
   */
  private forgetRecords(ids: readonly string[]): void {
    for (const id of ids) {
      this.built.delete(id);
      const raw = this.raws.get(id);
      const related = [this.longForms.get(id), raw?.short ? this.longForms.get(rawId(raw.label, raw.short)) : undefined];
      if (raw?.short) this.built.delete(rawId(raw.label, raw.short));
      for (const set of related) for (const long of set ?? []) this.built.delete(long);
    }
  }

  remove(docId: string): void {
    const entities = this.byDoc.get(docId)?.entities;
    if (!entities) return;
    this.byDoc.delete(docId);
    const counted = entities.map((e) => this.idOf(e));
    this.forgetRecords(counted.flatMap((c) => (c ? [c.id] : [])));
    for (let k = 0; k < entities.length; k++) {
      const c = counted[k];
      const raw = c && this.raws.get(c.id);
      if (!c || !raw) continue;
      const { id, name } = c;
      bump(raw.names, name, -1);
      bump(raw.forms, entities[k].text, -1);
      bump(raw.docs, docId, -1);
      raw.total--;
      if (raw.total <= 0) {
        this.raws.delete(id);
        if (raw.short) {
          const shortId = rawId(raw.label, raw.short);
          const set = this.longForms.get(shortId);
          set?.delete(id);
          if (set && set.size === 0) this.longForms.delete(shortId);
        }
      }
    }
  }

  /** The long form a short form merges into, if exactly one exists. */
  private target(label: EntityLabel, key: string): string | null {
    if (this.apart.has(rawId(label, key))) return null;
    const set = this.longForms.get(rawId(label, key));
    if (!set || set.size !== 1) return null;
    return set.values().next().value ?? null;
  }

  private build(main: Raw | undefined, key: string, label: EntityLabel, fallbackName: string): EntityRecord {
    const parts: Raw[] = [];
    if (main) parts.push(main);
    if (main?.short) {
      const set = this.longForms.get(rawId(main.label, main.short));
      const short = this.raws.get(rawId(main.label, main.short));
      if (set && set.size === 1 && short && !this.apart.has(short.id)) parts.push(short);
    }
    const names = new Map<string, number>();
    const forms = new Set<string>();
    const docs = new Map<string, number>();
    for (const p of parts) {
      for (const [n, c] of p.names) if (p === main) bump(names, n, c);
      for (const f of p.forms.keys()) forms.add(f);
      for (const [d, c] of p.docs) bump(docs, d, c);
    }
    const sortedDocs = new Map([...docs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    return { key, label, name: names.size ? best(names) : fallbackName, aliases: [...forms].sort(), docs: sortedDocs };
  }

  /** The record an entity belongs to (an empty record when the corpus has none). */
  resolve(entity: Pick<EntityAnnotation, 'name' | 'label'>): EntityRecord {
    const key = this.keyOf(entity);
    const id = this.recordId(entity.label, key);
    const cached = this.built.get(id);
    if (cached) return cached;
    const raw = this.raws.get(id);
    const record = this.build(raw, raw?.key ?? key, entity.label, lexCanonical(entity.name, entity.label) ?? entity.name);
    if (raw) this.built.set(id, record);
    return record;
  }

  /**
   * The key of the record an entity belongs to, as `resolve(entity).key`, without building the record: the
   * claims build asks it of every entity mention, and a record of an entity in thousands of sources sorts
   * them all (first asks of such records made single build steps of tens of milliseconds).
   */
  resolvedKey(entity: Pick<EntityAnnotation, 'name' | 'label'>): string {
    const key = this.keyOf(entity);
    return this.raws.get(this.recordId(entity.label, key))?.key ?? key;
  }

  /** The id of the record a key of a label belongs to: the long form it merges into, else its own. */
  private recordId(label: EntityLabel, key: string): string {
    return this.target(label, key) ?? rawId(label, key);
  }

  /** All records, merged, sorted by label and key. */
  records(): EntityRecord[] {
    const out: EntityRecord[] = [];
    const ids = [...this.raws.keys()].sort();
    for (const id of ids) {
      const raw = this.raws.get(id)!;
      if (this.target(raw.label, raw.key)) continue; // shown as part of its long form
      out.push(this.build(raw, raw.key, raw.label, raw.key));
    }
    return out;
  }
}
