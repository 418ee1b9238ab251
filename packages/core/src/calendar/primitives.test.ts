import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidDate } from "./primitives.js";

/** The definition: a `YYYY-MM-DD` string that `Date.UTC` maps back to the same year, month and day. */
function viaDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

describe("isValidDate", () => {
  it("agrees with a Date.UTC round trip on date-shaped and near-date strings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, mo, d) => {
          const s = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
          expect(isValidDate(s)).toBe(viaDate(s));
        },
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        expect(isValidDate(s)).toBe(viaDate(s));
      }),
      { numRuns: 5_000 },
    );
    for (const s of ["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0099-12-31", "0100-01-01"])
      expect(isValidDate(s)).toBe(viaDate(s));
    for (const s of ["2026-1-01", "2026-01-01T00:00", "٢٠٢٦-01-01", "2026/01/01", " 2026-01-01"])
      expect(isValidDate(s)).toBe(false);
  });
});
