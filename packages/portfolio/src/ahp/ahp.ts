import { inputError } from "../internal/errors.js";
import { RI_ALONSO_LAMATA, randomIndexTable } from "./random-index.js";
import type { RandomIndexTable, RandomIndexTableId } from "./random-index.js";

/**
 * A pairwise comparison matrix: row i, column j = judgment "i over j" on Saaty's 1-9 scale,
 * `a_ji = 1/a_ij`; `null` marks a missing judgment (both `a_ij` and `a_ji`).
 *
 * @category AHP
 * @since 0.1.0
 */
export type PairwiseMatrix = readonly (readonly (number | null)[])[];

/**
 * How priorities are derived from a (complete) matrix.
 *
 * @category AHP
 * @since 0.1.0
 */
export type AhpMethod = "eigenvector" | "geometric";

/**
 * How missing judgments are filled: `"lambda-min"` chooses the entries that minimise λmax
 * (Bozóki, Fülöp & Rónyai 2010, cyclic coordinates; the default); `"harker"` uses Harker's (1987)
 * eigenvector of the modified matrix (missing → 0, diagonal 1 + missing count) and implies
 * `a_ij = w_i / w_j`. The two differ slightly (0.7303 vs 0.7212 on the published 4×4 example).
 *
 * @category AHP
 * @since 0.1.0
 */
export type AhpCompletion = "lambda-min" | "harker";

/**
 * Options of {@link computeAhp}.
 *
 * @category AHP
 * @since 0.1.0
 */
export interface ComputeAhpOptions {
  /** `"eigenvector"` (default, Saaty's principal eigenvector) or `"geometric"` (row geometric mean, RGMM). */
  readonly method?: AhpMethod;
  /** RI table (object, id or alias); default {@link RI_ALONSO_LAMATA}. */
  readonly ri?: RandomIndexTable | string;
  /** Completion method for missing judgments; default `"lambda-min"`. */
  readonly completion?: AhpCompletion;
  /** Relative tolerance for reciprocity `a_ij · a_ji = 1` (default 0.02, so 0.33 for 1/3 passes). */
  readonly reciprocalTolerance?: number;
  /** Labels (for messages and results); default `"1".."n"`. */
  readonly labels?: readonly string[];
  /** JSON path prefix of the matrix, for error messages (default `"matrix"`). */
  readonly path?: string;
}

/**
 * Result of {@link computeAhp}.
 *
 * @category AHP
 * @since 0.1.0
 */
export interface AhpResult {
  /** Priorities, same order as the matrix rows, positive and summing to 1. */
  readonly weights: number[];
  /** λmax: the principal eigenvalue (eigenvector method) or mean of (Aw)_i / w_i for the weights used. */
  readonly lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  readonly ci: number;
  /** Consistency ratio CI / RI(n); 0 for n ≤ 2; `null` when the RI table has no entry for n. */
  readonly cr: number | null;
  /** Id of the RI table used for `cr`. */
  readonly riTable: RandomIndexTableId;
  /** RI(n) used. */
  readonly ri: number | null;
  /** Weighting method used. */
  readonly method: AhpMethod;
  /** Whether CR ≤ 0.1 (Saaty's rule). */
  readonly consistent: boolean;
  /** The complete matrix actually used (with missing entries filled in). */
  readonly matrix: number[][];
  /** Filled-in entries (upper triangle, i < j) when the input had missing judgments. */
  readonly completed: { readonly i: number; readonly j: number; readonly value: number }[];
  /** Completion method, when entries were missing. */
  readonly completion?: AhpCompletion;
  /** Geometric consistency index (Aguarón & Moreno-Jiménez 2003) for the weights used. */
  readonly gci: number;
  /** Soft problems (e.g. CR above 0.1, RI table too short). */
  readonly warnings: string[];
}

interface ValidMatrix {
  n: number;
  a: Float64Array; // n*n, 0 for missing
  missing: boolean[]; // n*n
  missingCount: number;
}

/**
 * Checks a pairwise comparison matrix: square, positive finite entries, unit diagonal, reciprocal
 * (`a_ij · a_ji = 1` within the tolerance), `null` symmetric, missing judgments leaving the
 * comparison graph connected. The lower triangle is then rebuilt as exact reciprocals of the upper.
 */
function validateMatrix(matrix: unknown, tol: number, path: string, labels?: readonly string[]): ValidMatrix {
  if (!Array.isArray(matrix) || matrix.length === 0)
    inputError(path, "a non-empty square array of arrays", matrix);
  const n = matrix.length;
  if (labels && labels.length !== n) inputError("labels", `${n} labels (one per matrix row)`, labels.length);
  const a = new Float64Array(n * n);
  const missing: boolean[] = new Array<boolean>(n * n).fill(false);
  const name = (i: number): string => labels?.[i] ?? String(i + 1);
  for (let i = 0; i < n; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row) || row.length !== n) inputError(`${path}[${i}]`, `an array of ${n} numbers`, row);
    for (let j = 0; j < n; j++) {
      const v: unknown = row[j];
      if (v === null) {
        if (i === j) inputError(`${path}[${i}][${j}]`, "1 on the diagonal", v);
        missing[i * n + j] = true;
        continue;
      }
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
        inputError(`${path}[${i}][${j}]`, "a positive finite number (or null for a missing judgment)", v);
      if (i === j && Math.abs(v - 1) > 1e-9) inputError(`${path}[${i}][${j}]`, "1 on the diagonal", v);
      a[i * n + j] = v;
    }
  }
  let missingCount = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const mij = missing[i * n + j]!;
      const mji = missing[j * n + i]!;
      if (mij !== mji)
        inputError(
          `${path}[${mij ? j : i}][${mij ? i : j}]`,
          `null, because ${path}[${mij ? i : j}][${mij ? j : i}] (${name(mij ? i : j)} over ${name(mij ? j : i)}) is missing`,
          a[mij ? j * n + i : i * n + j],
        );
      if (mij) {
        missingCount++;
        continue;
      }
      const x = a[i * n + j]!;
      const y = a[j * n + i]!;
      if (Math.abs(x * y - 1) > tol)
        inputError(
          `${path}[${j}][${i}]`,
          `the reciprocal of ${path}[${i}][${j}] = ${x} (≈ ${(1 / x).toPrecision(4)}; ${name(j)} over ${name(i)})`,
          y,
        );
      a[j * n + i] = 1 / x;
    }
  if (missingCount > 0) {
    // connectivity of the known comparisons
    const seen = new Uint8Array(n);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < n; j++)
        if (!seen[j] && !missing[i * n + j]) {
          seen[j] = 1;
          stack.push(j);
        }
    }
    const cut = [...seen].findIndex((s) => s === 0);
    if (cut >= 0)
      inputError(
        path,
        `judgments connecting every pair of items (directly or through others); nothing links ${name(0)} and ${name(cut)}`,
      );
  }
  return { n, a, missing, missingCount };
}

/** Principal right eigenvector (normalised to sum 1) and eigenvalue of a positive (or irreducible non-negative) matrix. */
export function principalEigen(a: Float64Array, n: number): { w: Float64Array; lambda: number } {
  let w = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let lambda = 0;
  // Shift by the identity to make the iteration converge for irreducible (Harker) matrices too.
  for (let it = 0; it < 100_000; it++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = w[i]!;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * w[j]!;
      next[i] = s;
      sum += s;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) {
      next[i]! /= sum;
      diff = Math.max(diff, Math.abs(next[i]! - w[i]!));
    }
    [w, next] = [next, w];
    lambda = sum - 1; // since Σ w = 1: Σ (A+I)w = λ + 1
    if (diff < 1e-15 && it > 3) break;
  }
  return { w, lambda };
}

function lambdaOf(a: Float64Array, n: number, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += a[i * n + j]! * w[j]!;
    s += r / w[i]!;
  }
  return s / n;
}

function geometricWeights(a: Float64Array, n: number): Float64Array {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let l = 0;
    for (let j = 0; j < n; j++) l += Math.log(a[i * n + j]!);
    w[i] = Math.exp(l / n);
    sum += w[i]!;
  }
  for (let i = 0; i < n; i++) w[i]! /= sum;
  return w;
}

function harkerComplete(m: ValidMatrix): Float64Array {
  const { n, a, missing } = m;
  const b = new Float64Array(a);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = 0; j < n; j++) if (missing[i * n + j]) k++;
    b[i * n + i] = 1 + k;
  }
  const { w } = principalEigen(b, n);
  const full = new Float64Array(a);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (missing[i * n + j]) full[i * n + j] = w[i]! / w[j]!;
  return full;
}

function lambdaMinComplete(m: ValidMatrix): Float64Array {
  const { n, missing } = m;
  const full = harkerComplete(m); // start point
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (missing[i * n + j]) pairs.push([i, j]);
  const set = (i: number, j: number, t: number): void => {
    full[i * n + j] = Math.exp(t);
    full[j * n + i] = Math.exp(-t);
  };
  const f = (i: number, j: number, t: number): number => {
    set(i, j, t);
    return principalEigen(full, n).lambda;
  };
  for (let sweep = 0; sweep < 200; sweep++) {
    let moved = 0;
    for (const [i, j] of pairs) {
      const t0 = Math.log(full[i * n + j]!);
      // λmax is convex in t = ln a_ij (Bozóki et al. 2010): golden-section search on a bracket.
      let lo = t0 - 3;
      let hi = t0 + 3;
      const g = (Math.sqrt(5) - 1) / 2;
      let x1 = hi - g * (hi - lo);
      let x2 = lo + g * (hi - lo);
      let f1 = f(i, j, x1);
      let f2 = f(i, j, x2);
      while (hi - lo > 1e-11) {
        if (f1 < f2) {
          hi = x2;
          x2 = x1;
          f2 = f1;
          x1 = hi - g * (hi - lo);
          f1 = f(i, j, x1);
        } else {
          lo = x1;
          x1 = x2;
          f1 = f2;
          x2 = lo + g * (hi - lo);
          f2 = f(i, j, x2);
        }
      }
      const t = (lo + hi) / 2;
      set(i, j, t);
      moved = Math.max(moved, Math.abs(t - t0));
    }
    if (moved < 1e-10) break;
  }
  return full;
}

/**
 * Derives priorities from a pairwise comparison matrix (AHP) and measures its consistency.
 *
 * Eigenvector weights are the normalised principal right eigenvector (power iteration to 1e-15);
 * λmax is its eigenvalue. Geometric-mean weights are the normalised row geometric means (RGMM);
 * λmax is then the mean of (Aw)_i / w_i for those weights. CI = (λmax − n)/(n − 1) and
 * CR = CI / RI(n) with the RI table named in the result (CR = 0 for n ≤ 2). Missing judgments
 * (`null`) are completed first (see {@link AhpCompletion}) and reported in `completed`.
 *
 * @param matrix - the judgments (reciprocal, positive, `null` for missing)
 * @param options - method, RI table, completion, labels
 * @returns weights, λmax, CI, CR, RI table id and the completed matrix
 * @throws PmokitError `INVALID_INPUT` naming `matrix[i][j]` for non-positive, non-reciprocal or
 *   asymmetric-missing entries, or when missing judgments disconnect the items
 * @example
 * ```ts
 * import { computeAhp } from "@pmokit/portfolio";
 * const r = computeAhp([[1, 3], [1 / 3, 1]]);
 * r.weights; // [0.75, 0.25]
 * ```
 * @category AHP
 * @since 0.1.0
 */
export function computeAhp(matrix: PairwiseMatrix, options: ComputeAhpOptions = {}): AhpResult {
  const method = options.method ?? "eigenvector";
  if (method !== "eigenvector" && method !== "geometric")
    inputError("method", "eigenvector or geometric", method);
  const table =
    options.ri === undefined
      ? RI_ALONSO_LAMATA
      : typeof options.ri === "string"
        ? randomIndexTable(options.ri)
        : options.ri;
  const m = validateMatrix(
    matrix,
    options.reciprocalTolerance ?? 0.02,
    options.path ?? "matrix",
    options.labels,
  );
  const { n } = m;
  const completion = options.completion ?? "lambda-min";
  let full = m.a;
  const completed: { i: number; j: number; value: number }[] = [];
  if (m.missingCount > 0) {
    if (completion !== "lambda-min" && completion !== "harker")
      inputError("completion", "lambda-min or harker", completion);
    full = completion === "harker" ? harkerComplete(m) : lambdaMinComplete(m);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (m.missing[i * n + j]) completed.push({ i, j, value: full[i * n + j]! });
  }
  let w: Float64Array;
  let lambdaMax: number;
  if (method === "eigenvector") {
    const e = principalEigen(full, n);
    w = e.w;
    lambdaMax = e.lambda;
  } else {
    w = geometricWeights(full, n);
    lambdaMax = lambdaOf(full, n, w);
  }
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const warnings: string[] = [];
  const riValue = n <= 2 ? 0 : (table.values[n] ?? null);
  let cr: number | null;
  if (n <= 2) cr = 0;
  else if (riValue === null) {
    cr = null;
    warnings.push(
      `RI table ${table.id} has no value for n = ${n} (it covers n ≤ ${table.values.length - 1}); CR not computed`,
    );
  } else cr = ci / riValue;
  if (cr !== null && cr > 0.1)
    warnings.push(`CR = ${cr.toFixed(3)} > 0.10 (${table.id}): judgments are inconsistent, revise them`);
  // GCI: 2/((n-1)(n-2)) Σ_{i<j} ln²(a_ij w_j / w_i)
  let gci = 0;
  if (n > 2) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) gci += Math.log((full[i * n + j]! * w[j]!) / w[i]!) ** 2;
    gci *= 2 / ((n - 1) * (n - 2));
  }
  const mat: number[][] = [];
  for (let i = 0; i < n; i++) mat.push(Array.from(full.subarray(i * n, i * n + n)));
  return {
    weights: Array.from(w),
    lambdaMax,
    ci,
    cr,
    riTable: table.id,
    ri: riValue,
    method,
    consistent: cr === null ? false : cr <= 0.1,
    matrix: mat,
    completed,
    ...(m.missingCount > 0 ? { completion } : {}),
    gci,
    warnings,
  };
}

/**
 * Aggregation of individual judgments (AIJ): the element-wise weighted geometric mean of several
 * experts' matrices (the only mean preserving reciprocity). Missing entries are skipped per cell
 * (a cell missing for everyone stays `null`).
 *
 * @param matrices - one matrix per expert, same size
 * @param expertWeights - optional weights per expert (default equal)
 * @returns the aggregated matrix, ready for {@link computeAhp}
 * @throws PmokitError `INVALID_INPUT` for mismatched sizes or non-positive entries
 * @example
 * ```ts
 * import { aggregateJudgments, computeAhp } from "@pmokit/portfolio";
 * const group = aggregateJudgments([[[1, 3], [1 / 3, 1]], [[1, 1 / 3], [3, 1]]]);
 * computeAhp(group).weights; // [0.5, 0.5]
 * ```
 * @category AHP
 * @since 0.1.0
 */
export function aggregateJudgments(
  matrices: readonly PairwiseMatrix[],
  expertWeights?: readonly number[],
): (number | null)[][] {
  if (matrices.length === 0) inputError("matrices", "at least one matrix");
  const n = matrices[0]!.length;
  const ew = normaliseExpertWeights(matrices.length, expertWeights);
  const out: (number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | null)[] = [];
    for (let j = 0; j < n; j++) {
      let l = 0;
      let wsum = 0;
      matrices.forEach((mx, k) => {
        if (mx.length !== n) inputError(`matrices[${k}]`, `a ${n}×${n} matrix`, mx.length);
        const r = mx[i];
        if (!r || r.length !== n) inputError(`matrices[${k}][${i}]`, `an array of ${n} numbers`, r);
        const v = r[j];
        if (v === null || v === undefined) return;
        if (!(v > 0) || !Number.isFinite(v))
          inputError(`matrices[${k}][${i}][${j}]`, "a positive finite number", v);
        l += ew[k]! * Math.log(v);
        wsum += ew[k]!;
      });
      row.push(wsum === 0 ? null : Math.exp(l / wsum));
    }
    out.push(row);
  }
  return out;
}

function normaliseExpertWeights(k: number, w?: readonly number[]): number[] {
  if (!w) return new Array<number>(k).fill(1 / k);
  if (w.length !== k) inputError("expertWeights", `${k} weights (one per expert)`, w.length);
  w.forEach((x, i) => {
    if (!(x >= 0) || !Number.isFinite(x)) inputError(`expertWeights[${i}]`, "a non-negative number", x);
  });
  const s = w.reduce((a, b) => a + b, 0);
  if (!(s > 0)) inputError("expertWeights", "weights with a positive sum");
  return w.map((x) => x / s);
}

/**
 * Aggregation of individual priorities (AIP): each expert's weights, then their weighted arithmetic
 * mean (`"arithmetic"`, default) or normalised weighted geometric mean (`"geometric"`).
 *
 * @param priorities - one weight vector per expert (e.g. from {@link computeAhp})
 * @param options - mean and expert weights
 * @returns group weights summing to 1
 * @throws PmokitError `INVALID_INPUT` for mismatched lengths
 * @example
 * ```ts
 * import { aggregatePriorities } from "@pmokit/portfolio";
 * aggregatePriorities([[0.6, 0.4], [0.2, 0.8]]); // [0.4, 0.6]
 * ```
 * @category AHP
 * @since 0.1.0
 */
export function aggregatePriorities(
  priorities: readonly (readonly number[])[],
  options: { readonly mean?: "arithmetic" | "geometric"; readonly expertWeights?: readonly number[] } = {},
): number[] {
  if (priorities.length === 0) inputError("priorities", "at least one weight vector");
  const n = priorities[0]!.length;
  const ew = normaliseExpertWeights(priorities.length, options.expertWeights);
  const out = new Array<number>(n).fill(0);
  const geo = options.mean === "geometric";
  priorities.forEach((p, k) => {
    if (p.length !== n) inputError(`priorities[${k}]`, `${n} weights`, p.length);
    p.forEach((x, i) => {
      if (!(x > 0) && !(x === 0 && !geo)) inputError(`priorities[${k}][${i}]`, "a positive weight", x);
      out[i]! += geo ? ew[k]! * Math.log(x) : ew[k]! * x;
    });
  });
  const vals = geo ? out.map((l) => Math.exp(l)) : out;
  const s = vals.reduce((a, b) => a + b, 0);
  return vals.map((v) => v / s);
}

/**
 * A node of a criteria hierarchy: its children are weighted either by a pairwise matrix
 * (`comparisons`) or directly (`weights`); leaves have no children.
 *
 * @category AHP
 * @since 0.1.0
 */
export interface CriteriaNode {
  readonly id: string;
  readonly children?: readonly CriteriaNode[];
  /** Pairwise comparisons among the children (same order). */
  readonly comparisons?: PairwiseMatrix;
  /** Direct weights of the children (normalised). */
  readonly weights?: readonly number[];
}

/**
 * Result of {@link computeHierarchy}: local and global weights of every node and the global weights
 * of the leaves (which sum to 1).
 *
 * @category AHP
 * @since 0.1.0
 */
export interface HierarchyResult {
  /** Global weight of each leaf criterion, by id. */
  readonly leaves: Record<string, number>;
  /** Every node: local weight (within its parent), global weight, and CR of its own comparisons. */
  readonly nodes: { id: string; parent: string | null; local: number; global: number; cr: number | null }[];
  readonly warnings: string[];
}

/**
 * Weights a hierarchy of criteria and sub-criteria: local weights from each node's comparisons (or
 * direct weights), global weight = product of local weights down the tree.
 *
 * @param root - the goal node
 * @param options - AHP options used for every comparison matrix
 * @returns global leaf weights and per-node local/global weights
 * @throws PmokitError `INVALID_INPUT` / `DUPLICATE_ID` for malformed nodes
 * @example
 * ```ts
 * import { computeHierarchy } from "@pmokit/portfolio";
 * const r = computeHierarchy({ id: "goal", weights: [0.5, 0.5], children: [
 *   { id: "cost" }, { id: "benefit", comparisons: [[1, 3], [1 / 3, 1]], children: [{ id: "npv" }, { id: "brand" }] },
 * ] });
 * r.leaves; // { cost: 0.5, npv: 0.375, brand: 0.125 }
 * ```
 * @category AHP
 * @since 0.1.0
 */
export function computeHierarchy(root: CriteriaNode, options: ComputeAhpOptions = {}): HierarchyResult {
  const leaves: Record<string, number> = {};
  const nodes: HierarchyResult["nodes"] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const visit = (
    node: CriteriaNode,
    parent: string | null,
    local: number,
    global: number,
    path: string,
  ): void => {
    if (seen.has(node.id)) inputError(`${path}.id`, "a unique criterion id", node.id, "DUPLICATE_ID");
    seen.add(node.id);
    const kids = node.children ?? [];
    let cr: number | null = null;
    let w: number[] = [];
    if (kids.length > 0) {
      if (node.comparisons) {
        const r = computeAhp(node.comparisons, {
          ...options,
          path: `${path}.comparisons`,
          labels: kids.map((k) => k.id),
        });
        w = r.weights;
        cr = r.cr;
        for (const x of r.warnings) warnings.push(`${node.id}: ${x}`);
      } else if (node.weights) {
        if (node.weights.length !== kids.length)
          inputError(`${path}.weights`, `${kids.length} weights (one per child)`, node.weights.length);
        node.weights.forEach((x, i) => {
          if (!(x >= 0) || !Number.isFinite(x))
            inputError(`${path}.weights[${i}]`, "a non-negative number", x);
        });
        const s = node.weights.reduce((a, b) => a + b, 0);
        if (!(s > 0)) inputError(`${path}.weights`, "weights with a positive sum");
        w = node.weights.map((x) => x / s);
      } else if (kids.length === 1) w = [1];
      else inputError(path, `comparisons or weights for the ${kids.length} children of ${node.id}`);
    }
    nodes.push({ id: node.id, parent, local, global, cr });
    if (kids.length === 0) leaves[node.id] = global;
    kids.forEach((k, i) => visit(k, node.id, w[i]!, global * w[i]!, `${path}.children[${i}]`));
  };
  visit(root, null, 1, 1, "root");
  return { leaves, nodes, warnings };
}
