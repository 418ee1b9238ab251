import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toEpochMinute } from "../time/local.js";
import { fastEpochMinute } from "./fast-date.js";

/** `toEpochMinute`, or NaN where it throws. */
function reference(s: string): number {
  try {
    return toEpochMinute(s);
  } catch {
    return Number.NaN;
  }
}

const pad = (v: number, w: number): string => String(v).padStart(w, "0");

describe("fastEpochMinute", () => {
  it("agrees with toEpochMinute on every date and date-time it accepts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(10, 16, 19),
        (y, mo, d, h, mi, sec, len) => {
          const s = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}`.slice(
            0,
            len,
          );
          const fast = fastEpochMinute(s);
          const ref = reference(s);
          // NaN: left to toEpochMinute (another form, e.g. 24:00, or an invalid date).
          if (!Number.isNaN(fast)) expect(fast).toBe(ref);
          // Every valid date from year 100 on with an hour below 24 takes the fast path.
          if (!Number.isNaN(ref) && y >= 100 && h < 24) expect(fast).toBe(ref);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("gives the same day numbers as Date across leap years and centuries", () => {
    for (const [s, expected] of [
      ["1970-01-01", 0],
      ["2000-02-29T12:30:00", Date.UTC(2000, 1, 29, 12, 30) / 60_000],
      ["2100-03-01T00:00", Date.UTC(2100, 2, 1) / 60_000],
      ["1900-12-31T23:59:59", Date.UTC(1900, 11, 31, 23, 59) / 60_000],
      ["1601-01-01", Date.UTC(1601, 0, 1) / 60_000],
    ] as const) {
      expect(fastEpochMinute(s)).toBe(expected);
    }
  });

  it("declines other forms and invalid dates (NaN) so that toEpochMinute parses or rejects them", () => {
    for (const s of [
      "2026-02-29",
      "2100-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-01-05 08:00",
      "2026-01-05T24:00",
      "2026-01-05T08:00:00.5",
      "2026-1-5",
      "0099-01-01",
      "abcd-ef-gh",
      "",
    ]) {
      expect(Number.isNaN(fastEpochMinute(s))).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const fast = fastEpochMinute(s);
        if (!Number.isNaN(fast)) expect(fast).toBe(reference(s));
      }),
    );
  });
});
