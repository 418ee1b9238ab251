import { mapSamples, K_FIXED } from "../distributions/distribution.js";
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
}

function seedParts(seed: number): [number, number] {
  const s = Math.floor(Math.abs(seed));
  return [s >>> 0, Math.floor(s / 4294967296) >>> 0];
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
 * @category Simulation
 */
export function runBlock(cm: CompiledModel, o: KernelOptions, block: number, nb: number): BlockResult {
  const net = cm.net;
  const n = net.n;
  const [s0, s1] = seedParts(o.seed);
  const key = (purpose: number, entity: number): number => streamKey(s0, s1, cm.salt, block, purpose, entity);
  const u = new Float64Array(nb);
  const draw = (purpose: number, entity: number): Float64Array => {
    const st = new Stream(key(purpose, entity));
    st.fill(u, nb);
    if (o.latinHypercube) stratify(u, nb, new Stream(key(P_LHS, entity ^ purpose)));
    return u;
  };

  // 1. Base durations, iteration-major: base[i·n + j] (each iteration then reads one contiguous row).
  const base = new Float64Array(nb * n);
  let canBeNegative = false;
  for (let j = 0; j < n; j++) {
    const d = cm.durations[j]!;
    if (d.kind === K_FIXED) mapSamples(d, u, nb, base, j, n);
    else mapSamples(d, draw(P_DURATION, cm.durationHash[j]!), nb, base, j, n);
    if (!canBeNegative) for (let i = 0; i < nb; i++) if (base[i * n + j]! < 0) canBeNegative = true;
  }
  // 2. Rank correlation (Iman–Conover) within the block.
  if (cm.correlation) {
    const vars = cm.correlation.vars;
    const cols = Array.from(vars, (v) => {
      const c = new Float64Array(nb);
      for (let i = 0; i < nb; i++) c[i] = base[i * n + v]!;
      return c;
    });
    imanConover(
      cols,
      nb,
      cm.correlation.lower,
      Array.from(vars, (v) => new Stream(key(P_CORRELATION, cm.durationHash[v]!))),
    );
    vars.forEach((v, c) => {
      const col = cols[c]!;
      for (let i = 0; i < nb; i++) base[i * n + v] = col[i]!;
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

  // 6. Iterations.
  const { predStart, predIndex, predType, predLag, succStart, succIndex, succType, succLag } = net;
  const hasBranches = G > 0;
  const group = cm.branches.group;
  const branchOf = cm.branches.branch;
  const { linkStart, linkIndex, order, multiply } = cm.risks;
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
  const d = new Float64Array(n);
  const es = new Float64Array(n);
  const lf = new Float64Array(n);
  const tol = o.floatTolerance;
  const doCrit = o.criticality;
  const doExcl = o.riskExclusion && R > 0;
  const exclusionFinish: Float64Array[] = doExcl ? Array.from({ length: R }, () => new Float64Array(nb)) : [];
  const exclusionCost: Float64Array[] = doExcl ? Array.from({ length: R }, () => new Float64Array(nb)) : [];

  // Effective durations of iteration i, optionally without risk `skip`; returns the project-level
  // additive delay and writes the risk cost into `riskCost[0]`.
  const riskCost = new Float64Array(1);
  const plain = R === 0 && !hasBranches && !canBeNegative;
  const effective = (i: number, skip: number): number => {
    for (let j = 0, o = i * n; j < n; j++, o++) d[j] = base[o]!;
    riskCost[0] = 0;
    if (plain) return 0;
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
    for (let j = 0; j < n; j++) if (d[j]! < 0) d[j] = 0;
    riskCost[0] = rc;
    return projectDelay;
  };
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

  for (let i = 0; i < nb; i++) {
    const delay = effective(i, -1);
    // Forward pass with link constraint capture.
    let finish = 0;
    for (let j = 0; j < n; j++) {
      const dj = d[j]!;
      let s = 0;
      const a = predStart[j]!;
      const e = predStart[j + 1]!;
      if (e - a > 1) {
        let mx = -Infinity;
        for (let l = a; l < e; l++) {
          const p = predIndex[l]!;
          const t = predType[l]!;
          const v = linkBound(t, es[p]!, d[p]!, predLag[l]!, dj);
          linkSum[l]! += v;
          if (v > mx) mx = v;
        }
        mergeMaxSum[j]! += mx;
        s = mx > 0 ? mx : 0;
      } else if (e > a) {
        const p = predIndex[a]!;
        const t = predType[a]!;
        const v = linkBound(t, es[p]!, d[p]!, predLag[a]!, dj);
        s = v > 0 ? v : 0;
      }
      es[j] = s;
      const f = s + dj;
      if (f > finish) finish = f;
    }
    if (doCrit) {
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
        if (late - (es[j]! + dj) <= tol) critical[j]!++;
      }
    }
    const total = finish + delay;
    finishOut[i] = total;
    costOut[i] = costOf(i);
    const tt = total - fc;
    for (let j = 0; j < n; j++) {
      const x = d[j]! - center[j]!;
      sumD[j]! += x;
      sumDD[j]! += x * x;
      sumDT[j]! += x * tt;
    }
    if (durations) for (let j = 0; j < n; j++) durations[j * nb + i] = d[j]!;
  }

  // 7. Risk exclusion scenarios (forward pass only, same random numbers).
  if (doExcl) {
    for (let r = 0; r < R; r++) {
      const outF = exclusionFinish[r]!;
      const outC = exclusionCost[r]!;
      for (let i = 0; i < nb; i++) {
        if (occ[r * nb + i] === 0) {
          outF[i] = finishOut[i]!;
          outC[i] = costOut[i]!;
          continue;
        }
        const delay = effective(i, r);
        let finish = 0;
        for (let j = 0; j < n; j++) {
          const dj = d[j]!;
          let s = 0;
          for (let l = predStart[j]!, e = predStart[j + 1]!; l < e; l++) {
            const p = predIndex[l]!;
            const t = predType[l]!;
            const v = linkBound(t, es[p]!, d[p]!, predLag[l]!, dj);
            if (v > s) s = v;
          }
          es[j] = s;
          if (s + dj > finish) finish = s + dj;
        }
        outF[i] = finish + delay;
        outC[i] = costOf(i);
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
    occurrences,
    branchTaken,
    durations,
    exclusionFinish,
    exclusionCost,
  };
}
