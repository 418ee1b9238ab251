import { inputError } from "../internal/errors.js";
import { amountToNumber } from "./amount.js";
import type { SelectionAmount } from "./amount.js";
import type { SelectionProblem, SelectionProject } from "./model.js";
import { selectPortfolio } from "./select.js";
import type { SelectPortfolioOptions, SelectionResult } from "./select.js";

/**
 * A saved scenario: a name, the problem it was computed from and its result (plain data; store it
 * as JSON).
 *
 * @category Scenarios
 * @since 0.1.0
 */
export interface Scenario {
  readonly name: string;
  readonly problem: SelectionProblem;
  readonly result: SelectionResult;
}

/**
 * Side-by-side comparison of scenarios.
 *
 * @category Scenarios
 * @since 0.1.0
 */
export interface ScenarioComparison {
  /** One row of metrics per scenario. */
  readonly metrics: {
    name: string;
    selectedCount: number;
    objective: number;
    /** Value as a share of all candidates' value (0..1). */
    valueShare: number;
    usage: Record<string, number>;
    optimal: boolean;
  }[];
  /** Per project: in which scenarios it is selected, and how many. */
  readonly projects: { id: string; selectedIn: string[]; count: number }[];
}

/**
 * Computes a scenario (solves the problem) and names it.
 *
 * @param name - scenario name
 * @param problem - the selection problem
 * @param options - solver options
 * @returns the saved scenario
 * @throws PmokitError as {@link selectPortfolio}
 * @example
 * ```ts
 * import { createScenario } from "@pmokit/portfolio";
 * const s = await createScenario("baseline", { projects: [{ id: "A", value: 1 }] });
 * s.result.selected; // ["A"]
 * ```
 * @category Scenarios
 * @since 0.1.0
 */
export async function createScenario(
  name: string,
  problem: SelectionProblem,
  options: SelectPortfolioOptions = {},
): Promise<Scenario> {
  return { name, problem, result: await selectPortfolio(problem, options) };
}

/**
 * Compares scenarios side by side: metrics per scenario and, per project, the scenarios selecting it
 * ("selected in k of N").
 *
 * @param scenarios - saved scenarios
 * @returns the comparison
 * @example
 * ```ts
 * import { compareScenarios, createScenario } from "@pmokit/portfolio";
 * const p = { projects: [{ id: "A", value: 2, costs: { b: 2 } }, { id: "B", value: 1, costs: { b: 1 } }], limits: { b: 2 } };
 * const c = compareScenarios([await createScenario("tight", p), await createScenario("loose", { ...p, limits: { b: 3 } })]);
 * c.projects; // [{ id: "A", selectedIn: ["tight", "loose"], count: 2 }, { id: "B", selectedIn: ["loose"], count: 1 }]
 * ```
 * @category Scenarios
 * @since 0.1.0
 */
export function compareScenarios(scenarios: readonly Scenario[]): ScenarioComparison {
  const metrics = scenarios.map((s) => {
    const total = s.problem.projects.reduce((a, p) => a + (p.force === "out" ? 0 : p.value), 0);
    return {
      name: s.name,
      selectedCount: s.result.selected.length,
      objective: s.result.objective,
      valueShare: total > 0 ? s.result.objective / total : 0,
      usage: s.result.usage,
      optimal: s.result.optimal,
    };
  });
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const s of scenarios)
    for (const p of s.problem.projects)
      if (!seen.has(p.id)) {
        seen.add(p.id);
        ids.push(p.id);
      }
  const projects = ids.map((id) => {
    const selectedIn = scenarios.filter((s) => s.result.selected.includes(id)).map((s) => s.name);
    return { id, selectedIn, count: selectedIn.length };
  });
  return { metrics, projects };
}

/**
 * A what-if change: terminate a project (force it out), accelerate one (start `periods` earlier,
 * forced in at that start), force a project in or out, or change a limit.
 *
 * @category Scenarios
 * @since 0.1.0
 */
export type WhatIfChange =
  | { readonly type: "terminate"; readonly id: string }
  | { readonly type: "accelerate"; readonly id: string; readonly periods: number }
  | { readonly type: "force"; readonly id: string; readonly force: "in" | "out" | "auto" }
  | { readonly type: "limit"; readonly name: string; readonly value: SelectionAmount };

/**
 * Result of {@link whatIf}.
 *
 * @category Scenarios
 * @since 0.1.0
 */
export interface WhatIfResult {
  readonly baseline: SelectionResult;
  readonly scenario: SelectionResult;
  readonly problem: SelectionProblem;
  /** Budget and capacity released by the change before re-optimising (terminate: the project's costs). */
  readonly freed: Record<string, number>;
  /** Value change after re-optimising (scenario − baseline). */
  readonly valueDelta: number;
  /** Usage change per limit (scenario − baseline). */
  readonly usageDelta: Record<string, number>;
  readonly added: string[];
  readonly removed: string[];
}

function applyChange(problem: SelectionProblem, change: WhatIfChange): SelectionProblem {
  if (change.type === "limit") {
    if (!problem.limits || !Object.hasOwn(problem.limits, change.name))
      inputError(
        "change.name",
        `a limit name (${Object.keys(problem.limits ?? {}).join(", ")})`,
        change.name,
        "DANGLING_REFERENCE",
      );
    return { ...problem, limits: { ...problem.limits, [change.name]: change.value } };
  }
  const j = problem.projects.findIndex((p) => p.id === change.id);
  if (j < 0) inputError("change.id", "the id of a project in projects", change.id, "DANGLING_REFERENCE");
  const edit = (f: (p: SelectionProject) => SelectionProject): SelectionProblem => ({
    ...problem,
    projects: problem.projects.map((p, i) => (i === j ? f(p) : p)),
  });
  const unforced = (p: SelectionProject): SelectionProject => {
    const { force: _f, ...rest } = p;
    return rest;
  };
  switch (change.type) {
    case "terminate":
      return edit((p) => ({ ...p, force: "out" }));
    case "force":
      return edit((p) => (change.force === "auto" ? unforced(p) : { ...p, force: change.force }));
    case "accelerate": {
      if (!Number.isInteger(change.periods) || change.periods < 1)
        inputError("change.periods", "a positive whole number of periods", change.periods);
      const p0 = problem.projects[j]!;
      const s = (p0.start ?? 0) - change.periods;
      if (s < 0)
        inputError(
          "change.periods",
          `at most ${p0.start ?? 0} (the project starts in period ${p0.start ?? 0})`,
          change.periods,
        );
      return edit((p) => {
        const { shift: _s, ...rest } = p;
        return { ...rest, start: s, force: "in" };
      });
    }
  }
}

/**
 * Runs a what-if against a baseline: applies the change, re-optimises, and reports the freed budget
 * and capacity, the value effect and which projects enter or leave.
 *
 * @param problem - the baseline problem
 * @param change - the change to evaluate
 * @param options - solver options (and an already computed `baseline` to skip one solve)
 * @returns baseline and scenario results with deltas
 * @throws PmokitError `DANGLING_REFERENCE` for an unknown project or limit; as {@link selectPortfolio}
 * @example
 * ```ts
 * import { whatIf } from "@pmokit/portfolio";
 * const w = await whatIf(
 *   { projects: [{ id: "A", value: 3, costs: { b: 2 } }, { id: "B", value: 2, costs: { b: 2 } }], limits: { b: 2 } },
 *   { type: "terminate", id: "A" });
 * w.freed; // { b: 2 }; w.added: ["B"]; w.valueDelta: -1
 * ```
 * @category Scenarios
 * @since 0.1.0
 */
export async function whatIf(
  problem: SelectionProblem,
  change: WhatIfChange,
  options: SelectPortfolioOptions & { readonly baseline?: SelectionResult } = {},
): Promise<WhatIfResult> {
  const baseline = options.baseline ?? (await selectPortfolio(problem, options));
  const changed = applyChange(problem, change);
  const scenario = await selectPortfolio(changed, options);
  const freed: Record<string, number> = {};
  if (change.type === "terminate" && baseline.selected.includes(change.id)) {
    const p = problem.projects.find((q) => q.id === change.id)!;
    for (const [k, v] of Object.entries(p.costs ?? {})) freed[k] = amountToNumber(v);
    const s = baseline.starts[p.id] ?? p.start ?? 0;
    for (const [k, cap] of Object.entries(problem.capacities ?? {})) {
      const prof = p.demand?.[k] ?? [];
      const total = prof.reduce((a, v, q) => a + (s + q < cap.length ? v : 0), 0);
      if (total > 0) freed[k] = total;
    }
  }
  const usageDelta: Record<string, number> = {};
  for (const k of new Set([...Object.keys(baseline.usage), ...Object.keys(scenario.usage)]))
    usageDelta[k] = (scenario.usage[k] ?? 0) - (baseline.usage[k] ?? 0);
  return {
    baseline,
    scenario,
    problem: changed,
    freed,
    valueDelta: scenario.objective - baseline.objective,
    usageDelta,
    added: scenario.selected.filter((id) => !baseline.selected.includes(id)),
    removed: baseline.selected.filter((id) => !scenario.selected.includes(id)),
  };
}
