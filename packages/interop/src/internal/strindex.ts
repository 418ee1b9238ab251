/**
 * An open-addressing hash index from strings to positions in a caller's array: one typed array and
 * no allocation per key (the keys stay in the caller's records, read back through `keyOf`). Readers
 * use it for the id look-ups of files with 100,000s of records, where a `Map` costs several times
 * more.
 */
export class StrIndex {
  private table: Int32Array;
  private mask: number;
  private count = 0;
  private readonly keyOf: (position: number) => string | undefined;

  /**
   * @param capacity - the number of keys expected (the table grows when it is exceeded)
   * @param keyOf - the key stored at a position of the caller's array
   */
  constructor(capacity: number, keyOf: (position: number) => string | undefined) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.keyOf = keyOf;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  private slot(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    const table = this.table;
    let s = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const e = table[s]!;
      if (e === 0 || this.keyOf(e - 1) === key) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** Position of `key`, or -1. */
  get(key: string): number {
    return this.table[this.slot(key)]! - 1;
  }

  /**
   * Maps `key` to `position` unless it is already mapped; returns the earlier position, or -1 when
   * the key is new. `keyOf(position)` must return `key`.
   */
  add(key: string, position: number): number {
    const s = this.slot(key);
    const e = this.table[s]!;
    if (e !== 0) return e - 1;
    this.table[s] = position + 1;
    if (++this.count * 2 > this.table.length) this.grow();
    return -1;
  }

  /** Maps `key` to `position`, replacing an earlier position. `keyOf(position)` must return `key`. */
  set(key: string, position: number): void {
    const s = this.slot(key);
    if (this.table[s] === 0 && ++this.count * 2 > this.table.length) {
      this.table[s] = position + 1;
      this.grow();
    } else this.table[s] = position + 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (const e of old) if (e !== 0) this.table[this.slot(this.keyOf(e - 1)!)] = e;
  }
}
