import { PmokitError } from "@pmokit/core";
import { lineColumn } from "../internal/text.js";

/**
 * Limits applied while tokenizing XML. Exceeding one throws `LIMIT_EXCEEDED`.
 *
 * @category XML
 * @since 0.1.0
 */
export interface XmlLimits {
  /** Maximum input length in characters (default 1 GiB). */
  readonly maxLength?: number;
  /** Maximum element nesting depth (default 256). */
  readonly maxDepth?: number;
  /** Maximum number of attributes on one element (default 256). */
  readonly maxAttributes?: number;
  /** Maximum length of a single text node or attribute value (default 64 MiB). */
  readonly maxTextLength?: number;
}

/**
 * Receives the events of {@link tokenizeXml}. Names are local names (namespace prefix removed).
 * Text is delivered already entity-decoded; whitespace-only text between elements is skipped.
 *
 * @category XML
 * @since 0.1.0
 */
export interface XmlHandler {
  /** An element opens. `offset` is the index of its `<` in the input. */
  open(name: string, attrs: Record<string, string> | undefined, offset: number): void;
  /** Character data (text or CDATA) inside the current element. */
  text(value: string): void;
  /** The current element closes (also called for self-closing elements). */
  close(name: string): void;
}

/** Options of {@link tokenizeXml}. */
export interface XmlTokenizeOptions extends XmlLimits {
  /** File name used in error details. */
  readonly fileName?: string;
}

const DEFAULTS = {
  maxLength: 1 << 30,
  maxDepth: 256,
  maxAttributes: 256,
  maxTextLength: 64 << 20,
};

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function fail(
  input: string,
  offset: number,
  message: string,
  expected: string,
  fileName: string | undefined,
  code: "PARSE_ERROR" | "LIMIT_EXCEEDED" = "PARSE_ERROR",
): never {
  const { line, column } = lineColumn(input, offset);
  throw new PmokitError(
    code,
    `${fileName ? `${fileName}:` : ""}${line}:${column}: ${message} (expected ${expected})`,
    { ...(fileName === undefined ? {} : { file: fileName }), line, column, expected },
  );
}

/**
 * Decodes the five predefined XML entities and numeric character references in `raw`.
 * Any other entity reference is an error: no DTD is processed, so no entity can be declared.
 */
function decodeEntities(raw: string, input: string, base: number, fileName: string | undefined): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12)
      fail(input, base + amp, "unterminated entity reference", "'&name;' or '&#n;'", fileName);
    const ent = raw.slice(amp + 1, semi);
    let rep: string | undefined;
    if (ent.charCodeAt(0) === 35 /* # */) {
      const hex = ent.charCodeAt(1) === 120 || ent.charCodeAt(1) === 88;
      const digits = hex ? ent.slice(2) : ent.slice(1);
      const ok = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
      const cp = ok ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (!Number.isFinite(cp) || cp > 0x10ffff || cp === 0 || (cp >= 0xd800 && cp <= 0xdfff))
        fail(input, base + amp, `invalid character reference '&${ent};'`, "a valid code point", fileName);
      rep = String.fromCodePoint(cp);
    } else {
      rep = NAMED[ent];
      if (rep === undefined)
        fail(
          input,
          base + amp,
          `undeclared entity '&${ent};' (DTDs and custom entities are not supported)`,
          "&lt; &gt; &amp; &quot; &apos; or a character reference",
          fileName,
        );
    }
    out += raw.slice(last, amp) + rep;
    last = semi + 1;
    amp = raw.indexOf("&", last);
  }
  return out + raw.slice(last);
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A small, fast, non-validating XML tokenizer with safe defaults: no DTD processing, no external
 * entities, no custom entity expansion (a DOCTYPE with an internal subset is rejected), and limits on
 * size, depth and attribute count. Well-formedness is checked (matching tags, one root element,
 * quoted attributes, valid references); every problem throws a `PARSE_ERROR` `PmokitError` with
 * 1-based line and column.
 *
 * Events are pushed to `handler` as the input is scanned, so a handler can build only what it needs
 * (the MSPDI reader maps records on the fly instead of building a document tree).
 *
 * @param input - the XML document as a string (decode bytes first, see {@link decodeText})
 * @param handler - receives open/text/close events
 * @param options - limits and the file name for error messages
 * @throws PmokitError `PARSE_ERROR` for malformed XML, `LIMIT_EXCEEDED` when a limit is hit
 * @example
 * ```ts
 * import { tokenizeXml } from "@pmokit/interop";
 * const names: string[] = [];
 * tokenizeXml("<a><b>x</b></a>", { open: (n) => names.push(n), text: () => {}, close: () => {} });
 * // names = ["a", "b"]
 * ```
 * @category XML
 * @since 0.1.0
 */
export function tokenizeXml(input: string, handler: XmlHandler, options: XmlTokenizeOptions = {}): void {
  const maxLength = options.maxLength ?? DEFAULTS.maxLength;
  const maxDepth = options.maxDepth ?? DEFAULTS.maxDepth;
  const maxAttributes = options.maxAttributes ?? DEFAULTS.maxAttributes;
  const maxText = options.maxTextLength ?? DEFAULTS.maxTextLength;
  const file = options.fileName;
  const n = input.length;
  if (n > maxLength)
    fail(
      input,
      0,
      `input of ${n} characters exceeds the limit`,
      `at most ${maxLength}`,
      file,
      "LIMIT_EXCEEDED",
    );
  const stack: string[] = [];
  let sawRoot = false;
  let rootClosed = false;
  let i = 0;
  if (input.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const lt = input.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      // Character data (it ends at the next '<', so it holds none).
      if (stack.length === 0) {
        if (input.slice(i, end).trim() !== "") fail(input, i, "text outside the root element", "'<'", file);
      } else {
        if (end - i > maxText)
          fail(input, i, "text node too long", `at most ${maxText} characters`, file, "LIMIT_EXCEEDED");
        // Whitespace-only text (indentation) is skipped without being copied out.
        let ws = true;
        for (let k = i; k < end; k++) {
          if (!isSpace(input.charCodeAt(k))) {
            ws = false;
            break;
          }
        }
        if (!ws) {
          const raw = input.slice(i, end);
          if (raw.indexOf("]]>") >= 0) fail(input, i, "invalid character data", "text", file);
          handler.text(decodeEntities(raw, input, i, file));
        }
      }
    }
    if (lt < 0) break;
    i = lt;
    const c1 = input.charCodeAt(i + 1);
    if (c1 === 47 /* / */) {
      // End tag.
      const gt = input.indexOf(">", i + 2);
      if (gt < 0) fail(input, i, "unterminated end tag", "'>'", file);
      const name = input.slice(i + 2, gt).trimEnd();
      const open = stack.pop();
      if (open === undefined) fail(input, i, `unexpected end tag </${name}>`, "no end tag", file);
      if (open !== name) fail(input, i, `end tag </${name}> does not match <${open}>`, `</${open}>`, file);
      handler.close(localName(name));
      if (stack.length === 0) rootClosed = true;
      i = gt + 1;
    } else if (c1 === 63 /* ? */) {
      const close = input.indexOf("?>", i + 2);
      if (close < 0) fail(input, i, "unterminated processing instruction", "'?>'", file);
      i = close + 2;
    } else if (c1 === 33 /* ! */) {
      if (input.startsWith("<!--", i)) {
        const close = input.indexOf("-->", i + 4);
        if (close < 0) fail(input, i, "unterminated comment", "'-->'", file);
        i = close + 3;
      } else if (input.startsWith("<![CDATA[", i)) {
        if (stack.length === 0) fail(input, i, "CDATA outside the root element", "an element", file);
        const close = input.indexOf("]]>", i + 9);
        if (close < 0) fail(input, i, "unterminated CDATA section", "']]>'", file);
        if (close - i - 9 > maxText)
          fail(input, i, "CDATA section too long", `at most ${maxText} characters`, file, "LIMIT_EXCEEDED");
        handler.text(input.slice(i + 9, close));
        i = close + 3;
      } else if (input.startsWith("<!DOCTYPE", i)) {
        if (sawRoot) fail(input, i, "DOCTYPE after the root element", "no DOCTYPE", file);
        const gt = input.indexOf(">", i);
        const bracket = input.indexOf("[", i);
        if (bracket >= 0 && (gt < 0 || bracket < gt))
          fail(
            input,
            i,
            "DOCTYPE with an internal subset (entity declarations) is not accepted",
            "XML without DTD declarations",
            file,
          );
        if (gt < 0) fail(input, i, "unterminated DOCTYPE", "'>'", file);
        // An external DTD reference is ignored: nothing is fetched or expanded.
        i = gt + 1;
      } else {
        fail(input, i, "unsupported markup declaration", "an element, comment or CDATA section", file);
      }
    } else {
      // Start tag.
      let j = i + 1;
      if (!isNameStart(input.charCodeAt(j))) fail(input, i, "invalid element name", "a name after '<'", file);
      while (j < n && isNameChar(input.charCodeAt(j))) j++;
      const qname = input.slice(i + 1, j);
      if (rootClosed) fail(input, i, "second root element", "end of document", file);
      let attrs: Record<string, string> | undefined;
      let count = 0;
      let selfClose = false;
      for (;;) {
        while (j < n && isSpace(input.charCodeAt(j))) j++;
        if (j >= n) fail(input, i, `unterminated start tag <${qname}`, "'>'", file);
        const c = input.charCodeAt(j);
        if (c === 62 /* > */) {
          j++;
          break;
        }
        if (c === 47 /* / */) {
          if (input.charCodeAt(j + 1) !== 62) fail(input, j, "invalid '/' in start tag", "'/>'", file);
          selfClose = true;
          j += 2;
          break;
        }
        if (j > i + 1 + qname.length && !isSpace(input.charCodeAt(j - 1)))
          fail(input, j, "missing whitespace between attributes", "whitespace", file);
        if (!isNameStart(c)) fail(input, j, "invalid attribute name", "an attribute name", file);
        const ns = j;
        while (j < n && isNameChar(input.charCodeAt(j))) j++;
        const aname = input.slice(ns, j);
        while (j < n && isSpace(input.charCodeAt(j))) j++;
        if (input.charCodeAt(j) !== 61 /* = */)
          fail(input, j, `attribute '${aname}' without value`, "'='", file);
        j++;
        while (j < n && isSpace(input.charCodeAt(j))) j++;
        const q = input.charCodeAt(j);
        if (q !== 34 && q !== 39) fail(input, j, `unquoted value of attribute '${aname}'`, "a quote", file);
        const qe = input.indexOf(q === 34 ? '"' : "'", j + 1);
        if (qe < 0) fail(input, j, `unterminated value of attribute '${aname}'`, "a closing quote", file);
        const rawVal = input.slice(j + 1, qe);
        if (rawVal.indexOf("<") >= 0) fail(input, j, "'<' in attribute value", "no '<'", file);
        if (rawVal.length > maxText)
          fail(input, j, "attribute value too long", `at most ${maxText} characters`, file, "LIMIT_EXCEEDED");
        if (++count > maxAttributes)
          fail(input, ns, "too many attributes", `at most ${maxAttributes}`, file, "LIMIT_EXCEEDED");
        attrs ??= {};
        const key = localName(aname);
        if (Object.prototype.hasOwnProperty.call(attrs, key) && !aname.startsWith("xmlns"))
          fail(input, ns, `duplicate attribute '${aname}'`, "unique attribute names", file);
        attrs[key] = decodeEntities(rawVal, input, j + 1, file);
        j = qe + 1;
      }
      if (stack.length >= maxDepth)
        fail(input, i, "elements nested too deeply", `depth at most ${maxDepth}`, file, "LIMIT_EXCEEDED");
      sawRoot = true;
      const name = localName(qname);
      handler.open(name, attrs, i);
      if (selfClose) {
        handler.close(name);
        if (stack.length === 0) rootClosed = true;
      } else {
        stack.push(qname);
      }
      i = j;
    }
  }
  if (stack.length > 0)
    fail(
      input,
      n,
      `unexpected end of input inside <${stack[stack.length - 1]}>`,
      `</${stack[stack.length - 1]}>`,
      file,
    );
  if (!sawRoot) fail(input, n, "no root element", "an XML document", file);
}
