// Synthetic models written for the tests (no third-party content).
import type { Assessment } from "../../assessment/schema.js";
import { parseAssessment } from "../../assessment/parse.js";
import type { LevelAwardRule, MaturityModel, MaturityModelInput } from "../../model/schema.js";
import { parseMaturityModel } from "../../model/validate.js";

export const OPTS = ["v0", "v1", "v2", "v3", "v4"] as const;

/** Levels L1 (baseline) … L<levels>; dimensions with two questions per level above the baseline. */
export function tinyModelInput(
  rule: MaturityModelInput["scoringPolicy"]["levelAward"],
  opts: {
    dims?: readonly string[];
    levels?: number;
    critical?: readonly string[];
    na?: boolean;
    evidence?: readonly string[];
  } = {},
): MaturityModelInput {
  const dims = opts.dims ?? ["A", "B"];
  const n = opts.levels ?? 3;
  const levels = Array.from({ length: n }, (_, i) => ({
    id: `L${i + 1}`,
    ordinal: i + 1,
    name: `Level ${i + 1}`,
    ...(i === 0 ? { isBaseline: true } : {}),
  }));
  const questions = dims.flatMap((d) =>
    levels.slice(1).flatMap((l) =>
      ["a", "b"].map((s) => {
        const id = `${d}${l.ordinal}${s}`;
        return {
          id,
          text: `Practice ${id}`,
          answerScaleId: "five",
          impacts: [{ dimensionId: d, levelId: l.id }],
          allowNotApplicable: opts.na ?? true,
          ...(opts.critical?.includes(id) ? { critical: true } : {}),
          ...(opts.evidence?.includes(id) ? { evidence: "required" as const } : {}),
        };
      }),
    ),
  );
  return {
    id: "test.tiny",
    version: "1.0.0",
    name: "Tiny test model",
    source: { publisher: "pmokit tests", license: "MIT", contentProvidedBy: "user" },
    levels,
    dimensions: dims.map((d) => ({ id: d, name: `Dimension ${d}` })),
    answerScales: [
      {
        id: "five",
        options: OPTS.map((o, i) => ({ id: o, label: o, value: i / 4, points: i - 2 })),
      },
    ],
    questions,
    scoringPolicy: { levelAward: rule, respondentAggregation: "mean" },
  };
}

export function tinyModel(
  rule: LevelAwardRule | MaturityModelInput["scoringPolicy"]["levelAward"],
  opts: Parameters<typeof tinyModelInput>[1] = {},
): MaturityModel {
  return parseMaturityModel(tinyModelInput(rule, opts));
}

/** One respondent's answers: question id → option index (0–4), "na" or "dk". */
export function answers(
  model: MaturityModel,
  ...respondents: Record<string, number | "na" | "dk">[]
): Assessment {
  return parseAssessment(model, {
    modelId: model.id,
    respondents: respondents.map((ans, k) => ({
      id: `r${k + 1}`,
      answers: Object.fromEntries(
        Object.entries(ans).map(([q, v]) => [
          q,
          v === "na"
            ? { state: "notApplicable", naReason: "test" }
            : v === "dk"
              ? { state: "dontKnow" }
              : OPTS[v]!,
        ]),
      ),
    })),
  });
}

/** Every question of the model answered with the same option index. */
export function all(model: MaturityModel, v: number): Record<string, number> {
  return Object.fromEntries(model.questions.map((q) => [q.id, v]));
}
