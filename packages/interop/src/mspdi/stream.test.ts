// The streaming MSPDI reader: schema-order independence (second pass), the targeted output check
// against the full zod schema, and the hand-written parsers and indexes of the hot path.
import { readFileSync, readdirSync } from "node:fs";
import { ProjectSchema, isPmokitError } from "@pmokit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { checkProject } from "../internal/check.js";
import { normDateTime } from "../internal/context.js";
import { LineIndex, lineColumn } from "../internal/text.js";
import { sampleProject } from "../testing/fixtures.js";
import { readMspdi } from "./read.js";
import { IdSet } from "./records.js";
import { parseIsoDuration } from "./units.js";
import { writeMspdi } from "./write.js";

/** Cuts the first `<name>…</name>` element (with its leading indentation) out of `xml`. */
function cut(xml: string, name: string): { rest: string; element: string } {
  const a = xml.indexOf(`<${name}>`);
  const b = xml.indexOf(`</${name}>`, a) + name.length + 3;
  expect(a).toBeGreaterThan(0);
  return { rest: xml.slice(0, a) + xml.slice(b), element: xml.slice(a, b) };
}

function insertAfter(xml: string, marker: string, element: string): string {
  const at = xml.indexOf(marker) + marker.length;
  return xml.slice(0, at) + element + xml.slice(at);
}

const codes = (w: readonly { code: string; message: string }[]): string[] =>
  w.map((x) => `${x.code}: ${x.message}`).sort();

describe("streaming MSPDI reader", () => {
  const xml = writeMspdi(sampleProject());
  const inOrder = readMspdi(xml);

  it("maps settings, calendars and field definitions that come after the tasks (second pass)", () => {
    let doc = xml;
    for (const name of ["MinutesPerDay", "CurrencyCode", "Calendars", "ExtendedAttributes"]) {
      const c = cut(doc, name);
      doc = insertAfter(c.rest, "</Assignments>", c.element);
    }
    expect(doc.indexOf("<MinutesPerDay>")).toBeGreaterThan(doc.indexOf("</Tasks>"));
    const late = readMspdi(doc);
    expect(inOrder.project.settings.minutesPerDay).toBe(450);
    expect(late.project).toEqual(inOrder.project);
    expect(codes(late.warnings)).toEqual(codes(inOrder.warnings));
  });

  it("maps assignments that come before their tasks and resources", () => {
    const c = cut(xml, "Assignments");
    const doc = insertAfter(c.rest, "</Calendars>", c.element);
    const early = readMspdi(doc);
    expect(early.project.assignments.length).toBeGreaterThan(0);
    expect(early.project).toEqual(inOrder.project);
    expect(codes(early.warnings)).toEqual(codes(inOrder.warnings));
  });

  it("rejects a non-Project root as soon as it opens", () => {
    try {
      readMspdi("<Portfolio><Tasks/></Portfolio>");
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("UNSUPPORTED_FORMAT");
    }
  });

  it("keeps the security limits of the tokenizer", () => {
    const deep = `<Project>${"<a>".repeat(300)}${"</a>".repeat(300)}</Project>`;
    expect(() => readMspdi(deep)).toThrow(/nested too deeply/);
    expect(() => readMspdi('<!DOCTYPE x [<!ENTITY a "b">]><Project/>')).toThrow(/internal subset/);
  });
});

describeWithSharedData(["mspdi"], "targeted output check equals the model schema (shared data)", () => {
  it("every shared MSPDI file: the reader's project is exactly what the zod schema accepts", () => {
    const dir = sharedData("mspdi");
    const files = readdirSync(dir).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const { project } = readMspdi(readFileSync(`${dir}/${f}`), { fileName: f });
      // parse applies defaults and strips nothing: equality means no default was missing.
      expect(ProjectSchema.parse(project), f).toEqual(project);
    }
  });
});

describe("targeted project check", () => {
  it("names the JSON path of a value the schema would reject", () => {
    const p = sampleProject();
    p.tasks[1]!.duration = { value: Number.NaN, unit: "days" };
    try {
      checkProject(p, "x.xml");
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e) && e.code).toBe("SCHEMA_VIOLATION");
      expect(String((e as Error).message)).toContain("tasks[1].duration.value");
    }
    const q = sampleProject();
    q.tasks[0]!.reported = { start: "2025-02-30T08:00:00" };
    expect(() => checkProject(q, undefined)).toThrow(/tasks\[0\]\.reported/);
    expect(checkProject(sampleProject(), undefined)).toEqual(sampleProject());
  });
});

describe("hand-written parsers of the hot path", () => {
  it("normDateTime: the fast paths agree with the general parser", () => {
    const digits = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 20 })), (s) => {
        // A leading space defeats the fast paths (the general parser trims).
        expect(normDateTime(s)).toBe(normDateTime(` ${s}`));
      }),
      { numRuns: 3000 },
    );
    expect(normDateTime("2024-02-29T23:59:59")).toBe("2024-02-29T23:59:59");
    expect(normDateTime("2023-02-29T08:00:00")).toBeUndefined();
    expect(normDateTime("2025-01-06 08:00")).toBe("2025-01-06T08:00:00");
  });

  it("parseIsoDuration: PT#H#M#S fast path agrees with the general parser", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(59), fc.nat(59), (h, m, s) => {
        const t = `PT${h}H${m}M${s}S`;
        expect(parseIsoDuration(t)).toBe(parseIsoDuration(` ${t}`));
        expect(parseIsoDuration(t)).toBeCloseTo(h * 60 + m + s / 60, 9);
      }),
    );
    for (const bad of ["PT8H0M", "PTH0M0S", "PT8H0M0Sx", "P1DT8H0M0S"])
      expect(parseIsoDuration(bad)).toBe(parseIsoDuration(` ${bad}`));
  });

  it("LineIndex answers like lineColumn for offsets in any order", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", "b", "\r"), maxLength: 200 }),
        fc.array(fc.nat(220), { maxLength: 30 }),
        (text, offsets) => {
          const idx = new LineIndex(text);
          for (const o of offsets) expect(idx.line(o)).toBe(lineColumn(text, o).line);
        },
      ),
    );
  });

  it("IdSet behaves like Set<string>", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(5000).map(String), fc.string({ maxLength: 4 }), fc.constant("007")), {
          maxLength: 200,
        }),
        fc.array(fc.oneof(fc.nat(5000).map(String), fc.string({ maxLength: 4 })), { maxLength: 50 }),
        (added, probes) => {
          const a = new IdSet();
          const b = new Set<string>();
          for (const x of added) {
            a.add(x);
            b.add(x);
          }
          expect(a.size).toBe(b.size);
          for (const x of [...added, ...probes]) expect(a.has(x)).toBe(b.has(x));
        },
      ),
    );
    const big = new IdSet();
    big.add("99999999");
    big.add("123456789");
    expect(big.has("99999999") && big.has("123456789") && !big.has("12345678")).toBe(true);
  });
});
