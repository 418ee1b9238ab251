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
  /** Root LP-relaxation value (branch and bound only). */
  readonly rootBound?: number;
  /** `solver: "auto"` only: the branch-and-bound run that hit its node budget before HiGHS. */
  readonly escalatedFrom?: SolverEscalation;
}

/**
 * The branch-and-bound part of a `solver: "auto"` selection that went on to HiGHS
 * (`SelectionResult.escalatedFrom`).
 *
 * @category Selection
 * @since 0.2.0
 */
export interface SolverEscalation {
  /** Nodes the TypeScript branch and bound explored (its budget + 1). */
  readonly nodes: number;
  /** Wall-clock milliseconds it took. */
  readonly timeMs: number;
  /** Value of its best selection (handed to HiGHS as the start), null when it found none. */
  readonly objective: number | null;
}

/** Options of the branch-and-bound solver. */
export interface BnbOptions {
  readonly timeLimitMs?: number;
  readonly nodeLimit?: number;
  /** A starting selection (0/1 per column); used as the first incumbent when it is feasible. */
  readonly incumbent?: ArrayLike<number>;
}

const PIV_TOL = 1e-9;
const DUAL_TOL = 1e-9;
const INT_TOL = 1e-6;

/**
 * Exact LP-based branch and bound for 0-1 problems max c·x, A x ≤ b, l ≤ x ≤ 1 (A may have negative
 * entries). Each node solves the LP relaxation with a bounded-variable dual simplex on a dense basis
 * inverse, warm-started from the parent's basis (a branching only changes one bound, so the parent
 * basis stays dual feasible). Nodes are pruned as soon as the dual objective falls below the
 * incumbent; reduced-cost fixing tightens every subtree; a greedy + swap local search on the LP
 * solution supplies incumbents. Search: depth first, diving first into the child on the side of the
 * LP value (x ≥ 0.5: x = 1 first).
 */
export function solveBranchAndBound(model: CompiledModel, options: BnbOptions = {}): SolverOutcome {
  const n = model.n;
  const rows = model.rows;
  const m = rows.length;
  const N = n + m;
  const value = model.value;
  const integral = model.integral;
  const b = new Float64Array(m);
  rows.forEach((r, i) => (b[i] = r.rhs));
  // Column-wise sparse A.
  const colPtr = new Int32Array(n + 1);
  for (const r of rows) for (let k = 0; k < r.idx.length; k++) colPtr[r.idx[k]! + 1]!++;
  for (let j = 0; j < n; j++) colPtr[j + 1]! += colPtr[j]!;
  const colRow = new Int32Array(colPtr[n]!);
  const colVal = new Float64Array(colPtr[n]!);
  {
    const fill = colPtr.slice(0, n);
    rows.forEach((r, i) => {
      for (let k = 0; k < r.idx.length; k++) {
        const j = r.idx[k]!;
        const p = fill[j]!++;
        colRow[p] = i;
        colVal[p] = r.val[k]!;
      }
    });
  }
  const rowTol = new Float64Array(m);
  for (let i = 0; i < m; i++) rowTol[i] = 1e-9 * Math.max(1, Math.abs(b[i]!));

  // ---- incumbent handling -------------------------------------------------------------------
  let best = -Infinity;
  const bestX = new Uint8Array(n);
  const act = new Float64Array(m);
  const feasibleX = (x: ArrayLike<number>): boolean => {
    act.fill(0);
    for (let j = 0; j < n; j++) {
      if (x[j] !== 1) {
        if (model.lower[j] === 1) return false;
        continue;
      }
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) act[colRow[p]!]! += colVal[p]!;
    }
    for (let i = 0; i < m; i++) if (act[i]! > b[i]! + rowTol[i]!) return false;
    return true;
  };
  const offer = (x: ArrayLike<number>): boolean => {
    if (!feasibleX(x)) return false;
    let v = 0;
    for (let j = 0; j < n; j++) if (x[j] === 1) v += value[j]!;
    if (v > best + 1e-12 * Math.max(1, Math.abs(v))) {
      best = v;
      for (let j = 0; j < n; j++) bestX[j] = x[j] === 1 ? 1 : 0;
      return true;
    }
    return false;
  };
  if (options.incumbent && options.incumbent.length === n) offer(options.incumbent);

  // Smallest objective step: with integral values a better solution is at least best + 1; with
  // values of at most k decimals (priority points such as 8.7) at least best + 10^-k.
  let step = integral ? 1 : 0;
  if (!integral)
    for (let k = 1; k <= 6 && step === 0; k++) {
      const f = 10 ** k;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const v = value[j]! * f;
        if (Math.abs(v - Math.round(v)) > 1e-9 * Math.max(1, Math.abs(v))) ok = false;
      }
      if (ok) step = 1 / f;
    }
  const improves = (z: number): boolean =>
    step > 0
      ? z >= best + step * (1 - INT_TOL) - 1e-9 * Math.max(1, Math.abs(best))
      : z > best + 1e-9 * Math.max(1, Math.abs(best));

  if (n === 0) {
    const ok = rows.every((r) => r.rhs >= 0);
    return {
      status: ok ? "optimal" : "infeasible",
      x: ok ? new Uint8Array(0) : null,
      objective: 0,
      bound: 0,
      nodes: 0,
      solver: "bnb",
    };
  }

  // ---- LP state (min −c·x, A x + s = b, columns 0..n−1 structural, n..n+m−1 slacks) --------------
  const cost = new Float64Array(N);
  for (let j = 0; j < n; j++) cost[j] = -value[j]!;
  const lb = new Float64Array(N);
  const ub = new Float64Array(N);
  for (let j = 0; j < n; j++) {
    lb[j] = model.lower[j]!;
    ub[j] = 1;
  }
  for (let i = 0; i < m; i++) ub[n + i] = Infinity;
  const head = new Int32Array(m);
  const pos = new Int32Array(N);
  const atUpper = new Uint8Array(N);
  const Binv = new Float64Array(m * m);
  const xB = new Float64Array(m);
  const d = new Float64Array(N);
  const alphaRow = new Float64Array(N);
  const alphaCol = new Float64Array(m);
  const work = new Float64Array(m);
  const nzIdx = new Int32Array(m);
  const nzIdx2 = new Int32Array(m);
  let z = 0; // min-form objective −c·x of the current basic solution
  let pivotsSinceRefactor = 0;
  const refactorEvery = Math.max(100, 2 * m);

  const xval = (j: number): number => {
    const p = pos[j]!;
    return p >= 0 ? xB[p]! : atUpper[j] ? ub[j]! : lb[j]!;
  };
  const computeXB = (): void => {
    for (let i = 0; i < m; i++) work[i] = b[i]!;
    for (let j = 0; j < n; j++) {
      if (pos[j]! >= 0) continue;
      const v = atUpper[j] ? ub[j]! : lb[j]!;
      if (v !== 0) for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) work[colRow[p]!]! -= colVal[p]! * v;
    }
    for (let i = 0; i < m; i++) {
      const j = n + i;
      if (pos[j]! >= 0) continue;
      const v = atUpper[j] ? ub[j]! : lb[j]!;
      work[i]! -= v;
    }
    for (let i = 0; i < m; i++) {
      let s = 0;
      const o = i * m;
      for (let k = 0; k < m; k++) s += Binv[o + k]! * work[k]!;
      xB[i] = s;
    }
  };
  const computeDuals = (): void => {
    // y = c_B B⁻¹; d_j = c_j − y·a_j
    work.fill(0);
    for (let k = 0; k < m; k++) {
      const cb = cost[head[k]!]!;
      if (cb === 0) continue;
      const o = k * m;
      for (let i = 0; i < m; i++) work[i]! += cb * Binv[o + i]!;
    }
    for (let j = 0; j < n; j++) {
      if (pos[j]! >= 0) {
        d[j] = 0;
        continue;
      }
      let s = cost[j]!;
      for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) s -= work[colRow[p]!]! * colVal[p]!;
      d[j] = s;
    }
    for (let i = 0; i < m; i++) d[n + i] = pos[n + i]! >= 0 ? 0 : -work[i]!;
  };
  const computeZ = (): void => {
    let s = 0;
    for (let j = 0; j < n; j++) s += cost[j]! * xval(j);
    z = s;
  };
  /** Makes nonbasic statuses dual feasible (bound flips); false when a slack would need one. */
  const fixDualSigns = (): boolean => {
    for (let j = 0; j < N; j++) {
      if (pos[j]! >= 0 || lb[j] === ub[j]) continue;
      if (!atUpper[j] && d[j]! < -DUAL_TOL) {
        if (ub[j] === Infinity) {
          if (d[j]! < -1e-7) return false;
          d[j] = 0;
        } else atUpper[j] = 1;
      } else if (atUpper[j] && d[j]! > DUAL_TOL) atUpper[j] = 0;
    }
    return true;
  };
  const slackBasis = (): void => {
    for (let j = 0; j < n; j++) {
      pos[j] = -1;
      atUpper[j] = cost[j]! < 0 ? 1 : 0;
    }
    Binv.fill(0);
    for (let i = 0; i < m; i++) {
      head[i] = n + i;
      pos[n + i] = i;
      atUpper[n + i] = 0;
      Binv[i * m + i] = 1;
    }
    computeXB();
    computeDuals();
    computeZ();
    pivotsSinceRefactor = 0;
  };
  const bmat = new Float64Array(m * m);
  /** Re-inverts the basis (Gauss-Jordan, partial pivoting); falls back to the slack basis. */
  const refactor = (): void => {
    bmat.fill(0);
    Binv.fill(0);
    for (let k = 0; k < m; k++) {
      const j = head[k]!;
      if (j >= n) bmat[(j - n) * m + k] = 1;
      else for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) bmat[colRow[p]! * m + k] = colVal[p]!;
      Binv[k * m + k] = 1;
    }
    let ok = true;
    for (let c = 0; c < m && ok; c++) {
      let piv = c;
      let mx = Math.abs(bmat[c * m + c]!);
      for (let r = c + 1; r < m; r++) {
        const v = Math.abs(bmat[r * m + c]!);
        if (v > mx) {
          mx = v;
          piv = r;
        }
      }
      if (mx < 1e-11) {
        ok = false;
        break;
      }
      if (piv !== c)
        for (let k = 0; k < m; k++) {
          let t = bmat[c * m + k]!;
          bmat[c * m + k] = bmat[piv * m + k]!;
          bmat[piv * m + k] = t;
          t = Binv[c * m + k]!;
          Binv[c * m + k] = Binv[piv * m + k]!;
          Binv[piv * m + k] = t;
        }
      const inv = 1 / bmat[c * m + c]!;
      let na = 0;
      let nb = 0;
      for (let k = 0; k < m; k++) {
        if (bmat[c * m + k] !== 0) {
          bmat[c * m + k]! *= inv;
          nzIdx[na++] = k;
        }
        if (Binv[c * m + k] !== 0) {
          Binv[c * m + k]! *= inv;
          nzIdx2[nb++] = k;
        }
      }
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const f = bmat[r * m + c]!;
        if (f === 0) continue;
        for (let t = 0; t < na; t++) {
          const k = nzIdx[t]!;
          bmat[r * m + k]! -= f * bmat[c * m + k]!;
        }
        for (let t = 0; t < nb; t++) {
          const k = nzIdx2[t]!;
          Binv[r * m + k]! -= f * Binv[c * m + k]!;
        }
      }
    }
    pivotsSinceRefactor = 0;
    if (!ok) {
      slackBasis();
      return;
    }
    computeDuals();
    if (!fixDualSigns()) {
      slackBasis();
      return;
    }
    computeXB();
    computeZ();
  };

  /**
   * Dual simplex from the current dual-feasible basis. Returns 0 optimal, 1 infeasible, 2 cut off
   * (the dual bound cannot beat the incumbent), 3 iteration limit.
   */
  const dualSimplex = (): number => {
    const maxIter = 20 * (N + 10);
    for (let iter = 0; iter < maxIter; iter++) {
      if (best > -Infinity && !improves(-z + 1e-7 * Math.max(1, Math.abs(z)))) return 2;
      // leaving row: largest bound violation
      let r = -1;
      let worst = 0;
      for (let i = 0; i < m; i++) {
        const j = head[i]!;
        const v = xB[i]!;
        const tol = j >= n ? rowTol[j - n]! : 1e-9;
        let inf = 0;
        if (v < lb[j]! - tol) inf = lb[j]! - v;
        else if (v > ub[j]! + tol) inf = v - ub[j]!;
        if (inf > worst) {
          worst = inf;
          r = i;
        }
      }
      if (r < 0) return 0;
      const leave = head[r]!;
      const below = xB[r]! < lb[leave]!;
      const target = below ? lb[leave]! : ub[leave]!;
      // row r of B⁻¹ A for the nonbasic columns
      const o = r * m;
      let thetaMax = Infinity;
      for (let j = 0; j < N; j++) {
        if (pos[j]! >= 0) {
          alphaRow[j] = 0;
          continue;
        }
        let a: number;
        if (j < n) {
          a = 0;
          for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) a += Binv[o + colRow[p]!]! * colVal[p]!;
        } else a = Binv[o + j - n]!;
        alphaRow[j] = a;
        if (lb[j] === ub[j]) continue;
        const s = atUpper[j] ? a : -a;
        const dir = below ? s : -s;
        if (dir > PIV_TOL) {
          const t = (Math.abs(d[j]!) + DUAL_TOL) / Math.abs(a);
          if (t < thetaMax) thetaMax = t;
        }
      }
      if (thetaMax === Infinity) return 1;
      let q = -1;
      let bestAlpha = 0;
      for (let j = 0; j < N; j++) {
        if (pos[j]! >= 0 || lb[j] === ub[j]) continue;
        const a = alphaRow[j]!;
        const s = atUpper[j] ? a : -a;
        const dir = below ? s : -s;
        if (dir > PIV_TOL && Math.abs(d[j]!) / Math.abs(a) <= thetaMax && Math.abs(a) > bestAlpha) {
          bestAlpha = Math.abs(a);
          q = j;
        }
      }
      if (q < 0) return 3;
      const aq = alphaRow[q]!;
      const thetaD = d[q]! / aq;
      // dual update
      for (let j = 0; j < N; j++) if (pos[j]! < 0 && alphaRow[j] !== 0) d[j]! -= thetaD * alphaRow[j]!;
      d[q] = 0;
      d[leave] = -thetaD;
      // entering column B⁻¹ a_q
      if (q < n) {
        alphaCol.fill(0);
        for (let p = colPtr[q]!; p < colPtr[q + 1]!; p++) {
          const i = colRow[p]!;
          const v = colVal[p]!;
          for (let k = 0; k < m; k++) alphaCol[k]! += Binv[k * m + i]! * v;
        }
      } else for (let k = 0; k < m; k++) alphaCol[k] = Binv[k * m + q - n]!;
      const delta = xB[r]! - target;
      const thetaP = delta / alphaCol[r]!;
      const xq = xval(q) + thetaP;
      z += thetaD * delta;
      for (let k = 0; k < m; k++) xB[k]! -= thetaP * alphaCol[k]!;
      xB[r] = xq;
      // basis change
      atUpper[leave] = below ? 0 : 1;
      pos[leave] = -1;
      pos[q] = r;
      head[r] = q;
      atUpper[q] = 0;
      // B⁻¹ update, touching only the pivot row's nonzeros (bases of relation-heavy models are
      // mostly slack columns, so B⁻¹ stays sparse)
      const pinv = 1 / alphaCol[r]!;
      let nnz = 0;
      for (let k = 0; k < m; k++) {
        const v = Binv[o + k]!;
        if (v !== 0) {
          Binv[o + k] = v * pinv;
          nzIdx[nnz++] = k;
        }
      }
      for (let i = 0; i < m; i++) {
        if (i === r) continue;
        const f = alphaCol[i]!;
        if (f === 0) continue;
        const oi = i * m;
        for (let t = 0; t < nnz; t++) {
          const k = nzIdx[t]!;
          Binv[oi + k]! -= f * Binv[o + k]!;
        }
      }
      if (++pivotsSinceRefactor >= refactorEvery) refactor();
    }
    return 3;
  };

  // ---- primal heuristic: greedy on the LP solution + 1-1 swaps ----------------------------
  const hx = new Uint8Array(n);
  const hAct = new Float64Array(m);
  const order: number[] = [];
  const fitsAdd = (j: number): boolean => {
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      const i = colRow[p]!;
      if (hAct[i]! + colVal[p]! > b[i]! + rowTol[i]!) return false;
    }
    return true;
  };
  const add = (j: number, s: number): void => {
    hx[j] = s > 0 ? 1 : 0;
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) hAct[colRow[p]!]! += s * colVal[p]!;
  };
  const swapOk = (out: number, inn: number): boolean => {
    // rows touched by inn: activity − a_out + a_inn ≤ b (rows only touched by out can only improve
    // or, with negative entries, get worse: check those too)
    for (let p = colPtr[out]!; p < colPtr[out + 1]!; p++) hAct[colRow[p]!]! -= colVal[p]!;
    let ok = fitsAdd(inn);
    if (ok)
      for (let p = colPtr[out]!; p < colPtr[out + 1]!; p++) {
        const i = colRow[p]!;
        if (colVal[p]! < 0 && hAct[i]! > b[i]! + rowTol[i]!) {
          // removing `out` raised row i; still fine if `inn` lowers it enough
          let s = hAct[i]!;
          for (let q = colPtr[inn]!; q < colPtr[inn + 1]!; q++) if (colRow[q] === i) s += colVal[q]!;
          if (s > b[i]! + rowTol[i]!) {
            ok = false;
            break;
          }
        }
      }
    for (let p = colPtr[out]!; p < colPtr[out + 1]!; p++) hAct[colRow[p]!]! += colVal[p]!;
    return ok;
  };
  const heuristic = (score: (j: number) => number, passes: number): void => {
    hx.fill(0);
    hAct.fill(0);
    for (let j = 0; j < n; j++) if (lb[j] === 1 || model.lower[j] === 1) add(j, 1);
    order.length = 0;
    for (let j = 0; j < n; j++) if (!hx[j] && ub[j] === 1) order.push(j);
    const sc = new Float64Array(n);
    for (const j of order) sc[j] = score(j);
    order.sort((p, q) => sc[q]! - sc[p]! || value[q]! - value[p]!);
    for (const j of order) if (fitsAdd(j)) add(j, 1);
    for (let pass = 0; pass < passes; pass++) {
      let improved = false;
      for (const j of order) {
        if (hx[j]) continue;
        if (fitsAdd(j)) {
          add(j, 1);
          improved = true;
          continue;
        }
        // best 1-1 swap bringing j in
        let outBest = -1;
        let gain = 0;
        for (let i = 0; i < n; i++) {
          if (!hx[i] || lb[i] === 1 || model.lower[i] === 1) continue;
          const g = value[j]! - value[i]!;
          if (g > gain + 1e-12 && swapOk(i, j)) {
            gain = g;
            outBest = i;
          }
        }
        if (outBest >= 0) {
          add(outBest, -1);
          add(j, 1);
          improved = true;
        }
      }
      if (!improved) break;
    }
    offer(hx);
  };

  // ---- search ----------------------------------------------------------------------------
  const deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;
  const nodeLimit = options.nodeLimit ?? Infinity;
  let nodes = 0;
  let aborted = false;
  let openBound = -Infinity;
  let rootBound = Infinity;
  let infeasibleRoot = false;
  // per-depth snapshots (allocated on first use)
  interface Snap {
    head: Int32Array;
    pos: Int32Array;
    atUpper: Uint8Array;
    lb: Float64Array;
    ub: Float64Array;
    Binv: Float64Array;
    xB: Float64Array;
    d: Float64Array;
    z: number;
    hasBinv: boolean;
  }
  const snaps: Snap[] = [];
  // Basis-inverse copies per depth are capped (about 128 MB); deeper levels re-invert on backtrack.
  const binvDepths = Math.max(1, Math.floor(16_000_000 / Math.max(1, m * m)));
  const save = (depth: number): void => {
    let s = snaps[depth];
    if (!s) {
      s = {
        head: new Int32Array(m),
        pos: new Int32Array(N),
        atUpper: new Uint8Array(N),
        lb: new Float64Array(N),
        ub: new Float64Array(N),
        Binv: new Float64Array(depth < binvDepths ? m * m : 0),
        xB: new Float64Array(m),
        d: new Float64Array(N),
        z: 0,
        hasBinv: depth < binvDepths,
      };
      snaps[depth] = s;
    }
    s.head.set(head);
    s.pos.set(pos);
    s.atUpper.set(atUpper);
    s.lb.set(lb);
    s.ub.set(ub);
    if (s.hasBinv) s.Binv.set(Binv);
    s.xB.set(xB);
    s.d.set(d);
    s.z = z;
  };
  const restore = (depth: number): void => {
    const s = snaps[depth]!;
    head.set(s.head);
    pos.set(s.pos);
    atUpper.set(s.atUpper);
    lb.set(s.lb);
    ub.set(s.ub);
    if (s.hasBinv) {
      Binv.set(s.Binv);
      xB.set(s.xB);
      d.set(s.d);
      z = s.z;
    } else refactor();
  };
  /** Sets a bound of column j (branching); updates x_B when j is nonbasic. */
  const setBound = (j: number, lo: number, hi: number): void => {
    const p = pos[j]!;
    if (p >= 0) {
      lb[j] = lo;
      ub[j] = hi;
      return;
    }
    const old = atUpper[j] ? ub[j]! : lb[j]!;
    lb[j] = lo;
    ub[j] = hi;
    const nv = atUpper[j] ? hi : lo;
    if (nv !== old) {
      const dv = nv - old;
      for (let q = colPtr[j]!; q < colPtr[j + 1]!; q++) {
        const i = colRow[q]!;
        const a = colVal[q]!;
        for (let k = 0; k < m; k++) xB[k]! -= Binv[k * m + i]! * a * dv;
      }
      z += cost[j]! * dv;
    }
  };
  const lpX = new Float64Array(n);
  const node = (depth: number, parentBound: number): void => {
    if (aborted) {
      openBound = Math.max(openBound, parentBound);
      return;
    }
    nodes++;
    if (nodes > nodeLimit || ((nodes & 63) === 0 && Date.now() > deadline)) aborted = true;
    if (aborted) {
      openBound = Math.max(openBound, parentBound);
      return;
    }
    let st = dualSimplex();
    if (st === 3) {
      refactor();
      st = dualSimplex();
      if (st === 3) {
        slackBasis();
        st = dualSimplex();
      }
    }
    if (st === 1) {
      if (depth === 0) infeasibleRoot = true;
      return;
    }
    if (st === 2) return;
    let zmax: number;
    let branch = -1;
    if (st === 3) {
      // numerical trouble: keep the parent's bound and branch on the first free column
      zmax = parentBound;
      for (let j = 0; j < n; j++)
        if (lb[j] !== ub[j]) {
          branch = j;
          break;
        }
      if (branch < 0) {
        const x = new Uint8Array(n);
        for (let j = 0; j < n; j++) x[j] = lb[j]! > 0.5 ? 1 : 0;
        offer(x);
        return;
      }
    } else {
      computeZ();
      zmax = Math.min(-z, parentBound);
      if (depth === 0) rootBound = -z;
      if (best > -Infinity && !improves(zmax + 1e-7 * Math.max(1, Math.abs(zmax)))) return;
      let bestScore = -1;
      for (let j = 0; j < n; j++) {
        const v = xval(j);
        lpX[j] = v;
        const f = Math.min(v, 1 - v);
        if (f > INT_TOL) {
          const score = f * (1 + value[j]!);
          if (score > bestScore) {
            bestScore = score;
            branch = j;
          }
        }
      }
      if (branch < 0) {
        const x = new Uint8Array(n);
        for (let j = 0; j < n; j++) x[j] = lpX[j]! > 0.5 ? 1 : 0;
        if (!offer(x) && !feasibleX(x)) {
          // rounding drift: fall back to branching on a free column
          for (let j = 0; j < n; j++)
            if (lb[j] !== ub[j]) {
              branch = j;
              break;
            }
        }
        if (branch < 0) return;
      }
      if (depth === 0 || (nodes & 255) === 0) {
        heuristic((j) => lpX[j]! + (1e-3 * value[j]!) / (1 + Math.abs(value[j]!)), depth === 0 ? 5 : 1);
        if (best > -Infinity && !improves(zmax + 1e-7 * Math.max(1, Math.abs(zmax)))) return;
      }
      // reduced-cost fixing: flipping a nonbasic column costs at least |d_j|
      if (best > -Infinity) {
        const slack = zmax - (step > 0 ? best + step * (1 - INT_TOL) : best);
        for (let j = 0; j < n; j++) {
          if (pos[j]! >= 0 || lb[j] === ub[j]) continue;
          if (Math.abs(d[j]!) > slack + 1e-9) {
            if (atUpper[j]) lb[j] = ub[j]!;
            else ub[j] = lb[j]!;
          }
        }
      }
    }
    save(depth);
    const up = st === 3 ? true : lpX[branch]! >= 0.5;
    if (up) setBound(branch, 1, 1);
    else setBound(branch, 0, 0);
    node(depth + 1, zmax);
    if (aborted) {
      openBound = Math.max(openBound, zmax);
      return;
    }
    restore(depth);
    if (best > -Infinity && !improves(zmax + 1e-7 * Math.max(1, Math.abs(zmax)))) return;
    if (up) setBound(branch, 0, 0);
    else setBound(branch, 1, 1);
    node(depth + 1, zmax);
  };

  // Forced columns whose bound cannot be met, or rows infeasible with every free column at its
  // best: the dual simplex reports infeasibility at the root.
  slackBasis();
  node(0, Infinity);
  if (best === -Infinity) {
    if (aborted) return { status: "unknown", x: null, objective: 0, bound: openBound, nodes, solver: "bnb" };
    return { status: "infeasible", x: null, objective: 0, bound: 0, nodes, solver: "bnb" };
  }
  void infeasibleRoot;
  const ub2 = aborted ? Math.max(best, integral ? Math.floor(openBound + 1e-6) : openBound) : best;
  return {
    status: aborted && ub2 > best ? "feasible" : "optimal",
    x: bestX,
    objective: best,
    bound: ub2,
    nodes,
    solver: "bnb",
    ...(Number.isFinite(rootBound) ? { rootBound } : {}),
  };
}
