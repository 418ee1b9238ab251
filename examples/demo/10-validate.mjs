// Demo step: load and validate the sample portfolio, print a summary.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parsePortfolio, validatePortfolio } from "@pmokit/core";

export const title = "Sample portfolio: load and validate";

export async function run(ctx) {
  const file = join(ctx.examplesDir, "sample-portfolio", "portfolio.json");
  const portfolio = parsePortfolio(JSON.parse(await readFile(file, "utf8")));
  const report = validatePortfolio(portfolio);
  ctx.portfolio = portfolio;
  ctx.portfolioFile = file;
  const rows = portfolio.projects.map((p) => ({
    project: p.id,
    name: p.name,
    priority: p.priority,
    tasks: p.tasks.length,
    links: p.dependencies.length,
    assignments: p.assignments.length,
    risks: p.risks.length,
  }));
  console.table(rows);
  const tasks = rows.reduce((n, r) => n + r.tasks, 0);
  console.log(
    `${portfolio.name}: ${portfolio.projects.length} projects, ${tasks} tasks, ` +
      `${portfolio.sharedResources.length} pool resources, ${portfolio.crossProjectDependencies.length} cross-project links, ` +
      `${portfolio.programs.length} programs; ${report.errors.length} errors, ${report.warnings.length} warnings.`,
  );
  for (const w of report.warnings.slice(0, 5)) console.log(`  warning: ${w.message}`);
}
