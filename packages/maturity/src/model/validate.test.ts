import { describe, expect, it } from "vitest";
import { tinyModelInput } from "../internal/__tests__/fixtures.js";
import { maturityStructures } from "../models/structures.js";
import { pmoMaturityModel, pmoMaturityModelData } from "../models/pmo-maturity.js";
import { pmoTypeModel, pmoTypeModelData } from "../models/pmo-type.js";
import { parseMaturityModel, safeParseMaturityModel, validateMaturityModel } from "./validate.js";
import type { MaturityModelInput } from "./schema.js";

const base = (): MaturityModelInput => tinyModelInput({ type: "staged", threshold: 0.75 });
const errorOf = (input: unknown) => {
  const r = safeParseMaturityModel(input);
  if (r.ok) throw new Error("expected an error");
  return r.error;
};

describe("built-in models", () => {
  it("validate without errors or warnings", () => {
    expect(validateMaturityModel(pmoMaturityModel)).toEqual([]);
    expect(validateMaturityModel(pmoTypeModel)).toEqual([]);
  });
  it("the PMO maturity model covers the PMO duties", () => {
    expect(pmoMaturityModel.levels).toHaveLength(5);
    expect(pmoMaturityModel.dimensions.length).toBeGreaterThanOrEqual(8);
    expect(pmoMaturityModel.questions.length).toBeGreaterThanOrEqual(60);
    expect(pmoMaturityModel.dimensions.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        "standards",
        "governance",
        "portfolio",
        "resources",
        "risk",
        "reporting",
        "competence",
        "knowledge",
      ]),
    );
    expect(pmoMaturityModel.source).toMatchObject({ contentProvidedBy: "library", license: "MIT" });
  });
  it("is JSON in and out: data round-trips through JSON", () => {
    expect(parseMaturityModel(JSON.parse(JSON.stringify(pmoMaturityModelData)))).toEqual(pmoMaturityModel);
    expect(parseMaturityModel(JSON.parse(JSON.stringify(pmoTypeModel)))).toEqual(pmoTypeModel);
  });
  it("structure presets carry levels and areas only", () => {
    expect(maturityStructures.length).toBeGreaterThanOrEqual(4);
    for (const s of maturityStructures) {
      expect(s.levels.length).toBeGreaterThanOrEqual(4);
      expect(s.dimensions.length).toBeGreaterThan(0);
      expect(Object.keys(s).sort()).toEqual([
        "basedOn",
        "dimensions",
        "id",
        "levels",
        "name",
        "notes",
        "suggestedRule",
      ]);
    }
    expect(maturityStructures.find((s) => s.id === "structure.p3m3-like")!.dimensions).toHaveLength(3 + 21);
  });
});

describe("invalid models give clear errors", () => {
  it("schema violations name the JSON path and the expectation", () => {
    const m = base();
    (m.questions[2]!.impacts[0] as { weight: number }).weight = -1;
    const e = errorOf(m);
    expect(e.code).toBe("SCHEMA_VIOLATION");
    expect(e.details.path).toBe("questions[2].impacts[0].weight");
    expect(e.message).toContain("questions[2].impacts[0].weight");
  });
  it("duplicate ids", () => {
    const m = base();
    m.questions[1]!.id = m.questions[0]!.id;
    expect(errorOf(m)).toMatchObject({ code: "DUPLICATE_ID", details: { path: "questions[1].id" } });
  });
  it("dangling references", () => {
    const m = base();
    m.questions[0]!.impacts[0]!.dimensionId = "nope";
    expect(errorOf(m)).toMatchObject({
      code: "DANGLING_REFERENCE",
      details: { path: "questions[0].impacts[0].dimensionId" },
    });
    const s = base();
    s.questions[0]!.answerScaleId = "x";
    expect(errorOf(s).details.path).toBe("questions[0].answerScaleId");
  });
  it("an unreachable level", () => {
    const m = base();
    m.questions = m.questions.filter((q) => !q.id.startsWith("B3"));
    const e = errorOf(m);
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toMatch(/level 'L3' is unreachable in dimension 'B'/);
    // Declaring it not covered is accepted.
    m.dimensions[1]!.notCovered = ["L3"];
    expect(safeParseMaturityModel(m).ok).toBe(true);
  });
  it("dependsOn cycles", () => {
    const m = base();
    m.questions[0]!.dependsOn = [m.questions[1]!.id];
    m.questions[1]!.dependsOn = [m.questions[0]!.id];
    const e = errorOf(m);
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.details.reason).toBe("CYCLE_DETECTED");
    expect(e.message).toMatch(/A2a → A2b → A2a|A2b → A2a → A2b/);
  });
  it("dimension tree cycles", () => {
    const m = base();
    m.dimensions[0]!.parentId = "B";
    m.dimensions[1]!.parentId = "A";
    expect(errorOf(m)).toMatchObject({ code: "INVALID_INPUT", details: { reason: "CYCLE_DETECTED" } });
  });
  it("level ordinals and baseline", () => {
    const m = base();
    m.levels![2]!.ordinal = 7;
    expect(errorOf(m).message).toMatch(/contiguous/);
    const b = base();
    b.levels![0]!.isBaseline = false;
    b.levels![2]!.isBaseline = true;
    expect(errorOf(b).details.path).toBe("levels[2].isBaseline");
  });
  it("thresholds that cannot be achieved", () => {
    const m = tinyModelInput({
      type: "perLevelThreshold",
      metric: "points",
      perLevel: [{ levelId: "L2", threshold: 9 }],
    });
    // Four L2 questions with at most 2 points each: 8 < 9.
    expect(errorOf(m)).toMatchObject({
      code: "INVALID_INPUT",
      details: { path: "scoringPolicy.levelAward.perLevel[0].threshold", reason: "IMPOSSIBLE_CONSTRAINT" },
    });
  });
  it("bands must start at 0 and ascend", () => {
    const m = tinyModelInput({
      type: "averaged",
      mapping: "bands",
      bands: [{ levelId: "L1", minScore: 0.1 }],
    });
    expect(errorOf(m).details.path).toBe("scoringPolicy.levelAward.bands[0].minScore");
  });
  it("decreasing ordinal option values", () => {
    const m = base();
    m.answerScales[0]!.options[1]!.value = 0.9;
    expect(errorOf(m).details.path).toBe("answerScales[0].options[2].value");
  });
  it("staged impacts without level, impacts on non-leaf dimensions", () => {
    const m = base();
    delete m.questions[0]!.impacts[0]!.levelId;
    expect(errorOf(m).details.path).toBe("questions[0].impacts[0].levelId");
    const t = base();
    t.dimensions.push({ id: "P", name: "Parent" });
    t.dimensions[0]!.parentId = "P";
    t.questions[0]!.impacts.push({ dimensionId: "P", levelId: "L2" });
    expect(errorOf(t).message).toMatch(/has child dimensions/);
  });
  it("library content must carry the project licence", () => {
    const m = base();
    m.source = { publisher: "someone", license: "CC-BY-SA-4.0", contentProvidedBy: "library" };
    expect(errorOf(m).details.path).toBe("source.license");
  });
  it("typology categories must exist", () => {
    const m = JSON.parse(JSON.stringify(pmoTypeModelData)) as MaturityModelInput;
    m.answerScales[0]!.options[0]!.categoryPoints = { bogus: 1 };
    expect(errorOf(m)).toMatchObject({ code: "DANGLING_REFERENCE" });
  });
  it("warns about N/A-only levels and upward dependencies", () => {
    const m = parseMaturityModel({
      ...base(),
      questions: base().questions.map((q) => (q.id === "A2a" ? { ...q, dependsOn: ["A3a"] } : q)),
    });
    const issues = validateMaturityModel(m);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
    expect(issues.some((i) => /higher level/.test(i.message))).toBe(true);
    expect(issues.some((i) => /only by questions that allow N\/A/.test(i.message))).toBe(true);
  });
});
