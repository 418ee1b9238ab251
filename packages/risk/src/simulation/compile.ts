import { PmokitError } from "@pmokit/core";
import { checkFinite, checkProbability, inputError } from "../internal/errors.js";
import { compileDistribution, inverseCdf } from "../distributions/distribution.js";
import type { CompiledDistribution } from "../distributions/distribution.js";
import type { DistributionSpec } from "../distributions/types.js";
import { hashString } from "../random/prng.js";
import { cholesky, repairCorrelationMatrix } from "./correlation.js";
import type { RiskModel } from "./model.js";
import { compileNetwork, forwardPass } from "./network.js";
import type { ScheduleNetwork } from "./network.js";

/**
 * A soft problem found while compiling or simulating (never silent).
 *
 * @category Simulation
 */
export interface SimulationWarning {
  readonly code: "CORRELATION_REPAIRED" | "NEGATIVE_DURATION_CLAMPED" | "BLOCK_TOO_SMALL_FOR_CORRELATION";
  readonly message: string;
  readonly path?: string;
}

/**
 * Options that change how a model compiles.
 *
 * @category Simulation
 */
export interface CompileOptions {
  /** What to do with a correlation matrix that is not positive semi-definite: repair it with a warning (default) or throw. */
  readonly invalidCorrelation?: "repair" | "error";
}

/**
 * A model compiled into typed arrays (plain, structured-cloneable: it is what worker threads receive).
 *
 * @category Simulation
 */
export interface CompiledModel {
  readonly salt: number;
  readonly net: ScheduleNetwork;
  readonly durations: readonly CompiledDistribution[];
  readonly durationHash: Uint32Array;
  /** Median of each duration: the shift used for numerically stable moment sums. */
  readonly center: Float64Array;
  readonly finishCenter: number;
  readonly deterministicFinish: number;
  readonly costFixed: readonly (CompiledDistribution | null)[];
  readonly costRate: Float64Array;
  readonly hasCost: boolean;
  readonly risks: {
    readonly ids: readonly string[];
    readonly hash: Uint32Array;
    readonly probability: Float64Array;
    readonly multiply: Uint8Array;
    readonly impact: readonly CompiledDistribution[];
    readonly costImpact: readonly (CompiledDistribution | null)[];
    /** CSR risk → linked activities (topological indices); risks are ordered multiplicative first. */
    readonly linkStart: Int32Array;
    readonly linkIndex: Int32Array;
    /** Processing order: multiplicative risks first, then additive ones. */
    readonly order: Int32Array;
  };
  readonly correlation: {
    readonly vars: Int32Array;
    readonly lower: Float64Array;
  } | null;
  readonly branches: {
    readonly ids: readonly string[];
    readonly hash: Uint32Array;
    /** Per group: cumulative branch probabilities. */
    readonly cum: readonly Float64Array[];
    /** Per activity: group index or −1, and branch index. */
    readonly group: Int32Array;
    readonly branch: Int32Array;
  };
  readonly warnings: readonly SimulationWarning[];
}

function mostLikely(spec: DistributionSpec, d: CompiledDistribution): number {
  if (typeof spec === "number") return spec;
  switch (spec.dist) {
    case "fixed":
      return spec.value;
    case "triangular":
    case "pert":
    case "trigen":
      return spec.mode;
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "normal":
      return spec.mean;
    case "discrete": {
      let best = spec.values[0]!;
      for (const v of spec.values) if (v[1] > best[1]) best = v;
      return best[0];
    }
    default:
      return inverseCdf(d, 0.5);
  }
}

function dangling(path: string, id: unknown): never {
  throw new PmokitError("DANGLING_REFERENCE", `${path}: unknown activity id '${String(id)}'`, {
    path,
    ids: [String(id)],
    expected: "the id of an activity in this model",
    received: String(id),
  });
}

/**
 * Validates a {@link RiskModel} and compiles it into typed arrays for the Monte Carlo kernel.
 *
 * @param model - the model
 * @param options - compile options
 * @returns the compiled model
 * @throws PmokitError with the JSON path and what was expected: `INVALID_INPUT` (probability
 *   outside [0, 1], min > mode, |rho| > 1, non-PSD correlation with `invalidCorrelation: "error"`),
 *   `DUPLICATE_ID`, `DANGLING_REFERENCE` (unknown activity ids), `CYCLE_DETECTED`
 * @category Simulation
 */
export function compileModel(model: RiskModel, options: CompileOptions = {}): CompiledModel {
  if (typeof model !== "object" || model === null || !Array.isArray(model.activities))
    inputError("activities", "an array of activities", model === null ? "null" : typeof model);
  const warnings: SimulationWarning[] = [];
  const net = compileNetwork(model.activities);
  const n = net.n;
  const topo = new Map<string, number>();
  net.ids.forEach((id, k) => topo.set(id, k));
  const cache = new Map<string, Float64Array>();
  const durations: CompiledDistribution[] = [];
  const durationHash = new Uint32Array(n);
  const center = new Float64Array(n);
  const ml = new Float64Array(n);
  const costFixed: (CompiledDistribution | null)[] = [];
  const costRate = new Float64Array(n);
  let hasCost = false;
  for (let k = 0; k < n; k++) {
    const i = net.inputIndex[k]!;
    const a = model.activities[i]!;
    const d = compileDistribution(a.duration, `activities[${i}].duration`, cache);
    durations.push(d);
    durationHash[k] = hashString(a.id);
    center[k] = inverseCdf(d, 0.5);
    ml[k] = mostLikely(a.duration, d);
    if (a.cost) {
      hasCost = true;
      costFixed.push(
        a.cost.fixed === undefined
          ? null
          : compileDistribution(a.cost.fixed, `activities[${i}].cost.fixed`, cache),
      );
      if (a.cost.ratePerDay !== undefined) checkFinite(a.cost.ratePerDay, `activities[${i}].cost.ratePerDay`);
      costRate[k] = a.cost.ratePerDay ?? 0;
    } else costFixed.push(null);
  }
  const es = new Float64Array(n);
  const deterministicFinish = forwardPass(net, ml, es);
  const finishCenter = forwardPass(net, center, es);

  // Risks.
  const risks = model.risks ?? [];
  const seen = new Set<string>();
  const rIds: string[] = [];
  const rHash = new Uint32Array(risks.length);
  const prob = new Float64Array(risks.length);
  const mult = new Uint8Array(risks.length);
  const impact: CompiledDistribution[] = [];
  const costImpact: (CompiledDistribution | null)[] = [];
  const links: number[][] = [];
  risks.forEach((r, i) => {
    const p = `risks[${i}]`;
    if (typeof r.id !== "string" || r.id === "") inputError(`${p}.id`, "a non-empty string id", r.id);
    if (seen.has(r.id))
      throw new PmokitError("DUPLICATE_ID", `${p}.id: duplicate risk id '${r.id}'`, {
        path: `${p}.id`,
        ids: [r.id],
      });
    seen.add(r.id);
    rIds.push(r.id);
    rHash[i] = hashString(`risk:${r.id}`);
    checkProbability(r.probability, `${p}.probability`);
    prob[i] = r.probability;
    const mode = r.mode ?? "add";
    if (mode !== "add" && mode !== "multiply") inputError(`${p}.mode`, '"add" or "multiply"', mode);
    mult[i] = mode === "multiply" ? 1 : 0;
    impact.push(compileDistribution(r.impact ?? (mode === "multiply" ? 1 : 0), `${p}.impact`, cache));
    costImpact.push(
      r.costImpact === undefined ? null : compileDistribution(r.costImpact, `${p}.costImpact`, cache),
    );
    if (r.costImpact !== undefined) hasCost = true;
    const ls: number[] = [];
    (r.activities ?? []).forEach((id, k) => {
      const t = topo.get(id);
      if (t === undefined) dangling(`${p}.activities[${k}]`, id);
      if (!ls.includes(t)) ls.push(t);
    });
    links.push(ls);
  });
  const order = Int32Array.from(risks.map((_, i) => i).sort((a, b) => mult[b]! - mult[a]! || a - b));
  const linkStart = new Int32Array(risks.length + 1);
  links.forEach((l, i) => (linkStart[i + 1] = linkStart[i]! + l.length));
  const linkIndex = Int32Array.from(links.flat());

  // Correlations.
  let correlation: CompiledModel["correlation"] = null;
  const corrs = model.correlations ?? [];
  if (corrs.length > 0) {
    const varIndex = new Map<number, number>();
    const vars: number[] = [];
    const pairs: [number, number, number][] = [];
    corrs.forEach((c, i) => {
      const p = `correlations[${i}]`;
      const a = topo.get(c.a);
      const b = topo.get(c.b);
      if (a === undefined) dangling(`${p}.a`, c.a);
      if (b === undefined) dangling(`${p}.b`, c.b);
      if (typeof c.rho !== "number" || !(c.rho >= -1 && c.rho <= 1))
        inputError(`${p}.rho`, "a number in [-1, 1]", c.rho);
      if (a === b) inputError(`${p}.b`, "an activity other than a", c.b);
      for (const v of [a, b]) {
        if (!varIndex.has(v)) {
          varIndex.set(v, vars.length);
          vars.push(v);
        }
      }
      pairs.push([varIndex.get(a)!, varIndex.get(b)!, c.rho]);
    });
    const k = vars.length;
    const m = new Float64Array(k * k);
    for (let i = 0; i < k; i++) m[i * k + i] = 1;
    for (const [a, b, rho] of pairs) {
      // Target Spearman ρ → normal-score (Pearson) correlation r = 2 sin(πρ/6).
      const r = 2 * Math.sin((Math.PI * rho) / 6);
      m[a * k + b] = m[b * k + a] = r;
    }
    let lower = cholesky(m, k);
    if (!lower) {
      const { matrix, minEigenvalue } = repairCorrelationMatrix(m, k);
      if (options.invalidCorrelation === "error")
        throw new PmokitError(
          "INVALID_INPUT",
          `correlations: the correlation matrix is not positive semi-definite (minimum eigenvalue ${minEigenvalue.toFixed(4)})`,
          { path: "correlations", expected: "a positive semi-definite correlation matrix", minEigenvalue },
        );
      warnings.push({
        code: "CORRELATION_REPAIRED",
        path: "correlations",
        message: `correlation matrix not positive semi-definite (minimum eigenvalue ${minEigenvalue.toFixed(4)}); replaced by the nearest valid matrix`,
      });
      lower = cholesky(matrix, k, 1e-8)!;
    }
    correlation = { vars: Int32Array.from(vars), lower };
  }

  // Branch groups.
  const groups = model.branches ?? [];
  const group = new Int32Array(n).fill(-1);
  const branch = new Int32Array(n);
  const cums: Float64Array[] = [];
  groups.forEach((g, gi) => {
    const p = `branches[${gi}]`;
    if (!Array.isArray(g.branches as unknown) || g.branches.length === 0)
      inputError(`${p}.branches`, "a non-empty array", g.branches);
    const cum = new Float64Array(g.branches.length);
    let s = 0;
    g.branches.forEach((b, bi) => {
      checkProbability(b.probability, `${p}.branches[${bi}].probability`);
      s += b.probability;
      cum[bi] = s;
      b.activities.forEach((id, k) => {
        const t = topo.get(id);
        if (t === undefined) dangling(`${p}.branches[${bi}].activities[${k}]`, id);
        if (group[t] !== -1)
          inputError(`${p}.branches[${bi}].activities[${k}]`, "an activity in at most one branch", id);
        group[t] = gi;
        branch[t] = bi;
      });
    });
    if (Math.abs(s - 1) > 1e-9) inputError(`${p}.branches`, "branch probabilities summing to 1", s);
    cum[cum.length - 1] = 1;
    cums.push(cum);
  });

  return {
    salt: hashString(model.id ?? ""),
    net,
    durations,
    durationHash,
    center,
    finishCenter,
    deterministicFinish,
    costFixed,
    costRate,
    hasCost,
    risks: {
      ids: rIds,
      hash: rHash,
      probability: prob,
      multiply: mult,
      impact,
      costImpact,
      linkStart,
      linkIndex,
      order,
    },
    correlation,
    branches: {
      ids: groups.map((g) => g.id),
      hash: Uint32Array.from(groups.map((g) => hashString(`branch:${g.id}`))),
      cum: cums,
      group,
      branch,
    },
    warnings,
  };
}
