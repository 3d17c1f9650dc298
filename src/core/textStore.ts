/// <reference lib="es2024.string" />
// Document texts kept as bytes outside the V8 heap, decoded when read. A news text with one curly quote is a
// two-byte string to V8: at 10,000 sources the texts were 95 MiB of heap the GC walks. As latin1 or UTF-8
// bytes they take about one byte per character, off the heap. A few texts read lately are kept decoded, as
// a claims build or a hover reads the same document's text many times in a row.
import { ownCopy } from './analysis/compact.js';
import { partitionPoint } from './search.js';

/** A text as stored: immutable, so a decoded copy of it never goes stale. */
export class StoredText {
  constructor(
    /**
     * Latin1 bytes when every character is below 256, else UTF-8 bytes when the text is well-formed and
     * mostly ASCII, else the string itself.
     */
    private readonly data: Buffer | string,
    private readonly latin1: boolean,
    private readonly store: TextStore,
    /** UTF-8 only: where the string offsets and the byte offsets part (see ByteOffsets). */
    private readonly offsets?: ByteOffsets,
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
    if (this.latin1) return (this.data as Buffer).toString('latin1', start, end);
    const offsets = this.offsets;
    if (offsets && !offsets.splitsPair(start) && !offsets.splitsPair(end)) return (this.data as Buffer).toString('utf8', offsets.byteAt(start), offsets.byteAt(end));
    return ownCopy(this.text.slice(start, end));
  }

  /** The bytes decoded afresh. */
  decode(): string {
    return (this.data as Buffer).toString(this.latin1 ? 'latin1' : 'utf8');
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
/** Larger texts get memory of their own. */
const SLAB_TEXT_MAX = SLAB >> 4;

/** Stores texts; one per corpus, with its cache of the texts read last. */
export class TextStore {
  /** Texts read last, least recent first. */
  private readonly recent = new Map<StoredText, string>();
  private slab: Buffer | undefined;
  private slabUsed = 0;

  constructor(private readonly keep = 16) {}

  /**
   * `together`: for a text likely to stay as long as the others (a folder's sources as first read), kept in a
   * slab with them. A text replaced often (a source being edited) is not: its old copies would leave holes.
   */
  store(text: string, together = false): StoredText {
    const bytes = (encoding: 'latin1' | 'utf8') => this.bytes(text, encoding, together);
    if (!/[^\x00-\xff]/.test(text)) return new StoredText(bytes('latin1'), true, this);
    // Well-formed: UTF-8 gives back the very string (a lone surrogate would come back as U+FFFD).
    if (!text.isWellFormed()) return new StoredText(text, false, this);
    // A text mostly in another script is no smaller in UTF-8, and its offsets table would be large: kept as is.
    const offsets = ByteOffsets.of(text);
    return offsets.count * MOSTLY_ASCII < text.length ? new StoredText(bytes('utf8'), false, this, offsets) : new StoredText(text, false, this);
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
   * The text's bytes: in the current slab when `together` and small enough, else in memory of their own, of
   * their exact size (`Buffer.from` cuts short texts from shared 8 KiB slabs of its own, which a text kept for
   * the session would keep alive).
   */
  private bytes(text: string, encoding: 'latin1' | 'utf8', together: boolean): Buffer {
    const length = Buffer.byteLength(text, encoding);
    let out: Buffer;
    if (!together || length > SLAB_TEXT_MAX) out = Buffer.allocUnsafeSlow(length);
    else {
      if (!this.slab || this.slabUsed + length > SLAB) [this.slab, this.slabUsed] = [Buffer.allocUnsafeSlow(SLAB), 0];
      out = this.slab.subarray(this.slabUsed, (this.slabUsed += length));
    }
    out.write(text, encoding);
    return out;
  }
}
