import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { tokenizeXml } from "./tokenizer.js";
import { parseXml } from "./tree.js";

function errorOf(f: () => unknown): { code: string; line?: number; column?: number; message: string } {
  try {
    f();
  } catch (e) {
    expect(isPmokitError(e)).toBe(true);
    const pe = e as { code: string; message: string; details: { line?: number; column?: number } };
    return {
      code: pe.code,
      message: pe.message,
      ...(pe.details.line === undefined ? {} : { line: pe.details.line }),
      ...(pe.details.column === undefined ? {} : { column: pe.details.column }),
    };
  }
  throw new Error("expected an error");
}

describe("tokenizeXml", () => {
  it("parses elements, attributes, entities, CDATA and strips namespace prefixes", () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><p:Root xmlns:p="urn:x" a="1 &amp; 2"><A>x &lt; y &#65;&#x42;</A><B/><C><![CDATA[<raw>]]></C></p:Root>',
    );
    expect(root.name).toBe("Root");
    expect(root.attrs).toMatchObject({ a: "1 & 2" });
    expect(root.children?.map((c) => c.name)).toEqual(["A", "B", "C"]);
    expect(root.children?.[0]?.text).toBe("x < y AB");
    expect(root.children?.[2]?.text).toBe("<raw>");
  });

  it("reports events in document order", () => {
    const events: string[] = [];
    tokenizeXml("<a><b>t</b><c/></a>", {
      open: (n) => events.push(`+${n}`),
      text: (t) => events.push(t),
      close: (n) => events.push(`-${n}`),
    });
    expect(events).toEqual(["+a", "+b", "t", "-b", "+c", "-c", "-a"]);
  });

  it("matches end tags with spaces before '>' and namespace prefixes, and rejects near misses", () => {
    const events: string[] = [];
    tokenizeXml('<p:a xmlns:p="urn:x"><b></b ><c>t</c\n\t></p:a  >', {
      open: (n) => events.push(`+${n}`),
      text: (t) => events.push(t),
      close: (n) => events.push(`-${n}`),
    });
    expect(events).toEqual(["+a", "+b", "-b", "+c", "t", "-c", "-a"]);
    for (const [doc, message] of [
      ["<a><ab></a></ab>", "end tag </a> does not match <ab>"],
      ["<ab></a>", "end tag </a> does not match <ab>"],
      ["<a></ab>", "end tag </ab> does not match <a>"],
      ["<a></a", "unterminated end tag"],
      ["<a></a x>", "end tag </a x> does not match <a>"],
      ["<p:a></a>", "end tag </a> does not match <p:a>"],
      ["</a>", "unexpected end tag </a>"],
    ] as const)
      expect(errorOf(() => parseXml(doc)).message, doc).toContain(message);
  });

  it("rejects mismatched and truncated documents with line and column", () => {
    expect(errorOf(() => parseXml("<a>\n  <b></c>\n</a>"))).toMatchObject({
      code: "PARSE_ERROR",
      line: 2,
      column: 6,
    });
    expect(errorOf(() => parseXml("<a><b>text"))).toMatchObject({ code: "PARSE_ERROR", line: 1 });
    expect(errorOf(() => parseXml("<a x=1></a>")).code).toBe("PARSE_ERROR");
    expect(errorOf(() => parseXml("<a></a><b></b>")).code).toBe("PARSE_ERROR");
    expect(errorOf(() => parseXml("")).code).toBe("PARSE_ERROR");
    expect(errorOf(() => parseXml("<a>&bogus;</a>")).message).toContain("undeclared entity");
  });

  it("never processes DTDs: entity declarations (XXE, billion laughs) are rejected", () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>';
    expect(errorOf(() => parseXml(xxe))).toMatchObject({ code: "PARSE_ERROR", line: 2 });
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("")}]><lolz>&lol9;</lolz>`;
    expect(errorOf(() => parseXml(laughs)).message).toContain("DOCTYPE");
    // An external DTD reference without internal subset is ignored (nothing fetched).
    expect(parseXml('<!DOCTYPE r SYSTEM "http://example.com/x.dtd"><r>1</r>').text).toBe("1");
  });

  it("enforces depth, size and attribute limits", () => {
    const deep = `${"<a>".repeat(300)}${"</a>".repeat(300)}`;
    expect(errorOf(() => parseXml(deep)).code).toBe("LIMIT_EXCEEDED");
    expect(parseXml(deep, { maxDepth: 400 }).name).toBe("a");
    expect(errorOf(() => parseXml("<a>xxxxxxxx</a>", { maxLength: 5 })).code).toBe("LIMIT_EXCEEDED");
    expect(errorOf(() => parseXml('<a x="1" y="2"/>', { maxAttributes: 1 })).code).toBe("LIMIT_EXCEEDED");
    expect(errorOf(() => parseXml("<a>123456</a>", { maxTextLength: 3 })).code).toBe("LIMIT_EXCEEDED");
  });
});
