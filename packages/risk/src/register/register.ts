import { PmokitError } from "@pmokit/core";
import { checkProbability, inputError } from "../internal/errors.js";
import type { ProbabilityInput, RiskRecord, RiskRegister, RiskReview } from "./types.js";

function freeze<T>(x: T): T {
  return Object.freeze(x);
}

/**
 * Midpoint of a probability (point or range), validated.
 *
 * @param p - probability or range
 * @param path - JSON path for errors
 * @returns the point probability
 * @throws PmokitError `INVALID_INPUT` outside [0, 1] or min > max
 * @category Register
 */
export function probabilityPoint(p: ProbabilityInput, path = "probability"): number {
  if (typeof p === "number") {
    checkProbability(p, path);
    return p;
  }
  checkProbability(p.min, `${path}.min`);
  checkProbability(p.max, `${path}.max`);
  if (p.min > p.max) inputError(`${path}.max`, `max >= min (${p.min})`, p.max);
  return (p.min + p.max) / 2;
}

/**
 * Validates one risk record.
 *
 * @throws PmokitError `INVALID_INPUT` naming the path
 * @category Register
 */
export function validateRiskRecord(r: RiskRecord, path = "risk"): void {
  if (typeof r.id !== "string" || r.id === "") inputError(`${path}.id`, "a non-empty id", r.id);
  if (r.polarity !== "threat" && r.polarity !== "opportunity")
    inputError(`${path}.polarity`, '"threat" or "opportunity"', r.polarity);
  probabilityPoint(r.probability, `${path}.probability`);
  (r.responses ?? []).forEach((s, i) => {
    if (s.residualProbability !== undefined)
      probabilityPoint(s.residualProbability, `${path}.responses[${i}].residualProbability`);
  });
}

/**
 * Creates an empty register.
 *
 * @param id - register id
 * @param currency - currency of monetary amounts (e.g. `"USD"`)
 * @returns a frozen, empty register
 * @example
 * ```ts
 * let reg = createRegister("PRJ-1", "USD");
 * reg = addRisk(reg, { id: "R1", title: "Late permit", polarity: "threat", status: "open",
 *   probability: 0.3, impacts: { cost: { amount: "150000" } } }, { at: "2026-01-05", by: "pm" });
 * ```
 * @category Register
 */
export function createRegister(id: string, currency?: string): RiskRegister {
  return freeze({ id, ...(currency ? { currency } : {}), risks: freeze([]), reviews: freeze([]) });
}

/**
 * Adds a risk (a new register is returned; the review history gets a "created" entry).
 *
 * @throws PmokitError `DUPLICATE_ID` or `INVALID_INPUT`
 * @category Register
 */
export function addRisk(
  register: RiskRegister,
  risk: RiskRecord,
  review: { readonly at: string; readonly by?: string; readonly note?: string },
): RiskRegister {
  validateRiskRecord(risk, `risks[${register.risks.length}]`);
  if (register.risks.some((r) => r.id === risk.id))
    throw new PmokitError("DUPLICATE_ID", `risks: duplicate risk id '${risk.id}'`, {
      path: "risks",
      ids: [risk.id],
    });
  const entry: RiskReview = freeze({
    at: review.at,
    riskId: risk.id,
    ...(review.by ? { by: review.by } : {}),
    note: review.note ?? "created",
    changes: freeze([]),
  });
  return freeze({
    ...register,
    risks: freeze([
      ...register.risks,
      freeze({ ...risk, createdAt: risk.createdAt ?? review.at, lastReviewedAt: review.at }),
    ]),
    reviews: freeze([...register.reviews, entry]),
  });
}

/**
 * Reviews a risk, optionally changing fields. Returns a new register: the record is replaced by
 * its updated version and one review entry listing the changed fields is appended; past entries
 * are never modified. `lastReviewedAt` becomes `review.at` (so "reviewed, unchanged" differs from
 * "stale").
 *
 * @throws PmokitError `DANGLING_REFERENCE` for an unknown risk id, `INVALID_INPUT` for a review
 *   dated before the last one of this risk or for invalid new values
 * @category Register
 */
export function reviewRisk(
  register: RiskRegister,
  riskId: string,
  review: {
    readonly at: string;
    readonly by?: string;
    readonly note?: string;
    readonly changes?: Partial<Omit<RiskRecord, "id" | "createdAt" | "lastReviewedAt">>;
    readonly scheme?: string;
    readonly level?: string;
    readonly score?: string;
  },
): RiskRegister {
  const idx = register.risks.findIndex((r) => r.id === riskId);
  if (idx < 0)
    throw new PmokitError("DANGLING_REFERENCE", `riskId: unknown risk '${riskId}'`, {
      path: "riskId",
      ids: [riskId],
    });
  const old = register.risks[idx]!;
  if (old.lastReviewedAt !== undefined && review.at < old.lastReviewedAt)
    inputError(
      "at",
      `a date on or after the last review (${old.lastReviewedAt}): history is append-only`,
      review.at,
    );
  const next: RiskRecord = { ...old, ...(review.changes ?? {}), lastReviewedAt: review.at };
  validateRiskRecord(next, `risks[${idx}]`);
  const changes = Object.entries(review.changes ?? {})
    .filter(([k, v]) => JSON.stringify((old as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v))
    .map(([field, to]) => freeze({ field, from: (old as unknown as Record<string, unknown>)[field], to }));
  const entry: RiskReview = freeze({
    at: review.at,
    riskId,
    ...(review.by ? { by: review.by } : {}),
    ...(review.note ? { note: review.note } : {}),
    changes: freeze(changes),
    ...(review.scheme ? { scheme: review.scheme } : {}),
    ...(review.level ? { level: review.level } : {}),
    ...(review.score ? { score: review.score } : {}),
  });
  const risks = register.risks.slice();
  risks[idx] = freeze(next);
  return freeze({ ...register, risks: freeze(risks), reviews: freeze([...register.reviews, entry]) });
}

/**
 * Risks not reviewed within `maxAgeDays` of `asOf` (ISO dates), open or proposed, plus risks
 * without an owner or without a response.
 *
 * @returns ids per flag
 * @category Register
 */
export function registerHealth(
  register: RiskRegister,
  asOf: string,
  maxAgeDays = 30,
): { stale: string[]; unowned: string[]; noResponse: string[] } {
  const day = (s: string): number => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86400000;
  const active = register.risks.filter(
    (r) => r.status === "open" || r.status === "proposed" || r.status === "issue",
  );
  return {
    stale: active
      .filter((r) => !r.lastReviewedAt || day(asOf) - day(r.lastReviewedAt) > maxAgeDays)
      .map((r) => r.id),
    unowned: active.filter((r) => !r.owner).map((r) => r.id),
    noResponse: active.filter((r) => (r.responses ?? []).length === 0).map((r) => r.id),
  };
}
