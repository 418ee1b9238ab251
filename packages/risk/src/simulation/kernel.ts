import {
  K_FIXED,
  K_LOGNORMAL,
  K_NORMAL,
  K_TABLE,
  K_TRI,
  K_UNIFORM,
  inverseCdf,
  mapSamples,
} from "../distributions/distribution.js";
import type { CompiledDistribution } from "../distributions/distribution.js";
import { Stream, stratify, streamKey } from "../random/prng.js";
import type { CompiledModel } from "./compile.js";
import { imanConover } from "./correlation.js";
import { FF, FS, SS } from "./network.js";

/** Earliest start a link of type `t` allows its successor of duration `dj`. */
function linkBound(t: number, esP: number, dP: number, lag: number, dj: number): number {
  return t === FS ? esP + dP + lag : t === SS ? esP + lag : t === FF ? esP + dP + lag - dj : esP + lag - dj;
}

/** Stream purposes (part of every stream key). */
const P_DURATION = 1;
const P_OCCURRENCE = 2;
const P_IMPACT = 3;
const P_COST_IMPACT = 4;
const P_COST = 5;
const P_BRANCH = 6;
const P_CORRELATION = 7;
const P_LHS = 8;

const INV32 = 1 / 4294967296;
/** Size of the inverse-CDF tables of compiled distributions (see distribution.ts). */
const TABLE_K = 4096;
/** Row-sampling modes of an activity in a block. */
const S_FIXED = 0;
const S_TRI = 1;
const S_UNIFORM = 2;
const S_TABLE = 3;
const S_OTHER = 4;
const S_COLUMN = 5;

/**
 * Kernel options (all plain data so they cross worker boundaries).
 *
 * @category Simulation
 */
export interface KernelOptions {
  readonly seed: number;
  readonly blockSize: number;
  readonly latinHypercube: boolean;
  readonly criticality: boolean;
  /** Keep each activity's sampled durations (for Spearman cruciality). */
  readonly storeDurations: boolean;
  /** Run one extra forward pass per risk with that risk excluded (common random numbers). */
  readonly riskExclusion: boolean;
  /** Risk occurrence: Bernoulli draws (default) or probability × impact every iteration. */
  readonly occurrence: "bernoulli" | "scaled";
  /** Absolute float tolerance for criticality (days). */
  readonly floatTolerance: number;
}

/**
 * Results of one block of iterations. Sums are over the block's iterations, shifted by the
 * compiled centers for numerical stability.
 *
 * @category Simulation
 */
export interface BlockResult {
  readonly block: number;
  readonly count: number;
  readonly finish: Float64Array;
  readonly cost: Float64Array;
  readonly critical: Float64Array;
  readonly sumD: Float64Array;
  readonly sumDD: Float64Array;
  readonly sumDT: Float64Array;
  /** Per predecessor link: sum of the link's constraint date. */
  readonly linkSum: Float64Array;
  /** Per activity: sum of the max over its incoming link constraint dates. */
  readonly mergeMaxSum: Float64Array;
  readonly occurrences: Float64Array;
  readonly branchTaken: Float64Array;
  readonly durations: Float32Array | null;
  /** Per risk: finish / cost with that risk excluded. */
  readonly exclusionFinish: Float64Array[];
  readonly exclusionCost: Float64Array[];
  /** Sampled durations that came out negative (after risks) and were set to 0. */
  readonly clamped: number;
  /** Whether rank correlation was applied to this block (false when the block is too small). */
  readonly correlated: boolean;
}

function seedParts(seed: number): [number, number] {
  const s = Math.floor(Math.abs(seed));
  return [s >>> 0, Math.floor(s / 4294967296) >>> 0];
}

/**
 * The random inputs of one block of iterations, consumed iteration by iteration: durations are
 * drawn row by row from per-activity streams (fused with the passes; no n × block buffer), except
 * for correlated activities and Latin hypercube runs, which are sampled per block up front.
 * Risk occurrences, impacts, branch choices and fixed costs are sampled per block.
 *
 * @internal
 */
export interface BlockSampler {
  readonly nb: number;
  /** Writes iteration i's base durations (before risks and branches) into `row`; call for i = 0, 1, … in order. */
  sampleRow(i: number, row: Float64Array): void;
  /**
   * Effective durations of iteration i from `row` into `d` (branches skipped, risks applied except
   * `skip`, negatives set to 0); returns the additive delay of risks linked to no activity. The
   * risk cost of the iteration is left in `riskCost[0]`.
   */
  effective(i: number, skip: number, row: Float64Array, d: Float64Array): number;
  readonly riskCost: Float64Array;
  /** Per risk × iteration: 1 when the risk occurs. */
  readonly occ: Uint8Array;
  readonly occurrences: Float64Array;
  readonly branchTaken: Float64Array;
  /** Per activity × iteration (activity-major), or null without costs. */
  readonly fixedCost: Float64Array | null;
  /** Per branch group × iteration: the branch taken. */
  readonly choice: Int32Array;
  /** Whether no risk and no branch touches the durations (effective = clamp). */
  readonly plain: boolean;
  readonly correlated: boolean;
  /** Count of durations set to 0 by `effective` so far. */
  clamped(): number;
}

/**
 * Builds the sampler of one block. The random numbers depend only on (seed, block index, model id,
 * entity id, purpose).
 *
 * @internal
 */
export function createSampler(
  cm: CompiledModel,
  o: Pick<KernelOptions, "seed" | "latinHypercube" | "occurrence">,
  block: number,
  nb: number,
): BlockSampler {
  const n = cm.durations.length;
  const [s0, s1] = seedParts(o.seed);
  const key = (purpose: number, entity: number): number => streamKey(s0, s1, cm.salt, block, purpose, entity);
  const u = new Float64Array(nb);
  const draw = (purpose: number, entity: number): Float64Array => {
    const st = new Stream(key(purpose, entity));
    st.fill(u, nb);
    if (o.latinHypercube) stratify(u, nb, new Stream(key(P_LHS, entity ^ purpose)));
    return u;
  };

  // 1. Durations: per-activity sampling mode, stream state, or a pre-sampled column.
  const mode = new Uint8Array(n);
  const pa = new Float64Array(n);
  const pb = new Float64Array(n);
  const pc = new Float64Array(n);
  const pkl = new Float64Array(n);
  const pkr = new Float64Array(n);
  const state = new Int32Array(4 * n);
  const columns: (Float64Array | null)[] = new Array<Float64Array | null>(n).fill(null);
  const dists: readonly CompiledDistribution[] = cm.durations;
  const tables: (Float64Array | null)[] = new Array<Float64Array | null>(n).fill(null);
  const isCorrelated = new Uint8Array(n);
  if (cm.correlation) for (const v of cm.correlation.vars) isCorrelated[v] = 1;
  for (let j = 0; j < n; j++) {
    const d = dists[j]!;
    const p = d.p;
    if (d.kind === K_FIXED) {
      mode[j] = S_FIXED;
      pa[j] = p[0]!;
      continue;
    }
    if (o.latinHypercube || isCorrelated[j] === 1) {
      const col = new Float64Array(nb);
      mapSamples(d, draw(P_DURATION, cm.durationHash[j]!), nb, col, 0, 1);
      columns[j] = col;
      mode[j] = S_COLUMN;
      continue;
    }
    new Stream(key(P_DURATION, cm.durationHash[j]!)).saveState(state, 4 * j);
    if (d.kind === K_TRI) {
      mode[j] = S_TRI;
      pa[j] = p[0]!;
      pb[j] = p[2]!;
      pc[j] = p[3]!;
      pkl[j] = (p[2]! - p[0]!) * (p[1]! - p[0]!);
      pkr[j] = (p[2]! - p[0]!) * (p[2]! - p[1]!);
    } else if (d.kind === K_UNIFORM) {
      mode[j] = S_UNIFORM;
      pa[j] = p[0]!;
      pb[j] = p[1]!;
    } else if (d.kind === K_TABLE) {
      mode[j] = S_TABLE;
      pa[j] = p[0]!;
      pb[j] = p[1]!;
      tables[j] = d.table!;
    } else mode[j] = S_OTHER;
  }
  // 2. Rank correlation (Iman–Conover) of the pre-sampled columns within the block.
  let correlated = false;
  if (cm.correlation) {
    const vars = cm.correlation.vars;
    const cols = Array.from(vars, (v) => columns[v] ?? new Float64Array(nb).fill(pa[v]!));
    correlated = imanConover(
      cols,
      nb,
      cm.correlation.lower,
      Array.from(vars, (v) => new Stream(key(P_CORRELATION, cm.durationHash[v]!))),
    );
    vars.forEach((v, c) => {
      if (mode[v] === S_COLUMN) columns[v] = cols[c]!;
    });
  }
  // 3. Risk occurrences and impacts.
  const R = cm.risks.ids.length;
  const occ = new Uint8Array(R * nb);
  const imp = new Float64Array(R * nb);
  const cimp = new Float64Array(R * nb);
  const occurrences = new Float64Array(R);
  const scaled = o.occurrence === "scaled";
  for (let r = 0; r < R; r++) {
    const h = cm.risks.hash[r]!;
    const p = cm.risks.probability[r]!;
    const uo = draw(P_OCCURRENCE, h);
    let c = 0;
    for (let i = 0; i < nb; i++) {
      const hit = scaled ? p > 0 : uo[i]! < p;
      occ[r * nb + i] = hit ? 1 : 0;
      if (hit) c++;
    }
    occurrences[r] = scaled ? p * nb : c;
    mapSamples(cm.risks.impact[r]!, draw(P_IMPACT, h), nb, imp, r * nb, 1);
    const ci = cm.risks.costImpact[r];
    if (ci) mapSamples(ci, draw(P_COST_IMPACT, h), nb, cimp, r * nb, 1);
    if (scaled) {
      const mult = cm.risks.multiply[r] === 1;
      for (let i = 0; i < nb; i++) {
        const x = imp[r * nb + i]!;
        imp[r * nb + i] = mult ? 1 + p * (x - 1) : p * x;
        cimp[r * nb + i] = p * cimp[r * nb + i]!;
      }
    }
  }
  // 4. Branch choices.
  const G = cm.branches.ids.length;
  const choice = new Int32Array(G * nb);
  const branchCount = cm.branches.cum.reduce((s, c) => s + c.length, 0);
  const branchTaken = new Float64Array(branchCount);
  let bOff = 0;
  for (let g = 0; g < G; g++) {
    const cum = cm.branches.cum[g]!;
    const ub = draw(P_BRANCH, cm.branches.hash[g]!);
    for (let i = 0; i < nb; i++) {
      let k = 0;
      while (k < cum.length - 1 && ub[i]! >= cum[k]!) k++;
      choice[g * nb + i] = k;
      branchTaken[bOff + k]!++;
    }
    bOff += cum.length;
  }
  // 5. Fixed activity costs.
  let fixedCost: Float64Array | null = null;
  if (cm.hasCost) {
    fixedCost = new Float64Array(nb * n);
    for (let j = 0; j < n; j++) {
      const f = cm.costFixed[j];
      if (f)
        mapSamples(f, f.kind === K_FIXED ? u : draw(P_COST, cm.durationHash[j]!), nb, fixedCost, j * nb, 1);
    }
  }

  const sampleRow = (i: number, row: Float64Array): void => {
    for (let j = 0; j < n; j++) {
      const m = mode[j]!;
      if (m === S_FIXED) {
        row[j] = pa[j]!;
        continue;
      }
      if (m === S_COLUMN) {
        row[j] = columns[j]![i]!;
        continue;
      }
      // SFC32 step of activity j's stream (same sequence as Stream.fill).
      const q = 4 * j;
      const a = state[q]!;
      const b = state[q + 1]!;
      const c = state[q + 2]!;
      const dd = state[q + 3]!;
      const t = (((a + b) | 0) + dd) | 0;
      state[q] = b ^ (b >>> 9);
      state[q + 1] = (c + (c << 3)) | 0;
      state[q + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
      state[q + 3] = (dd + 1) | 0;
      const x = ((t >>> 0) + 0.5) * INV32;
      if (m === S_TRI)
        row[j] = x < pc[j]! ? pa[j]! + Math.sqrt(x * pkl[j]!) : pb[j]! - Math.sqrt((1 - x) * pkr[j]!);
      else if (m === S_UNIFORM) row[j] = pa[j]! + x * pb[j]!;
      else if (m === S_TABLE) {
        const tb = tables[j]!;
        const y = x * TABLE_K;
        const k = y | 0;
        row[j] = pa[j]! + pb[j]! * (tb[k]! + (y - k) * (tb[k + 1]! - tb[k]!));
      } else row[j] = inverseCdf(dists[j]!, x);
    }
  };

  const hasBranches = G > 0;
  const group = cm.branches.group;
  const branchOf = cm.branches.branch;
  const { linkStart, linkIndex, order, multiply } = cm.risks;
  const riskCost = new Float64Array(1);
  const plain = R === 0 && !hasBranches;
  // Whether some base duration can be negative (else the plain path has nothing to clamp).
  let canBeNegative = false;
  for (let j = 0; j < n && !canBeNegative; j++) {
    const col = columns[j];
    if (col) {
      for (let i = 0; i < nb; i++) if (col[i]! < 0) canBeNegative = true;
    } else if (mode[j] !== S_OTHER)
      canBeNegative = pa[j]! < 0; // fixed value, or the minimum
    else {
      const d = dists[j]!;
      if (d.kind === K_NORMAL) canBeNegative = true;
      else if (d.kind !== K_LOGNORMAL) canBeNegative = (d.table ?? d.p).some((x) => x < 0);
    }
  }
  let clamped = 0;
  const effective = (i: number, skip: number, row: Float64Array, d: Float64Array): number => {
    riskCost[0] = 0;
    if (plain) {
      if (!canBeNegative) {
        if (d !== row) d.set(row);
        return 0;
      }
      for (let j = 0; j < n; j++) {
        const x = row[j]!;
        if (x < 0) {
          d[j] = 0;
          clamped++;
        } else d[j] = x;
      }
      return 0;
    }
    for (let j = 0; j < n; j++) d[j] = row[j]!;
    if (hasBranches)
      for (let j = 0; j < n; j++) {
        const g = group[j]!;
        if (g >= 0 && choice[g * nb + i] !== branchOf[j]) d[j] = 0;
      }
    let projectDelay = 0;
    let rc = 0;
    for (let q = 0; q < R; q++) {
      const r = order[q]!;
      if (r === skip || occ[r * nb + i] === 0) continue;
      const x = imp[r * nb + i]!;
      rc += cimp[r * nb + i]!;
      const a = linkStart[r]!;
      const e = linkStart[r + 1]!;
      if (a === e) {
        projectDelay += multiply[r] === 1 ? 0 : x;
        continue;
      }
      if (multiply[r] === 1) for (let l = a; l < e; l++) d[linkIndex[l]!]! *= x;
      else for (let l = a; l < e; l++) d[linkIndex[l]!]! += x;
    }
    for (let j = 0; j < n; j++)
      if (d[j]! < 0) {
        d[j] = 0;
        if (skip < 0) clamped++;
      }
    riskCost[0] = rc;
    return projectDelay;
  };

  return {
    nb,
    sampleRow,
    effective,
    riskCost,
    occ,
    occurrences,
    branchTaken,
    fixedCost,
    choice,
    plain,
    correlated,
    clamped: () => clamped,
  };
}

/**
 * Runs one block of iterations. The random numbers depend only on (seed, block index, model id,
 * entity id, purpose), so any partition of blocks over threads gives identical results.
 *
 * @param cm - compiled model
 * @param o - kernel options
 * @param block - block index (0-based)
 * @param nb - iterations in this block (≤ blockSize)
 * @returns the block's partial results
 * @example
 * ```ts
 * import { compileModel, planSimulation, runBlock } from "@pmokit/risk";
 * const cm = compileModel({ activities: [{ id: "A", duration: { dist: "uniform", min: 1, max: 3 } }] });
 * const plan = planSimulation(cm, { iterations: 1000, seed: 7 });
 * runBlock(cm, plan.kernel, 0, 1000).finish.length; // 1000
 * ```
 * @category Simulation
 */
export function runBlock(cm: CompiledModel, o: KernelOptions, block: number, nb: number): BlockResult {
  const net = cm.net;
  const n = net.n;
  const smp = createSampler(cm, o, block, nb);
  const { riskCost, occ, fixedCost, choice } = smp;
  const R = cm.risks.ids.length;
  const hasBranches = cm.branches.ids.length > 0;
  const group = cm.branches.group;
  const branchOf = cm.branches.branch;

  const { predStart, predIndex, predType, predLag, succStart, succIndex, succType, succLag } = net;
  const costRate = cm.costRate;
  const center = cm.center;
  const fc = cm.finishCenter;
  const finishOut = new Float64Array(nb);
  const costOut = new Float64Array(nb);
  const critical = new Float64Array(n);
  const sumD = new Float64Array(n);
  const sumDD = new Float64Array(n);
  const sumDT = new Float64Array(n);
  const m = predIndex.length;
  const linkSum = new Float64Array(m);
  const mergeMaxSum = new Float64Array(n);
  const durations = o.storeDurations ? new Float32Array(n * nb) : null;
  const row = new Float64Array(n);
  const d = smp.plain ? row : new Float64Array(n);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const lf = new Float64Array(n);
  const tol = o.floatTolerance;
  const doCrit = o.criticality;
  const doExcl = o.riskExclusion && R > 0;
  const exclusionFinish: Float64Array[] = doExcl ? Array.from({ length: R }, () => new Float64Array(nb)) : [];
  const exclusionCost: Float64Array[] = doExcl ? Array.from({ length: R }, () => new Float64Array(nb)) : [];
  // All links finish-to-start without lag: the passes need no link-type dispatch.
  let simple = true;
  for (let l = 0; l < m; l++) if (predType[l] !== FS || predLag[l] !== 0) simple = false;

  const costOf = (i: number): number => {
    let c = riskCost[0]!;
    if (fixedCost) {
      for (let j = 0; j < n; j++) {
        if (hasBranches && group[j]! >= 0 && choice[group[j]! * nb + i] !== branchOf[j]) continue;
        c += fixedCost[j * nb + i]! + costRate[j]! * d[j]!;
      }
    }
    return c;
  };
  /** Forward pass without capture (risk exclusion scenarios). */
  const forwardOnly = (): number => {
    let finish = 0;
    for (let j = 0; j < n; j++) {
      const dj = d[j]!;
      let s = 0;
      for (let l = predStart[j]!, e = predStart[j + 1]!; l < e; l++) {
        const v = linkBound(predType[l]!, es[predIndex[l]!]!, d[predIndex[l]!]!, predLag[l]!, dj);
        if (v > s) s = v;
      }
      es[j] = s;
      if (s + dj > finish) finish = s + dj;
    }
    return finish;
  };

  for (let i = 0; i < nb; i++) {
    smp.sampleRow(i, row);
    const delay = smp.effective(i, -1, row, d);
    // Forward pass with link constraint capture at merge points.
    let finish = 0;
    if (simple) {
      for (let j = 0; j < n; j++) {
        const a = predStart[j]!;
        const e = predStart[j + 1]!;
        let s = 0;
        if (e - a === 1) s = ef[predIndex[a]!]!;
        else if (e > a) {
          let mx = -Infinity;
          for (let l = a; l < e; l++) {
            const v = ef[predIndex[l]!]!;
            linkSum[l]! += v;
            if (v > mx) mx = v;
          }
          mergeMaxSum[j]! += mx;
          s = mx > 0 ? mx : 0;
        }
        es[j] = s;
        const f = s + d[j]!;
        ef[j] = f;
        if (f > finish) finish = f;
      }
    } else {
      for (let j = 0; j < n; j++) {
        const dj = d[j]!;
        let s = 0;
        const a = predStart[j]!;
        const e = predStart[j + 1]!;
        if (e - a > 1) {
          let mx = -Infinity;
          for (let l = a; l < e; l++) {
            const p = predIndex[l]!;
            const v = linkBound(predType[l]!, es[p]!, d[p]!, predLag[l]!, dj);
            linkSum[l]! += v;
            if (v > mx) mx = v;
          }
          mergeMaxSum[j]! += mx;
          s = mx > 0 ? mx : 0;
        } else if (e > a) {
          const p = predIndex[a]!;
          const v = linkBound(predType[a]!, es[p]!, d[p]!, predLag[a]!, dj);
          s = v > 0 ? v : 0;
        }
        es[j] = s;
        const f = s + dj;
        ef[j] = f;
        if (f > finish) finish = f;
      }
    }
    const total = finish + delay;
    const tt = total - fc;
    if (doCrit) {
      // Backward pass fused with the moment sums of each duration.
      if (simple) {
        // lf holds each activity's late start here.
        for (let j = n - 1; j >= 0; j--) {
          let late = finish;
          for (let l = succStart[j]!, e = succStart[j + 1]!; l < e; l++) {
            const v = lf[succIndex[l]!]!;
            if (v < late) late = v;
          }
          const dj = d[j]!;
          lf[j] = late - dj;
          if (late - ef[j]! <= tol) critical[j]!++;
          const x = dj - center[j]!;
          sumD[j]! += x;
          sumDD[j]! += x * x;
          sumDT[j]! += x * tt;
        }
      } else {
        for (let j = n - 1; j >= 0; j--) {
          let late = finish;
          const dj = d[j]!;
          for (let l = succStart[j]!, e = succStart[j + 1]!; l < e; l++) {
            const k = succIndex[l]!;
            const t = succType[l]!;
            const v =
              t === FS
                ? lf[k]! - d[k]! - succLag[l]!
                : t === SS
                  ? lf[k]! - d[k]! - succLag[l]! + dj
                  : t === FF
                    ? lf[k]! - succLag[l]!
                    : lf[k]! - succLag[l]! + dj;
            if (v < late) late = v;
          }
          lf[j] = late;
          if (late - ef[j]! <= tol) critical[j]!++;
          const x = dj - center[j]!;
          sumD[j]! += x;
          sumDD[j]! += x * x;
          sumDT[j]! += x * tt;
        }
      }
    } else {
      for (let j = 0; j < n; j++) {
        const x = d[j]! - center[j]!;
        sumD[j]! += x;
        sumDD[j]! += x * x;
        sumDT[j]! += x * tt;
      }
    }
    finishOut[i] = total;
    costOut[i] = costOf(i);
    if (durations) for (let j = 0; j < n; j++) durations[j * nb + i] = d[j]!;
    // Risk exclusion scenarios of this iteration (forward pass only, same random numbers).
    if (doExcl) {
      for (let r = 0; r < R; r++) {
        if (occ[r * nb + i] === 0) {
          exclusionFinish[r]![i] = total;
          exclusionCost[r]![i] = costOut[i]!;
          continue;
        }
        const dl = smp.effective(i, r, row, d);
        exclusionFinish[r]![i] = forwardOnly() + dl;
        exclusionCost[r]![i] = costOf(i);
      }
    }
  }

  return {
    block,
    count: nb,
    finish: finishOut,
    cost: costOut,
    critical,
    sumD,
    sumDD,
    sumDT,
    linkSum,
    mergeMaxSum,
    occurrences: smp.occurrences,
    branchTaken: smp.branchTaken,
    durations,
    exclusionFinish,
    exclusionCost,
    clamped: smp.clamped(),
    correlated: smp.correlated,
  };
}
