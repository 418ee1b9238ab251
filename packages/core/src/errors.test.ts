import { describe, expect, it } from "vitest";
import { PmokitError, isPmokitError } from "./errors.js";

describe("PmokitError", () => {
  it("carries code, details and kind", () => {
    const e = new PmokitError("CYCLE_DETECTED", "cycle", { ids: ["A", "B"] });
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.kind).toBe("domain");
    expect(e.details.ids).toEqual(["A", "B"]);
    expect(new PmokitError("SCHEMA_VIOLATION", "x").kind).toBe("input");
    expect(new PmokitError("INTERNAL", "x").kind).toBe("internal");
    expect(isPmokitError(e)).toBe(true);
    expect(isPmokitError(new Error("x"))).toBe(false);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      code: "CYCLE_DETECTED",
      details: { ids: ["A", "B"] },
    });
  });
});
