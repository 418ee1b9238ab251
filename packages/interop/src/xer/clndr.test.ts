import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialDayToIso } from "./clndr.js";

describe("serialDayToIso", () => {
  it("gives the date Date gives, for serial days over the years 0001–9999 and beyond", () => {
    const viaDate = (serial: number): string =>
      new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: -693_593, max: 2_958_465 }), (serial) => {
        expect(serialDayToIso(serial)).toBe(viaDate(serial));
      }),
      { numRuns: 20_000 },
    );
    for (const serial of [0, 1, 60, 61, 36_526, 45_658, -693_594, 2_958_466, 3_000_000])
      expect(serialDayToIso(serial)).toBe(viaDate(serial));
    expect(serialDayToIso(45_658)).toBe("2025-01-01");
  });
});
