// Demo step: critical path scheduling of the sample portfolio (cross-project links included), with
// MS Project semantics, then the same with Primavera P6 semantics for comparison.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parsePortfolio, schedulePortfolio } from "@pmokit/core";

export const title = "Critical path scheduling (MS Project and P6 semantics)";

export async function run(ctx) {
  const file = ctx.portfolioFile ?? join(ctx.examplesDir, "sample-portfolio", "portfolio.json");
  if (!ctx.portfolio && !existsSync(file)) {
    console.log(`skipped: the sample portfolio (${file}) is not there yet`);
    return;
  }
  const portfolio = ctx.portfolio ?? parsePortfolio(JSON.parse(await readFile(file, "utf8")));
  const msp = schedulePortfolio(portfolio, { dialect: "msp" });
  const p6 = schedulePortfolio(portfolio, { dialect: "p6" });
  ctx.results.schedule = msp;
  console.table(
    msp.projects.map((p, i) => ({
      project: p.id,
      start: p.projectStart.slice(0, 10),
      "finish (msp)": p.projectFinish.slice(0, 10),
      "finish (p6)": p6.projects[i]?.projectFinish.slice(0, 10),
      tasks: p.tasks.length,
      // Critical flags come from the portfolio-wide schedule (slack to the portfolio finish); the
      // project's own longest path is its first critical path.
      "critical (portfolio)": p.tasks.filter((t) => t.critical && !t.summary).length,
      "on project's critical path": p.criticalPaths[0]?.length ?? 0,
      "near-critical": p.tasks.filter((t) => t.nearCritical && !t.summary).length,
    })),
  );
  console.log(
    `Portfolio finish (msp): ${msp.projectFinish.slice(0, 16)}. Critical path of each project (driving links, start → finish):`,
  );
  for (const p of msp.projects) {
    const path = p.criticalPaths[0] ?? [];
    console.log(`  ${p.id}: ${path.join(" → ")}`);
  }
  console.log(`Portfolio critical path: ${(msp.criticalPaths[0] ?? []).join(" → ")}`);
  for (const w of msp.warnings.slice(0, 3)) console.log(`  warning: ${w.message}`);
}
