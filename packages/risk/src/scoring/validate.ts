import { Stream } from "../random/prng.js";
import { axisBounds } from "./score.js";
import type { ScoringAxis, ScoringScheme } from "./scheme.js";

/**
 * A finding of {@link validateScheme}. Cells are `[probabilityBin, impactBin]`, 1-based, row 1 =
 * lowest probability (bottom), column 1 = lowest impact (left).
 *
 * @category Scoring
 */
export interface SchemeFinding {
  readonly code:
    | "MATRIX_SHAPE"
    | "UNKNOWN_LEVEL"
    | "BIN_ORDER"
    | "BIN_GAP"
    | "BIN_OVERLAP"
    | "DOMAIN_NOT_COVERED"
    | "NON_MONOTONE"
    | "TOP_LEVEL_IN_BOTTOM_ROW"
    | "TOP_LEVEL_IN_LEFT_COLUMN"
    | "BETWEENNESS"
    | "WEAK_CONSISTENCY"
    | "TOO_SMALL_FOR_LEVELS"
    | "ORDINAL_ARITHMETIC";
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly cells?: readonly (readonly [number, number])[];
  readonly path?: string;
}

/**
 * Result of {@link validateScheme}: findings plus resolution and range-compression metrics.
 *
 * @category Scoring
 */
export interface SchemeValidation {
  readonly valid: boolean;
  readonly findings: readonly SchemeFinding[];
  /** Share of random risk pairs (uniform on the axis domains) that the matrix ranks correctly and unambiguously (Cox). */
  readonly resolution: number;
  /** Per level: max / min of the anchor products of its cells (range compression). */
  readonly rangeCompression: readonly { readonly level: string; readonly ratio: number }[];
}

function checkAxis(axis: ScoringAxis, path: string, out: SchemeFinding[]): void {
  const b = axis.bins;
  for (let i = 1; i < b.length; i++)
    if (!(b[i]!.anchor > b[i - 1]!.anchor))
      out.push({
        code: "BIN_ORDER",
        severity: "error",
        path: `${path}.bins[${i}].anchor`,
        message: `${path}: anchors must increase (bin ${i + 1})`,
      });
  const hasBounds = b.some((x) => x.min !== undefined || x.max !== undefined);
  if (!hasBounds) return;
  const bounds = axisBounds(axis);
  for (let i = 0; i < bounds.length; i++) {
    const { lo, hi } = bounds[i]!;
    if (!(lo < hi))
      out.push({
        code: "BIN_ORDER",
        severity: "error",
        path: `${path}.bins[${i}]`,
        message: `${path}: bin ${i + 1} is empty (${lo}..${hi})`,
      });
    if (i > 0) {
      const prev = bounds[i - 1]!.hi;
      if (lo > prev)
        out.push({
          code: "BIN_GAP",
          severity: "error",
          path: `${path}.bins[${i}].min`,
          message: `${path}: values in (${prev}, ${lo}] belong to no bin`,
        });
      else if (lo < prev)
        out.push({
          code: "BIN_OVERLAP",
          severity: "error",
          path: `${path}.bins[${i}].min`,
          message: `${path}: bins ${i} and ${i + 1} overlap on (${lo}, ${prev}]`,
        });
    }
  }
  if (axis.domain) {
    const [d0, d1] = axis.domain;
    if (bounds[0]!.lo > d0 || bounds[bounds.length - 1]!.hi < d1)
      out.push({
        code: "DOMAIN_NOT_COVERED",
        severity: "error",
        path,
        message: `${path}: bins cover [${bounds[0]!.lo}, ${bounds[bounds.length - 1]!.hi}], domain is [${d0}, ${d1}]`,
      });
  }
}

/**
 * Validates a scoring scheme after Cox (2008): contiguous bins covering the domain, monotone
 * levels, no top level in the bottom row or left column, betweenness (no lowest-level cell edge-
 * or up-right-diagonal-adjacent to a top-level cell), weak consistency on numeric bounds (every
 * top-level cell's smallest P × I exceeds every lowest-level cell's largest), room for the levels,
 * and an ordinal-arithmetic warning for integer 1..n anchors. Reports resolution and range
 * compression.
 *
 * @param scheme - the scheme
 * @param options - `pairs` for the resolution estimate (default 20,000), `seed`
 * @returns findings (errors make `valid` false) and metrics
 * @example
 * ```ts
 * validateScheme(cox3x3Scheme()).valid; // true
 * ```
 * @category Scoring
 */
export function validateScheme(
  scheme: ScoringScheme,
  options: { readonly pairs?: number; readonly seed?: number } = {},
): SchemeValidation {
  const out: SchemeFinding[] = [];
  const P = scheme.probability.bins.length;
  const I = scheme.impact.bins.length;
  checkAxis(scheme.probability, "probability", out);
  checkAxis(scheme.impact, "impact", out);
  for (const [k, ax] of Object.entries(scheme.dimensions ?? {})) checkAxis(ax, `dimensions.${k}`, out);
  const rank = new Map(scheme.levels.map((l, i) => [l.id, i] as const));
  const L = scheme.levels.length;
  if (scheme.matrix.length !== P || scheme.matrix.some((r) => r.length !== I)) {
    out.push({
      code: "MATRIX_SHAPE",
      severity: "error",
      path: "matrix",
      message: `matrix must be ${P} rows × ${I} columns`,
    });
    return { valid: false, findings: out, resolution: Number.NaN, rangeCompression: [] };
  }
  const lv: number[][] = scheme.matrix.map((row, r) =>
    row.map((id, c) => {
      const k = rank.get(id);
      if (k === undefined) {
        out.push({
          code: "UNKNOWN_LEVEL",
          severity: "error",
          path: `matrix[${r}][${c}]`,
          message: `unknown level '${id}'`,
        });
        return 0;
      }
      return k;
    }),
  );
  const cell = (r: number, c: number): [number, number] => [r + 1, c + 1];
  // Monotonicity.
  const nonMono: [number, number][] = [];
  for (let r = 0; r < P; r++)
    for (let c = 0; c < I; c++) {
      if (r + 1 < P && lv[r + 1]![c]! < lv[r]![c]!) nonMono.push(cell(r + 1, c));
      if (c + 1 < I && lv[r]![c + 1]! < lv[r]![c]!) nonMono.push(cell(r, c + 1));
    }
  if (nonMono.length)
    out.push({
      code: "NON_MONOTONE",
      severity: "error",
      cells: nonMono,
      message: "levels decrease with higher probability or impact",
    });
  const used = new Set(lv.flat());
  const top = Math.max(...used);
  const bottom = Math.min(...used);
  if (used.size >= 2) {
    const inBottom = lv[0]!.flatMap((v, c) => (v === top ? [cell(0, c)] : []));
    if (inBottom.length)
      out.push({
        code: "TOP_LEVEL_IN_BOTTOM_ROW",
        severity: "error",
        cells: inBottom,
        message: "top-level cell in the lowest-probability row (Cox lemma)",
      });
    const inLeft = lv.flatMap((row, r) => (row[0] === top ? [cell(r, 0)] : []));
    if (inLeft.length)
      out.push({
        code: "TOP_LEVEL_IN_LEFT_COLUMN",
        severity: "error",
        cells: inLeft,
        message: "top-level cell in the lowest-impact column (Cox lemma)",
      });
    // Betweenness.
    const bad: [number, number][] = [];
    for (let r = 0; r < P; r++)
      for (let c = 0; c < I; c++) {
        if (lv[r]![c] !== bottom) continue;
        for (const [dr, dc] of [
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
          [1, 1],
          [-1, -1],
        ] as const) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < P && cc >= 0 && cc < I && lv[rr]![cc] === top) {
            bad.push(cell(r, c), cell(rr, cc));
          }
        }
      }
    if (bad.length && used.size >= 3)
      out.push({
        code: "BETWEENNESS",
        severity: "error",
        cells: bad,
        message:
          "a lowest-level cell touches a top-level cell (edge or up-right diagonal): risk can jump from green to red",
      });
    if (used.size === 2 && bad.length > 0 && L >= 3)
      out.push({
        code: "BETWEENNESS",
        severity: "error",
        cells: bad,
        message: "no intermediate level between lowest and top cells",
      });
  }
  if (L >= 3 && (P < 3 || I < 3))
    out.push({
      code: "TOO_SMALL_FOR_LEVELS",
      severity: "error",
      message: `${P}×${I} matrix cannot hold ${L} levels under betweenness (an intermediate level needs a 3×3 grid)`,
    });
  // Weak consistency on numeric bounds.
  const pb = axisBounds(scheme.probability);
  const ib = axisBounds(scheme.impact);
  let maxBottom = -Infinity;
  let minTop = Infinity;
  const bottomCells: [number, number][] = [];
  const topCells: [number, number][] = [];
  for (let r = 0; r < P; r++)
    for (let c = 0; c < I; c++) {
      if (lv[r]![c] === bottom && used.size >= 2) {
        const v = pb[r]!.hi * ib[c]!.hi;
        if (v > maxBottom) maxBottom = v;
        bottomCells.push(cell(r, c));
      }
      if (lv[r]![c] === top && used.size >= 2) {
        const v = pb[r]!.lo * ib[c]!.lo;
        if (v < minTop) minTop = v;
        topCells.push(cell(r, c));
      }
    }
  if (used.size >= 2 && Number.isFinite(maxBottom) && Number.isFinite(minTop) && !(maxBottom < minTop))
    out.push({
      code: "WEAK_CONSISTENCY",
      severity: "error",
      message: `largest P×I in a lowest-level cell (${round(maxBottom)}) is not below the smallest P×I in a top-level cell (${round(minTop)}): overlap ${round(maxBottom - minTop)}`,
    });
  const anchorsOrdinal = (ax: ScoringAxis): boolean => ax.bins.every((b, i) => b.anchor === i + 1);
  if (anchorsOrdinal(scheme.probability) || anchorsOrdinal(scheme.impact))
    out.push({
      code: "ORDINAL_ARITHMETIC",
      severity: "warning",
      message:
        "anchors are ordinal indices 1..n: products of them are not meaningful quantities; prefer calibrated anchors",
    });
  // Range compression.
  const rangeCompression = scheme.levels.map((l, k) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < P; r++)
      for (let c = 0; c < I; c++)
        if (lv[r]![c] === k) {
          const v = scheme.probability.bins[r]!.anchor * scheme.impact.bins[c]!.anchor;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    return { level: l.id, ratio: lo > 0 && Number.isFinite(hi) ? hi / lo : Number.NaN };
  });
  // Resolution (Cox): random pairs on the axis domains.
  const pairs = options.pairs ?? 20000;
  const st = new Stream(options.seed ?? 1);
  const pd = [pb[0]!.lo, pb[P - 1]!.hi];
  const idom = [ib[0]!.lo, Math.min(ib[I - 1]!.hi, Number.MAX_VALUE)];
  const locate = (b: { lo: number; hi: number }[], x: number): number => {
    for (let i = 0; i < b.length; i++) if (x <= b[i]!.hi) return i;
    return b.length - 1;
  };
  let good = 0;
  if (Number.isFinite(idom[1]!)) {
    for (let k = 0; k < pairs; k++) {
      const p1 = pd[0]! + st.next() * (pd[1]! - pd[0]!);
      const i1 = idom[0]! + st.next() * (idom[1]! - idom[0]!);
      const p2 = pd[0]! + st.next() * (pd[1]! - pd[0]!);
      const i2 = idom[0]! + st.next() * (idom[1]! - idom[0]!);
      const l1 = lv[locate(pb, p1)]![locate(ib, i1)]!;
      const l2 = lv[locate(pb, p2)]![locate(ib, i2)]!;
      if (l1 !== l2 && l1 > l2 === p1 * i1 > p2 * i2) good++;
    }
  }
  return {
    valid: !out.some((f) => f.severity === "error"),
    findings: out,
    resolution: good / pairs,
    rangeCompression,
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
