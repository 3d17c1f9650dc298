/// <reference lib="es2024.string" />
// Document texts kept as bytes outside the V8 heap, decoded when read. A news text with one curly quote is a
// two-byte string to V8: at 10,000 sources the texts were 95 MiB of heap the GC walks. As latin1 or UTF-8
// bytes they take about one byte per character, off the heap. A few texts read lately are kept decoded, as
// a claims build or a hover reads the same document's text many times in a row. Given a spill file, texts
// stored together leave memory altogether once their slab is full (see TextSpill).
import { ownCopy } from './analysis/compact.js';
import { ReusedBuffer } from './analysis/pack.js';
import { partitionPoint } from './search.js';
import type { TextSpill } from './textSpill.js';

/** Texts stored together, one after another: in memory until full, then, given a spill file, in it. */
class Slab {
  used = 0;
  /** Where the slab's bytes start in the spill file, once written there (and gone from memory). */
  position = -1;

  constructor(public bytes: Buffer | undefined) {}
}

/** A text as stored: immutable, so a decoded copy of it never goes stale. */
export class StoredText {
  constructor(
    /**
     * Latin1 bytes when every character is below 256, else UTF-8 bytes when the text is well-formed and
     * mostly ASCII, else the string itself. Bytes are memory of their own, or `size` bytes at `at` of a slab.
     */
    private readonly data: Buffer | Slab | string,
    private readonly latin1: boolean,
    private readonly store: TextStore,
    /** UTF-8 only: where the string offsets and the byte offsets part (see ByteOffsets). */
    private readonly offsets?: ByteOffsets,
    private readonly at = 0,
    private readonly size = 0,
  ) {}

  get text(): string {
    return typeof this.data === 'string' ? this.data : this.store.decoded(this);
  }

  /**
   * The text's characters [start, end) (string offsets) in a string of their own: a passage's words kept by
   * a view or a label keep nothing else alive.
   */
  slice(start: number, end: number): string {
    // Only the passage's bytes are decoded: a view listing passages of many documents decodes no whole text.
    if (this.latin1) return this.read(start, end);
    const offsets = this.offsets;
    if (offsets && !offsets.splitsPair(start) && !offsets.splitsPair(end)) return this.read(offsets.byteAt(start), offsets.byteAt(end));
    return ownCopy(this.text.slice(start, end));
  }

  /** The bytes decoded afresh. */
  decode(): string {
    return this.read(0, this.data instanceof Slab ? this.size : (this.data as Buffer).length);
  }

  /** Bytes [from, to) of the text decoded (clamped to the text, as a slice is). */
  private read(from: number, to: number): string {
    const encoding = this.latin1 ? 'latin1' : 'utf8';
    const data = this.data as Buffer | Slab;
    if (!(data instanceof Slab)) return data.toString(encoding, from, to);
    // Past the text's ends lie other texts' bytes.
    to = Math.max(0, Math.min(to, this.size));
    from = Math.max(0, Math.min(from, to));
    if (data.bytes) return data.bytes.toString(encoding, this.at + from, this.at + to);
    return this.store.readSpilled(this, data.position + this.at, this.size, from, to, encoding);
  }
}

/**
 * Byte offsets of a UTF-8 text's string offsets. News text is nearly all ASCII (one byte a character): kept
 * are the places of the other characters, each with the bytes beyond one a character up to it. Plain arrays
 * of a few dozen small numbers: three typed arrays per text were 30,000 buffers of their own at 10,000
 * sources, kept between short-lived ones.
 */
class ByteOffsets {
  private constructor(
    private readonly wide: readonly number[],
    private readonly extra: readonly number[],
    /** High surrogates' places: an offset just after one is between the halves of a pair. */
    private readonly pairs: readonly number[],
  ) {}

  static of(text: string): ByteOffsets {
    const wide: number[] = [];
    const extra: number[] = [];
    const pairs: number[] = [];
    let more = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      // A pair is four bytes for two code units (the string is well-formed): one more byte each.
      if (c >= 0xd800 && c <= 0xdfff) {
        more += 1;
        if (c <= 0xdbff) pairs.push(i);
      } else more += c < 0x800 ? 1 : 2;
      wide.push(i);
      extra.push(more);
    }
    return new ByteOffsets(wide, extra, pairs);
  }

  /** Characters beyond ASCII. */
  get count(): number {
    return this.wide.length;
  }

  byteAt(offset: number): number {
    const k = below(this.wide, offset);
    return offset + (k ? this.extra[k - 1] : 0);
  }

  splitsPair(offset: number): boolean {
    const k = below(this.pairs, offset);
    return k > 0 && this.pairs[k - 1] === offset - 1;
  }
}

/** How many of the sorted `values` are below `x`. */
const below = (values: readonly number[], x: number): number => partitionPoint(values, (v) => v < x);

/** UTF-8 with its offsets table pays while at most one character in this many is beyond ASCII. */
const MOSTLY_ASCII = 16;

/**
 * Texts stored together share slabs of this size. A buffer per text, each kept for the session between the
 * short-lived buffers of reading files and taking analyses, left the allocator's heap full of holes it could
 * not give back; slabs come from memory of their own.
 */
const SLAB = 1 << 22;
/** Larger texts get memory of their own (or, given a spill file, a slab of their own, written at once). */
const SLAB_TEXT_MAX = SLAB >> 4;

/** Stores texts; one per corpus, with its cache of the texts read last. */
export class TextStore {
  /** Texts read last, least recent first. */
  private readonly recent = new Map<StoredText, string>();
  private slab: Slab | undefined;
  private spill: TextSpill | undefined;
  /** The spilled text whose bytes `spilledBytes` holds whole, if any, and the text read from last. */
  private lastSpilled: StoredText | undefined;
  private lastAsked: StoredText | undefined;
  private readonly spilledBytes = new ReusedBuffer();

  constructor(private readonly keep = 16) {}

  /**
   * From now on, texts stored together go to `spill` as their slab fills. Should a write fail (a full disk),
   * texts stay in memory, as without one.
   */
  spillTo(spill: TextSpill): void {
    this.spill = spill;
  }

  /**
   * `together`: for a text likely to stay as long as the others (a folder's sources as first read), kept in a
   * slab with them. A text replaced often (a source being edited) is not: its old copies would leave holes.
   */
  store(text: string, together = false): StoredText {
    if (!/[^\x00-\xff]/.test(text)) return this.placed(text, 'latin1', together);
    // Well-formed: UTF-8 gives back the very string (a lone surrogate would come back as U+FFFD).
    if (!text.isWellFormed()) return new StoredText(text, false, this);
    // A text mostly in another script is no smaller in UTF-8, and its offsets table would be large: kept as is.
    const offsets = ByteOffsets.of(text);
    return offsets.count * MOSTLY_ASCII < text.length ? this.placed(text, 'utf8', together, offsets) : new StoredText(text, false, this);
  }

  decoded(stored: StoredText): string {
    let text = this.recent.get(stored);
    if (text !== undefined) this.recent.delete(stored);
    else {
      text = stored.decode();
      if (this.recent.size >= this.keep) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(stored, text);
    return text;
  }

  /**
   * Bytes [from, to) of a spilled text, decoded: `size` bytes at `position` of the spill file. A text read
   * twice in a row (a build reads a document's passages in turn) is read whole and kept until another is;
   * else only the bytes asked for are read (a view, a hover or a claim's label reads a passage of each of
   * many documents: whole texts made such a step of a claims build 50 ms long).
   */
  readSpilled(stored: StoredText, position: number, size: number, from: number, to: number, encoding: 'latin1' | 'utf8'): string {
    if (this.lastSpilled !== stored) {
      this.lastSpilled = undefined;
      if (this.lastAsked !== stored) {
        this.lastAsked = stored;
        const bytes = this.spilledBytes.of(to - from);
        this.spill!.read(bytes, position + from);
        return bytes.toString(encoding);
      }
      this.spill!.read(this.spilledBytes.of(size), position);
      this.lastSpilled = stored;
    }
    return this.spilledBytes.of(size).toString(encoding, from, to);
  }

  /**
   * The text stored as bytes: in the current slab when `together` and small enough, else in memory of their
   * own, of their exact size (`Buffer.from` cuts short texts from shared 8 KiB slabs of its own, which a text
   * kept for the session would keep alive); given a spill file, a large text stored together goes to it at once.
   */
  private placed(text: string, encoding: 'latin1' | 'utf8', together: boolean, offsets?: ByteOffsets): StoredText {
    const latin1 = encoding === 'latin1';
    const size = Buffer.byteLength(text, encoding);
    if (!together || (size > SLAB_TEXT_MAX && !this.spill)) {
      const own = Buffer.allocUnsafeSlow(size);
      own.write(text, encoding);
      return new StoredText(own, latin1, this, offsets);
    }
    if (size > SLAB_TEXT_MAX) {
      const own = new Slab(Buffer.allocUnsafeSlow(size));
      own.used = own.bytes!.write(text, encoding);
      this.written(own);
      return new StoredText(own, latin1, this, offsets, 0, size);
    }
    if (!this.slab || this.slab.used + size > SLAB) this.slab = this.nextSlab(this.slab);
    const slab = this.slab;
    const at = slab.used;
    slab.used += slab.bytes!.write(text, at, encoding);
    return new StoredText(slab, latin1, this, offsets, at, size);
  }

  /** A slab for the texts to come: the full one's memory, once it is written to the spill file. */
  private nextSlab(full: Slab | undefined): Slab {
    const bytes = full?.bytes;
    return new Slab(full && this.written(full) ? bytes : Buffer.allocUnsafeSlow(SLAB));
  }

  /** Writes the slab to the spill file, if any, and takes it out of memory; false when it stays there. */
  private written(slab: Slab): boolean {
    const position = this.spill?.append(slab.bytes!.subarray(0, slab.used));
    if (position === undefined) return false;
    slab.position = position;
    slab.bytes = undefined;
    return true;
  }
}
