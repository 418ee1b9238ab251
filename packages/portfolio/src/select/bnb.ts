import type { CompiledModel } from "./model.js";

/** Outcome of a solver run on a compiled model. */
export interface SolverOutcome {
  readonly status: "optimal" | "feasible" | "infeasible" | "unknown";
  /** 0/1 per column, when a feasible solution was found. */
  readonly x: Uint8Array | null;
  readonly objective: number;
  /** Proven upper bound on the optimum (= objective when optimal). */
  readonly bound: number;
  readonly nodes: number;
  readonly solver: "bnb" | "highs";
}

/** Options of the branch-and-bound solver. */
export interface BnbOptions {
  readonly timeLimitMs?: number;
  readonly nodeLimit?: number;
}

/**
 * Exact depth-first branch and bound for 0-1 problems max c·x, A x ≤ b (A may have negative entries,
 * c ≥ 0). Bounds: a surrogate relaxation (Σ u_i A_i x ≤ Σ u_i b_i with multipliers u from a
 * subgradient optimisation of the Lagrangian dual at the root) solved as a fractional knapsack at
 * each node (Dantzig bound), restricted to items that still fit individually. Feasibility: each
 * row's fixed activity plus its most negative free contribution must stay ≤ b.
 */
export function solveBranchAndBound(model: CompiledModel, options: BnbOptions = {}): SolverOutcome {
  const n = model.n;
  const rows = model.rows;
  const m = rows.length;
  const c = model.value;
  const b = new Float64Array(m);
  rows.forEach((r, i) => (b[i] = r.rhs));
  // column-wise sparse lists
  const colPtr = new Int32Array(n + 1);
  for (const r of rows) for (let k = 0; k < r.idx.length; k++) colPtr[r.idx[k]! + 1]!++;
  for (let j = 0; j < n; j++) colPtr[j + 1]! += colPtr[j]!;
  const colRow = new Int32Array(colPtr[n]!);
  const colVal = new Float64Array(colPtr[n]!);
  const fill = colPtr.slice(0, n);
  rows.forEach((r, i) => {
    for (let k = 0; k < r.idx.length; k++) {
      const j = r.idx[k]!;
      const p = fill[j]!++;
      colRow[p] = i;
      colVal[p] = r.val[k]!;
    }
  });
  const eps = 1e-9;
  const tol = (i: number): number => eps * Math.max(1, Math.abs(b[i]!));
  const act = new Float64Array(m);
  const minNeg = new Float64Array(m);
  for (let j = 0; j < n; j++)
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) if (colVal[p]! < 0) minNeg[colRow[p]!]! += colVal[p]!;
  const x = new Uint8Array(n);
  let fixedValue = 0;
  // Fix forced columns first.
  const free: number[] = [];
  for (let j = 0; j < n; j++) {
    if (model.lower[j] === 1) {
      x[j] = 1;
      fixedValue += c[j]!;
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
        act[colRow[p]!]! += colVal[p]!;
        if (colVal[p]! < 0) minNeg[colRow[p]!]! -= colVal[p]!;
      }
    } else free.push(j);
  }
  for (let i = 0; i < m; i++)
    if (act[i]! + minNeg[i]! > b[i]! + tol(i))
      return { status: "infeasible", x: null, objective: 0, bound: 0, nodes: 0, solver: "bnb" };
  // Lagrangian multipliers by subgradient (rows with free columns only).
  const u = new Float64Array(m);
  const bestU = new Float64Array(m);
  let bestL = Infinity;
  {
    const rhs = new Float64Array(m);
    for (let i = 0; i < m; i++) rhs[i] = b[i]! - act[i]!;
    let theta = 2;
    let stall = 0;
    const xs = new Uint8Array(n);
    const lb = 0;
    for (let it = 0; it < 300; it++) {
      let L = 0;
      for (let i = 0; i < m; i++) L += u[i]! * rhs[i]!;
      for (const j of free) {
        let rc = c[j]!;
        for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) rc -= u[colRow[p]!]! * colVal[p]!;
        xs[j] = rc > 0 ? 1 : 0;
        if (rc > 0) L += rc;
      }
      if (L < bestL - 1e-12) {
        bestL = L;
        bestU.set(u);
        stall = 0;
      } else if (++stall >= 15) {
        theta /= 2;
        stall = 0;
      }
      const g = new Float64Array(m);
      for (let i = 0; i < m; i++) g[i] = rhs[i]!;
      for (const j of free)
        if (xs[j]) for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) g[colRow[p]!]! -= colVal[p]!;
      let norm = 0;
      for (let i = 0; i < m; i++) {
        if (u[i] === 0 && g[i]! > 0) g[i] = 0; // projected
        norm += g[i]! * g[i]!;
      }
      if (norm < 1e-18 || theta < 1e-6) break;
      const step = (theta * Math.max(1e-9, L - lb)) / norm;
      for (let i = 0; i < m; i++) u[i] = Math.max(0, u[i]! - step * g[i]!);
    }
  }
  // Surrogate weights.
  const w = new Float64Array(n);
  for (const j of free) {
    let s = 0;
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) s += bestU[colRow[p]!]! * colVal[p]!;
    w[j] = Math.abs(s) < 1e-14 ? 0 : s;
  }
  let W = 0;
  for (let i = 0; i < m; i++) W += bestU[i]! * b[i]!;
  const eff = (j: number): number => (w[j]! <= 0 ? Infinity : c[j]! / w[j]!);
  free.sort((p, q) => eff(q) - eff(p) || c[q]! - c[p]! || p - q);
  // Greedy incumbent along the efficiency order (kept only if it satisfies every row).
  let best = -Infinity;
  const bestX = new Uint8Array(n);
  {
    const gAct = Float64Array.from(act);
    const gNeg = Float64Array.from(minNeg);
    const gx = Uint8Array.from(x);
    let gv = fixedValue;
    for (const j of free) {
      let ok = true;
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
        const i = colRow[p]!;
        const a = colVal[p]!;
        if (gAct[i]! + a + gNeg[i]! - (a < 0 ? a : 0) > b[i]! + tol(i)) {
          ok = false;
          break;
        }
      }
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) if (colVal[p]! < 0) gNeg[colRow[p]!]! -= colVal[p]!;
      if (!ok) continue;
      gx[j] = 1;
      gv += c[j]!;
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) gAct[colRow[p]!]! += colVal[p]!;
    }
    let feasible = true;
    for (let i = 0; i < m; i++) if (gAct[i]! > b[i]! + tol(i)) feasible = false;
    if (feasible) {
      best = gv;
      bestX.set(gx);
    }
  }
  // Reduced-cost fixing with the root Lagrangian bound: a column whose flip would push the bound
  // below the incumbent (+1 for integral values) keeps its Lagrangian value in every better solution.
  const rest: number[] = [];
  if (best > -Infinity && Number.isFinite(bestL)) {
    const need = model.integral ? best + 1 - 1e-7 : best + 1e-9 * Math.max(1, Math.abs(best));
    const total = fixedValue + bestL;
    for (const j of free) {
      let rc = c[j]!;
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) rc -= bestU[colRow[p]!]! * colVal[p]!;
      if (total - Math.abs(rc) < need && rc !== 0) {
        if (rc > 0) {
          x[j] = 1;
          fixedValue += c[j]!;
          for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) act[colRow[p]!]! += colVal[p]!;
        }
        for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++)
          if (colVal[p]! < 0) minNeg[colRow[p]!]! -= colVal[p]!;
      } else rest.push(j);
    }
  } else rest.push(...free);
  let rootFeasible = true;
  for (let i = 0; i < m; i++) if (act[i]! + minNeg[i]! > b[i]! + tol(i)) rootFeasible = false;
  const order = Int32Array.from(rootFeasible ? rest : []);
  const nf = order.length;
  let nodes = 0;
  let aborted = false;
  let openBound = -Infinity;
  const deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;
  const nodeLimit = options.nodeLimit ?? Infinity;
  const integral = model.integral;
  const fits = (j: number): boolean => {
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      const i = colRow[p]!;
      const a = colVal[p]!;
      if (act[i]! + a + minNeg[i]! - (a < 0 ? a : 0) > b[i]! + tol(i)) return false;
    }
    return true;
  };
  const bound = (k: number, value: number): number => {
    let cap = W;
    for (let i = 0; i < m; i++) cap -= bestU[i]! * act[i]!;
    let ub = value;
    for (let t = k; t < nf; t++) {
      const j = order[t]!;
      if (c[j]! <= 0 && w[j]! >= 0) continue;
      if (!fits(j)) continue;
      if (w[j]! <= 0) {
        ub += c[j]!;
        cap -= w[j]!;
      } else if (w[j]! <= cap) {
        ub += c[j]!;
        cap -= w[j]!;
      } else {
        if (cap > 0) ub += (c[j]! * cap) / w[j]!;
        cap = 0;
        break;
      }
    }
    if (cap < -1e-9 * Math.max(1, Math.abs(W))) return -Infinity;
    return ub;
  };
  const pruned = (ub: number): boolean =>
    integral ? Math.floor(ub + 1e-7) <= best + 1e-9 : ub <= best + 1e-9 * Math.max(1, Math.abs(best));
  const dfs = (k: number, value: number): void => {
    nodes++;
    if ((nodes & 1023) === 0 && (Date.now() > deadline || nodes > nodeLimit)) aborted = true;
    if (aborted) return;
    if (k === nf) {
      if (value > best) {
        best = value;
        bestX.set(x);
      }
      return;
    }
    const ub = bound(k, value);
    if (ub === -Infinity || pruned(ub)) return;
    const j = order[k]!;
    const s = colPtr[j]!;
    const e = colPtr[j + 1]!;
    for (let p = s; p < e; p++) if (colVal[p]! < 0) minNeg[colRow[p]!]! -= colVal[p]!;
    // branch x_j = 1
    let ok1 = true;
    for (let p = s; p < e; p++) {
      const i = colRow[p]!;
      if (act[i]! + colVal[p]! + minNeg[i]! > b[i]! + tol(i)) {
        ok1 = false;
        break;
      }
    }
    if (ok1) {
      for (let p = s; p < e; p++) act[colRow[p]!]! += colVal[p]!;
      x[j] = 1;
      dfs(k + 1, value + c[j]!);
      x[j] = 0;
      for (let p = s; p < e; p++) act[colRow[p]!]! -= colVal[p]!;
    }
    if (!aborted) {
      let ok0 = true;
      for (let p = s; p < e; p++) {
        const i = colRow[p]!;
        if (colVal[p]! < 0 && act[i]! + minNeg[i]! > b[i]! + tol(i)) {
          ok0 = false;
          break;
        }
      }
      if (ok0) dfs(k + 1, value);
    }
    for (let p = s; p < e; p++) if (colVal[p]! < 0) minNeg[colRow[p]!]! += colVal[p]!;
    if (aborted) openBound = Math.max(openBound, ub);
  };
  if (rootFeasible) dfs(0, fixedValue);
  if (best === -Infinity) {
    return aborted
      ? { status: "unknown", x: null, objective: 0, bound: openBound, nodes, solver: "bnb" }
      : { status: "infeasible", x: null, objective: 0, bound: 0, nodes, solver: "bnb" };
  }
  const ub = aborted ? Math.max(best, integral ? Math.floor(openBound + 1e-7) : openBound) : best;
  return {
    status: aborted && ub > best ? "feasible" : "optimal",
    x: bestX,
    objective: best,
    bound: ub,
    nodes,
    solver: "bnb",
  };
}
