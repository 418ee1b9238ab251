import { describe, expect, it } from "vitest";
import {
  parseAhpInput,
  parseSelectInput,
  portfolioJsonSchemas,
  safeParseAhpInput,
  safeParseRankInput,
  safeParseSelectInput,
} from "./schemas.js";

describe("input schemas", () => {
  it("parse valid inputs and report the JSON path of the first problem", () => {
    expect(
      parseAhpInput({
        labels: ["a", "b"],
        matrix: [
          [1, null],
          [null, 1],
        ],
      }).matrix,
    ).toHaveLength(2);
    const bad = safeParseSelectInput({ projects: [{ id: "A", value: 1, costs: { budget: -1 } }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("SCHEMA_VIOLATION");
      expect(bad.error.details.path).toBe("projects[0].costs.budget");
    }
    const money = safeParseSelectInput({
      projects: [
        { id: "A", value: 1, costs: { capex: { amount: "1250.50", currency: "EUR" }, opex: "99.95" } },
      ],
      limits: { capex: { amount: "5000", currency: "EUR" }, opex: 200 },
    });
    expect(money.ok).toBe(true);
    for (const wrong of [
      { amount: "12,5", currency: "EUR" },
      { amount: "1", currency: "eur" },
      "1e3",
      "-2",
    ]) {
      const w = safeParseSelectInput({ projects: [{ id: "A", value: 1 }], limits: { capex: wrong } });
      expect(w.ok).toBe(false);
      if (!w.ok) expect(w.error.details.path).toMatch(/^limits\.capex/);
    }
    const r = safeParseRankInput({
      alternatives: ["a"],
      criteria: [{ id: "c", weight: 1, direction: "up" }],
      matrix: [[1]],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details.path).toBe("criteria[0].direction");
    expect(safeParseAhpInput({ matrix: [[1, 0]] }).ok).toBe(false);
    expect(() => parseSelectInput({ projects: [{ id: "A", value: 1, force: "maybe" }] })).toThrow(
      /projects\[0\]\.force/,
    );
    expect(
      parseSelectInput({
        projects: [{ id: "A", value: 1 }],
        limits: {},
        relations: [{ type: "exclusive", ids: ["A", "B"] }],
      }).relations,
    ).toHaveLength(1);
  });

  it("exposes JSON Schemas for ahp, rank and select", () => {
    expect(Object.keys(portfolioJsonSchemas)).toEqual(["ahp", "rank", "select"]);
    const s = portfolioJsonSchemas.select as { type: string; properties: Record<string, unknown> };
    expect(s.type).toBe("object");
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["projects", "limits", "relations"]));
    expect(
      (portfolioJsonSchemas.ahp as { properties: Record<string, unknown> }).properties["matrix"],
    ).toBeDefined();
  });
});
