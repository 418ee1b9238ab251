import { isPmokitError } from "@pmokit/core";
import { inputError } from "../internal/errors.js";
import { amountToNumber, parseAmount, scaleTo } from "./amount.js";
import { compileSelection } from "./model.js";
import type { CompiledModel, Row, SelectionProblem } from "./model.js";
import { solveSelectionModel } from "./select.js";
import type { SelectPortfolioOptions, SelectionResult } from "./select.js";

/**
 * Options of {@link computeEfficientFrontier}.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface EfficientFrontierOptions extends SelectPortfolioOptions {
  /** The limit to sweep (the primary cost constraint), a key of `limits`. */
  readonly constraint: string;
  /**
   * Budgets to solve for (numbers or decimal strings); or use `steps` for an even grid up to the
   * total cost of all projects.
   */
  readonly budgets?: readonly (number | string)[];
  /** Number of grid points when `budgets` is absent (default 20). */
  readonly steps?: number;
}

/**
 * One point of the efficient frontier.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface FrontierPoint {
  readonly budget: number;
  /** `false` when the forced projects do not fit this budget. */
  readonly feasible: boolean;
  readonly objective: number;
  /** Value as a share of the value of all candidate projects (PWA's "strategic value", 0..1). */
  readonly valueShare: number;
  /** Cost actually used on the swept constraint. */
  readonly cost: number;
  /** The same, exact, as a decimal string. */
  readonly costAmount: string;
  readonly selected: string[];
  readonly optimal: boolean;
  /** Relative gap of an unproven point (0 when optimal). */
  readonly gap: number;
  /** Whether a cheaper budget on the grid already reached the same value (a flat step). */
  readonly dominated: boolean;
}

/**
 * The efficient frontier: the optimal portfolio for each budget of a sweep of one limit (PWA's cost
 * analysis chart). Other limits, capacities, relations and forcing stay as in the problem.
 *
 * @param problem - the selection problem
 * @param options - the swept constraint and budgets
 * @returns one point per budget, in increasing budget order
 * @throws PmokitError `INVALID_INPUT` for an unknown constraint; input codes as {@link selectPortfolio}
 * @example
 * ```ts
 * import { computeEfficientFrontier } from "@pmokit/portfolio";
 * const f = await computeEfficientFrontier(
 *   { projects: [{ id: "A", value: 5, costs: { budget: 3 } }, { id: "B", value: 4, costs: { budget: 2 } }], limits: { budget: 5 } },
 *   { constraint: "budget", budgets: [0, 2, 3, 5] });
 * f.map((p) => p.objective); // [0, 4, 5, 9]
 * ```
 * @category Selection
 * @since 0.1.0
 */
export async function computeEfficientFrontier(
  problem: SelectionProblem,
  options: EfficientFrontierOptions,
): Promise<FrontierPoint[]> {
  const k = options.constraint;
  if (!problem.limits || !Object.hasOwn(problem.limits, k))
    inputError("constraint", `a limit name (${Object.keys(problem.limits ?? {}).join(", ")})`, k);
  let budgets: number[];
  const budgetText = new Map<number, string | number>();
  if (options.budgets) {
    budgets = options.budgets.map((b, i) => {
      parseAmount(b, `budgets[${i}]`);
      const v = amountToNumber(b);
      budgetText.set(v, b);
      return v;
    });
  } else {
    const total = problem.projects.reduce(
      (s, p) => s + (p.force === "out" ? 0 : amountToNumber(p.costs?.[k])),
      0,
    );
    const steps = options.steps ?? 20;
    if (!Number.isInteger(steps) || steps < 1)
      inputError("steps", "a positive whole number of grid points", steps);
    budgets = Array.from({ length: steps }, (_, i) => (total * (i + 1)) / steps);
  }
  budgets.sort((a, b) => a - b);
  const totalValue = problem.projects.reduce((s, p) => s + (p.force === "out" ? 0 : p.value), 0);
  // Compile once; each point only changes the right-hand side of the swept limit row.
  const base = compileSelection(problem);
  const rowIndex = base.rows.findIndex((r) => r.kind === "limit" && r.name === k);
  const scale = base.amounts.get(k)!;
  const points: FrontierPoint[] = [];
  let prevValue = -Infinity;
  let prev: SelectionResult | undefined;
  for (const budget of budgets) {
    const given = budgetText.get(budget) ?? budget;
    const rhs = scale.exact
      ? Number(scaleTo(parseAmount(typeof given === "number" ? budget : given, "budgets"), scale.digits))
      : budget;
    const model: CompiledModel =
      rowIndex < 0
        ? base
        : {
            ...base,
            rows: base.rows.map((r, i): Row => (i === rowIndex ? { ...r, rhs } : r)),
            amounts: new Map(base.amounts).set(k, {
              ...scale,
              limit: scale.exact ? BigInt(rhs) : null,
            }),
          };
    let r: SelectionResult | undefined;
    try {
      r = await solveSelectionModel(
        { ...problem, limits: { ...problem.limits, [k]: given } },
        model,
        {
          ...options,
          explain: false,
          // The previous optimum stays feasible when the budget grows: a larger budget never scores lower.
          ...(prev ? { warmStart: { selected: prev.selected, starts: prev.starts } } : {}),
        },
        Date.now(),
      );
    } catch (e) {
      if (!(isPmokitError(e) && e.code === "INFEASIBLE")) throw e;
    }
    if (!r) {
      points.push({
        budget,
        feasible: false,
        objective: 0,
        valueShare: 0,
        cost: 0,
        costAmount: "0",
        selected: [],
        optimal: true,
        gap: 0,
        dominated: false,
      });
      continue;
    }
    points.push({
      budget,
      feasible: true,
      objective: r.objective,
      valueShare: totalValue > 0 ? r.objective / totalValue : 0,
      cost: r.usage[k] ?? 0,
      costAmount: r.totals[k]?.used ?? "0",
      selected: r.selected,
      optimal: r.optimal,
      gap: r.gap,
      dominated: r.objective <= prevValue + 1e-9,
    });
    prevValue = Math.max(prevValue, r.objective);
    prev = r;
  }
  return points;
}

/**
 * Strategic alignment of a selection: for each business driver, the share of the portfolio's driver
 * contribution that the selection serves, and the spend (on one cost) attributed to the driver in
 * proportion to each selected project's driver contributions.
 *
 * @param problem - the selection problem (projects with `drivers` contributions)
 * @param selected - the selected project ids
 * @param cost - the cost to attribute (a key of `costs`)
 * @returns per driver: contribution served, total available, share, attributed spend
 * @example
 * ```ts
 * import { strategicAlignment } from "@pmokit/portfolio";
 * strategicAlignment({ projects: [{ id: "A", value: 1, costs: { budget: 10 }, drivers: { growth: 2, risk: 2 } }] }, ["A"], "budget");
 * // [{ driver: "growth", served: 2, total: 2, share: 1, spend: 5 }, { driver: "risk", ... spend: 5 }]
 * ```
 * @category Selection
 * @since 0.1.0
 */
export function strategicAlignment(
  problem: SelectionProblem,
  selected: readonly string[],
  cost?: string,
): { driver: string; served: number; total: number; share: number; spend: number }[] {
  const sel = new Set(selected);
  const acc = new Map<string, { served: number; total: number; spend: number }>();
  for (const p of problem.projects) {
    const d = p.drivers ?? {};
    const sum = Object.values(d).reduce((s, v) => s + v, 0);
    for (const [k, v] of Object.entries(d)) {
      const a = acc.get(k) ?? { served: 0, total: 0, spend: 0 };
      a.total += v;
      if (sel.has(p.id)) {
        a.served += v;
        if (cost !== undefined && sum > 0) a.spend += (amountToNumber(p.costs?.[cost]) * v) / sum;
      }
      acc.set(k, a);
    }
  }
  return [...acc].map(([driver, a]) => ({ driver, ...a, share: a.total > 0 ? a.served / a.total : 0 }));
}
