import { PmokitError } from "@pmokit/core";
import { solveBranchAndBound } from "./bnb.js";
import type { SolverEscalation, SolverOutcome } from "./bnb.js";
import { solveWithHighs } from "./highs.js";
import type { HighsLoaderOptions } from "./highs.js";
import { amountToNumber, formatScaled } from "./amount.js";
import { compileSelection, violatedRows } from "./model.js";
import type { CompiledModel, SelectionProblem } from "./model.js";

/**
 * Which exact solver to use. `"auto"` (default) runs the TypeScript LP-based branch and bound (dual
 * simplex bounds, no WebAssembly) on models with at most {@link BNB_MAX_ROWS} rows (limits, capacity
 * periods, relations) under a node budget ({@link defaultBnbNodeBudget}); when that budget runs out
 * before the optimum is proven, HiGHS (WebAssembly, loaded on first use) continues from the best
 * selection found, with the remaining time. Larger models go to HiGHS directly. `"bnb"` only the
 * TypeScript solver (no budget); `"highs"` only HiGHS.
 *
 * @category Selection
 * @since 0.1.0
 */
export type SelectionSolver = "auto" | "bnb" | "highs";

/**
 * Row count up to which `solver: "auto"` uses the TypeScript branch and bound (its dense basis
 * inverse costs rows² per simplex pivot); HiGHS above.
 *
 * @example
 * ```ts
 * import { BNB_MAX_ROWS } from "@pmokit/portfolio";
 * BNB_MAX_ROWS; // 600
 * ```
 * @category Selection
 * @since 0.2.0
 */
export const BNB_MAX_ROWS = 600;

/**
 * A known selection to start from (e.g. the optimum at a smaller budget): used as the first
 * incumbent when it satisfies every constraint, ignored otherwise.
 *
 * @example
 * ```ts
 * import { selectPortfolio } from "@pmokit/portfolio";
 * const problem = { projects: [{ id: "A", value: 3, costs: { b: 2 } }, { id: "B", value: 2, costs: { b: 2 } }], limits: { b: 4 } };
 * await selectPortfolio(problem, { warmStart: { selected: ["A"] } }); // starts from {A}, proves {A, B}
 * ```
 * @category Selection
 * @since 0.2.0
 */
export interface SelectionWarmStart {
  readonly selected: readonly string[];
  /** Start period per selected project (default: its planned start). */
  readonly starts?: Readonly<Record<string, number>>;
}

/**
 * Exact total of one cost / limit name, as decimal strings (money crosses the API as strings).
 *
 * @example
 * ```ts
 * import { selectPortfolio } from "@pmokit/portfolio";
 * const r = await selectPortfolio({
 *   projects: [{ id: "A", value: 1, costs: { capex: { amount: "99.95", currency: "EUR" } } }],
 *   limits: { capex: { amount: "100", currency: "EUR" } },
 * });
 * r.totals.capex; // { used: "99.95", limit: "100.00", remaining: "0.05", currency: "EUR", exact: true }
 * ```
 * @category Selection
 * @since 0.2.0
 */
export interface SelectionTotal {
  /** Σ cost of the selected projects, with as many decimals as the inputs of this name use. */
  readonly used: string;
  /** The limit, when the name has one. */
  readonly limit?: string;
  /** limit − used. */
  readonly remaining?: string;
  /** Currency, when the amounts were given as Money. */
  readonly currency?: string;
  /** `false` when plain numbers with more than 12 decimals forced floating-point sums. */
  readonly exact: boolean;
}

/**
 * Options of {@link selectPortfolio}.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface SelectPortfolioOptions {
  readonly solver?: SelectionSolver;
  /** Wall-clock limit in seconds (default: none). */
  readonly timeLimit?: number;
  /** HiGHS loader options (bundlers). */
  readonly highs?: HighsLoaderOptions;
  /** Explain an infeasible forced set (default true; costs extra solves). */
  readonly explain?: boolean;
  /** A selection to start from (first incumbent when feasible). */
  readonly warmStart?: SelectionWarmStart;
  /**
   * `solver: "auto"` only: nodes the TypeScript branch and bound may explore before HiGHS takes over
   * from its best selection (default {@link defaultBnbNodeBudget}).
   */
  readonly bnbNodeBudget?: number;
}

/**
 * Decision per project, as PWA's committed decision: Selected / Unselected / ForcedIn / ForcedOut.
 *
 * @category Selection
 * @since 0.1.0
 */
export type SelectionDecision = "selected" | "unselected" | "forced-in" | "forced-out";

/**
 * Result of {@link selectPortfolio}: the `pmokit select` output plus details.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface SelectionResult {
  /** Selected project ids, in input order. */
  readonly selected: string[];
  /** Total value of the selection. */
  readonly objective: number;
  /** Whether the selection is proven optimal. */
  readonly optimal: boolean;
  /** Best proven upper bound on the optimum. */
  readonly bound: number;
  /** Relative gap (bound − objective)/bound; 0 when optimal. */
  readonly gap: number;
  /** Sum of the selected projects' costs per limit (as numbers; exact values in `totals`). */
  readonly usage: Record<string, number>;
  /** Limits as numbers (exact values in `totals`). */
  readonly limits: Record<string, number>;
  /** Exact totals per cost / limit name as decimal strings (with the currency for Money inputs). */
  readonly totals: Record<string, SelectionTotal>;
  /** Per capacity name, per period: demand of the selection at the chosen starts. */
  readonly capacityUsage: Record<string, number[]>;
  /** Chosen start period per selected project. */
  readonly starts: Record<string, number>;
  /** Projects whose start was shifted from their planned start. */
  readonly shifted: { id: string; from: number; to: number }[];
  readonly decisions: Record<string, SelectionDecision>;
  /** The solver that produced (and, when `optimal`, proved) the selection. */
  readonly solver: "bnb" | "highs";
  /** Branch-and-bound nodes, both solvers together when `auto` escalated. */
  readonly nodes: number;
  /** Wall-clock milliseconds of the whole call (both solvers, compilation and re-check). */
  readonly timeMs: number;
  /**
   * Present when `solver: "auto"` ran the TypeScript branch and bound to its node budget and then
   * handed its best selection to HiGHS (`solver` is then `"highs"`).
   */
  readonly escalatedFrom?: SolverEscalation;
  readonly warnings: string[];
}

/**
 * A constraint that takes part in an infeasible forced set.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface InfeasibilityExplanation {
  /** The forced-in projects that cannot all be selected together (minimal set). */
  readonly projects: string[];
  /** The limits, capacities (`name@period`) and relations (`relations[i]`, `force-out`) they conflict with. */
  readonly constraints: string[];
  readonly message: string;
}

/**
 * Work budget of the TypeScript branch and bound under `solver: "auto"`, in units of
 * rows × (rows + columns) per node (the cost of one dual simplex pivot with the dense basis inverse).
 */
const BNB_AUTO_WORK = 5e8;

/**
 * Default node budget of the TypeScript branch and bound under `solver: "auto"` before HiGHS takes
 * over: ⌊5·10⁸ / (rows × (rows + columns))⌋, at least 1,000 (about 950,000 nodes on a 100 × 5
 * knapsack, 2,100 on a 991-column × 195-row portfolio). Node counts, not time, so the switch is
 * deterministic.
 *
 * @param rows - rows of the compiled model (limits, capacity periods, relations)
 * @param columns - columns of the compiled model (project × start)
 * @returns the node budget
 * @example
 * ```ts
 * import { defaultBnbNodeBudget } from "@pmokit/portfolio";
 * defaultBnbNodeBudget(5, 100); // 952380
 * ```
 * @category Selection
 * @since 0.2.0
 */
export function defaultBnbNodeBudget(rows: number, columns: number): number {
  const m = Math.max(1, rows);
  return Math.max(1000, Math.floor(BNB_AUTO_WORK / (m * (m + Math.max(0, columns)))));
}

interface SolveSettings {
  readonly solver: SelectionSolver;
  readonly timeLimitMs: number | undefined;
  readonly loader: HighsLoaderOptions | undefined;
  readonly incumbent?: Uint8Array | undefined;
  readonly nodeBudget?: number | undefined;
}

function objectiveOf(model: CompiledModel, x: Uint8Array): number {
  let v = 0;
  for (let c = 0; c < model.n; c++) if (x[c]) v += model.value[c]!;
  return v;
}

async function runHighs(
  model: CompiledModel,
  timeLimitMs: number | undefined,
  loader: HighsLoaderOptions | undefined,
  incumbent: Uint8Array | undefined,
): Promise<SolverOutcome> {
  const start = incumbent && violatedRows(model, incumbent).length === 0 ? incumbent : undefined;
  const h = await solveWithHighs(model, {
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(loader ? { loader } : {}),
    ...(start ? { incumbent: start } : {}),
  });
  // Keep a better feasible start selection when HiGHS stops early.
  if (start && h.status !== "optimal" && h.status !== "infeasible") {
    const v = objectiveOf(model, start);
    if (h.x === null || v > h.objective)
      return { ...h, status: "feasible", x: start, objective: v, bound: Math.max(v, h.bound) };
  }
  return h;
}

async function solve(model: CompiledModel, s: SolveSettings): Promise<SolverOutcome> {
  const { solver, timeLimitMs, loader, incumbent } = s;
  if (solver === "highs" || (solver === "auto" && model.rows.length > BNB_MAX_ROWS))
    return runHighs(model, timeLimitMs, loader, incumbent);
  if (solver === "bnb")
    return solveBranchAndBound(model, {
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
      ...(incumbent ? { incumbent } : {}),
    });
  // auto: the TypeScript branch and bound under a node budget, then HiGHS from its incumbent.
  const t0 = Date.now();
  const nodeLimit = s.nodeBudget ?? defaultBnbNodeBudget(model.rows.length, model.n);
  const b = solveBranchAndBound(model, {
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(incumbent ? { incumbent } : {}),
    nodeLimit,
  });
  if (b.status === "optimal" || b.status === "infeasible" || b.nodes <= nodeLimit) return b;
  const bnbMs = Date.now() - t0;
  const rest = timeLimitMs === undefined ? undefined : timeLimitMs - bnbMs;
  if (rest !== undefined && rest <= 0) return b;
  const h = await runHighs(model, rest, loader, b.x ?? incumbent);
  const escalated = { nodes: b.nodes, timeMs: bnbMs, objective: b.x ? b.objective : null };
  if (h.status === "optimal" || h.status === "infeasible")
    return { ...h, nodes: b.nodes + h.nodes, escalatedFrom: escalated };
  // Neither proved it: the better selection and the tighter of the two proven bounds.
  const best = b.x !== null && (h.x === null || b.objective > h.objective) ? b : h;
  return {
    ...best,
    status: best.x === null ? "unknown" : "feasible",
    bound: Math.max(best.objective, Math.min(b.bound, h.bound)),
    nodes: b.nodes + h.nodes,
    solver: "highs",
    escalatedFrom: escalated,
  };
}

/** 0/1 column vector of a warm start (null when it names unknown projects or starts). */
export function warmStartColumns(
  model: CompiledModel,
  problem: SelectionProblem,
  w: SelectionWarmStart,
): Uint8Array | null {
  const sel = new Set(w.selected);
  const x = new Uint8Array(model.n);
  let hit = 0;
  for (let c = 0; c < model.n; c++) {
    const p = problem.projects[model.colProject[c]!]!;
    if (!sel.has(p.id)) continue;
    if (model.colStart[c] === (w.starts?.[p.id] ?? p.start ?? 0)) {
      x[c] = 1;
      hit++;
    }
  }
  return hit === sel.size ? x : null;
}

function restrictToForced(
  problem: SelectionProblem,
  forced: ReadonlySet<string>,
  dropRows?: ReadonlySet<string>,
): SelectionProblem {
  return {
    ...problem,
    projects: problem.projects.map((p) =>
      p.force === "in" && !forced.has(p.id) ? (({ force: _f, ...rest }) => rest)(p) : p,
    ),
    ...(dropRows
      ? { relations: (problem.relations ?? []).filter((_, i) => !dropRows.has(`relations[${i}]`)) }
      : {}),
    ...(dropRows && problem.limits
      ? { limits: Object.fromEntries(Object.entries(problem.limits).filter(([k]) => !dropRows.has(k))) }
      : {}),
    ...(dropRows && problem.capacities
      ? {
          capacities: Object.fromEntries(
            Object.entries(problem.capacities).filter(([k]) => !dropRows.has(k)),
          ),
        }
      : {}),
  };
}

async function feasible(problem: SelectionProblem, loader: HighsLoaderOptions | undefined): Promise<boolean> {
  // Feasibility only: value 0 everywhere, so any feasible point is optimal at once.
  const model = compileSelection({ ...problem, projects: problem.projects.map((p) => ({ ...p, value: 0 })) });
  const r = await solve(model, { solver: "auto", timeLimitMs: 30_000, loader });
  return r.status !== "infeasible";
}

/**
 * Explains why the forced-in projects cannot be selected together: a minimal subset of forced-in
 * projects that is infeasible on its own (deletion filter), and the limits, capacities and relations
 * without which that subset would fit.
 *
 * @param problem - a selection problem whose forced set is infeasible
 * @param options - HiGHS loader options
 * @returns the conflicting projects and constraints, or `null` when the problem is feasible
 * @throws PmokitError input codes as {@link selectPortfolio}
 * @example
 * ```ts
 * import { explainInfeasibility } from "@pmokit/portfolio";
 * const why = await explainInfeasibility({
 *   projects: [{ id: "A", value: 1, costs: { budget: 6 }, force: "in" }, { id: "B", value: 1, costs: { budget: 6 }, force: "in" }],
 *   limits: { budget: 10 } });
 * why?.projects; // ["A", "B"]; why?.constraints: ["budget"]
 * ```
 * @category Selection
 * @since 0.1.0
 */
export async function explainInfeasibility(
  problem: SelectionProblem,
  options: { readonly highs?: HighsLoaderOptions } = {},
): Promise<InfeasibilityExplanation | null> {
  const loader = options.highs;
  const forcedAll = problem.projects.filter((p) => p.force === "in").map((p) => p.id);
  if (await feasible(problem, loader)) return null;
  // Deletion filter over forced-in projects.
  const keep = new Set(forcedAll);
  for (const id of forcedAll) {
    keep.delete(id);
    if (await feasible(restrictToForced(problem, keep), loader)) keep.add(id);
  }
  const base = restrictToForced(problem, keep);
  // Which constraints matter: those whose removal makes the reduced problem feasible.
  const candidates: string[] = [
    ...Object.keys(problem.limits ?? {}),
    ...Object.keys(problem.capacities ?? {}),
    ...(problem.relations ?? []).map((_, i) => `relations[${i}]`),
  ];
  const constraints: string[] = [];
  for (const name of candidates) {
    if (await feasible(restrictToForced(base, keep, new Set([name])), loader))
      constraints.push(describeConstraint(problem, name));
  }
  const forcedOut = problem.projects.filter((p) => p.force === "out").map((p) => p.id);
  if (forcedOut.length > 0) {
    const released = {
      ...base,
      projects: base.projects.map((p) => (p.force === "out" ? (({ force: _f, ...r }) => r)(p) : p)),
    };
    if (await feasible(released, loader)) constraints.push(`force-out (${forcedOut.join(", ")})`);
  }
  const projects = forcedAll.filter((id) => keep.has(id));
  const message =
    `forced-in projects ${projects.join(", ") || "(none)"} cannot all be selected` +
    (constraints.length > 0
      ? `: they conflict with ${constraints.join("; ")}`
      : " (jointly infeasible constraints)");
  return { projects, constraints, message };
}

function describeConstraint(problem: SelectionProblem, name: string): string {
  const rel = /^relations\[(\d+)\]$/.exec(name);
  if (rel) {
    const r = problem.relations?.[Number(rel[1])];
    if (!r) return name;
    return r.type === "exclusive"
      ? `${name} (exclusive ${r.ids.join(", ")})`
      : `${name} (${r.a} ${r.type} ${r.b})`;
  }
  if (problem.limits && Object.hasOwn(problem.limits, name)) {
    const used = problem.projects
      .filter((p) => p.force === "in")
      .reduce((s, p) => s + amountToNumber(p.costs?.[name]), 0);
    return `limit ${name} = ${amountToNumber(problem.limits[name])} (forced projects need ${round(used)})`;
  }
  return `capacity ${name}`;
}

/**
 * Checks a selection against every limit, capacity, relation and force rule of the problem.
 *
 * @param problem - the selection problem
 * @param selected - selected project ids
 * @param starts - chosen start per project (default: planned start)
 * @returns violated constraints as readable strings (empty when feasible)
 * @throws PmokitError input codes as {@link selectPortfolio}, `DANGLING_REFERENCE` for unknown ids
 * @example
 * ```ts
 * import { verifySelection } from "@pmokit/portfolio";
 * verifySelection({ projects: [{ id: "A", value: 1, costs: { budget: 5 } }], limits: { budget: 4 } }, ["A"]);
 * // ["limit budget: 5 > 4"]
 * ```
 * @category Selection
 * @since 0.1.0
 */
export function verifySelection(
  problem: SelectionProblem,
  selected: readonly string[],
  starts: Readonly<Record<string, number>> = {},
): string[] {
  const model = compileSelection(problem);
  const sel = new Set(selected);
  const known = new Set(model.ids);
  for (const id of sel)
    if (!known.has(id))
      throw new PmokitError("DANGLING_REFERENCE", `selected: unknown project '${id}'`, {
        path: "selected",
        expected: "project ids",
        received: id,
      });
  const out: string[] = [];
  const x = new Uint8Array(model.n);
  const hit = new Set<string>();
  for (let c = 0; c < model.n; c++) {
    const p = problem.projects[model.colProject[c]!]!;
    if (!sel.has(p.id)) continue;
    const s = starts[p.id] ?? p.start ?? 0;
    if (model.colStart[c] === s) {
      x[c] = 1;
      hit.add(p.id);
    }
  }
  for (const p of problem.projects) {
    if (sel.has(p.id) && p.force === "out") out.push(`force: ${p.id} is forced out but selected`);
    else if (sel.has(p.id) && !hit.has(p.id))
      out.push(`start: ${p.id} starts at a period outside its allowed shift`);
    if (!sel.has(p.id) && p.force === "in") out.push(`force: ${p.id} is forced in but not selected`);
  }
  for (const r of violatedRows(model, x)) {
    if (r.kind === "force") continue;
    let s = 0;
    for (let k = 0; k < r.idx.length; k++) s += r.val[k]! * x[r.idx[k]!]!;
    if (r.kind === "limit")
      out.push(`limit ${r.name}: ${round(s / (r.scale ?? 1))} > ${round(r.rhs / (r.scale ?? 1))}`);
    else if (r.kind === "capacity")
      out.push(`capacity ${r.name} in period ${r.period}: ${round(s)} > ${r.rhs}`);
    else if (r.kind === "relation") {
      const rel = problem.relations?.[Number(r.name)];
      out.push(
        `relations[${r.name}] ${rel ? (rel.type === "exclusive" ? `exclusive ${rel.ids.join(", ")}` : `${rel.a} ${rel.type} ${rel.b}`) : ""} violated`,
      );
    } else out.push(`${r.kind} ${r.name} violated`);
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/**
 * Chooses the set of projects with the largest total value that respects every limit (Σ costs ≤
 * limit), per-period capacity (demand at the chosen start), relation (requires, excludes, mutual
 * inclusion, exclusive groups) and force rule, shifting starts within each project's allowed window
 * when that helps. Exact: the TypeScript branch and bound or HiGHS (see {@link SelectionSolver});
 * every returned selection is re-checked against the constraints. When the time limit stops the
 * search, the best feasible selection is returned with `optimal: false` and the gap.
 *
 * @param problem - projects, limits, capacities and relations
 * @param options - solver, time limit, HiGHS loader options
 * @returns the selection, its value, usage per limit, proof status and gap
 * @throws PmokitError input codes (`INVALID_INPUT`, `DUPLICATE_ID`, `DANGLING_REFERENCE`) naming the
 *   JSON path; `INFEASIBLE` when the forced projects cannot be selected together (details name the
 *   conflicting projects in `ids` and the constraints in `constraints`)
 * @example
 * ```ts
 * import { selectPortfolio } from "@pmokit/portfolio";
 * const r = await selectPortfolio({
 *   projects: [
 *     { id: "A", value: 10, costs: { budget: 6 } },
 *     { id: "B", value: 7, costs: { budget: 4 } },
 *     { id: "C", value: 6, costs: { budget: 4 } },
 *   ],
 *   limits: { budget: 8 },
 * });
 * r.selected; // ["B", "C"]; r.objective === 13; r.optimal === true
 * ```
 * @category Selection
 * @since 0.1.0
 */
export async function selectPortfolio(
  problem: SelectionProblem,
  options: SelectPortfolioOptions = {},
): Promise<SelectionResult> {
  const t0 = Date.now();
  return solveSelectionModel(problem, compileSelection(problem), options, t0);
}

/**
 * Solves an already compiled problem (the efficient frontier re-uses one compiled model and only
 * changes a limit row's right-hand side).
 */
export async function solveSelectionModel(
  problem: SelectionProblem,
  model: CompiledModel,
  options: SelectPortfolioOptions,
  t0: number,
): Promise<SelectionResult> {
  const timeLimitMs = options.timeLimit === undefined ? undefined : options.timeLimit * 1000;
  const budget = options.bnbNodeBudget;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 0))
    throw new PmokitError("INVALID_INPUT", `bnbNodeBudget must be a non-negative integer, got ${budget}`, {
      path: "options.bnbNodeBudget",
      expected: "an integer ≥ 0 (nodes of the TypeScript branch and bound before HiGHS takes over)",
      actual: budget,
    });
  const warm = options.warmStart ? warmStartColumns(model, problem, options.warmStart) : null;
  const r = await solve(model, {
    solver: options.solver ?? "auto",
    timeLimitMs,
    loader: options.highs,
    incumbent: warm ?? undefined,
    nodeBudget: options.bnbNodeBudget,
  });
  if (r.status === "infeasible") {
    const why =
      options.explain === false
        ? null
        : await explainInfeasibility(problem, options.highs ? { highs: options.highs } : {});
    const forced = problem.projects.filter((p) => p.force === "in").map((p) => p.id);
    const ids = why?.projects ?? forced;
    throw new PmokitError(
      "INFEASIBLE",
      why?.message ?? `forced-in projects ${forced.join(", ")} cannot all be selected`,
      {
        path: "projects",
        ids,
        constraints: why?.constraints ?? [],
        expected: "a set of forced-in projects that fits every limit, capacity and relation",
      },
    );
  }
  if (r.x === null)
    throw new PmokitError("INFEASIBLE", "no feasible selection found within the time limit", {
      expected: "a longer --time-limit",
      bound: r.bound,
    });
  return buildResult(problem, model, r, Date.now() - t0);
}

function buildResult(
  problem: SelectionProblem,
  model: CompiledModel,
  r: SolverOutcome,
  timeMs: number,
): SelectionResult {
  const x = r.x!;
  const bad = violatedRows(model, x);
  if (bad.length > 0)
    throw new PmokitError(
      "INTERNAL",
      `solver returned a selection violating ${bad.map((b) => `${b.kind} ${b.name}`).join(", ")}`,
      {},
    );
  const starts: Record<string, number> = {};
  const chosen = new Set<number>();
  for (let c = 0; c < model.n; c++)
    if (x[c]) {
      chosen.add(model.colProject[c]!);
      starts[model.ids[model.colProject[c]!]!] = model.colStart[c]!;
    }
  const selected = model.ids.filter((_, j) => chosen.has(j));
  const limits: Record<string, number> = {};
  for (const [k, v] of Object.entries(problem.limits ?? {})) limits[k] = amountToNumber(v);
  const usage: Record<string, number> = {};
  const totals: Record<string, SelectionTotal> = {};
  for (const [k, a] of model.amounts) {
    if (
      !Object.hasOwn(limits, k) &&
      !problem.projects.some((p, j) => chosen.has(j) && p.costs?.[k] !== undefined)
    )
      continue;
    let used: string;
    if (a.exact) {
      let s = 0n;
      for (const j of chosen) s += a.costs[j]!;
      used = formatScaled(s, a.digits);
      usage[k] = Number(used);
      const t: SelectionTotal = {
        used,
        ...(a.limit === null
          ? {}
          : { limit: formatScaled(a.limit, a.digits), remaining: formatScaled(a.limit - s, a.digits) }),
        ...(a.currency === undefined ? {} : { currency: a.currency }),
        exact: true,
      };
      totals[k] = t;
    } else {
      let s = 0;
      for (const j of chosen) s += amountToNumber(problem.projects[j]!.costs?.[k]);
      usage[k] = round(s);
      const lim = Object.hasOwn(limits, k) ? limits[k]! : undefined;
      totals[k] = {
        used: String(round(s)),
        ...(lim === undefined ? {} : { limit: String(lim), remaining: String(round(lim - s)) }),
        ...(a.currency === undefined ? {} : { currency: a.currency }),
        exact: false,
      };
    }
  }
  const capacityUsage: Record<string, number[]> = {};
  for (const [k, cap] of Object.entries(problem.capacities ?? {})) {
    const u = new Array<number>(cap.length).fill(0);
    for (const j of chosen) {
      const prof = model.demand[j]!.get(k);
      if (!prof) continue;
      const s = starts[model.ids[j]!]!;
      prof.forEach((a, q) => {
        if (s + q < u.length) u[s + q] = round(u[s + q]! + a);
      });
    }
    capacityUsage[k] = u;
  }
  const shifted: SelectionResult["shifted"] = [];
  const decisions: Record<string, SelectionDecision> = {};
  problem.projects.forEach((p, j) => {
    decisions[p.id] =
      p.force === "in"
        ? "forced-in"
        : p.force === "out"
          ? "forced-out"
          : chosen.has(j)
            ? "selected"
            : "unselected";
    const s = starts[p.id];
    if (s !== undefined && s !== (p.start ?? 0)) shifted.push({ id: p.id, from: p.start ?? 0, to: s });
  });
  const objective = round(r.objective);
  const optimal = r.status === "optimal";
  const bound = optimal ? objective : round(r.bound);
  const gap = optimal ? 0 : bound === 0 ? 0 : Math.max(0, (bound - objective) / Math.abs(bound));
  const warnings = [...model.warnings];
  if (!optimal)
    warnings.push(`time limit reached: selection not proven optimal (gap ${(gap * 100).toFixed(3)} %)`);
  return {
    selected,
    objective,
    optimal,
    bound,
    gap,
    usage,
    limits,
    totals,
    capacityUsage,
    starts,
    shifted,
    decisions,
    solver: r.solver,
    nodes: r.nodes,
    timeMs,
    ...(r.escalatedFrom ? { escalatedFrom: r.escalatedFrom } : {}),
    warnings,
  };
}
