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
 * each object holding only the keys whose value is non-empty, in list order.
 *
 * Objects built by assigning computed keys one by one fall back to V8's slow dictionary mode past
 * about 16 keys (several times the memory and garbage-collection work). Here each distinct set of
 * present keys gets one template, parsed once from JSON (which builds fast-mode objects); objects are
 * clones of their template with the values filled in. Same keys, same order, same values as the
 * one-by-one way.
 */
export class ShapeBuilder {
  private readonly names: readonly string[];
  private readonly root: ShapeNode = { next: [], tpl: undefined };
  private readonly present: number[] = [];
  private templates = 0;
  /** Keys JSON would treat differently from an assignment (`__proto__`): build key by key. */
  private readonly plain: boolean;

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
    this.plain = names.includes("__proto__");
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
    if (this.plain || this.templates > 4096) {
      const o: Record<string, string> = {};
      for (let i = 0; i < last; i++) {
        const v = values[cols[i]!];
        if (v) o[names[i]!] = v;
      }
      if (last < names.length) o[names[last]!] = values[cols[last]!] ?? "";
      return o;
    }
    const present = this.present;
    present.length = 0;
    let node = this.root;
    for (let i = 0; i < last; i++) {
      if (values[cols[i]!]) {
        present.push(i);
        node = node.next[i] ??= { next: [], tpl: undefined };
      }
    }
    if (last < names.length) present.push(last);
    const interner = this.interner;
    const shared = this.shared;
    if (present.length <= 4) {
      // Up to four keys fit in a fresh object literal's own slots: assign them directly.
      const o: Record<string, string> = {};
      for (let j = 0; j < present.length; j++) {
        const i = present[j]!;
        const v = values[cols[i]!] ?? "";
        o[names[i]!] = shared[i] ? interner!.get(v) : v;
      }
      return o;
    }
    // A key sequence seen once is built key by key; from the second object on, from a template.
    const o: Record<string, string> =
      node.tpl !== undefined
        ? { ...node.tpl }
        : (node.seen = (node.seen ?? 0) + 1) > 1
          ? { ...(node.tpl = this.template(present)) }
          : {};
    for (let j = 0; j < present.length; j++) {
      const i = present[j]!;
      const v = values[cols[i]!] ?? "";
      o[names[i]!] = shared[i] ? interner!.get(v) : v;
    }
    return o;
  }

  private template(present: readonly number[]): Readonly<Record<string, string>> {
    this.templates++;
    let json = "{";
    for (let j = 0; j < present.length; j++)
      json += `${j === 0 ? "" : ","}${JSON.stringify(this.names[present[j]!])}:""`;
    return JSON.parse(`${json}}`) as Record<string, string>;
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

  /** Adds `key` (a repeated key keeps its place and takes the last value, as an assignment does). */
  add(key: string, value: string): void {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
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
