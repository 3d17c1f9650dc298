// A claim index written down, so that reopening a folder takes its claims up instead of grouping every
// passage again (a full build of 10,000 documents takes about a minute). It holds what the index cannot get
// back cheaply: each passage's vector and claim, the term table, the claims' order, ids, labels and
// verdicts. Passages themselves come from the documents as they are when the snapshot is taken up
// (ClaimIndex.restore). Encoding and decoding run in steps, so a UI thread can pause between them.
//
// File: "CRBCLAIM", the body (the typed arrays, then the string lists in JSON chunks), the header (JSON),
// then the header's length (u32, little-endian). The header carries the body's SHA-1: a damaged file is
// no snapshot. It comes last so that the body can be written as it is made: the vectors' arrays, tens of
// megabytes at 10,000 sources, are made a megabyte at a time (a whole copy of them was the peak of a first
// index's memory). Arrays are read straight into place: copying tens of megabytes more outside the heap
// made the garbage collector stop the thread.
import { createHash } from 'node:crypto';
import type { GroupOptions } from './group.js';
import type { Span } from '../types.js';
import { DocumentPassage, lineOf, lineStarts, type Passage, type TextSource } from './passages.js';
import { threadSlices, type Slices } from '../steps.js';

export interface ClaimSnapshot {
  options: GroupOptions;
  /** Documents in passage order: each takes the next `counts[k]` passage ids. */
  docs: string[];
  /** Per document, what its passages were made from (its text's hash, the researcher's corrections). */
  keys: string[];
  counts: Uint32Array;
  /** Per passage: its span in its document (to check that the document still cuts it so). */
  starts: Int32Array;
  ends: Int32Array;
  /** Per passage, its vector: how many terms, the norm, the salient term ids (`blockingTerms` slots each, -1 past the last). */
  termCounts: Uint16Array;
  norms: Float32Array;
  salient: Int32Array;
  /** Term ids and weights, one passage after another. */
  terms: Int32Array;
  weights: Float32Array;
  /** Term keys by id, and in how many passages each is. */
  termKeys: string[];
  df: Int32Array;
  /** Claims, most widely reported first: their passage ids (in reading order) one claim after another. */
  claimSizes: Uint32Array;
  claimPassages: Int32Array;
  claimIds: string[];
  labels: string[];
  kinds: string[];
  statuses: string[];
}

/**
 * A snapshot to write. Its vectors' arrays come a piece at a time (`pieces`: in order, with pauses between
 * them where it yields undefined), each written before the next is made.
 */
export interface SnapshotToWrite extends Omit<ClaimSnapshot, VectorName> {
  vectors: { lengths: Record<VectorName, number>; pieces(name: VectorName): Generator<ClaimSnapshot[VectorName] | undefined> };
}

type VectorName = 'terms' | 'weights' | 'salient';
const VECTORS: VectorName[] = ['terms', 'weights', 'salient'];

type ArrayName = { [K in keyof ClaimSnapshot]: ClaimSnapshot[K] extends ArrayBufferView ? K : never }[keyof ClaimSnapshot];
type StringsName = { [K in keyof ClaimSnapshot]: ClaimSnapshot[K] extends string[] ? K : never }[keyof ClaimSnapshot];

type Typed = Uint16Array | Uint32Array | Int32Array | Float32Array;
interface TypedConstructor {
  new (length: number): Typed;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): Typed;
  BYTES_PER_ELEMENT: number;
}

const ARRAYS: [ArrayName, TypedConstructor][] = [
  ['counts', Uint32Array],
  ['starts', Int32Array],
  ['ends', Int32Array],
  ['termCounts', Uint16Array],
  ['norms', Float32Array],
  ['salient', Int32Array],
  ['terms', Int32Array],
  ['weights', Float32Array],
  ['df', Int32Array],
  ['claimSizes', Uint32Array],
  ['claimPassages', Int32Array],
];
const STRINGS: StringsName[] = ['docs', 'keys', 'termKeys', 'claimIds', 'labels', 'kinds', 'statuses'];

const MAGIC = 'CRBCLAIM';
/** Bumped when the layout or the meaning of a field changes. */
const FORMAT = 2;
/** Strings per JSON chunk: each chunk is written and parsed in one step (labels run to hundreds of characters). */
const CHUNK = 4_000;
/** Bytes hashed per step. */
const HASH_STEP = 1 << 20;

interface Header {
  format: number;
  /** The caller's version of what made the snapshot (annotators, claims code). */
  version: string;
  littleEndian: boolean;
  options: GroupOptions;
  arrays: Record<string, number>;
  /** Per string list, its chunks' byte lengths. */
  strings: Record<string, number[]>;
  sha1: string;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The snapshot as the chunks of a file, to be written one after another as they come; undefined between
 * steps. A chunk holds only until the next is asked for (the vectors' pieces share a buffer).
 */
export function* encodeSnapshot(s: SnapshotToWrite, version: string): Generator<Uint8Array | undefined, void> {
  const hash = createHash('sha1');
  const arrays: Record<string, number> = {};
  const magic = Buffer.from(MAGIC, 'latin1');
  yield magic;
  for (const [name] of ARRAYS) {
    const vector = VECTORS.find((v) => v === name);
    arrays[name] = vector ? s.vectors.lengths[vector] : s[name as Exclude<ArrayName, VectorName>].length;
    let written = 0;
    for (const piece of vector ? s.vectors.pieces(vector) : [s[name as Exclude<ArrayName, VectorName>]]) {
      if (!piece) {
        yield;
        continue;
      }
      written += piece.length;
      const bytes = bytesOf(piece);
      for (let at = 0; at < bytes.length; at += HASH_STEP) {
        const part = bytes.subarray(at, at + HASH_STEP);
        hash.update(part);
        yield part;
      }
    }
    if (written !== arrays[name]) throw new Error(`the snapshot's ${name} came to ${written} values, not ${arrays[name]}`);
  }
  const strings: Record<string, number[]> = {};
  for (const name of STRINGS) {
    strings[name] = [];
    for (let at = 0; at < s[name].length || at === 0; at += CHUNK) {
      const chunk = Buffer.from(JSON.stringify(s[name].slice(at, at + CHUNK)));
      strings[name].push(chunk.length);
      hash.update(chunk);
      yield chunk;
    }
  }
  const header: Header = { format: FORMAT, version, littleEndian, options: s.options, arrays, strings, sha1: hash.digest('hex') };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  yield json;
  yield length;
}

/** Where a snapshot is read from: a file, or bytes in memory. */
export interface SnapshotSource {
  size: number;
  /** Fills `into` with the bytes from `position` on (throws if there are fewer). */
  read(into: Uint8Array, position: number): Promise<void>;
}

export function bytesSource(bytes: Uint8Array): SnapshotSource {
  return {
    size: bytes.length,
    read: async (into, position) => {
      if (position + into.length > bytes.length) throw new Error('past the end');
      into.set(bytes.subarray(position, position + into.length));
    },
  };
}

/** Arrays the index keeps growing after a restore (the vectors): read into room to grow, so it can take them over. */
const GROWING = new Set<ArrayName>(['termCounts', 'norms', 'salient', 'terms', 'weights']);
const withRoom = (length: number): number => length + (length >> 3) + 1024;

/**
 * The snapshot, or undefined when the source holds no snapshot of `version` or a damaged one. Each array is
 * read straight into its place, and the work is done in `slices` (by default the thread's).
 * The vectors' arrays have room to grow, which the index restored from them takes over: restore it once.
 */
export async function decodeSnapshot(source: SnapshotSource, version: string, slices: Slices = threadSlices): Promise<ClaimSnapshot | undefined> {
  const step = () => slices.turn();
  try {
    const prefix = Buffer.alloc(MAGIC.length);
    const headerLength = Buffer.alloc(4);
    if (source.size < prefix.length + headerLength.length) return undefined;
    await source.read(prefix, 0);
    if (prefix.toString('latin1') !== MAGIC) return undefined;
    await source.read(headerLength, source.size - headerLength.length);
    const json = Buffer.alloc(headerLength.readUInt32LE(0));
    // Where the body ends and the header starts.
    const bodyEnd = source.size - headerLength.length - json.length;
    if (bodyEnd < prefix.length) return undefined;
    await source.read(json, bodyEnd);
    const header = JSON.parse(json.toString('utf8')) as Header;
    if (header.format !== FORMAT || header.version !== version || header.littleEndian !== littleEndian) return undefined;
    const hash = createHash('sha1');
    const out: Partial<Record<keyof ClaimSnapshot, unknown>> = { options: header.options };
    let at = prefix.length;
    for (const [name, Type] of ARRAYS) {
      const length = header.arrays[name];
      const perItem = Type.BYTES_PER_ELEMENT;
      if (!Number.isInteger(length) || length < 0 || at + length * perItem > bodyEnd) return undefined;
      const array = new Type(new ArrayBuffer((GROWING.has(name) ? withRoom(length) : length) * perItem), 0, length);
      const bytes = bytesOf(array);
      await source.read(bytes, at);
      at += bytes.length;
      for (let from = 0; from < bytes.length; from += HASH_STEP) {
        hash.update(bytes.subarray(from, from + HASH_STEP));
        await step();
      }
      out[name] = array;
    }
    for (const name of STRINGS) {
      const list: string[] = [];
      for (const length of header.strings[name]) {
        if (!Number.isInteger(length) || length < 0 || at + length > bodyEnd) return undefined;
        const bytes = Buffer.alloc(length);
        await source.read(bytes, at);
        at += length;
        hash.update(bytes);
        const chunk = JSON.parse(bytes.toString('utf8')) as unknown;
        if (!Array.isArray(chunk) || !chunk.every((x) => typeof x === 'string')) return undefined;
        for (const x of chunk as string[]) list.push(x);
        await step();
      }
      out[name] = list;
    }
    if (at !== bodyEnd || hash.digest('hex') !== header.sha1) return undefined;
    const s = out as unknown as ClaimSnapshot;
    return (await consistent(s, step)) ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Elements summed between two pauses. */
const SUM_STEP = 1 << 16;

/**
 * Whether the lists agree in length (the checksum guards their contents; this, a writer's mistake). Counts are
 * summed in steps: run once a session, the sums of 400,000 counts ran unoptimised in one step of 10-15 ms.
 */
async function consistent(s: ClaimSnapshot, step: () => Promise<void>): Promise<boolean> {
  const sum = async (counts: Uint16Array | Uint32Array): Promise<number> => {
    let total = 0;
    for (let from = 0; from < counts.length; from += SUM_STEP) {
      total += sumOf(counts, from, Math.min(counts.length, from + SUM_STEP));
      await step();
    }
    return total;
  };
  const passages = await sum(s.counts);
  const terms = await sum(s.termCounts);
  const members = await sum(s.claimSizes);
  const claims = s.claimSizes.length;
  return (
    s.docs.length === s.counts.length &&
    s.keys.length === s.counts.length &&
    [s.starts, s.ends, s.termCounts, s.norms].every((a) => a.length === passages) &&
    s.salient.length === passages * s.options.blockingTerms &&
    s.terms.length === terms &&
    s.weights.length === terms &&
    s.df.length === s.termKeys.length &&
    members === passages &&
    s.claimPassages.length === passages &&
    [s.claimIds, s.labels, s.kinds, s.statuses].every((a) => a.length === claims)
  );
}

function sumOf(counts: Uint16Array | Uint32Array, from: number, to: number): number {
  let total = 0;
  for (let k = from; k < to; k++) total += counts[k];
  return total;
}

/** A snapshot's passage spans by document, for a document whose key is the saved one (see Corpus.savedPassages). */
export function savedSpans(s: ClaimSnapshot): (id: string, key: string) => Span[] | undefined {
  const where = new Map<string, number>();
  const from: number[] = [];
  let at = 0;
  s.docs.forEach((doc, k) => {
    where.set(doc, k);
    from.push(at);
    at += s.counts[k];
  });
  return (id, key) => {
    const k = where.get(id);
    if (k === undefined || s.keys[k] !== key) return undefined;
    const spans: Span[] = [];
    for (let p = from[k]; p < from[k] + s.counts[k]; p++) spans.push({ start: s.starts[p], end: s.ends[p] });
    return spans;
  };
}

/** Passages at spans of a text, as passagesOf makes them. */
export function passagesAt(doc: string, text: string, spans: Span[], source: TextSource = text): Passage[] {
  const starts = lineStarts(text);
  return spans.map(({ start, end }) => new DocumentPassage(doc, start, end, lineOf(starts, start), source));
}

/** Values a piece of a snapshot's array holds at most (a megabyte of four-byte values). */
const PIECE = 1 << 18;

/**
 * An array of `length` values, those of items 0 … n-1 (`sizeOf(k)` each, written by `put` at `at` of a
 * piece), made a piece at a time: whole items, at most `most` values unless one item has more, a pause
 * (undefined) after each. Every piece is a view of one buffer, so a piece holds until the next is asked for
 * (the writer writes it first): tens of pieces made and dropped added their megabytes to the peak until a
 * collection. Throws when `changed()` tells that the index changed since: the snapshot is no longer what it was.
 */
export function* piecesOf<T extends Int32Array | Float32Array>(
  n: number,
  length: number,
  sizeOf: (k: number) => number,
  put: (into: T, at: number, k: number) => void,
  Type: new (length: number) => T,
  changed: () => boolean,
  most = PIECE,
): Generator<T | undefined> {
  let buffer = new Type(0);
  for (let from = 0; from < n; ) {
    let to = from;
    let size = 0;
    while (to < n && (size === 0 || size + sizeOf(to) <= most)) size += sizeOf(to++);
    if (changed()) throw new Error('the claims changed while they were saved');
    if (buffer.length < size) buffer = new Type(Math.max(size, Math.min(most, length)));
    const piece = buffer.subarray(0, size) as T;
    for (let k = from, at = 0; k < to; at += sizeOf(k++)) put(piece, at, k);
    yield piece;
    yield;
    from = to;
  }
}
