import { PmokitError } from "../errors.js";
import type { Money } from "../money/money.js";
import type { Project } from "../model/project.js";
import type { AuditReport } from "../audit/audit.js";
import type { ProjectEvm } from "../evm/project-evm.js";

/**
 * Red / amber / green status.
 *
 * @category Health
 * @since 0.1.0
 */
export type Rag = "green" | "amber" | "red";

/**
 * A health rule: maps one metric to a RAG status with two thresholds.
 * `higherIsBetter`: green when value ≥ `green`, amber when ≥ `amber`, else red;
 * `lowerIsBetter`: green when value ≤ `green`, amber when ≤ `amber`, else red.
 *
 * @example
 * ```ts
 * import type { HealthRule } from "@pmokit/core";
 * const r: HealthRule = { id: "schedule", metric: "spit", direction: "higherIsBetter", green: 0.95, amber: 0.9 };
 * ```
 * @category Health
 * @since 0.1.0
 */
export interface HealthRule {
  readonly id: string;
  /** Key in {@link HealthMetrics}. */
  readonly metric: string;
  /** Metric read when `metric` is missing (e.g. SPI when SPI(t) is undefined); the result names it. */
  readonly fallbackMetric?: string;
  readonly direction: "higherIsBetter" | "lowerIsBetter";
  readonly green: number;
  readonly amber: number;
  /** Weight for the `weighted` combination; default 1. */
  readonly weight?: number;
  /** Status when the metric is missing / undefined: a RAG, or `ignore` (default) to leave the rule out. */
  readonly whenMissing?: Rag | "ignore";
}

/**
 * Metrics a health assessment reads (any further numeric metric may be added for custom rules).
 *
 * @category Health
 * @since 0.1.0
 */
export interface HealthMetrics {
  readonly spi?: number | null;
  readonly cpi?: number | null;
  readonly spit?: number | null;
  /** Expected cost of open threats (Σ probability × cost impact) / BAC. */
  readonly riskExposureRatio?: number | null;
  /** Audit score 0..100. */
  readonly auditScore?: number | null;
  readonly [metric: string]: number | null | undefined;
}

/**
 * Default health rules (the table in docs/evm.md, "Health"):
 *
 * | rule | metric | green | amber | red |
 * | --- | --- | --- | --- | --- |
 * | schedule | SPI(t) (earned schedule; SPI when undefined) | ≥ 0.95 | ≥ 0.90 | < 0.90 |
 * | cost | CPI | ≥ 0.95 | ≥ 0.90 | < 0.90 |
 * | risk | open-threat exposure / BAC | ≤ 10 % | ≤ 20 % | > 20 % |
 * | quality | audit score (passed / applicable checks × 100) | ≥ 75 | ≥ 50 | < 50 |
 *
 * SPI(t) rather than SPI because cost-based SPI drifts to 1.00 as a late project completes (Lipke);
 * the 0.95 / 0.90 bands are the common PMO (and US federal EVMS variance) tripwires; a risk exposure
 * within 10 % of budget is what a typical contingency reserve covers; the audit bands mean "at most a
 * quarter of the checks fail" and "more than half fail".
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_RULES } from "@pmokit/core";
 * DEFAULT_HEALTH_RULES.map((r) => r.id); // ["schedule", "cost", "risk", "quality"]
 * ```
 * @category Health
 * @since 0.1.0
 */
export const DEFAULT_HEALTH_RULES: readonly HealthRule[] = [
  {
    id: "schedule",
    metric: "spit",
    fallbackMetric: "spi",
    direction: "higherIsBetter",
    green: 0.95,
    amber: 0.9,
  },
  { id: "cost", metric: "cpi", direction: "higherIsBetter", green: 0.95, amber: 0.9 },
  { id: "risk", metric: "riskExposureRatio", direction: "lowerIsBetter", green: 0.1, amber: 0.2 },
  { id: "quality", metric: "auditScore", direction: "higherIsBetter", green: 75, amber: 50 },
];

/**
 * How RAG statuses combine: `worst` (any red → red, else any amber → amber) or `weighted` (green = 1,
 * amber = 0.5, red = 0; weighted mean ≥ 0.8 → green, ≥ 0.5 → amber, else red).
 *
 * @category Health
 * @since 0.1.0
 */
export type RagCombination = "worst" | "weighted";

/**
 * Result of {@link assessHealth}.
 *
 * @category Health
 * @since 0.1.0
 */
export interface HealthAssessment {
  readonly rag: Rag;
  readonly combination: RagCombination;
  /** Weighted score 0..1 (also reported for `worst`). */
  readonly score: number;
  readonly rules: readonly {
    readonly id: string;
    readonly metric: string;
    readonly value: number | null;
    readonly rag: Rag | null;
    readonly reason: string;
  }[];
}

const POINTS: Readonly<Record<Rag, number>> = { green: 1, amber: 0.5, red: 0 };

function fromScore(s: number): Rag {
  return s >= 0.8 ? "green" : s >= 0.5 ? "amber" : "red";
}

/**
 * Combines RAG statuses with the `worst` or `weighted` rule ({@link RagCombination}).
 *
 * @param items - statuses with optional weights (default 1)
 * @param combination - `worst` (default) or `weighted`
 * @returns the combined status and the weighted score; green for an empty list
 * @example
 * ```ts
 * import { combineRag } from "@pmokit/core";
 * combineRag([{ rag: "green" }, { rag: "red" }]).rag; // "red"
 * combineRag([{ rag: "green", weight: 9 }, { rag: "red", weight: 1 }], "weighted").rag; // "green"
 * ```
 * @category Health
 * @since 0.1.0
 */
export function combineRag(
  items: readonly { readonly rag: Rag; readonly weight?: number }[],
  combination: RagCombination = "worst",
): { rag: Rag; score: number } {
  let w = 0;
  let s = 0;
  let worst: Rag = "green";
  for (const it of items) {
    const weight = it.weight ?? 1;
    if (!(weight >= 0))
      throw new PmokitError("INVALID_INPUT", `RAG weight must be >= 0, got ${weight}`, { expected: ">= 0" });
    w += weight;
    s += weight * POINTS[it.rag];
    if (it.rag === "red" || (it.rag === "amber" && worst === "green")) worst = it.rag;
  }
  const score = w === 0 ? 1 : s / w;
  return { rag: combination === "worst" ? worst : fromScore(score), score };
}

/**
 * Assesses health (RAG) from metrics with configurable rules.
 *
 * @param metrics - SPI, CPI, risk exposure, audit score, ...
 * @param options - rules (default {@link DEFAULT_HEALTH_RULES}) and combination (default `worst`)
 * @returns overall RAG, score and the status of each rule with its reason
 * @example
 * ```ts
 * import { assessHealth } from "@pmokit/core";
 * assessHealth({ spi: 0.92, cpi: 1.01, riskExposureRatio: 0.02, auditScore: 85 }).rag; // "amber"
 * ```
 * @category Health
 * @since 0.1.0
 */
export function assessHealth(
  metrics: HealthMetrics,
  options: { readonly rules?: readonly HealthRule[]; readonly combination?: RagCombination } = {},
): HealthAssessment {
  const rules = options.rules ?? DEFAULT_HEALTH_RULES;
  const combination = options.combination ?? "worst";
  const out: HealthAssessment["rules"][number][] = [];
  const rated: { rag: Rag; weight: number }[] = [];
  const usable = (x: number | null | undefined): x is number =>
    x !== undefined && x !== null && Number.isFinite(x);
  for (const r of rules) {
    let metric = r.metric;
    let v = metrics[metric];
    if (!usable(v) && r.fallbackMetric !== undefined) {
      metric = r.fallbackMetric;
      v = metrics[metric];
    }
    if (!usable(v)) {
      const miss = r.whenMissing ?? "ignore";
      out.push({
        id: r.id,
        metric,
        value: null,
        rag: miss === "ignore" ? null : miss,
        reason: `${r.metric}${r.fallbackMetric === undefined ? "" : ` and ${r.fallbackMetric}`} undefined`,
      });
      if (miss !== "ignore") rated.push({ rag: miss, weight: r.weight ?? 1 });
      continue;
    }
    const hi = r.direction === "higherIsBetter";
    const rag: Rag = hi
      ? v >= r.green
        ? "green"
        : v >= r.amber
          ? "amber"
          : "red"
      : v <= r.green
        ? "green"
        : v <= r.amber
          ? "amber"
          : "red";
    const op = hi ? ">=" : "<=";
    out.push({
      id: r.id,
      metric,
      value: v,
      rag,
      reason: `${metric} ${round(v)} (green ${op} ${r.green}, amber ${op} ${r.amber})${
        metric === r.metric ? "" : ` (${r.metric} undefined)`
      }`,
    });
    rated.push({ rag, weight: r.weight ?? 1 });
  }
  const c = combineRag(rated, combination);
  return { rag: c.rag, combination, score: c.score, rules: out };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Risk exposure of a project: Σ probability × cost impact of its open threats (opportunities and
 * risks without probability or cost impact are left out), in the project currency.
 *
 * @param project - the project
 * @returns the expected cost as a decimal number
 * @throws PmokitError `CURRENCY_MISMATCH` for a cost impact in another currency
 * @example
 * ```ts
 * import { riskExposure } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * riskExposure(p);
 * ```
 * @category Health
 * @since 0.1.0
 */
export function riskExposure(project: Project): number {
  let sum = 0;
  for (const r of project.risks) {
    if (r.kind !== "threat" || r.status !== "open" || r.probability === undefined) continue;
    const c: Money | undefined = r.impacts?.cost;
    if (c === undefined) continue;
    if (c.currency !== project.settings.currency)
      throw new PmokitError(
        "CURRENCY_MISMATCH",
        `risk '${r.id}': cost impact in ${c.currency}, project in ${project.settings.currency}`,
        {
          ids: [r.id],
          expected: project.settings.currency,
          received: c.currency,
        },
      );
    sum += r.probability * Number(c.amount);
  }
  return sum;
}

/**
 * Health of a project from its earned value, audit and risk register.
 *
 * @param project - the project (for the risk register)
 * @param inputs - EVM result and / or audit report (missing ones leave their rules out)
 * @param options - rules and combination
 * @returns the assessment and the metrics used
 * @example
 * ```ts
 * import { projectHealth, computeProjectEvm, auditProject } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * projectHealth(p, { evm: computeProjectEvm(p), audit: auditProject(p) }).rag;
 * ```
 * @category Health
 * @since 0.1.0
 */
export function projectHealth(
  project: Project,
  inputs: { readonly evm?: ProjectEvm; readonly audit?: AuditReport },
  options: { readonly rules?: readonly HealthRule[]; readonly combination?: RagCombination } = {},
): HealthAssessment & { readonly metrics: HealthMetrics } {
  const bac = inputs.evm ? Number(inputs.evm.bac.amount) : undefined;
  const exposure = riskExposure(project);
  const metrics: HealthMetrics = {
    spi: inputs.evm?.indicators.spi ?? null,
    cpi: inputs.evm?.indicators.cpi ?? null,
    spit: inputs.evm?.earnedSchedule?.spit ?? null,
    riskExposureRatio: bac !== undefined && bac > 0 ? exposure / bac : null,
    auditScore: inputs.audit?.score ?? null,
  };
  return { ...assessHealth(metrics, options), metrics };
}

/**
 * Health of a program or portfolio from its members' RAG (the `worst` rule by default; `weighted` uses
 * each member's weight, e.g. its BAC).
 *
 * @param id - id of the group
 * @param members - member id, RAG and weight
 * @param combination - `worst` (default) or `weighted`
 * @returns the group's RAG, score and members
 * @example
 * ```ts
 * import { rollupHealth } from "@pmokit/core";
 * rollupHealth("prg", [{ id: "a", rag: "green", weight: 100 }, { id: "b", rag: "amber", weight: 10 }], "weighted").rag; // "green"
 * ```
 * @category Health
 * @since 0.1.0
 */
export function rollupHealth(
  id: string,
  members: readonly { readonly id: string; readonly rag: Rag; readonly weight?: number }[],
  combination: RagCombination = "worst",
): {
  readonly id: string;
  readonly rag: Rag;
  readonly score: number;
  readonly combination: RagCombination;
  readonly members: readonly string[];
} {
  const c = combineRag(members, combination);
  return { id, rag: c.rag, score: c.score, combination, members: members.map((m) => m.id) };
}

/**
 * An immutable status snapshot of a project for one reporting period.
 *
 * @category Health
 * @since 0.1.0
 */
export interface StatusSnapshot {
  readonly projectId: string;
  /** Reporting period label, e.g. `2026-11` or `2026-W47`. */
  readonly period: string;
  readonly statusDate: string;
  readonly rag: Rag;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly bac?: Money;
  readonly pv?: Money;
  readonly ev?: Money;
  readonly ac?: Money;
  readonly eac?: Money | null;
  readonly auditScore?: number | null;
  readonly comment?: string;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as Record<string, unknown>)) deepFreeze(x);
  }
  return v;
}

/**
 * Creates a deep-frozen status snapshot (a copy; later changes to the inputs do not affect it).
 *
 * @param snapshot - the values
 * @returns the frozen snapshot
 * @example
 * ```ts
 * import { createStatusSnapshot } from "@pmokit/core";
 * const s = createStatusSnapshot({ projectId: "p", period: "2026-11", statusDate: "2026-11-20", rag: "green", metrics: {} });
 * Object.isFrozen(s); // true
 * ```
 * @category Health
 * @since 0.1.0
 */
export function createStatusSnapshot(snapshot: StatusSnapshot): StatusSnapshot {
  // snapshots are plain, serialisable data: a JSON round trip is a full deep copy
  return deepFreeze(JSON.parse(JSON.stringify(snapshot)) as StatusSnapshot);
}

/**
 * Appends a snapshot to a history without changing it: returns a new frozen array sorted by status
 * date. A second snapshot for the same project and period is rejected (snapshots are never
 * overwritten).
 *
 * @param history - existing snapshots
 * @param snapshot - the new one
 * @returns the new history
 * @throws PmokitError `DUPLICATE_ID` when the project already has a snapshot for that period
 * @example
 * ```ts
 * import { appendStatusSnapshot, createStatusSnapshot } from "@pmokit/core";
 * const h = appendStatusSnapshot([], createStatusSnapshot({ projectId: "p", period: "2026-11", statusDate: "2026-11-20", rag: "amber", metrics: {} }));
 * h.length; // 1
 * ```
 * @category Health
 * @since 0.1.0
 */
export function appendStatusSnapshot(
  history: readonly StatusSnapshot[],
  snapshot: StatusSnapshot,
): readonly StatusSnapshot[] {
  if (history.some((s) => s.projectId === snapshot.projectId && s.period === snapshot.period)) {
    throw new PmokitError(
      "DUPLICATE_ID",
      `project '${snapshot.projectId}' already has a status snapshot for period ${snapshot.period} (snapshots are immutable)`,
      { ids: [snapshot.projectId], expected: "a new period", received: snapshot.period },
    );
  }
  const frozen = Object.isFrozen(snapshot) ? snapshot : createStatusSnapshot(snapshot);
  return Object.freeze(
    [...history, frozen].sort((a, b) =>
      a.statusDate < b.statusDate ? -1 : a.statusDate > b.statusDate ? 1 : 0,
    ),
  );
}
