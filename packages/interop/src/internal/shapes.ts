/**
 * Shares equal short strings: readers keep millions of small field values ("0", "N", "PT0H0M0S")
 * that would each survive as a separate string; one shared copy each lets the fresh ones die young,
 * which the garbage collector handles at almost no cost, instead of being copied into the old
 * generation. Bounded: after `limit` distinct values, new ones are returned as they are.
 */
export class Interner {
  private readonly map = new Map<string, string>();
  private readonly limit: number;
  /** @param limit - the most distinct values kept (default 65,536) */
  constructor(limit = 65_536) {
    this.limit = limit;
  }
  /** The shared copy of `s` (strings over 24 characters are returned as they are). */
  get(s: string): string {
    if (s.length > 24) return s;
    const hit = this.map.get(s);
    if (hit !== undefined) return hit;
    if (this.map.size < this.limit) this.map.set(s, s);
    return s;
  }
}

/**
 * Builds many string-valued objects whose keys come from a fixed, ordered list (a table's columns),
 * each object holding only the keys whose value is non-empty, in list order: a {@link ShapeTrie}
 * keyed by column position, so objects with many keys stay in V8's fast mode.
 */
export class ShapeBuilder {
  private readonly names: readonly string[];
  private readonly trie = new ShapeTrie();
  /** The last key is present even when its value is empty (`""`). */
  private readonly lastAlways: boolean;
  private readonly interner: Interner | undefined;
  /** Keys whose values are shared through the interner (not ids, which never repeat). */
  private readonly shared: readonly boolean[];

  /**
   * @param names - the keys, in output order
   * @param lastAlways - keep the last key even when its value is empty (as `""`)
   * @param interner - shares equal values between objects
   * @param unique - keys whose values are unique (ids): not passed through the interner
   */
  constructor(
    names: readonly string[],
    lastAlways = false,
    interner?: Interner,
    unique: ReadonlySet<string> = new Set(),
  ) {
    this.names = names;
    this.interner = interner;
    this.shared = names.map((n) => interner !== undefined && !unique.has(n));
    this.lastAlways = lastAlways && names.length > 0;
  }

  /**
   * The object of the non-empty `values[cols[i]]` under `names[i]`.
   *
   * @param values - the row's cells
   * @param cols - the cell index of each name
   */
  build(values: readonly (string | undefined)[], cols: readonly number[]): Record<string, string> {
    const names = this.names;
    const last = this.lastAlways ? names.length - 1 : names.length;
    const t = this.trie;
    t.begin();
    for (let i = 0; i < names.length; i++) {
      const v = values[cols[i]!] ?? "";
      if (v !== "" || i === last) t.add(names[i]!, this.shared[i] ? this.interner!.get(v) : v, i);
    }
    return t.end();
  }
}

interface ShapeNode {
  readonly next: (ShapeNode | undefined)[];
  tpl: Readonly<Record<string, string>> | undefined;
  /** Objects built with this key sequence so far (a template is made from the second on). */
  seen?: number;
}

/**
 * Builds string-valued objects key by key (`begin`, `add`…, `end`) like {@link ShapeBuilder}, for
 * keys that arrive in document order rather than from a fixed column list: each distinct key
 * sequence gets one template parsed from JSON, so objects with many keys stay in V8's fast mode.
 */
export class ShapeTrie {
  private readonly ids = new Map<string, number>();
  private readonly root: ShapeNode = { next: [], tpl: undefined };
  private node: ShapeNode = this.root;
  private readonly keys: string[] = [];
  private readonly vals: string[] = [];
  private n = 0;
  private plain = false;
  private templates = 0;
  private readonly interner: Interner | undefined;

  /** @param interner - shares equal values between objects */
  constructor(interner?: Interner) {
    this.interner = interner;
  }

  /** Object number of the last `add` of each key id (detects a repeated key in O(1)). */
  private readonly seen: number[] = [];
  private gen = 0;

  /** Starts a new object. */
  begin(): void {
    this.node = this.root;
    this.n = 0;
    this.plain = false;
    this.gen++;
  }

  /**
   * Adds `key` (a repeated key keeps its place and takes the last value, as an assignment does).
   * `id` is the key's number when the caller has one (a column position); a trie is used either
   * always with ids or never.
   */
  add(key: string, value: string, id?: number): void {
    if (id === undefined) {
      id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
    }
    if (this.seen[id] === this.gen) {
      for (let j = 0; j < this.n; j++) if (this.keys[j] === key) this.vals[j] = value;
      return;
    }
    this.seen[id] = this.gen;
    if (key === "__proto__") this.plain = true;
    if (!this.plain) this.node = this.node.next[id] ??= { next: [], tpl: undefined };
    this.keys[this.n] = key;
    this.vals[this.n++] = this.interner === undefined ? value : this.interner.get(value);
  }

  /** Number of keys added since {@link begin}. */
  get size(): number {
    return this.n;
  }

  /** The object of the keys added since {@link begin}, in order. */
  end(): Record<string, string> {
    const n = this.n;
    const keys = this.keys;
    const vals = this.vals;
    if (this.plain || this.templates > 4096) {
      const o: Record<string, string> = {};
      for (let j = 0; j < n; j++) o[keys[j]!] = vals[j]!;
      return o;
    }
    const node = this.node;
    let tpl = node.tpl;
    if (tpl === undefined) {
      // A key sequence seen once is built key by key; from the second object on, from a template.
      if ((node.seen = (node.seen ?? 0) + 1) === 1 || n <= 4) {
        const o: Record<string, string> = {};
        for (let j = 0; j < n; j++) o[keys[j]!] = vals[j]!;
        return o;
      }
      this.templates++;
      let json = "{";
      for (let j = 0; j < n; j++) json += `${j === 0 ? "" : ","}${JSON.stringify(keys[j])}:""`;
      tpl = node.tpl = JSON.parse(`${json}}`) as Record<string, string>;
    }
    const o: Record<string, string> = { ...tpl };
    for (let j = 0; j < n; j++) o[keys[j]!] = vals[j]!;
    return o;
  }
}
