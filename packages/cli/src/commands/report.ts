import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { PmokitError, parsePortfolio } from "@pmokit/core";
import type { EvmPeriod, Portfolio } from "@pmokit/core";
import { assessMaturity, getBuiltinModel, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import type { MaturityResult } from "@pmokit/maturity";
import { renderHtmlReport, renderMarkdownSummary } from "@pmokit/report";
import { buildPortfolioReport } from "@pmokit/report/portfolio";
import type { CommandContext, CommandSpec } from "../command.js";
import { badOption, intOption, numberOption } from "../command.js";
import { oneLine, readAny } from "./project-io.js";

const EVM_PERIODS: readonly EvmPeriod[] = ["day", "week", "month"];

/** Parses `--evm-period day|week|month` (default `week`). */
function evmPeriodOption(value: string | boolean | string[] | undefined): EvmPeriod {
  if (value === undefined) return "week";
  const period = EVM_PERIODS.find((p) => p === value);
  if (period === undefined) badOption("evm-period", "day, week or month", String(value));
  return period;
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    throw new PmokitError("INVALID_INPUT", `${path}: cannot write file (${code})`, {
      file: path,
      expected: "a writable path",
    });
  }
}

async function readMaturity(ctx: CommandContext, file: string): Promise<MaturityResult> {
  const json = await ctx.readJson(file);
  const modelId = (json as { modelId?: unknown }).modelId;
  try {
    const model = typeof modelId === "string" ? getBuiltinModel(modelId) : pmoMaturityModel;
    return assessMaturity(model, parseAssessment(model, json, { file }));
  } catch (e) {
    return oneLine(e, file);
  }
}

/** `pmokit report FILE [--out report.html] [--markdown summary.md] [--maturity RESPONSES] [--evm-period P] [--json]` */
export const reportCommand: CommandSpec = {
  name: "report",
  summary: "Self-contained HTML portfolio report (inline SVG charts) and Markdown summary.",
  usage:
    "report FILE [--out report.html] [--markdown summary.md] [--maturity RESPONSES] [--seed S] [--iterations N] [--budget X] [--evm-period day|week|month] [--json]",
  description: [
    "Reads a pmokit portfolio JSON (or any single project file), schedules every project, levels the",
    "shared resource pool (RCPSP), scores and simulates the risks (seeded Monte Carlo), computes",
    "earned-value S-curves and the efficient frontier of project selection, and writes one HTML file",
    "with inline SVG charts and CSS (no scripts, no network needed to view it).",
    "--out: HTML file (default: HTML on stdout). --markdown: also write a Markdown summary.",
    "--maturity: assessment responses (pmokit maturity format) to add the maturity radar.",
    "--seed (default 1), --iterations (Monte Carlo per project, default 2000), --budget (cost budget",
    "of the chosen portfolio, default 70 % of the total). --evm-period: period of the earned-value",
    "S-curves, day, week (default) or month. --json prints the report data instead.",
    "Exit codes: 0 written; 2 bad input.",
  ].join("\n"),
  options: {
    out: { type: "string", short: "o", description: "HTML output file (default: stdout)." },
    markdown: { type: "string", description: "Markdown summary output file." },
    maturity: { type: "string", description: "Maturity assessment responses (JSON) for the radar." },
    seed: { type: "string", description: "Seed of every random component (default 1)." },
    iterations: { type: "string", description: "Monte Carlo iterations per project (default 2000)." },
    budget: { type: "string", description: "Cost budget of the chosen portfolio." },
    "evm-period": {
      type: "string",
      description: "Period of the earned-value S-curves: day, week (default) or month.",
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const seed = intOption(ctx.options["seed"], "seed", 1);
    const iterations = intOption(ctx.options["iterations"], "iterations", 2000, 1);
    const budget =
      ctx.options["budget"] === undefined ? undefined : numberOption(ctx.options["budget"], "budget", 0);
    const evmPeriod = evmPeriodOption(ctx.options["evm-period"]);
    const r = await readAny(ctx, file, undefined, undefined);
    let portfolio: Portfolio;
    if (r.portfolio) portfolio = r.portfolio;
    else {
      const first = r.projects[0];
      if (!first)
        throw new PmokitError("INVALID_INPUT", `${file}: the file holds no project`, {
          file,
          expected: "a project",
        });
      try {
        portfolio = parsePortfolio({
          id: first.id,
          name: first.name,
          currency: first.settings.currency,
          projects: r.projects,
        });
      } catch (e) {
        return oneLine(e, file);
      }
    }
    const maturityFile = ctx.options["maturity"];
    const maturity = typeof maturityFile === "string" ? await readMaturity(ctx, maturityFile) : undefined;
    let report;
    try {
      report = await buildPortfolioReport(portfolio, {
        seed,
        iterations,
        evmPeriod,
        ...(budget === undefined ? {} : { budget }),
        ...(maturity ? { maturity } : {}),
      });
    } catch (e) {
      return oneLine(e, file);
    }
    for (const w of report.warnings) ctx.err(`${file}: warning: ${w}`);
    if (ctx.json) {
      ctx.printJson(report);
    }
    const out = ctx.options["out"];
    const md = ctx.options["markdown"];
    if (typeof md === "string") await writeOut(md, renderMarkdownSummary(report));
    if (typeof out === "string") {
      await writeOut(out, renderHtmlReport(report));
      ctx.err(`${file}: report written to ${out}${typeof md === "string" ? ` and ${md}` : ""}`);
    } else if (!ctx.json) ctx.out(renderHtmlReport(report));
    return 0;
  },
};
