import { describe, expect, it } from "vitest";
import { parseAssessment } from "../assessment/parse.js";
import { pmoTypeModel } from "../models/pmo-type.js";
import { classifyType } from "./typology.js";

const ids = pmoTypeModel.questions.map((q) => q.id);
const optionsOf = (qid: string) =>
  pmoTypeModel.answerScales.find(
    (s) => s.id === pmoTypeModel.questions.find((q) => q.id === qid)!.answerScaleId,
  )!.options;
/** Picks, for every question, the option that gives the most points to `cat`. */
const leaning = (cat: string): Record<string, string> =>
  Object.fromEntries(
    ids.map((q) => [
      q,
      [...optionsOf(q)].sort((a, b) => (b.categoryPoints?.[cat] ?? 0) - (a.categoryPoints?.[cat] ?? 0))[0]!
        .id,
    ]),
  );

describe("PMO type classifier", () => {
  it("a clearly directive PMO", () => {
    const a = parseAssessment(pmoTypeModel, {
      modelId: pmoTypeModel.id,
      respondents: [{ id: "r1", answers: leaning("directive") }],
    });
    const t = classifyType(pmoTypeModel, a);
    expect(t.dominant).toBe("directive");
    expect(t.hybrid).toBe(false);
    expect(t.label).toBe("directive");
    expect(t.profile.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(t.coverage).toBe(1);
  });
  it("hand-made profile: shares, margin and the hybrid label", () => {
    // Two questions only: t-relation "require" (controlling 3) and t-stop "decide" (directive 3);
    // controlling and directive tie at 3 points each → shares 0.5 / 0.5, margin 0 < 0.1 → hybrid.
    const a = parseAssessment(pmoTypeModel, {
      modelId: pmoTypeModel.id,
      respondents: [{ id: "r1", answers: { "t-relation": "require", "t-stop": "decide" } }],
    });
    const t = classifyType(pmoTypeModel, a);
    expect(t.profile.map((p) => [p.categoryId, p.share])).toEqual([
      ["controlling", 0.5],
      ["directive", 0.5],
      ["supportive", 0],
    ]);
    expect(t.margin).toBe(0);
    expect(t.hybrid).toBe(true);
    expect(t.label).toBe("hybrid: controlling/directive");
    expect(t.warnings.join(" ")).toMatch(/only 17 %/);
  });
  it("averages respondents: 2 controlling + 1 supportive on one question", () => {
    // t-relation: require, require, advise → controlling 2, supportive 1 → shares 2/3, 1/3, margin 1/3.
    const a = parseAssessment(pmoTypeModel, {
      modelId: pmoTypeModel.id,
      respondents: [
        { id: "a", answers: { "t-relation": "require" } },
        { id: "b", answers: { "t-relation": "require" } },
        { id: "c", answers: { "t-relation": "advise" } },
      ],
    });
    const t = classifyType(pmoTypeModel, a);
    expect(t.dominant).toBe("controlling");
    expect(t.margin).toBeCloseTo(1 / 3, 12);
    expect(t.hybrid).toBe(false);
    expect(classifyType(pmoTypeModel, a, { aggregation: "mode" }).margin).toBe(1);
  });
});
