// Demo step: schedule risk analysis of every project of the sample portfolio on core's scheduling
// engine (working calendars, links, constraints, progress at the status date). Each task gets an
// assumed 90/100/130 % triangular uncertainty on its remaining duration; the register's open risks
// with a schedule impact become risk events on their tasks (impact triangular 50–150 % of the
// register's value). Results are P-dates and impacts in working days.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parsePortfolio, projectInPortfolio } from "@pmokit/core";
import { riskEventsFromProject, simulateProject } from "@pmokit/risk";

export const title = "Risk: Monte Carlo P50/P80 dates per project and top risks by days of impact";

const ITERATIONS = 2000;
const SEED = 2026;

export async function run(ctx) {
  const file = ctx.portfolioFile ?? join(ctx.examplesDir, "sample-portfolio", "portfolio.json");
  if (!ctx.portfolio && !existsSync(file)) {
    console.log(`skipped: the sample portfolio (${file}) is not there yet`);
    return;
  }
  const portfolio = ctx.portfolio ?? parsePortfolio(JSON.parse(await readFile(file, "utf8")));
  const rows = [];
  const allRisks = [];
  ctx.results.risk ??= {};
  for (const { id } of portfolio.projects) {
    const project = projectInPortfolio(portfolio, id);
    const r = simulateProject(project, {
      uncertainty: { kind: "percent", min: 90, mode: 100, max: 130 },
      risks: riskEventsFromProject(project, { low: 50, high: 150 }),
      iterations: ITERATIONS,
      seed: SEED,
      taskFinishes: false,
    });
    const top = [...r.risks].sort((a, b) => b.meanImpactDays - a.meanImpactDays)[0];
    for (const k of r.risks) allRisks.push({ project: id, ...k });
    rows.push({
      project: id,
      plan: r.deterministicFinish.slice(0, 10),
      P50: r.finish.p50.slice(0, 10),
      P80: r.finish.p80.slice(0, 10),
      "conf. in plan": `${(r.probabilityOfDeterministicFinish * 100).toFixed(0)} %`,
      "P80 − plan (wd)": (r.finishDays.p80 - r.deterministicFinishDays).toFixed(1),
      "top risk": top ? `${top.id} +${top.meanImpactDays.toFixed(1)} wd` : "-",
      "top task (tornado)": r.tornado[0]
        ? `${r.tornado[0].id} ±${(r.tornado[0].swingDays / 2).toFixed(1)} wd`
        : "-",
    });
    ctx.results.risk[id] = { p50: r.finish.p50, p80: r.finish.p80, deterministic: r.deterministicFinish };
  }
  console.log(
    `Project finish dates (${ITERATIONS} iterations, seed ${SEED}; wd = working days of the project calendar):`,
  );
  console.table(rows);
  const ranked = allRisks.sort((a, b) => b.meanImpactDays - a.meanImpactDays).slice(0, 5);
  console.log(
    "Top risks of the portfolio by mean days of impact on their project's finish (risk excluded, same random numbers):",
  );
  console.table(
    ranked.map((k) => ({
      project: k.project,
      risk: `${k.id} ${k.name}`,
      "hit rate": `${((k.occurrences / ITERATIONS) * 100).toFixed(0)} %`,
      "mean (wd)": k.meanImpactDays.toFixed(1),
      "at P80 (wd)": k.percentileImpactDays.toFixed(1),
    })),
  );
}
