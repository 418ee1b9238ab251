// Demo step: schedule risk analysis. Each project of the sample portfolio becomes a schedule-risk
// model (remaining work from the status date, in working days; an assumed 90/100/130 % triangular
// uncertainty on every open task; the register's open threats as risk events on their tasks), is
// simulated with one seed, and the portfolio cost is rolled up by summing iteration samples.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { rollUpPortfolio, simulate } from "@pmokit/risk";

export const title = "Risk: Monte Carlo P50/P80 per project, top risks by days of impact, portfolio roll-up";

const DAY = { minutes: 1 / 480, hours: 1 / 8, days: 1, weeks: 5, months: 20 };
const days = (d) => (d ? d.value * (DAY[d.unit] ?? 1) : 0);

/** Converts one project of the sample portfolio into a `RiskModel`. */
export function projectToRiskModel(project) {
  const parents = new Set(project.tasks.map((t) => t.parentId).filter(Boolean));
  const tasks = project.tasks.filter((t) => !parents.has(t.id));
  const ids = new Set(tasks.map((t) => t.id));
  const preds = new Map(tasks.map((t) => [t.id, []]));
  for (const d of project.dependencies ?? [])
    if (ids.has(d.from) && ids.has(d.to))
      preds.get(d.to).push({ id: d.from, type: d.type ?? "FS", lag: days(d.lag) });
  const activities = tasks.map((t) => {
    const remaining = days(t.duration) * (1 - (t.percentComplete ?? 0) / 100);
    const cost = t.baselines?.[0]?.cost?.amount;
    const total = days(t.duration);
    return {
      id: t.id,
      name: t.name,
      duration:
        remaining > 0
          ? { dist: "triangular", min: 0.9 * remaining, mode: remaining, max: 1.3 * remaining }
          : 0,
      predecessors: preds.get(t.id),
      ...(cost && total > 0 ? { cost: { ratePerDay: Number(cost) / total } } : {}),
    };
  });
  const risks = (project.risks ?? [])
    .filter((r) => r.kind === "threat" && r.status === "open")
    .map((r) => {
      const v = days(r.impacts?.schedule);
      return {
        id: r.id,
        name: r.title,
        probability: r.probability,
        impact: { dist: "triangular", min: 0.5 * v, mode: v, max: 1.5 * v },
        activities: (r.taskIds ?? []).filter((id) => ids.has(id)),
        ...(r.impacts?.cost ? { costImpact: Number(r.impacts.cost.amount) } : {}),
      };
    });
  return { id: project.id, activities, risks };
}

export async function run(ctx) {
  const sample = JSON.parse(
    await readFile(join(ctx.examplesDir, "sample-portfolio", "portfolio.json"), "utf8"),
  );
  const options = { iterations: 5000, seed: 2026, keepSamples: true };
  const rows = [];
  const samples = [];
  for (const project of sample.projects) {
    const model = projectToRiskModel(project);
    const r = simulate(model, options);
    samples.push({ id: project.id, cost: r.samples.cost, finish: r.samples.finish });
    const top = [...r.risks].sort((a, b) => b.meanImpactDays - a.meanImpactDays)[0];
    rows.push({
      project: project.id,
      deterministic: r.deterministicFinish.toFixed(1),
      P50: r.finish.p50.toFixed(1),
      P80: r.finish.p80.toFixed(1),
      "conf. in plan": `${(r.probabilityOfDeterministicFinish * 100).toFixed(0)} %`,
      "top risk": top
        ? `${top.id} (+${top.meanImpactDays.toFixed(1)} d mean, +${top.percentileImpactDays.toFixed(1)} d at P80)`
        : "-",
    });
    ctx.results.risk ??= {};
    ctx.results.risk[project.id] = { p50: r.finish.p50, p80: r.finish.p80 };
  }
  console.log("Remaining working days from the status date (5,000 iterations, seed 2026):");
  console.table(rows);
  const roll = rollUpPortfolio(samples);
  console.log(
    `Portfolio remaining cost (${sample.currency}): P80 of the summed samples ${roll.cost.p80.toFixed(0)}` +
      ` vs sum of project P80s ${roll.sumOfProjectPercentiles.toFixed(0)} (percentiles do not add).`,
  );
  console.log(
    `Latest project finish: P50 ${roll.finish.p50.toFixed(1)} d, P80 ${roll.finish.p80.toFixed(1)} d.`,
  );
}
