import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normDecimal, normDecimalGeneral, shiftDecimal, shiftNormDecimal } from "./context.js";

const decimalText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "-", "+", " "),
      fc.stringMatching(/^\d{0,12}$/),
      fc.constantFrom("", "."),
      fc.stringMatching(/^\d{0,6}$/),
      fc.constantFrom("", " ", "e2", "E-3", "x"),
    )
    .map((p) => p.join("")),
  fc.string({ maxLength: 8 }),
  fc.integer().map(String),
);

describe("normDecimal and shiftDecimal fast paths", () => {
  it("give the general path's answer on any text", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: -4, max: 4 }), (s, places) => {
        expect(normDecimal(s)).toBe(normDecimalGeneral(s));
        const n = normDecimalGeneral(s);
        expect(shiftDecimal(s, places)).toBe(n === undefined ? s : (shiftNormDecimal(n, places) ?? s));
      }),
      { numRuns: 5000 },
    );
  });

  it("shifts MS Project cents", () => {
    expect(shiftDecimal("8500", -2)).toBe("85");
    expect(shiftDecimal("8550", -2)).toBe("85.5");
    expect(shiftDecimal("5", -2)).toBe("0.05");
    expect(shiftDecimal("0", -2)).toBe("0");
    expect(shiftDecimal("-120", -2)).toBe("-1.2");
  });
});
