// A list by number kept in chunks of 4,096 slots. A JavaScript array of hundreds of thousands of slots is
// one block of megabytes: made at once it is written through in one step (on a virtual machine the operating
// system hands fresh pages over at microseconds each: 40 ms for three such arrays at 10,000 sources), and
// grown by copies as it fills. Chunks are small, made as they are reached, never copied.

const BITS = 12;
const SIZE = 1 << BITS;
const MASK = SIZE - 1;

export class ChunkedList<T> {
  private readonly chunks: T[][] = [];

  /** `empty`: what a slot holds before it is set (a chunk is filled with it, so it never holds holes). */
  constructor(private readonly empty: T) {}

  get(k: number): T {
    const chunk = this.chunks[k >>> BITS];
    return chunk === undefined ? this.empty : chunk[k & MASK];
  }

  set(k: number, value: T): void {
    const c = k >>> BITS;
    const chunk = this.chunks[c] ?? (this.chunks[c] = new Array<T>(SIZE).fill(this.empty));
    chunk[k & MASK] = value;
  }
}
