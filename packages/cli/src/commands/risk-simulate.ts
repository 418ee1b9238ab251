import { parseRiskModel, simulate } from "@pmokit/risk";
import type { SimulateOptions, SimulationResult } from "@pmokit/risk";
import type { CommandSpec } from "../command.js";
import { intOption } from "../command.js";

const round = (x: number, d = 4): number => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
const orNull = (x: number | null, d = 4): number | null => (x === null ? null : round(x, d));

/** The JSON document of `pmokit risk simulate --json` (contract fields first, extras after). */
export function riskSimulateJson(r: SimulationResult): unknown {
  const f = r.finish;
  return {
    iterations: r.iterations,
    seed: r.seed,
    finish: {
      mean: round(f.mean),
      sd: round(f.sd),
      p10: round(f.p10),
      p50: round(f.p50),
      p80: round(f.p80),
      p90: round(f.p90),
      min: round(f.min),
      max: round(f.max),
    },
    activities: r.activities.map((a) => ({
      id: a.id,
      criticality: round(a.criticality),
      cruciality: orNull(a.cruciality),
      sensitivity: orNull(a.sensitivity),
      crucialitySpearman: orNull(a.crucialitySpearman),
    })),
    risks: r.risks.map((k) => ({
      id: k.id,
      occurrences: k.occurrences,
      meanImpactDays: round(k.meanImpactDays),
      p80ImpactDays: round(k.percentileImpactDays),
    })),
    deterministicFinish: round(r.deterministicFinish),
    probabilityOfDeterministicFinish: round(r.probabilityOfDeterministicFinish),
    quantileMethod: r.quantileMethod,
    blockSize: r.blockSize,
    mergePoints: r.mergePoints.map((m) => ({ id: m.id, mergeBias: round(m.mergeBias) })),
    ...(r.cost ? { cost: { mean: round(r.cost.mean), p50: round(r.cost.p50), p80: round(r.cost.p80) } } : {}),
    ...(r.jcl ? { jcl: { ...r.jcl, probability: round(r.jcl.probability) } } : {}),
    warnings: r.warnings,
  };
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function table(r: SimulationResult): string {
  const f = r.finish;
  const lines = [
    `Iterations ${r.iterations}, seed ${r.seed} (P-values: inverse empirical CDF)`,
    `Finish (working days): mean ${f.mean.toFixed(2)}, sd ${f.sd.toFixed(2)}, P10 ${f.p10.toFixed(2)}, P50 ${f.p50.toFixed(2)}, P80 ${f.p80.toFixed(2)}, P90 ${f.p90.toFixed(2)} (min ${f.min.toFixed(2)}, max ${f.max.toFixed(2)})`,
    `Deterministic finish ${r.deterministicFinish.toFixed(2)}: ${(r.probabilityOfDeterministicFinish * 100).toFixed(1)} % confidence`,
    "",
  ];
  const w = Math.max(8, ...r.activities.map((a) => a.id.length));
  lines.push(
    `${pad("activity", w)}  ${pad("critical", 9, true)}  ${pad("cruciality", 10, true)}  ${pad("SSI", 8, true)}`,
  );
  for (const a of [...r.activities].sort((x, y) => y.criticality - x.criticality))
    lines.push(
      `${pad(a.id, w)}  ${pad(`${(a.criticality * 100).toFixed(1)} %`, 9, true)}  ${pad(a.cruciality === null ? "-" : a.cruciality.toFixed(3), 10, true)}  ${pad(a.sensitivity === null ? "-" : a.sensitivity.toFixed(3), 8, true)}`,
    );
  if (r.risks.length > 0) {
    const rw = Math.max(4, ...r.risks.map((k) => k.id.length));
    lines.push(
      "",
      `${pad("risk", rw)}  ${pad("occurred", 9, true)}  ${pad("mean days", 10, true)}  ${pad("P80 days", 9, true)}`,
    );
    for (const k of [...r.risks].sort((x, y) => y.meanImpactDays - x.meanImpactDays))
      lines.push(
        `${pad(k.id, rw)}  ${pad(`${((k.occurrences / r.iterations) * 100).toFixed(1)} %`, 9, true)}  ${pad(k.meanImpactDays.toFixed(2), 10, true)}  ${pad(k.percentileImpactDays.toFixed(2), 9, true)}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

/** `pmokit risk simulate FILE [--iterations N] [--seed S] [--json]` */
export const riskSimulate: CommandSpec = {
  name: "risk simulate",
  summary: "Monte Carlo schedule risk analysis of a simple schedule-risk JSON model",
  usage: "risk simulate FILE [--iterations N] [--seed S] [--threads T] [--lhs] [--json]",
  description: [
    "FILE: { activities: [{ id, duration: number | { dist: triangular|pert|uniform|trigen|normal|lognormal|discrete, ... },",
    "predecessors: [{ id, type: FS|SS|FF|SF, lag }] }], risks: [{ id, probability, impact, mode: add|multiply, activities }],",
    "correlations: [{ a, b, rho }] } (durations in working days; parameter order min, mode, max).",
    "Same input, seed and iterations give identical output whatever the number of threads.",
    "Criticality: share of iterations with total float <= 1e-6 d; cruciality: |Pearson corr(duration, finish)|;",
    "sensitivity: SSI = criticality x sd(duration) / sd(finish); meanImpactDays: mean finish shift when the risk",
    "is excluded (common random numbers). P-values: inverse empirical CDF (R-1).",
  ].join("\n"),
  options: {
    iterations: { type: "string", description: "Number of iterations (default 10000)." },
    seed: { type: "string", description: "Random seed, a non-negative integer (default 1)." },
    threads: { type: "string", description: "Worker threads (default 1; results do not depend on it)." },
    lhs: { type: "boolean", description: "Latin hypercube sampling within each block of 1000 iterations." },
    "strict-correlation": {
      type: "boolean",
      description: "Reject a correlation matrix that is not positive semi-definite instead of repairing it.",
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const iterations = intOption(ctx.options["iterations"], "iterations", 10000, 1);
    const seed = intOption(ctx.options["seed"], "seed", 1, 0);
    const threads = intOption(ctx.options["threads"], "threads", 1, 1);
    const model = parseRiskModel(await ctx.readJson(file), file);
    const options: SimulateOptions = {
      iterations,
      seed,
      latinHypercube: ctx.options["lhs"] === true,
      invalidCorrelation: ctx.options["strict-correlation"] === true ? "error" : "repair",
    };
    let result: SimulationResult;
    if (threads > 1) {
      const { simulateParallel } = await import("@pmokit/risk/node");
      result = await simulateParallel(model, { ...options, threads });
    } else result = simulate(model, options);
    for (const w of result.warnings)
      ctx.err(`pmokit risk simulate: warning: ${file}: ${w.path ?? ""}: ${w.message}`);
    if (ctx.json) ctx.printJson(riskSimulateJson(result));
    else ctx.out(table(result));
    return 0;
  },
};
