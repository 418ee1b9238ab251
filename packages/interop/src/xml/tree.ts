import type { XmlTokenizeOptions } from "./tokenizer.js";
import { tokenizeXml } from "./tokenizer.js";
import type { FieldSource } from "../mspdi/records.js";

/**
 * An element of a parsed XML document (local names, entity-decoded text).
 *
 * @category XML
 * @since 0.1.0
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>> | undefined;
  /** Concatenated character data directly inside the element. */
  text: string;
  /** Child elements in document order (`undefined` when there are none). */
  children: XmlNode[] | undefined;
  /** Offset of the element's `<` in the input. */
  readonly offset: number;
  /** Set by readers when the element was consumed (internal bookkeeping). */
  used?: boolean;
}

/**
 * Parses an XML document into a light tree of {@link XmlNode}s with the secure
 * {@link tokenizeXml} (no DTD, no entity expansion, size and depth limits).
 *
 * @param input - the XML text
 * @param options - limits and file name
 * @returns the root element
 * @throws PmokitError `PARSE_ERROR` with line/column for malformed XML, `LIMIT_EXCEEDED` for limits
 * @example
 * ```ts
 * import { parseXml } from "@pmokit/interop";
 * parseXml("<a><b>1</b></a>").children?.[0]?.text; // "1"
 * ```
 * @category XML
 * @since 0.1.0
 */
export function parseXml(input: string, options: XmlTokenizeOptions = {}): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let top: XmlNode | undefined;
  tokenizeXml(
    input,
    {
      open(name, attrs, offset) {
        const node: XmlNode = { name, attrs, text: "", children: undefined, offset };
        if (top) (top.children ??= []).push(node);
        else root = node;
        stack.push(node);
        top = node;
      },
      text(value) {
        top!.text = top!.text === "" ? value : top!.text + value;
      },
      close() {
        stack.pop();
        top = stack[stack.length - 1];
      },
    },
    options,
  );
  return root!;
}

/** First child element with the given name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const c = node?.children;
  if (!c) return undefined;
  for (let i = 0; i < c.length; i++) if (c[i]!.name === name) return c[i];
  return undefined;
}

/** All child elements with the given name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const c = node?.children;
  if (!c) return [];
  const out: XmlNode[] = [];
  for (let i = 0; i < c.length; i++) if (c[i]!.name === name) out.push(c[i]!);
  return out;
}

/**
 * Index of an element's children: leaf text by name (first occurrence) and the complex children.
 * Built once per record so field look-ups are O(1).
 */
export class Fields implements FieldSource {
  readonly node: XmlNode;
  private readonly map = new Map<string, XmlNode>();
  private used: Set<string> | undefined;
  constructor(node: XmlNode) {
    this.node = node;
    const c = node.children;
    if (c) for (let i = 0; i < c.length; i++) if (!this.map.has(c[i]!.name)) this.map.set(c[i]!.name, c[i]!);
  }
  /** Trimmed text of the first child `name`, or undefined when absent or empty. */
  get(name: string): string | undefined {
    const n = this.map.get(name);
    if (n === undefined) return undefined;
    n.used = true;
    const t = n.text;
    return t === "" ? undefined : t;
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  /** Marks fields as consumed without reading them. */
  use(...names: string[]): void {
    for (const n of names) (this.used ??= new Set()).add(n);
  }
  offsetOf(name: string): number | undefined {
    return this.node_(name)?.offset;
  }
  isComplex(name: string): boolean {
    return this.map.get(name)?.children !== undefined;
  }
  textOf(name: string): string {
    return this.map.get(name)?.text ?? "";
  }
  node_(name: string): XmlNode | undefined {
    const n = this.map.get(name);
    if (n !== undefined) n.used = true;
    return n;
  }
  all(name: string): XmlNode[] {
    (this.used ??= new Set()).add(name);
    return children(this.node, name);
  }
  /** Names of children that were never read. */
  unused(): string[] {
    const out: string[] = [];
    for (const [k, n] of this.map) if (!n.used && !this.used?.has(k)) out.push(k);
    return out;
  }
}
