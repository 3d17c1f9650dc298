// Lists of flat objects kept as rows of small integers: each field an index into one table of the values
// they take (strings, numbers, null). At 10,000 sources the corpus held 750,000 entity and number
// annotations, each an object of six to nine fields (72-88 bytes, a boxed number besides for most figures);
// as a row they take 4 bytes a field. Read back as the objects they were (same keys in the same order, same
// values), made afresh on each read. The cells are kept in a string, two bytes a cell while every value's
// index is below 65,535, else four: a typed array per list (20,000 at 10,000 sources) cost as much again in
// the buffers' bookkeeping outside the heap.

import { overlapping, partitionIndex } from '../search.js';

type Value = string | number | boolean | null;

/** The values rows refer to, each kept once; one per corpus (see compact.ts). */
export class ValueTable {
  private readonly ids = new Map<Value, number>();
  private readonly values: Value[] = [];

  /** `own`: the copy of a string to keep (a slice of a whole text would keep the text alive). */
  constructor(private readonly own: (s: string) => string = (s) => s) {}

  idOf(value: Value): number {
    // A map tells 0 from -0 apart no more than ===: -0 is kept as a number of its own, never shared.
    let id = Object.is(value, -0) ? undefined : this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      const kept = typeof value === 'string' ? this.own(value) : value;
      this.values.push(kept);
      if (!Object.is(value, -0)) this.ids.set(kept, id);
    }
    return id;
  }

  value(id: number): Value {
    return this.values[id];
  }
}

type Make = (v: readonly Value[]) => object;

/** An object of `Object`'s own kind: a literal, JSON's or a structured clone's, not a class instance. */
export const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/**
 * A list of keys, kept once (every list of entities has the same), with the object literals that make a row
 * of them, by the mask of the keys a row lacks (0: it has them all). An object literal keeps every field
 * inside the object (see compact.ts).
 */
interface Shape {
  keys: readonly string[];
  makers: Map<number, Make>;
}

const shapes = new Map<string, Shape>();
const MAX_SHAPES = 64;

function shapeOf(keys: readonly string[]): Shape | undefined {
  const id = keys.join('\u0000');
  let shape = shapes.get(id);
  if (!shape) {
    if (shapes.size >= MAX_SHAPES) return undefined;
    shapes.set(id, (shape = { keys, makers: new Map() }));
  }
  return shape;
}

function makerOf({ keys, makers }: Shape, lacking: number): Make {
  let make = makers.get(lacking);
  if (!make) {
    const present = keys.filter((_, f) => !(lacking & (1 << f)));
    // Keys are written as JSON strings, so any key is safe in the literal's source.
    make = new Function('v', `return { ${present.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')} };`) as Make;
    makers.set(lacking, make);
  }
  return make;
}

/**
 * `x` copied by an object literal of its own keys, in their order, so that V8 keeps every property inside the
 * object (a structured clone's objects keep those past the fourth in an array of their own). Anything but a
 * plain object, or a shape past the first 64 (a damaged cache entry's), is left as is.
 */
export function asLiteral<T>(x: T): T {
  if (!isPlain(x)) return x;
  const keys = Object.keys(x);
  // `__proto__` in a literal would set the prototype, not a property.
  const shape = keys.includes('__proto__') ? undefined : shapeOf(keys);
  return shape ? (makerOf(shape, 0)(keys.map((k) => x[k] as Value)) as T) : x;
}

/** A field a row does not have (`upper` of a figure that is no range). */
const ABSENT = -1;

/** Largest index a cell of one UTF-16 code unit holds (0xffff stands for ABSENT). */
const NARROW_MAX = 0xfffe;

/** Cells as a string: one code unit each when `narrow`, else two (high half first). */
function encode(cells: Int32Array, narrow: boolean): string {
  // UTF-16LE bytes, decoded as they are (lone surrogates included).
  const bytes = Buffer.allocUnsafe(narrow ? cells.length * 2 : cells.length * 4);
  let at = 0;
  const put = (unit: number) => {
    bytes[at++] = unit & 0xff;
    bytes[at++] = unit >>> 8;
  };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (narrow) put(c === ABSENT ? 0xffff : c);
    else {
      put((c >>> 16) & 0xffff);
      put(c & 0xffff);
    }
  }
  return bytes.toString('utf16le');
}

/** One list's rows: `keys` the fields of the widest row, each row's fields a subsequence of them. */
export class Rows<T extends object> {
  private constructor(
    private readonly table: ValueTable,
    private readonly shape: Shape,
    private readonly cells: string,
    private readonly narrow: boolean,
    readonly length: number,
  ) {}

  /**
   * The list as rows, or undefined when it is not a list of plain objects whose fields are all strings,
   * numbers, booleans or null, in one order of keys (a damaged cache entry's, or a shape of its own).
   */
  static of<T extends object>(list: readonly T[], table: ValueTable): Rows<T> | undefined {
    const keys = keysOf(list);
    // Up to 31 fields: which ones a row lacks is a 32-bit mask.
    const shape = keys && keys.length <= 31 && (keys.length > 0 || list.length === 0) ? shapeOf(keys) : undefined;
    if (!keys || !shape) return undefined;
    const width = keys.length;
    const cells = new Int32Array(list.length * width).fill(ABSENT);
    let largest = 0;
    list.forEach((item, i) => {
      for (const k in item) largest = Math.max(largest, (cells[i * width + keys.indexOf(k)] = table.idOf((item as Record<string, Value>)[k])));
    });
    const narrow = largest <= NARROW_MAX;
    return new Rows<T>(table, shape, encode(cells, narrow), narrow, list.length);
  }

  /** The value index in cell `c` (ABSENT for a field the row lacks). */
  private cell(c: number): number {
    if (this.narrow) {
      const unit = this.cells.charCodeAt(c);
      return unit === 0xffff ? ABSENT : unit;
    }
    return ((this.cells.charCodeAt(2 * c) << 16) | this.cells.charCodeAt(2 * c + 1)) | 0;
  }

  /** Every row as an object, in order. */
  all(): T[] {
    return this.range(0, this.length);
  }

  /** Row `i` as an object. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.length ? this.range(i, i + 1)[0] : undefined;
  }

  /**
   * The rows overlapping `span`, as `overlapping` (search.ts) finds them in the list, reading their offsets
   * off the cells: a hover reads a few figures of each of many documents.
   */
  overlapping(span: { start: number; end: number }): T[] {
    const start = this.shape.keys.indexOf('start');
    const end = this.shape.keys.indexOf('end');
    if (start < 0 || end < 0) return overlapping(this.all() as (T & { start: number; end: number })[], span);
    const from = partitionIndex(this.length, (i) => (this.field(i, end) as number) <= span.start);
    let to = from;
    while (to < this.length && (this.field(to, start) as number) < span.end) to++;
    return this.range(from, to);
  }

  /** The rows whose field `key` has `value`, as objects (the others are not made). */
  where(key: string, value: Value): T[] {
    const f = this.shape.keys.indexOf(key);
    const out: T[] = [];
    if (f < 0) return out;
    for (let i = 0; i < this.length; i++) if (this.field(i, f) === value) out.push(this.range(i, i + 1)[0]);
    return out;
  }

  private field(i: number, f: number): Value | undefined {
    const id = this.cell(i * this.shape.keys.length + f);
    return id === ABSENT ? undefined : this.table.value(id);
  }

  /** Rows `from` … `to`-1 as objects. */
  private range(from: number, to: number): T[] {
    const width = this.shape.keys.length;
    const out: T[] = [];
    const values: Value[] = [];
    const whole = makerOf(this.shape, 0);
    for (let at = from * width; at < to * width; at += width) {
      values.length = 0;
      let lacking = 0;
      for (let f = 0; f < width; f++) {
        const id = this.cell(at + f);
        if (id === ABSENT) lacking |= 1 << f;
        else values.push(this.table.value(id));
      }
      out.push((lacking ? makerOf(this.shape, lacking) : whole)(values) as T);
    }
    return out;
  }
}

/**
 * The keys of the list's widest item when every item is a plain object whose keys are a subsequence of them
 * and whose values are primitive; else undefined.
 */
function keysOf(list: readonly object[]): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  let widest: string[] = [];
  for (const item of list) {
    if (!isPlain(item)) return undefined;
    const keys = Object.keys(item);
    if (keys.length > widest.length) widest = keys;
  }
  if (widest.includes('__proto__')) return undefined;
  for (const item of list) {
    let k = 0;
    for (const key in item) {
      const v = (item as Record<string, unknown>)[key];
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
      while (k < widest.length && widest[k] !== key) k++;
      if (k++ === widest.length) return undefined;
    }
  }
  return widest;
}
