import { PmokitError } from "@pmokit/core";
import { solveBranchAndBound } from "./bnb.js";
import type { SolverOutcome } from "./bnb.js";
import { solveWithHighs } from "./highs.js";
import type { HighsLoaderOptions } from "./highs.js";
import { compileSelection, violatedRows } from "./model.js";
import type { CompiledModel, SelectionProblem } from "./model.js";

/**
 * Which exact solver to use: `"auto"` (default) runs the TypeScript branch and bound on small models
 * (≤ 40 columns) and HiGHS (WebAssembly, loaded on first use) otherwise, or when branch and bound
 * does not finish within its node budget; `"bnb"` only the TypeScript solver (no WebAssembly);
 * `"highs"` only HiGHS.
 *
 * @category Selection
 * @since 0.1.0
 */
export type SelectionSolver = "auto" | "bnb" | "highs";

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
  /** Sum of the selected projects' costs per limit. */
  readonly usage: Record<string, number>;
  /** Limits as given. */
  readonly limits: Record<string, number>;
  /** Per capacity name, per period: demand of the selection at the chosen starts. */
  readonly capacityUsage: Record<string, number[]>;
  /** Chosen start period per selected project. */
  readonly starts: Record<string, number>;
  /** Projects whose start was shifted from their planned start. */
  readonly shifted: { id: string; from: number; to: number }[];
  readonly decisions: Record<string, SelectionDecision>;
  readonly solver: "bnb" | "highs";
  readonly nodes: number;
  readonly timeMs: number;
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

async function solve(
  model: CompiledModel,
  solver: SelectionSolver,
  timeLimitMs: number | undefined,
  loader: HighsLoaderOptions | undefined,
): Promise<SolverOutcome> {
  if (solver === "bnb") return solveBranchAndBound(model, timeLimitMs === undefined ? {} : { timeLimitMs });
  if (solver === "auto" && model.n <= 40) {
    const t0 = Date.now();
    const r = solveBranchAndBound(model, {
      nodeLimit: 300_000,
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    });
    if (r.status === "optimal" || r.status === "infeasible") return r;
    const left = timeLimitMs === undefined ? undefined : timeLimitMs - (Date.now() - t0);
    if (left !== undefined && left <= 0) return r;
    const h = await solveWithHighs(model, {
      ...(left === undefined ? {} : { timeLimitMs: left }),
      ...(loader ? { loader } : {}),
    });
    return h.x === null && r.x !== null ? r : h;
  }
  return solveWithHighs(model, {
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(loader ? { loader } : {}),
  });
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
  const r = await solve(model, "auto", 30_000, loader);
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
      .reduce((s, p) => s + (p.costs?.[name] ?? 0), 0);
    return `limit ${name} = ${problem.limits[name]} (forced projects need ${used})`;
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
    if (r.kind === "limit") out.push(`limit ${r.name}: ${round(s)} > ${r.rhs}`);
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
  const model = compileSelection(problem);
  const timeLimitMs = options.timeLimit === undefined ? undefined : options.timeLimit * 1000;
  const r = await solve(model, options.solver ?? "auto", timeLimitMs, options.highs);
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
  const limits = { ...(problem.limits ?? {}) };
  const usage: Record<string, number> = {};
  for (const k of Object.keys(limits)) usage[k] = 0;
  for (const j of chosen)
    for (const [k, v] of Object.entries(problem.projects[j]!.costs ?? {}))
      usage[k] = round((usage[k] ?? 0) + v);
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
    capacityUsage,
    starts,
    shifted,
    decisions,
    solver: r.solver,
    nodes: r.nodes,
    timeMs,
    warnings,
  };
}
