import { PmokitError } from "@pmokit/core";
import type { PmokitErrorCode, Result } from "@pmokit/core";
import { zodToPmokitError } from "../internal/zod-error.js";
import { maturityModelSchema } from "./schema.js";
import type { MaturityModel } from "./schema.js";

/**
 * One finding of {@link validateMaturityModel}: an `error` makes the model unusable, a `warning`
 * points at a probable modelling mistake.
 *
 * @category Model
 * @since 0.1.0
 */
export interface ModelIssue {
  readonly severity: "error" | "warning";
  readonly code: PmokitErrorCode;
  /** JSON path inside the model, e.g. `questions[4].impacts[0].levelId`. */
  readonly path: string;
  readonly message: string;
  /** What was expected at that place. */
  readonly expected?: string;
}

/** The project's own licence: content bundled by the library must carry it (validation rule 15). */
const LIBRARY_LICENSE = "MIT";

/**
 * Checks the semantic rules of a (schema-valid) model: unique ids, resolvable references, no cycles
 * in the dimension tree or in `dependsOn`, contiguous level ordinals with at most one (lowest)
 * baseline, every level reachable in every rated dimension, achievable thresholds, ordered options,
 * typology categories, and the licence rule for library-provided content.
 *
 * @param model - a model that passed the zod schema (defaults applied)
 * @returns every error and warning found (empty when the model is clean)
 * @example
 * ```ts
 * import { validateMaturityModel, pmoMaturityModel } from "@pmokit/maturity";
 * validateMaturityModel(pmoMaturityModel).filter((i) => i.severity === "error"); // []
 * ```
 * @category Model
 * @since 0.1.0
 */
export function validateMaturityModel(model: MaturityModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const err = (code: PmokitErrorCode, path: string, message: string, expected?: string): void => {
    issues.push({ severity: "error", code, path, message, ...(expected === undefined ? {} : { expected }) });
  };
  const warn = (path: string, message: string): void => {
    issues.push({ severity: "warning", code: "INVALID_INPUT", path, message });
  };

  const unique = (ids: readonly string[], path: string, what: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((i, k) => {
      if (seen.has(i)) err("DUPLICATE_ID", `${path}[${k}].id`, `duplicate ${what} id '${i}'`, "a unique id");
      seen.add(i);
    });
    return seen;
  };
  const levelIds = unique(
    model.levels.map((l) => l.id),
    "levels",
    "level",
  );
  const dimIds = unique(
    model.dimensions.map((d) => d.id),
    "dimensions",
    "dimension",
  );
  const scaleIds = unique(
    model.answerScales.map((s) => s.id),
    "answerScales",
    "answer scale",
  );
  const questionIds = unique(
    model.questions.map((q) => q.id),
    "questions",
    "question",
  );
  const rule = model.scoringPolicy.levelAward;
  const isTypology = model.kind === "typology";

  // Levels (rule 4).
  if (!isTypology) {
    if (model.levels.length < 2)
      err("INVALID_INPUT", "levels", "a maturity model needs at least two levels", "at least 2 levels");
    const ords = model.levels.map((l) => l.ordinal).sort((a, b) => a - b);
    ords.forEach((o, k) => {
      if (k > 0 && o !== ords[k - 1]! + 1)
        err(
          "INVALID_INPUT",
          "levels",
          `level ordinals must be unique contiguous integers (found ${ords.join(", ")})`,
          "contiguous ordinals",
        );
    });
    const baselines = model.levels.filter((l) => l.isBaseline === true);
    if (baselines.length > 1)
      err("INVALID_INPUT", "levels", "at most one level may be the baseline", "one baseline level");
    if (baselines[0] && baselines[0].ordinal !== ords[0]) {
      const k = model.levels.indexOf(baselines[0]);
      err(
        "INVALID_INPUT",
        `levels[${k}].isBaseline`,
        "the baseline level must be the lowest",
        "lowest level",
      );
    }
  } else if (rule.type !== "typology") {
    err(
      "INVALID_INPUT",
      "scoringPolicy.levelAward.type",
      "a typology model needs a typology rule",
      "typology",
    );
  }
  if (!isTypology && rule.type === "typology")
    err("INVALID_INPUT", "kind", "a typology rule needs kind 'typology'", "typology");

  // Dimension tree (rules 2, 3).
  const children = new Map<string, string[]>();
  model.dimensions.forEach((d, k) => {
    if (d.parentId === undefined) return;
    if (!dimIds.has(d.parentId)) {
      err("DANGLING_REFERENCE", `dimensions[${k}].parentId`, `unknown parent dimension '${d.parentId}'`);
      return;
    }
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  });
  const parentOf = new Map(model.dimensions.map((d) => [d.id, d.parentId]));
  for (const d of model.dimensions) {
    const seen = new Set<string>([d.id]);
    let p = parentOf.get(d.id);
    while (p !== undefined) {
      if (seen.has(p)) {
        err("CYCLE_DETECTED", "dimensions", `the dimension tree has a cycle through '${d.id}'`, "a tree");
        break;
      }
      seen.add(p);
      p = parentOf.get(p);
    }
    if (issues.some((i) => i.code === "CYCLE_DETECTED")) break;
  }
  model.dimensions.forEach((d, k) => {
    d.notCovered?.forEach((l, j) => {
      if (!levelIds.has(l))
        err("DANGLING_REFERENCE", `dimensions[${k}].notCovered[${j}]`, `unknown level '${l}'`, "a level id");
    });
  });

  // Scales (rule 7).
  const categories = new Set(rule.type === "typology" ? rule.categories.map((c) => c.id) : []);
  if (rule.type === "typology")
    unique(
      rule.categories.map((c) => c.id),
      "scoringPolicy.levelAward.categories",
      "category",
    );
  model.answerScales.forEach((s, k) => {
    unique(
      s.options.map((o) => o.id),
      `answerScales[${k}].options`,
      "option",
    );
    if (s.type === "ordinal" || s.type === "interval") {
      for (let j = 1; j < s.options.length; j++) {
        if (s.options[j]!.value < s.options[j - 1]!.value)
          err(
            "INVALID_INPUT",
            `answerScales[${k}].options[${j}].value`,
            `option values of ordinal scale '${s.id}' must not decrease`,
            `>= ${s.options[j - 1]!.value}`,
          );
      }
      if (s.options.every((o) => o.value === s.options[0]!.value))
        warn(`answerScales[${k}]`, `all options of scale '${s.id}' have the same value`);
    }
    if (isTypology) {
      s.options.forEach((o, j) => {
        for (const c of Object.keys(o.categoryPoints ?? {}))
          if (!categories.has(c))
            err(
              "DANGLING_REFERENCE",
              `answerScales[${k}].options[${j}].categoryPoints.${c}`,
              `unknown typology category '${c}'`,
              [...categories].join(" | "),
            );
      });
      if (!s.options.some((o) => Object.keys(o.categoryPoints ?? {}).length > 0))
        err(
          "INVALID_INPUT",
          `answerScales[${k}].options`,
          `typology scale '${s.id}' gives no category points`,
          "categoryPoints on options",
        );
    }
  });

  // Questions (rules 2, 6, 9, 10).
  const levelNeeded =
    rule.type === "staged" || rule.type === "perLevelThreshold" || rule.type === "cumulative";
  const fed = new Set<string>();
  model.questions.forEach((q, k) => {
    if (!scaleIds.has(q.answerScaleId))
      err("DANGLING_REFERENCE", `questions[${k}].answerScaleId`, `unknown answer scale '${q.answerScaleId}'`);
    q.impacts.forEach((imp, j) => {
      const p = `questions[${k}].impacts[${j}]`;
      if (!dimIds.has(imp.dimensionId))
        err(
          "DANGLING_REFERENCE",
          `${p}.dimensionId`,
          `unknown dimension '${imp.dimensionId}'`,
          "a dimension id",
        );
      else if (children.has(imp.dimensionId))
        err(
          "INVALID_INPUT",
          `${p}.dimensionId`,
          `question '${q.id}' feeds '${imp.dimensionId}', which has child dimensions`,
          "a leaf dimension",
        );
      fed.add(imp.dimensionId);
      if (imp.levelId !== undefined && !levelIds.has(imp.levelId))
        err("DANGLING_REFERENCE", `${p}.levelId`, `unknown level '${imp.levelId}'`, "a level id");
      if (!isTypology && levelNeeded && imp.levelId === undefined)
        err(
          "INVALID_INPUT",
          `${p}.levelId`,
          `rule '${rule.type}' needs a level on every impact`,
          "a level id",
        );
      const lvl = model.levels.find((l) => l.id === imp.levelId);
      if (lvl?.isBaseline === true)
        warn(`${p}.levelId`, `question '${q.id}' feeds the baseline level, which is granted anyway`);
    });
    q.dependsOn?.forEach((dep, j) => {
      if (!questionIds.has(dep))
        err(
          "DANGLING_REFERENCE",
          `questions[${k}].dependsOn[${j}]`,
          `unknown question '${dep}'`,
          "a question id",
        );
      if (dep === q.id)
        err("CYCLE_DETECTED", `questions[${k}].dependsOn[${j}]`, `question '${q.id}' depends on itself`);
    });
  });
  model.dimensions.forEach((d, k) => {
    if (!children.has(d.id) && !fed.has(d.id))
      err(
        "INVALID_INPUT",
        `dimensions[${k}]`,
        `leaf dimension '${d.id}' has no question`,
        "at least one question",
      );
  });

  // dependsOn cycles (rule 3) and upward dependencies (rule 12).
  const qIndex = new Map(model.questions.map((q, k) => [q.id, k]));
  const state = new Map<string, 1 | 2>();
  const visit = (qid: string, stack: string[]): boolean => {
    const s = state.get(qid);
    if (s === 2) return false;
    if (s === 1) {
      err(
        "CYCLE_DETECTED",
        `questions[${qIndex.get(qid) ?? 0}].dependsOn`,
        `dependsOn cycle: ${[...stack.slice(stack.indexOf(qid)), qid].join(" → ")}`,
        "an acyclic dependsOn graph",
      );
      return true;
    }
    state.set(qid, 1);
    const q = model.questions[qIndex.get(qid) ?? -1];
    for (const dep of q?.dependsOn ?? []) {
      if (dep !== qid && qIndex.has(dep) && visit(dep, [...stack, qid])) return true;
    }
    state.set(qid, 2);
    return false;
  };
  for (const q of model.questions) if (visit(q.id, [])) break;
  const ordinalOf = new Map(model.levels.map((l) => [l.id, l.ordinal]));
  const maxLevel = (qid: string): number => {
    const q = model.questions[qIndex.get(qid) ?? -1];
    return Math.max(-Infinity, ...(q?.impacts ?? []).map((i) => ordinalOf.get(i.levelId ?? "") ?? -Infinity));
  };
  model.questions.forEach((q, k) => {
    q.dependsOn?.forEach((dep, j) => {
      if (qIndex.has(dep) && maxLevel(dep) > maxLevel(q.id))
        warn(
          `questions[${k}].dependsOn[${j}]`,
          `'${q.id}' depends on '${dep}', which sits at a higher level`,
        );
    });
  });

  // Reachability of every level (rules 5, 11).
  if (!isTypology && levelNeeded) {
    const leaves = model.dimensions.filter((d) => !children.has(d.id));
    for (const d of leaves) {
      const k = model.dimensions.indexOf(d);
      for (const l of model.levels) {
        if (l.isBaseline === true || d.notCovered?.includes(l.id)) continue;
        const feeding = model.questions.filter((q) =>
          q.impacts.some((i) => i.dimensionId === d.id && i.levelId === l.id),
        );
        if (feeding.length === 0)
          err(
            "INVALID_INPUT",
            `dimensions[${k}]`,
            `level '${l.id}' is unreachable in dimension '${d.id}': no question feeds it`,
            "a question impact at that level, or the level in notCovered",
          );
        else if (feeding.every((q) => q.allowNotApplicable))
          warn(`dimensions[${k}]`, `level '${l.id}' of '${d.id}' is fed only by questions that allow N/A`);
      }
    }
  }

  // Level-award rule (rules 8, 9).
  if (rule.type === "averaged" && rule.mapping === "bands") {
    const bands = rule.bands ?? [];
    if (bands.length === 0)
      err(
        "INVALID_INPUT",
        "scoringPolicy.levelAward.bands",
        "mapping 'bands' needs bands",
        "at least one band",
      );
    bands.forEach((b, j) => {
      const p = `scoringPolicy.levelAward.bands[${j}]`;
      if (!levelIds.has(b.levelId)) err("DANGLING_REFERENCE", `${p}.levelId`, `unknown level '${b.levelId}'`);
      if (j === 0 && b.minScore !== 0)
        err("INVALID_INPUT", `${p}.minScore`, "the first band must start at 0", "0");
      const prev = bands[j - 1];
      if (prev && !(b.minScore > prev.minScore))
        err("INVALID_INPUT", `${p}.minScore`, "bands must be strictly ascending", `> ${prev.minScore}`);
      if (prev && (ordinalOf.get(b.levelId) ?? 0) <= (ordinalOf.get(prev.levelId) ?? 0))
        err(
          "INVALID_INPUT",
          `${p}.levelId`,
          "bands must be ordered by level",
          "a higher level than the previous band",
        );
    });
  }
  if (rule.type === "perLevelThreshold") {
    rule.perLevel.forEach((t, j) => {
      const p = `scoringPolicy.levelAward.perLevel[${j}]`;
      if (!levelIds.has(t.levelId)) {
        err("DANGLING_REFERENCE", `${p}.levelId`, `unknown level '${t.levelId}'`);
        return;
      }
      let max = 0;
      let min = 0;
      for (const q of model.questions) {
        const scale = model.answerScales.find((s) => s.id === q.answerScaleId);
        if (!scale) continue;
        for (const imp of q.impacts) {
          if (imp.levelId !== t.levelId) continue;
          const pts = scale.options.map((o) => (rule.metric === "points" ? (o.points ?? 0) : o.value));
          max += imp.weight * q.weight * Math.max(...pts);
          min += imp.weight * q.weight * Math.min(...pts);
        }
      }
      if (rule.metric === "percent") {
        max = 1;
        min = 0;
      }
      if (t.threshold > max)
        err(
          "IMPOSSIBLE_CONSTRAINT",
          `${p}.threshold`,
          `threshold ${t.threshold} of level '${t.levelId}' is not achievable (maximum ${max})`,
          `<= ${max}`,
        );
      if (t.threshold <= min)
        warn(
          `${p}.threshold`,
          `threshold ${t.threshold} of level '${t.levelId}' is always met (minimum ${min})`,
        );
    });
  }
  if (rule.type === "staged" && rule.metric === "percentOfLevel" && rule.threshold === 0)
    warn("scoringPolicy.levelAward.threshold", "a threshold of 0 makes every level trivially met");

  // Target profiles (rule 13).
  model.targetProfiles?.forEach((tp, k) => {
    if (tp.default && !levelIds.has(tp.default.levelId))
      err(
        "DANGLING_REFERENCE",
        `targetProfiles[${k}].default.levelId`,
        `unknown level '${tp.default.levelId}'`,
      );
    tp.targets.forEach((t, j) => {
      if (!dimIds.has(t.dimensionId))
        err(
          "DANGLING_REFERENCE",
          `targetProfiles[${k}].targets[${j}].dimensionId`,
          `unknown dimension '${t.dimensionId}'`,
        );
      if (!levelIds.has(t.levelId))
        err(
          "DANGLING_REFERENCE",
          `targetProfiles[${k}].targets[${j}].levelId`,
          `unknown level '${t.levelId}'`,
        );
    });
  });

  // Licence (rule 15).
  if (model.source.contentProvidedBy === "library" && model.source.license !== LIBRARY_LICENSE)
    err(
      "INVALID_INPUT",
      "source.license",
      "content provided by the library must be written by the project under its licence",
      LIBRARY_LICENSE,
    );
  return issues;
}

/**
 * Parses and validates a maturity model definition (JSON data): zod schema first, then
 * {@link validateMaturityModel}. Throws on the first error.
 *
 * @param input - the model as JSON data
 * @param options - `file` names the source in error messages
 * @returns the model with defaults applied
 * @throws PmokitError `SCHEMA_VIOLATION` (shape), `DUPLICATE_ID`, `DANGLING_REFERENCE` or `INVALID_INPUT`
 *   (CLI exit 2), with `details.path` (JSON path), `details.expected` and `details.reason` (the finding's
 *   code, e.g. `CYCLE_DETECTED` or `IMPOSSIBLE_CONSTRAINT`, as reported by {@link validateMaturityModel})
 * @example
 * ```ts
 * import { parseMaturityModel } from "@pmokit/maturity";
 * const model = parseMaturityModel(JSON.parse(text));
 * ```
 * @category Model
 * @since 0.1.0
 */
export function parseMaturityModel(input: unknown, options: { file?: string } = {}): MaturityModel {
  const parsed = maturityModelSchema.safeParse(input);
  if (!parsed.success) throw zodToPmokitError(parsed.error, "invalid maturity model", options.file);
  const issues = validateMaturityModel(parsed.data);
  const first = issues.find((i) => i.severity === "error");
  if (first) {
    const where = options.file === undefined ? first.path : `${options.file}: ${first.path}`;
    // A model definition is input data: a cycle or an unreachable threshold in it is an input error
    // (CLI exit 2), not a problem without solution. The finding's own code stays in `details.reason`.
    const inputCode: PmokitErrorCode =
      first.code === "CYCLE_DETECTED" || first.code === "IMPOSSIBLE_CONSTRAINT"
        ? "INVALID_INPUT"
        : first.code;
    throw new PmokitError(inputCode, `invalid maturity model: ${where}: ${first.message}`, {
      ...(options.file === undefined ? {} : { file: options.file }),
      path: first.path,
      reason: first.code,
      ...(first.expected === undefined ? {} : { expected: first.expected }),
      issues: issues.filter((i) => i.severity === "error"),
    });
  }
  return parsed.data;
}

/**
 * Like {@link parseMaturityModel}, but returns a `Result` instead of throwing.
 *
 * @param input - the model as JSON data
 * @param options - `file` names the source in error messages
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseMaturityModel } from "@pmokit/maturity";
 * const r = safeParseMaturityModel({});
 * if (!r.ok) console.error(r.error.message);
 * ```
 * @category Model
 * @since 0.1.0
 */
export function safeParseMaturityModel(
  input: unknown,
  options: { file?: string } = {},
): Result<MaturityModel> {
  try {
    return { ok: true, value: parseMaturityModel(input, options) };
  } catch (e) {
    if (e instanceof PmokitError) return { ok: false, error: e };
    throw e;
  }
}
