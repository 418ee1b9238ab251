import { PmokitError } from "@pmokit/core";
import type { Result } from "@pmokit/core";
import { zodToPmokitError } from "../internal/zod-error.js";
import type { MaturityModel } from "../model/schema.js";
import { assessmentInputSchema } from "./schema.js";
import type { Assessment, Response } from "./schema.js";

function fail(
  code: "INVALID_INPUT" | "DANGLING_REFERENCE" | "DUPLICATE_ID",
  path: string,
  message: string,
  expected: string,
  file?: string,
  received?: string,
): never {
  throw new PmokitError(
    code,
    `invalid responses: ${file === undefined ? "" : `${file}: `}${path}: ${message}`,
    {
      ...(file === undefined ? {} : { file }),
      path,
      expected,
      ...(received === undefined ? {} : { received }),
    },
  );
}

/**
 * Parses a responses document and checks it against the model: known respondents and question
 * ids, answers inside the question's scale, N/A only where the question allows it and always with
 * a reason, "don't know" only where allowed, known evidence ids, consensus decisions with options
 * of the scale. Compact `answers` maps and long `responses` lists are merged.
 *
 * @param model - the model the responses answer
 * @param input - the responses document (JSON data)
 * @param options - `file` names the source in error messages
 * @returns the normalised assessment
 * @throws PmokitError `SCHEMA_VIOLATION`, `DANGLING_REFERENCE` (unknown question, respondent, option or
 *   evidence), `DUPLICATE_ID` or `INVALID_INPUT` (N/A without reason, model mismatch), with a JSON path
 * @example
 * ```ts
 * import { parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
 * const a = parseAssessment(pmoMaturityModel, { modelId: "pmokit.pmo-maturity", respondents: [{ id: "r1", answers: { "std-1": "largely" } }] });
 * ```
 * @category Assessment
 * @since 0.1.0
 */
export function parseAssessment(
  model: MaturityModel,
  input: unknown,
  options: { file?: string } = {},
): Assessment {
  const file = options.file;
  const parsed = assessmentInputSchema.safeParse(input);
  if (!parsed.success) throw zodToPmokitError(parsed.error, "invalid responses", file);
  const data = parsed.data;
  if (data.modelId !== model.id)
    fail(
      "INVALID_INPUT",
      "modelId",
      `responses are for model '${data.modelId}', not '${model.id}'`,
      model.id,
      file,
      data.modelId,
    );
  const questions = new Map(model.questions.map((q) => [q.id, q]));
  const scales = new Map(model.answerScales.map((s) => [s.id, s]));
  const respondentIds = new Set<string>();
  data.respondents.forEach((r, k) => {
    if (respondentIds.has(r.id))
      fail("DUPLICATE_ID", `respondents[${k}].id`, `duplicate respondent '${r.id}'`, "a unique id", file);
    respondentIds.add(r.id);
  });
  const evidenceIds = new Set(data.evidence.map((e) => e.id));

  const responses: Response[] = [];
  const seen = new Set<string>();
  const add = (
    path: string,
    r: {
      respondentId: string;
      questionId: string;
      state: "answered" | "notApplicable" | "dontKnow";
      optionId?: string | undefined;
      naReason?: string | undefined;
      confidence?: number | undefined;
      comment?: string | undefined;
      evidenceIds?: string[] | undefined;
    },
    optionPath = `${path}.optionId`,
  ): void => {
    if (!respondentIds.has(r.respondentId))
      fail(
        "DANGLING_REFERENCE",
        `${path}.respondentId`,
        `unknown respondent '${r.respondentId}'`,
        "a respondent id",
        file,
        r.respondentId,
      );
    const q = questions.get(r.questionId);
    if (!q)
      fail(
        "DANGLING_REFERENCE",
        `${path}.questionId`,
        `unknown question '${r.questionId}'`,
        `a question id of model '${model.id}'`,
        file,
        r.questionId,
      );
    const key = `${r.respondentId}\u0000${r.questionId}`;
    if (seen.has(key))
      fail(
        "DUPLICATE_ID",
        path,
        `respondent '${r.respondentId}' answers '${r.questionId}' twice`,
        "one answer per respondent and question",
        file,
      );
    seen.add(key);
    if (r.state === "answered") {
      const scale = scales.get(q.answerScaleId);
      if (r.optionId === undefined)
        fail("INVALID_INPUT", `${path}.optionId`, `answer to '${q.id}' has no option`, "an option id", file);
      if (scale && !scale.options.some((o) => o.id === r.optionId))
        fail(
          "DANGLING_REFERENCE",
          optionPath,
          `'${r.optionId}' is not on the scale '${scale.id}' of question '${q.id}'`,
          `one of ${scale.options.map((o) => o.id).join(", ")}`,
          file,
          r.optionId,
        );
    } else if (r.state === "notApplicable") {
      if (!q.allowNotApplicable)
        fail(
          "INVALID_INPUT",
          `${path}.state`,
          `question '${q.id}' does not allow N/A`,
          "an answer or dontKnow",
          file,
          "notApplicable",
        );
      if (r.naReason === undefined || r.naReason.trim() === "")
        fail(
          "INVALID_INPUT",
          `${path}.naReason`,
          `N/A on '${q.id}' needs a reason`,
          "a non-empty naReason",
          file,
        );
    } else if (!q.allowDontKnow) {
      fail(
        "INVALID_INPUT",
        `${path}.state`,
        `question '${q.id}' does not allow "don't know"`,
        "an answer",
        file,
        "dontKnow",
      );
    }
    r.evidenceIds?.forEach((e, j) => {
      if (!evidenceIds.has(e))
        fail(
          "DANGLING_REFERENCE",
          `${path}.evidenceIds[${j}]`,
          `unknown evidence '${e}'`,
          "an id of evidence[]",
          file,
          e,
        );
    });
    responses.push({
      respondentId: r.respondentId,
      questionId: r.questionId,
      state: r.state,
      ...(r.optionId === undefined || r.state !== "answered" ? {} : { optionId: r.optionId }),
      ...(r.naReason === undefined ? {} : { naReason: r.naReason }),
      ...(r.confidence === undefined ? {} : { confidence: r.confidence }),
      ...(r.comment === undefined ? {} : { comment: r.comment }),
      evidenceIds: r.evidenceIds ?? [],
    });
  };
  data.respondents.forEach((resp, k) => {
    for (const [qid, a] of Object.entries(resp.answers ?? {})) {
      const path = `respondents[${k}].answers.${qid}`;
      if (typeof a === "string") {
        if (a === "na" || a === "dk") {
          fail(
            "INVALID_INPUT",
            path,
            `write N/A and don't know as objects`,
            '{ "state": "notApplicable", "naReason": "..." } or { "state": "dontKnow" }',
            file,
            a,
          );
        }
        add(path, { respondentId: resp.id, questionId: qid, state: "answered", optionId: a }, path);
      } else add(path, { respondentId: resp.id, questionId: qid, ...a });
    }
  });
  data.responses.forEach((r, k) => add(`responses[${k}]`, r));
  data.consensus.forEach((c, k) => {
    const path = `consensus[${k}]`;
    const q = questions.get(c.questionId);
    if (!q)
      fail(
        "DANGLING_REFERENCE",
        `${path}.questionId`,
        `unknown question '${c.questionId}'`,
        "a question id",
        file,
        c.questionId,
      );
    if (c.state === "answered") {
      const scale = scales.get(q.answerScaleId);
      if (!scale?.options.some((o) => o.id === c.optionId))
        fail(
          "DANGLING_REFERENCE",
          `${path}.optionId`,
          `'${c.optionId ?? ""}' is not on the scale of '${q.id}'`,
          `one of ${scale?.options.map((o) => o.id).join(", ") ?? ""}`,
          file,
        );
    } else if (!q.allowNotApplicable || !c.naReason) {
      fail(
        "INVALID_INPUT",
        `${path}.naReason`,
        `N/A consensus on '${q.id}' needs a question that allows N/A and a reason`,
        "allowNotApplicable and naReason",
        file,
      );
    }
  });
  if (data.targetProfile) {
    const dims = new Set(model.dimensions.map((d) => d.id));
    const levels = new Set(model.levels.map((l) => l.id));
    data.targetProfile.targets.forEach((t, k) => {
      if (!dims.has(t.dimensionId))
        fail(
          "DANGLING_REFERENCE",
          `targetProfile.targets[${k}].dimensionId`,
          `unknown dimension '${t.dimensionId}'`,
          "a dimension id",
          file,
          t.dimensionId,
        );
      if (!levels.has(t.levelId))
        fail(
          "DANGLING_REFERENCE",
          `targetProfile.targets[${k}].levelId`,
          `unknown level '${t.levelId}'`,
          "a level id",
          file,
          t.levelId,
        );
    });
    if (data.targetProfile.default && !levels.has(data.targetProfile.default.levelId))
      fail(
        "DANGLING_REFERENCE",
        "targetProfile.default.levelId",
        `unknown level '${data.targetProfile.default.levelId}'`,
        "a level id",
        file,
      );
  }
  return {
    ...(data.id === undefined ? {} : { id: data.id }),
    modelId: data.modelId,
    ...(data.modelVersion === undefined ? {} : { modelVersion: data.modelVersion }),
    ...(data.subject === undefined
      ? {}
      : {
          subject: {
            type: data.subject.type,
            ...(data.subject.id === undefined ? {} : { id: data.subject.id }),
            ...(data.subject.name === undefined ? {} : { name: data.subject.name }),
          },
        }),
    ...(data.date === undefined ? {} : { date: data.date }),
    respondents: data.respondents.map((r) => ({
      id: r.id,
      weight: r.weight,
      ...(r.name === undefined ? {} : { name: r.name }),
      ...(r.role === undefined ? {} : { role: r.role }),
      ...(r.unit === undefined ? {} : { unit: r.unit }),
    })),
    responses,
    evidence: data.evidence.map((e) => ({ id: e.id, status: e.status })),
    consensus: data.consensus.map((c) => ({
      questionId: c.questionId,
      state: c.state,
      rationale: c.rationale,
      ...(c.optionId === undefined ? {} : { optionId: c.optionId }),
      ...(c.naReason === undefined ? {} : { naReason: c.naReason }),
    })),
    ...(data.targetProfile === undefined ? {} : { targetProfile: data.targetProfile }),
    ...(data.policy === undefined ? {} : { policy: data.policy }),
  };
}

/**
 * Like {@link parseAssessment}, but returns a `Result` instead of throwing.
 *
 * @param model - the model the responses answer
 * @param input - the responses document
 * @param options - `file` names the source in error messages
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseAssessment, pmoMaturityModel } from "@pmokit/maturity";
 * const r = safeParseAssessment(pmoMaturityModel, {});
 * ```
 * @category Assessment
 * @since 0.1.0
 */
export function safeParseAssessment(
  model: MaturityModel,
  input: unknown,
  options: { file?: string } = {},
): Result<Assessment> {
  try {
    return { ok: true, value: parseAssessment(model, input, options) };
  } catch (e) {
    if (e instanceof PmokitError) return { ok: false, error: e };
    throw e;
  }
}
