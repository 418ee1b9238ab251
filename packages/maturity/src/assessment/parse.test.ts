import { describe, expect, it } from "vitest";
import { tinyModel } from "../internal/__tests__/fixtures.js";
import { parseAssessment, safeParseAssessment } from "./parse.js";

const m = tinyModel({ type: "staged", threshold: 0.75 }, { na: false });
const doc = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  modelId: m.id,
  respondents: [{ id: "r1", answers }],
  ...extra,
});
const err = (input: unknown) => {
  const r = safeParseAssessment(m, input, { file: "resp.json" });
  if (r.ok) throw new Error("expected an error");
  return r.error;
};

describe("parseAssessment", () => {
  it("merges compact answers and long responses", () => {
    const a = parseAssessment(m, {
      ...doc({ A2a: "v4" }),
      responses: [{ respondentId: "r1", questionId: "A2b", state: "dontKnow" }],
    });
    expect(a.responses.map((r) => [r.questionId, r.state])).toEqual([
      ["A2a", "answered"],
      ["A2b", "dontKnow"],
    ]);
  });
  it("rejects an answer outside the scale", () => {
    const e = err(doc({ A2a: "v9" }));
    expect(e.code).toBe("DANGLING_REFERENCE");
    expect(e.details).toMatchObject({
      file: "resp.json",
      path: "respondents[0].answers.A2a",
      received: "v9",
    });
    expect(e.message).toMatch(/resp\.json: respondents\[0\]\.answers\.A2a: 'v9' is not on the scale 'five'/);
    expect(String(e.details.expected)).toMatch(/one of v0, v1, v2, v3, v4/);
  });
  it("rejects unknown question ids", () => {
    const e = err({ ...doc({}), responses: [{ respondentId: "r1", questionId: "Z9", optionId: "v1" }] });
    expect(e).toMatchObject({
      code: "DANGLING_REFERENCE",
      details: { path: "responses[0].questionId", received: "Z9" },
    });
  });
  it("rejects unknown respondents, duplicate answers and a wrong model", () => {
    expect(
      err({ ...doc({}), responses: [{ respondentId: "rX", questionId: "A2a", optionId: "v1" }] }).details
        .path,
    ).toBe("responses[0].respondentId");
    expect(
      err({ ...doc({ A2a: "v1" }), responses: [{ respondentId: "r1", questionId: "A2a", optionId: "v1" }] })
        .code,
    ).toBe("DUPLICATE_ID");
    expect(err({ ...doc({}), modelId: "other" }).details.path).toBe("modelId");
  });
  it("N/A needs a question that allows it and a reason", () => {
    expect(err(doc({ A2a: { state: "notApplicable", naReason: "x" } })).message).toMatch(
      /does not allow N\/A/,
    );
    const na = tinyModel({ type: "staged" });
    const r = safeParseAssessment(na, {
      modelId: na.id,
      respondents: [{ id: "r1", answers: { A2a: { state: "notApplicable" } } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details.path).toBe("respondents[0].answers.A2a.naReason");
  });
  it("schema violations name the path", () => {
    const e = err({ modelId: m.id, respondents: [] });
    expect(e).toMatchObject({ code: "SCHEMA_VIOLATION", details: { path: "respondents" } });
  });
  it("unknown evidence and bad consensus options", () => {
    expect(err(doc({ A2a: { optionId: "v1", evidenceIds: ["e9"] } })).details.path).toBe(
      "respondents[0].answers.A2a.evidenceIds[0]",
    );
    expect(
      err(doc({}, { consensus: [{ questionId: "A2a", optionId: "zz", rationale: "r" }] })).details.path,
    ).toBe("consensus[0].optionId");
  });
});
