import { numberOption } from "../command.js";
import { parseSelectInput, selectPortfolio } from "@pmokit/portfolio";
import type { SelectionSolver } from "@pmokit/portfolio";
import type { CommandSpec } from "../command.js";
import { inFile } from "./ahp.js";

/** `pmokit select FILE [--json] [--time-limit SECONDS]` */
export const selectCommand: CommandSpec = {
  name: "select",
  summary: "Choose the portfolio of maximum value under limits, relations and forcing (exact MIP).",
  usage: "select FILE [--json] [--time-limit SECONDS] [--solver auto|bnb|highs]",
  description: [
    'FILE: { "projects": [ { "id", "value", "costs": { "<constraint>": amount }, "force": "in"|"out"? } ],',
    '"limits": { "<constraint>": amount }, "relations": [ { "type": "requires"|"excludes", "a", "b" } ] }',
    'where an amount is a number, a decimal string ("1250.50") or Money { "amount": "1250.50", "currency": "EUR" }',
    "(decimal strings and Money are exact)",
    '(also: "includes" = mutual inclusion, { "type": "exclusive", "ids" }, per-period "capacities" with',
    'project "demand"/"assignments", "start" and "shift" windows).',
    'Output: { "selected": [ids], "objective", "optimal", "usage": { "<constraint>": number } } plus gap,',
    'bound, exact "totals" per constraint as decimal strings ({ "used", "limit", "remaining", "currency"? }),',
    "starts and decisions. Optimality is proven unless the time limit stops the search",
    "(optimal: false with the gap; the selection is still feasible). An infeasible forced set exits 1",
    "naming the conflicting forced projects and constraints.",
  ].join("\n"),
  options: {
    "time-limit": { type: "string", description: "Wall-clock limit in seconds (default: none)." },
    solver: {
      type: "string",
      description:
        "auto (default: TypeScript LP-based branch and bound up to 600 rows, HiGHS above), bnb or highs.",
      choices: ["auto", "bnb", "highs"],
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const limit = numberOption(ctx.options["time-limit"], "time-limit", Number.POSITIVE_INFINITY);
    if (!(limit > 0)) {
      ctx.err(
        `pmokit select: --time-limit: expected a number > 0, got '${String(ctx.options["time-limit"])}'`,
      );
      return 2;
    }
    const file = ctx.args[0]!;
    const raw = await ctx.readJson(file);
    let r;
    try {
      const problem = parseSelectInput(raw);
      r = await selectPortfolio(problem, {
        ...(Number.isFinite(limit) ? { timeLimit: limit } : {}),
        solver: (ctx.options["solver"] as SelectionSolver | undefined) ?? "auto",
      });
    } catch (e) {
      throw inFile(file, e);
    }
    for (const w of r.warnings) ctx.err(`pmokit select: warning: ${w}`);
    if (ctx.json) {
      ctx.printJson({
        selected: r.selected,
        objective: r.objective,
        optimal: r.optimal,
        usage: r.usage,
        gap: r.gap,
        bound: r.bound,
        limits: r.limits,
        totals: r.totals,
        starts: r.starts,
        ...(r.shifted.length > 0 ? { shifted: r.shifted } : {}),
        ...(Object.keys(r.capacityUsage).length > 0 ? { capacityUsage: r.capacityUsage } : {}),
        decisions: r.decisions,
        solver: r.solver,
      });
      return 0;
    }
    ctx.out(
      `Selected ${r.selected.length} project(s), value ${r.objective} (${r.optimal ? "proven optimal" : `not proven optimal, gap ${(r.gap * 100).toFixed(3)} %`}; ${r.solver}, ${r.timeMs} ms)\n`,
    );
    ctx.out(`  ${r.selected.join(", ")}\n`);
    for (const [k, t] of Object.entries(r.totals))
      ctx.out(
        `  ${k}: ${t.used}${t.limit === undefined ? "" : ` of ${t.limit}`}${t.currency ? ` ${t.currency}` : ""}\n`,
      );
    for (const s of r.shifted) ctx.out(`  ${s.id} shifted from period ${s.from} to ${s.to}\n`);
    return 0;
  },
};
