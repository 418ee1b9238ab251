import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normDecimal, shiftDecimal } from "./context.js";

// Reference versions: the general regular-expression paths, without the fast paths.
function refNorm(s: string): string | undefined {
  let t = s.trim();
  if (/^[+-]?\d*\.?\d+(?:[eE][+-]?\d+)?$/.test(t) && /[eE]/.test(t)) {
    const n = Number(t);
    if (!Number.isFinite(n)) return undefined;
    t = n.toFixed(10);
  }
  if (t.startsWith("+")) t = t.slice(1);
  if (t.startsWith(".")) t = `0${t}`;
  if (t.startsWith("-.")) t = `-0${t.slice(1)}`;
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  let neg = t.startsWith("-");
  if (neg) t = t.slice(1);
  let [int = "0", frac = ""] = t.split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  if (int === "0" && frac === "") neg = false;
  return `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

function refShift(s: string, places: number): string {
  const n = refNorm(s);
  if (n === undefined) return s;
  const neg = n.startsWith("-");
  const t = neg ? n.slice(1) : n;
  let [int = "0", frac = ""] = t.split(".");
  if (places > 0) {
    frac = frac.padEnd(places, "0");
    int = int + frac.slice(0, places);
    frac = frac.slice(places);
  } else if (places < 0) {
    const p = -places;
    int = int.padStart(p + 1, "0");
    frac = int.slice(int.length - p) + frac;
    int = int.slice(0, int.length - p);
  }
  return refNorm(`${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`) ?? s;
}

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
        expect(normDecimal(s)).toBe(refNorm(s));
        expect(shiftDecimal(s, places)).toBe(refShift(s, places));
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
