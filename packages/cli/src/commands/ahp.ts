import { PmokitError, isPmokitError } from "@pmokit/core";
import { RANDOM_INDEX_NAMES, computeAhp, parseAhpInput } from "@pmokit/portfolio";
import type { AhpCompletion, AhpMethod } from "@pmokit/portfolio";
import type { CommandSpec } from "../command.js";

/** Prefixes an error message with the file name (one clear line naming file, location, expectation). */
export function inFile(file: string, e: unknown): unknown {
  if (!isPmokitError(e) || e.details.file !== undefined) return e;
  const name = file === "-" ? "<stdin>" : file;
  return new PmokitError(e.code, `${name}: ${e.message}`, { ...e.details, file: name }, { cause: e });
}

/** `pmokit ahp FILE [--method eigenvector|geometric] [--ri saaty|alonso-lamata|...] [--json]` */
export const ahpCommand: CommandSpec = {
  name: "ahp",
  summary: "AHP priorities and consistency (λmax, CI, CR) of a pairwise comparison matrix.",
  usage:
    "ahp FILE [--method eigenvector|geometric] [--ri saaty|alonso-lamata|...] [--completion lambda-min|harker] [--json]",
  description: [
    'FILE: { "labels": [...], "matrix": [[...]] } (reciprocal, positive; null marks a missing judgment).',
    'Output: { "weights", "lambdaMax", "ci", "cr", "riTable", "method" } plus labels, consistency and',
    "completed entries. CR = CI / RI(n) with the named random-index table (default alonso-lamata);",
    "`saaty` is Saaty (2005) (riTable saaty2005); saaty1980 and saaty1980-n12-1.54 are the 1980 variants.",
    "Missing judgments are completed by minimising λmax (Bozóki et al. 2010) or by Harker (1987).",
  ].join("\n"),
  options: {
    method: {
      type: "string",
      description: "Weighting method (default eigenvector).",
      choices: ["eigenvector", "geometric"],
    },
    ri: {
      type: "string",
      description: "Random-index table (default alonso-lamata).",
      choices: Object.keys(RANDOM_INDEX_NAMES),
    },
    completion: {
      type: "string",
      description: "Completion of missing judgments (default lambda-min).",
      choices: ["lambda-min", "harker"],
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const raw = await ctx.readJson(file);
    let out;
    try {
      const input = parseAhpInput(raw);
      const r = computeAhp(input.matrix, {
        method: (ctx.options["method"] as AhpMethod | undefined) ?? "eigenvector",
        ri: (ctx.options["ri"] as string | undefined) ?? "alonso-lamata",
        ...(ctx.options["completion"] ? { completion: ctx.options["completion"] as AhpCompletion } : {}),
        ...(input.labels ? { labels: input.labels } : {}),
      });
      out = { r, labels: input.labels ?? r.weights.map((_, i) => String(i + 1)) };
    } catch (e) {
      throw inFile(file, e);
    }
    const { r, labels } = out;
    for (const w of r.warnings) ctx.err(`pmokit ahp: warning: ${w}`);
    if (ctx.json) {
      ctx.printJson({
        weights: r.weights,
        lambdaMax: r.lambdaMax,
        ci: r.ci,
        cr: r.cr,
        riTable: r.riTable,
        method: r.method,
        labels,
        ri: r.ri,
        consistent: r.consistent,
        ...(r.completion ? { completion: r.completion, completed: r.completed } : {}),
      });
      return 0;
    }
    const width = Math.max(...labels.map((l) => l.length), 5);
    ctx.out(`AHP (${r.method}); RI table ${r.riTable}\n`);
    for (const [i, l] of labels.entries())
      ctx.out(`  ${l.padEnd(width)}  ${(r.weights[i]! * 100).toFixed(2).padStart(6)} %\n`);
    ctx.out(
      `λmax ${r.lambdaMax.toFixed(4)}  CI ${r.ci.toFixed(4)}  CR ${r.cr === null ? "n/a" : r.cr.toFixed(4)} ` +
        `(${r.consistent ? "consistent, ≤ 0.10" : "inconsistent, > 0.10"})\n`,
    );
    for (const c of r.completed)
      ctx.out(`  completed ${labels[c.i]} over ${labels[c.j]} = ${c.value.toFixed(4)} (${r.completion})\n`);
    return 0;
  },
};
