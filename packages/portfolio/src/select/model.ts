import { PmokitError } from "@pmokit/core";
import { inputError } from "../internal/errors.js";
import { parseAmount, scaleTo } from "./amount.js";
import type { DecimalParts, SelectionAmount } from "./amount.js";

/**
 * A resource assignment of a candidate project, relative to its start period: `units` per period in
 * the periods `[from, to)` counted from the project's start. Summed into the project's `demand`.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface SelectionAssignment {
  /** Capacity name (a role, a resource, or a time-phased budget), a key of `capacities`. */
  readonly resource: string;
  readonly from: number;
  readonly to: number;
  readonly units: number;
}

/**
 * A candidate project of a selection problem.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface SelectionProject {
  readonly id: string;
  /** Priority-weighted value to maximise (≥ 0), e.g. a priority from {@link scoreProjects} × benefit. */
  readonly value: number;
  /**
   * Costs against the named `limits` (≥ 0), e.g. `{ budget: 120, capex2027: "80.50" }`: numbers,
   * decimal strings or core `Money` values (exact; see {@link SelectionAmount}).
   */
  readonly costs?: Readonly<Record<string, SelectionAmount>>;
  /** `"in"`: must be selected; `"out"`: must not be. */
  readonly force?: "in" | "out";
  /** Time-phased demand per capacity name: amounts per period counted from the project's start. */
  readonly demand?: Readonly<Record<string, readonly number[]>>;
  /** Assignments, summed into `demand`. */
  readonly assignments?: readonly SelectionAssignment[];
  /** Planned start period (index into the capacity arrays, default 0). */
  readonly start?: number;
  /** Allowed start periods when the optimiser may shift the project (inclusive; default: `start` only). */
  readonly shift?: { readonly earliest?: number; readonly latest?: number };
  /** Contribution to each business driver (e.g. its `byDriver` from {@link scoreProjects}); for alignment reports. */
  readonly drivers?: Readonly<Record<string, number>>;
}

/**
 * A relation between candidate projects: `requires` (a selected ⇒ b selected), `excludes` (not both),
 * `includes` (mutual inclusion: both or neither), `exclusive` (at most one of `ids`).
 *
 * @category Selection
 * @since 0.1.0
 */
export type SelectionRelation =
  | { readonly type: "requires"; readonly a: string; readonly b: string }
  | { readonly type: "excludes"; readonly a: string; readonly b: string }
  | { readonly type: "includes"; readonly a: string; readonly b: string }
  | { readonly type: "exclusive"; readonly ids: readonly string[] };

/**
 * A portfolio selection problem (a superset of the `pmokit select` input format).
 *
 * @category Selection
 * @since 0.1.0
 */
export interface SelectionProblem {
  readonly projects: readonly SelectionProject[];
  /**
   * Upper limits of the named cost sums (budget per year, headcount, any named constraint): numbers,
   * decimal strings or core `Money` values (one currency per limit name).
   */
  readonly limits?: Readonly<Record<string, SelectionAmount>>;
  /** Per-period capacities (roles, resources, time-phased budgets); index = period. */
  readonly capacities?: Readonly<Record<string, readonly number[]>>;
  readonly relations?: readonly SelectionRelation[];
}

/** One linear row Σ a x ≤ rhs of the compiled 0-1 model. */
export interface Row {
  readonly idx: Int32Array;
  readonly val: Float64Array;
  readonly rhs: number;
  /** What the row stands for: `limit`, `capacity`, `relation`, `start` (one start per project), `force`. */
  readonly kind: "limit" | "capacity" | "relation" | "start" | "force";
  /** The limit or capacity name, or the relation index. */
  readonly name: string;
  readonly period?: number;
  /** Limit rows: coefficients and rhs are the amounts × `scale` (10^decimals); 1 otherwise. */
  readonly scale?: number;
}

/** How the amounts of one cost / limit name are represented in the model. */
export interface AmountScale {
  /** Decimals kept: amounts are integers × 10^-digits in the model (exact mode). */
  readonly digits: number;
  /** `false` when plain numbers with too many digits forced floating-point coefficients. */
  readonly exact: boolean;
  readonly currency?: string;
  /** Scaled cost per project (exact mode; 0n when absent). */
  readonly costs: readonly bigint[];
  /** Scaled limit (exact mode), or null when the name has no limit. */
  readonly limit: bigint | null;
  /** 10^digits in exact mode, 1 otherwise. */
  readonly factor: number;
}

/** A problem compiled to a 0-1 ILP: maximise Σ value·x, rows Σ a x ≤ rhs, lower bound 1 for fixed columns. */
export interface CompiledModel {
  readonly ids: readonly string[];
  readonly n: number;
  readonly colProject: Int32Array;
  readonly colStart: Int32Array;
  readonly value: Float64Array;
  readonly lower: Uint8Array;
  readonly rows: readonly Row[];
  readonly integral: boolean;
  readonly warnings: readonly string[];
  /** Demand profiles per project (by capacity name). */
  readonly demand: readonly Map<string, number[]>[];
  /** Representation of every cost / limit name (exact scaled integers or floats). */
  readonly amounts: ReadonlyMap<string, AmountScale>;
}

const MAX_DIGITS = 12;

function compileAmounts(
  projects: readonly SelectionProject[],
  limits: Readonly<Record<string, SelectionAmount>>,
): Map<string, AmountScale> {
  const names = new Set(Object.keys(limits));
  for (const p of projects) for (const k of Object.keys(p?.costs ?? {})) names.add(k);
  const out = new Map<string, AmountScale>();
  for (const k of names) {
    const parts: (DecimalParts | null)[] = [];
    const paths: string[] = [];
    let plainOnly = true;
    let currency: string | undefined;
    let currencyPath = "";
    const visit = (v: SelectionAmount, path: string): DecimalParts => {
      const d = parseAmount(v, path);
      if (typeof v !== "number") plainOnly = false;
      if (d.currency !== undefined) {
        if (currency === undefined) {
          currency = d.currency;
          currencyPath = path;
        } else if (currency !== d.currency)
          throw new PmokitError(
            "CURRENCY_MISMATCH",
            `${path}: currency ${d.currency} differs from ${currency} at ${currencyPath} (one currency per limit)`,
            { path, expected: currency, received: d.currency },
          );
      }
      return d;
    };
    const limit = Object.hasOwn(limits, k) ? visit(limits[k]!, `limits.${k}`) : null;
    projects.forEach((p, j) => {
      const c = p.costs?.[k];
      const path = `projects[${j}].costs.${k}`;
      parts.push(c === undefined ? null : visit(c, path));
      paths.push(path);
    });
    let digits = limit?.digits ?? 0;
    for (const d of parts) if (d) digits = Math.max(digits, d.digits);
    const safe = (x: bigint): boolean => x <= BigInt(Number.MAX_SAFE_INTEGER);
    let exact = digits <= MAX_DIGITS;
    const costs = parts.map((d) => (d && exact ? scaleTo(d, digits) : 0n));
    const lim = limit && exact ? scaleTo(limit, digits) : null;
    if (exact && (costs.some((c) => !safe(c)) || (lim !== null && !safe(lim)))) exact = false;
    if (!exact && !plainOnly) {
      const j = parts.findIndex((d) => d !== null && d.digits === digits);
      inputError(
        j >= 0 ? paths[j]! : `limits.${k}`,
        `at most ${MAX_DIGITS} decimals and 15 significant digits per amount (exact decimal arithmetic)`,
        j >= 0 ? projects[j]!.costs![k] : limits[k],
      );
    }
    out.set(k, {
      digits: exact ? digits : 0,
      exact,
      ...(currency === undefined ? {} : { currency }),
      costs: exact ? costs : parts.map(() => 0n),
      limit: exact ? lim : null,
      factor: exact ? 10 ** digits : 1,
    });
  }
  return out;
}

function num(v: unknown, path: string, what: string, min = 0): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) inputError(path, what, v);
  return v;
}

function intIn(v: unknown, path: string, lo: number, hi: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi)
    inputError(path, `an integer period in [${lo}, ${hi}]`, v);
  return v;
}

/**
 * Validates a selection problem and compiles it into a 0-1 model (one column per project and allowed
 * start period). Throws `PmokitError`s naming the JSON path and the expectation.
 */
export function compileSelection(problem: SelectionProblem): CompiledModel {
  if (typeof problem !== "object" || problem === null)
    inputError("$", "an object with projects and limits", problem);
  const projects: readonly SelectionProject[] = problem.projects;
  if (!Array.isArray(projects as unknown)) inputError("projects", "an array of projects", projects);
  const limits = problem.limits ?? {};
  const capacities = problem.capacities ?? {};
  const warnings: string[] = [];
  if (typeof limits !== "object" || limits === null)
    inputError("limits", "an object of named limits", limits);
  let horizon = 0;
  for (const [k, arr] of Object.entries(capacities)) {
    if (!Array.isArray(arr)) inputError(`capacities.${k}`, "an array of per-period capacities", arr);
    arr.forEach((v, p) => num(v, `capacities.${k}[${p}]`, "a non-negative finite number"));
    horizon = Math.max(horizon, arr.length);
  }
  const index = new Map<string, number>();
  const ids: string[] = [];
  const demand: Map<string, number[]>[] = [];
  const starts: number[][] = [];
  let integral = true;
  projects.forEach((p, j) => {
    const path = `projects[${j}]`;
    if (typeof p !== "object" || p === null) inputError(path, "a project object", p);
    if (typeof p.id !== "string" || p.id === "") inputError(`${path}.id`, "a non-empty string id", p.id);
    if (index.has(p.id)) inputError(`${path}.id`, "a unique project id", p.id, "DUPLICATE_ID");
    index.set(p.id, j);
    ids.push(p.id);
    const v = num(p.value, `${path}.value`, "a non-negative finite value");
    if (!Number.isInteger(v)) integral = false;
    if (p.force !== undefined && p.force !== "in" && p.force !== "out")
      inputError(`${path}.force`, '"in" or "out"', p.force);
    if (p.costs !== undefined && (typeof p.costs !== "object" || p.costs === null))
      inputError(`${path}.costs`, "an object of costs per limit name", p.costs);
    for (const [k, c] of Object.entries(p.costs ?? {})) {
      if (typeof c === "number" && !(Number.isFinite(c) && c >= 0))
        inputError(`${path}.costs.${k}`, "a non-negative cost (costs cannot be negative)", c);
      if (!Object.hasOwn(limits, k) && c !== 0)
        warnings.push(`${path}.costs.${k}: no limit named '${k}'; the cost is reported but not constrained`);
    }
    const d = new Map<string, number[]>();
    for (const [k, arr] of Object.entries(p.demand ?? {})) {
      if (!Object.hasOwn(capacities, k))
        inputError(
          `${path}.demand.${k}`,
          `a capacity name (${Object.keys(capacities).join(", ") || "none defined"})`,
          k,
          "DANGLING_REFERENCE",
        );
      if (!Array.isArray(arr)) inputError(`${path}.demand.${k}`, "an array of per-period amounts", arr);
      d.set(
        k,
        arr.map((x, q) => num(x, `${path}.demand.${k}[${q}]`, "a non-negative amount")),
      );
    }
    (p.assignments ?? []).forEach((a, q) => {
      const ap = `${path}.assignments[${q}]`;
      if (!Object.hasOwn(capacities, a.resource))
        inputError(
          `${ap}.resource`,
          `a capacity name (${Object.keys(capacities).join(", ") || "none defined"})`,
          a.resource,
          "DANGLING_REFERENCE",
        );
      const from = intIn(a.from, `${ap}.from`, 0, 10_000);
      const to = intIn(a.to, `${ap}.to`, from, 10_000);
      const units = num(a.units, `${ap}.units`, "a non-negative number of units");
      const prof = d.get(a.resource) ?? [];
      for (let t = from; t < to; t++) prof[t] = (prof[t] ?? 0) + units;
      for (let t = 0; t < prof.length; t++) prof[t] ??= 0;
      d.set(a.resource, prof);
    });
    demand.push(d);
    const maxStart = Math.max(0, horizon - 1);
    const start = p.start === undefined ? 0 : intIn(p.start, `${path}.start`, 0, Math.max(maxStart, 10_000));
    if (p.shift) {
      const e =
        p.shift.earliest === undefined ? start : intIn(p.shift.earliest, `${path}.shift.earliest`, 0, 10_000);
      const l =
        p.shift.latest === undefined ? start : intIn(p.shift.latest, `${path}.shift.latest`, e, 10_000);
      const s: number[] = [start];
      for (let t = e; t <= l; t++) if (t !== start) s.push(t);
      starts.push(s);
    } else starts.push([start]);
  });
  const amounts = compileAmounts(projects, limits);
  // columns
  const colProject: number[] = [];
  const colStart: number[] = [];
  const cols: number[][] = ids.map(() => []);
  projects.forEach((p, j) => {
    if (p.force === "out") return;
    for (const s of starts[j]!) {
      cols[j]!.push(colProject.length);
      colProject.push(j);
      colStart.push(s);
    }
  });
  const n = colProject.length;
  const value = new Float64Array(n);
  const lower = new Uint8Array(n);
  for (let c = 0; c < n; c++) value[c] = projects[colProject[c]!]!.value;
  const rows: Row[] = [];
  const push = (
    entries: Map<number, number>,
    rhs: number,
    kind: Row["kind"],
    name: string,
    period?: number,
    scale?: number,
  ): void => {
    const extra = {
      ...(period === undefined ? {} : { period }),
      ...(scale === undefined ? {} : { scale }),
    };
    const idx: number[] = [];
    const val: number[] = [];
    for (const [c, a] of entries)
      if (a !== 0) {
        idx.push(c);
        val.push(a);
      }
    if (idx.length === 0) {
      if (rhs < 0)
        rows.push({
          idx: new Int32Array(0),
          val: new Float64Array(0),
          rhs,
          kind,
          name,
          ...extra,
        });
      return;
    }
    rows.push({
      idx: Int32Array.from(idx),
      val: Float64Array.from(val),
      rhs,
      kind,
      name,
      ...extra,
    });
  };
  for (const k of Object.keys(limits)) {
    const a = amounts.get(k)!;
    const e = new Map<number, number>();
    for (let c = 0; c < n; c++) {
      const j = colProject[c]!;
      const cost = a.exact ? Number(a.costs[j]!) : ((projects[j]!.costs?.[k] as number | undefined) ?? 0);
      if (cost !== 0) e.set(c, cost);
    }
    push(e, a.exact ? Number(a.limit!) : (limits[k] as number), "limit", k, undefined, a.factor);
  }
  for (const [k, cap] of Object.entries(capacities)) {
    for (let t = 0; t < cap.length; t++) {
      const e = new Map<number, number>();
      for (let c = 0; c < n; c++) {
        const prof = demand[colProject[c]!]!.get(k);
        if (!prof) continue;
        const a = prof[t - colStart[c]!] ?? 0;
        if (a !== 0) e.set(c, a);
      }
      push(e, cap[t]!, "capacity", k, t);
    }
  }
  ids.forEach((_, j) => {
    if (cols[j]!.length > 1) push(new Map(cols[j]!.map((c) => [c, 1])), 1, "start", ids[j]!);
  });
  const ref = (id: unknown, path: string): number => {
    const j = typeof id === "string" ? index.get(id) : undefined;
    if (j === undefined) inputError(path, "the id of a project in projects", id, "DANGLING_REFERENCE");
    return j;
  };
  (problem.relations ?? []).forEach((r, q) => {
    const path = `relations[${q}]`;
    if (typeof r !== "object" || r === null) inputError(path, "a relation object", r);
    if (r.type === "exclusive") {
      if (!Array.isArray(r.ids) || r.ids.length < 2)
        inputError(`${path}.ids`, "at least two project ids", r.ids);
      const e = new Map<number, number>();
      r.ids.forEach((id, k) => {
        for (const c of cols[ref(id, `${path}.ids[${k}]`)]!) e.set(c, 1);
      });
      push(e, 1, "relation", String(q));
      return;
    }
    if (r.type !== "requires" && r.type !== "excludes" && r.type !== "includes")
      inputError(
        `${path}.type`,
        '"requires", "excludes", "includes" or "exclusive"',
        (r as { type: unknown }).type,
      );
    const a = ref(r.a, `${path}.a`);
    const b = ref(r.b, `${path}.b`);
    if (a === b) inputError(`${path}.b`, `a project other than a (${ids[a]})`, r.b);
    const req = (x: number, y: number): void => {
      const e = new Map<number, number>();
      for (const c of cols[x]!) e.set(c, 1);
      for (const c of cols[y]!) e.set(c, (e.get(c) ?? 0) - 1);
      push(e, 0, "relation", String(q));
    };
    if (r.type === "requires") req(a, b);
    else if (r.type === "includes") {
      req(a, b);
      req(b, a);
    } else {
      const e = new Map<number, number>();
      for (const c of [...cols[a]!, ...cols[b]!]) e.set(c, 1);
      push(e, 1, "relation", String(q));
    }
  });
  projects.forEach((p, j) => {
    if (p.force !== "in") return;
    const cs = cols[j]!;
    if (cs.length === 1) lower[cs[0]!] = 1;
    else push(new Map(cs.map((c) => [c, -1])), -1, "force", ids[j]!);
  });
  return {
    ids,
    n,
    colProject: Int32Array.from(colProject),
    colStart: Int32Array.from(colStart),
    value,
    lower,
    rows,
    integral,
    warnings,
    demand,
    amounts,
  };
}

/** Row activities of a 0-1 column vector. */
export function rowActivity(model: CompiledModel, x: ArrayLike<number>): Float64Array {
  const act = new Float64Array(model.rows.length);
  model.rows.forEach((r, i) => {
    let s = 0;
    for (let k = 0; k < r.idx.length; k++) s += r.val[k]! * x[r.idx[k]!]!;
    act[i] = s;
  });
  return act;
}

/** Violated rows of a 0-1 column vector (with a small relative tolerance). */
export function violatedRows(model: CompiledModel, x: ArrayLike<number>): Row[] {
  const act = rowActivity(model, x);
  const out: Row[] = [];
  model.rows.forEach((r, i) => {
    if (act[i]! > r.rhs + 1e-9 * Math.max(1, Math.abs(r.rhs))) out.push(r);
  });
  for (let c = 0; c < model.n; c++)
    if (model.lower[c] === 1 && x[c] !== 1)
      out.push({
        idx: Int32Array.of(c),
        val: Float64Array.of(-1),
        rhs: -1,
        kind: "force",
        name: model.ids[model.colProject[c]!]!,
      });
  return out;
}
