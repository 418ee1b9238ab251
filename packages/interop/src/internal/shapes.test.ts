import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShapeBuilder, ShapeTrie } from "./shapes.js";

/** The reference: assign the non-empty values key by key. */
function oneByOne(names: string[], values: (string | undefined)[], cols: number[]): Record<string, string> {
  const o: Record<string, string> = {};
  names.forEach((n, i) => {
    const v = values[cols[i]!];
    if (v) o[n] = v;
  });
  return o;
}

describe("ShapeBuilder", () => {
  it("builds what key-by-key assignment builds: same keys, order and values", () => {
    const name = fc.oneof(
      fc.constantFrom("a", "b_c", "guid", "task_id", "constructor", "x y", '"q"', "é"),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 40 }),
        fc.array(
          fc.array(fc.oneof(fc.constant(""), fc.constant(undefined), fc.string()), { maxLength: 45 }),
          {
            maxLength: 20,
          },
        ),
        (names, rows) => {
          const b = new ShapeBuilder(names);
          const cols = names.map((_, i) => i + 1);
          for (const row of rows) {
            const got = b.build(row, cols);
            const want = oneByOne(names, row, cols);
            expect(Object.keys(got)).toEqual(Object.keys(want));
            expect(got).toEqual(want);
            expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
          }
        },
      ),
    );
  });

  it("keeps objects independent (clones, never the shared template)", () => {
    const b = new ShapeBuilder(["a", "b"]);
    const x = b.build(["", "1", "2"], [1, 2]);
    const y = b.build(["", "3", "4"], [1, 2]);
    x["a"] = "changed";
    expect(y).toEqual({ a: "3", b: "4" });
  });

  it("keeps the last key when asked, even when empty", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(fc.constant(""), fc.constant(undefined), fc.string()), { maxLength: 35 }),
        (names, row) => {
          const cols = names.map((_, i) => i + 1);
          const want = oneByOne(names.slice(0, -1), row, cols);
          want[names[names.length - 1]!] = row[names.length] ?? "";
          const got = new ShapeBuilder(names, true).build(row, cols);
          expect(Object.keys(got)).toEqual(Object.keys(want));
          expect(got).toEqual(want);
        },
      ),
    );
  });

  it("builds __proto__ keys the way assignment does", () => {
    const names = ["a", "__proto__"];
    const b = new ShapeBuilder(names);
    const row = ["", "1", "x"];
    expect(b.build(row, [1, 2])).toEqual(oneByOne(names, row, [1, 2]));
  });
});

describe("ShapeTrie", () => {
  it("builds what key-by-key assignment builds, for any key sequences", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(
              fc.oneof(fc.constantFrom("a", "b", "c", "__proto__", "0", "10"), fc.string()),
              fc.string(),
            ),
            { maxLength: 40 },
          ),
          { maxLength: 15 },
        ),
        (objects) => {
          const t = new ShapeTrie();
          for (const pairs of objects) {
            t.begin();
            const want: Record<string, string> = {};
            for (const [k, v] of pairs) {
              t.add(k, v);
              want[k] = v;
            }
            expect(t.size).toBe(new Set(pairs.map((p) => p[0])).size);
            const got = t.end();
            expect(Object.keys(got)).toEqual(Object.keys(want));
            expect(got).toEqual(want);
            expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
          }
        },
      ),
    );
  });
});
