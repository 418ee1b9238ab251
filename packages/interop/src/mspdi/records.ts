/**
 * Field access used by the MSPDI mapping code. Two implementations: {@link SlotRecord}, filled straight
 * from tokenizer events (tasks, their links, baselines and custom field values: the hot path), and
 * `Fields` over a small per-record element tree (calendars, resources, assignments, which nest
 * deeper). Semantics shared by both: the first occurrence of a child name wins, empty text reads as
 * absent, and every read marks the field as used so the rest can be kept or reported.
 */
export interface FieldSource {
  /** Text of the first child `name`, or undefined when absent or empty (marks it used). */
  get(name: string): string | undefined;
  /** Whether a child `name` is present (also when empty). */
  has(name: string): boolean;
  /** Marks fields as consumed without reading them. */
  use(...names: string[]): void;
  /** Offset of the child `name` in the input (marks it used), or undefined when absent. */
  offsetOf(name: string): number | undefined;
  /** Whether the child `name` has child elements of its own. */
  isComplex(name: string): boolean;
  /** Raw text of the child `name` ("" when absent). */
  textOf(name: string): string;
  /** Names of present children that were never read, in document order. */
  unused(): string[];
}

/** Interns element names to small integers, per read (the set of names is bounded by the input). */
export class NameTable {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  private readonly records: SlotRecord[] = [];
  constructor(seed: Iterable<string>) {
    for (const n of seed) this.id(n);
  }
  /** Id of `name`, assigning a new one when unseen. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      for (const r of this.records) r.grow();
    }
    return id;
  }
  register(r: SlotRecord): void {
    this.records.push(r);
  }
}

/**
 * One record's direct children (name → text, offset, complex flag) in preallocated slots indexed by
 * {@link NameTable} id. Reused from record to record: `reset` clears only the slots that were set.
 */
export class SlotRecord implements FieldSource {
  readonly table: NameTable;
  private vals: string[] = [];
  private offs: number[] = [];
  /** 0 absent, 1 present, 2 present with child elements. */
  private state: number[] = [];
  private used: number[] = [];
  /** Ids present, in document order (the first `count` entries; the array is reused). */
  private readonly order: number[] = [];
  private count = 0;
  constructor(table: NameTable) {
    this.table = table;
    table.register(this);
    this.grow();
  }
  /** Extends the slots to the table size. */
  grow(): void {
    const n = this.table.names.length;
    while (this.vals.length < n) {
      this.vals.push("");
      this.offs.push(0);
      this.state.push(0);
      this.used.push(0);
    }
  }
  reset(): void {
    const o = this.order;
    for (let k = 0; k < this.count; k++) {
      const id = o[k]!;
      this.state[id] = 0;
      this.used[id] = 0;
      this.vals[id] = "";
    }
    this.count = 0;
  }
  /** Starts child `id` at `offset`; false when the name was already present (later ones are ignored). */
  open(id: number, offset: number): boolean {
    if (this.state[id] !== 0) return false;
    this.state[id] = 1;
    this.offs[id] = offset;
    this.order[this.count++] = id;
    return true;
  }
  /** Appends character data to child `id`. */
  append(id: number, text: string): void {
    const v = this.vals[id]!;
    this.vals[id] = v === "" ? text : v + text;
  }
  /** Marks child `id` as having child elements. */
  markComplex(id: number): void {
    this.state[id] = 2;
  }
  /** Sets a whole child at once (first occurrence wins). */
  set(id: number, text: string, offset: number, complex: boolean): void {
    if (this.state[id] !== 0) return;
    this.state[id] = complex ? 2 : 1;
    this.offs[id] = offset;
    this.vals[id] = text;
    this.order[this.count++] = id;
  }
  get(name: string): string | undefined {
    const id = this.table.ids.get(name);
    if (id === undefined || this.state[id] === 0) return undefined;
    this.used[id] = 1;
    const t = this.vals[id]!;
    return t === "" ? undefined : t;
  }
  /** {@link get} by id (hot path). */
  getId(id: number): string | undefined {
    if (this.state[id] === 0) return undefined;
    this.used[id] = 1;
    const t = this.vals[id]!;
    return t === "" ? undefined : t;
  }
  has(name: string): boolean {
    const id = this.table.ids.get(name);
    return id !== undefined && this.state[id] !== 0;
  }
  use(...names: string[]): void {
    for (const n of names) {
      const id = this.table.ids.get(n);
      if (id !== undefined) this.used[id] = 1;
    }
  }
  offsetOf(name: string): number | undefined {
    const id = this.table.ids.get(name);
    if (id === undefined || this.state[id] === 0) return undefined;
    this.used[id] = 1;
    return this.offs[id];
  }
  isComplex(name: string): boolean {
    const id = this.table.ids.get(name);
    return id !== undefined && this.state[id] === 2;
  }
  textOf(name: string): string {
    const id = this.table.ids.get(name);
    return id === undefined ? "" : this.vals[id]!;
  }
  unused(): string[] {
    const out: string[] = [];
    const o = this.order;
    for (let k = 0; k < this.count; k++) {
      const id = o[k]!;
      if (this.used[id] === 0) out.push(this.table.names[id]!);
    }
    return out;
  }
}

/**
 * Predicts element names from the previous sibling (MSPDI writers emit fields in schema order), so
 * most look-ups are one string comparison instead of hashing the name.
 */
export class NamePredictor {
  private readonly table: NameTable;
  private readonly next: number[] = [];
  /** Id + 1 of the previous sibling; 0 at the start of a record. */
  last = 0;
  constructor(table: NameTable) {
    this.table = table;
  }
  id(name: string): number {
    const guess = this.next[this.last];
    let id: number;
    if (guess !== undefined && this.table.names[guess] === name) id = guess;
    else {
      id = this.table.id(name);
      this.next[this.last] = id;
    }
    this.last = id + 1;
    return id;
  }
}

/**
 * A set of ids. Ids that are small canonical integers (MS Project UIDs, P6 keys) are kept in a byte
 * map, the rest in a `Set`: no string hashing or rehashing for the common case.
 */
export class IdSet {
  private flags = new Uint8Array(1024);
  private readonly other = new Set<string>();
  private count = 0;
  get size(): number {
    return this.count;
  }
  private static index(id: string): number {
    const n = id.length;
    if (n === 0 || n > 9) return -1;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || (c === 0 && i === 0 && n > 1)) return -1;
      v = v * 10 + c;
    }
    return v > 1 << 24 ? -1 : v;
  }
  has(id: string): boolean {
    const k = IdSet.index(id);
    if (k < 0) return this.other.has(id);
    return k < this.flags.length && this.flags[k] === 1;
  }
  add(id: string): void {
    const k = IdSet.index(id);
    if (k < 0) {
      if (!this.other.has(id)) this.count++;
      this.other.add(id);
      return;
    }
    if (k >= this.flags.length) {
      let size = this.flags.length * 2;
      while (size <= k) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.flags);
      this.flags = next;
    }
    if (this.flags[k] === 0) {
      this.flags[k] = 1;
      this.count++;
    }
  }
}
