import { describe, expect, it } from "vitest";
import { pmbokExampleScheme } from "../scoring/presets.js";
import {
  parseRiskModel,
  parseScoringScheme,
  riskJsonSchemas,
  safeParseRiskModel,
  safeParseRiskRegister,
} from "./schemas.js";

describe("schemas", () => {
  it("exports JSON Schemas for pmokit schema", () => {
    for (const name of ["risk-model", "risk-register", "scoring-scheme"]) {
      const s = riskJsonSchemas[name]!() as { type?: string; properties?: object };
      expect(s.type).toBe("object");
      expect(s.properties).toBeTruthy();
    }
  });
  it("parses a model and reports paths", () => {
    expect(parseRiskModel({ activities: [{ id: "A", duration: 3 }] }).activities).toHaveLength(1);
    const bad = safeParseRiskModel(
      { activities: [{ id: "A", duration: { dist: "triangular", min: 1, mode: 2 } }] },
      "m.json",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("SCHEMA_VIOLATION");
      expect(bad.error.details.path).toBe("activities[0].duration");
      expect(bad.error.message).toContain("m.json");
    }
    const dangling = safeParseRiskModel({
      activities: [{ id: "A", duration: 1 }],
      correlations: [{ a: "A", b: "X", rho: 0.2 }],
    });
    expect(!dangling.ok && dangling.error.code).toBe("DANGLING_REFERENCE");
  });
  it("parses registers and schemes", () => {
    const r = safeParseRiskRegister({
      id: "P",
      risks: [{ id: "R", title: "t", polarity: "threat", status: "open", probability: 2, impacts: {} }],
    });
    expect(!r.ok && r.error.details.path).toBe("risks[0].probability");
    expect(parseScoringScheme(JSON.parse(JSON.stringify(pmbokExampleScheme()))).id).toBe("pmbok-example");
  });
});
