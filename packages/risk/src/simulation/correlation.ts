import { normalQuantile } from "../stats/normal.js";
import type { Stream } from "../random/prng.js";

/**
 * Cholesky factor (lower, row-major k×k) of a symmetric matrix; tolerates positive semi-definite
 * matrices (zero pivots give zero columns). Returns null when the matrix is not PSD.
 */
export function cholesky(a: Float64Array, k: number, tol = 1e-10): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (s < -tol) return null;
        l[i * k + i] = s > tol ? Math.sqrt(s) : 0;
      } else {
        const djj = l[j * k + j]!;
        if (djj === 0) {
          if (Math.abs(s) > 1e-7) return null;
          l[i * k + j] = 0;
        } else l[i * k + j] = s / djj;
      }
    }
  }
  return l;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations. */
export function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p * k + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * k + q]! - m[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p]!;
          const mrq = m[r * k + q]!;
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r]!;
          const mqr = m[q * k + r]!;
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = m[i * k + i]!;
  return { values, vectors: v };
}

/**
 * Nearest valid correlation matrix (approximately): clips negative eigenvalues, rebuilds, and
 * rescales to a unit diagonal, repeated until positive semi-definite (Higham-style projections).
 *
 * @param a - symmetric k×k matrix (row-major)
 * @param k - size
 * @returns the repaired matrix and its minimum eigenvalue before repair
 * @category Simulation
 */
export function repairCorrelationMatrix(
  a: Float64Array,
  k: number,
): { matrix: Float64Array; minEigenvalue: number } {
  let x = Float64Array.from(a);
  const first = symmetricEigen(x, k);
  const minEigenvalue = Math.min(...first.values);
  for (let iter = 0; iter < 100; iter++) {
    const { values, vectors } = symmetricEigen(x, k);
    if (Math.min(...values) >= 1e-8 && iter > 0) break;
    const y = new Float64Array(k * k);
    for (let e = 0; e < k; e++) {
      const lam = Math.max(values[e]!, 1e-6);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
          y[i * k + j] = y[i * k + j]! + lam * vectors[i * k + e]! * vectors[j * k + e]!;
    }
    const dg = new Float64Array(k);
    for (let i = 0; i < k; i++) dg[i] = Math.sqrt(y[i * k + i]!);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) y[i * k + j] = y[i * k + j]! / (dg[i]! * dg[j]!);
    x = y;
  }
  return { matrix: x, minEigenvalue };
}

/**
 * Iman–Conover rank reordering of one block: `cols[c]` holds the nb samples of variable c; they are
 * permuted in place so their rank correlation matches `lower` (Cholesky factor of the target
 * normal-score correlation). The marginal values are unchanged. Returns false (and leaves the
 * columns as they are) when the block is too small for the number of variables (nb < k + 2) or
 * its score matrix is degenerate.
 */
export function imanConover(
  cols: Float64Array[],
  nb: number,
  lower: Float64Array,
  streams: Stream[],
): boolean {
  const k = cols.length;
  if (k < 2) return true;
  if (nb < k + 2) return false;
  // Van der Waerden scores, independently permuted per variable.
  const base = new Float64Array(nb);
  for (let i = 0; i < nb; i++) base[i] = normalQuantile((i + 1) / (nb + 1));
  const scores: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const s = Float64Array.from(base);
    const st = streams[c]!;
    for (let i = nb - 1; i > 0; i--) {
      const j = st.nextInt(i + 1);
      const t = s[i]!;
      s[i] = s[j]!;
      s[j] = t;
    }
    scores.push(s);
  }
  // Sample correlation of the scores (they all have the same mean 0 and variance).
  let ss = 0;
  for (let i = 0; i < nb; i++) ss += base[i]! * base[i]!;
  const e = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const sa = scores[a]!;
      const sb = scores[b]!;
      for (let i = 0; i < nb; i++) s += sa[i]! * sb[i]!;
      e[a * k + b] = e[b * k + a] = s / ss;
    }
  const q = cholesky(e, k);
  if (!q) return false;
  // M = P · Q⁻¹ (both lower triangular): solve row by row.
  const qinv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    // Solve Q x = e_c.
    for (let i = 0; i < k; i++) {
      let s = i === c ? 1 : 0;
      for (let m = 0; m < i; m++) s -= q[i * k + m]! * qinv[m * k + c]!;
      qinv[i * k + c] = s / q[i * k + i]!;
    }
  }
  const mm = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = j; m <= i; m++) s += lower[i * k + m]! * qinv[m * k + j]!;
      mm[i * k + j] = s;
    }
  const t = new Float64Array(nb);
  const idx = new Uint32Array(nb);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < nb; i++) {
      let s = 0;
      for (let m = 0; m <= c; m++) s += scores[m]![i]! * mm[c * k + m]!;
      t[i] = s;
    }
    for (let i = 0; i < nb; i++) idx[i] = i;
    idx.sort((x, y) => t[x]! - t[y]! || x - y);
    const sorted = Float64Array.from(cols[c]!).sort();
    const col = cols[c]!;
    for (let r = 0; r < nb; r++) col[idx[r]!] = sorted[r]!;
  }
  return true;
}
