// Demo step: schedule risk analysis. Each project of the sample portfolio becomes a schedule-risk
// model (planned work from the project start, in working days; an assumed 90/100/130 % triangular
// uncertainty on every task; the register's open threats as risk events on their tasks), is
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
  // A link to or from a summary task stands for links to or from all of its leaf tasks.
  const children = new Map();
  for (const t of project.tasks)
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const leaves = (id) => (children.has(id) ? children.get(id).flatMap(leaves) : [id]);
  const preds = new Map(tasks.map((t) => [t.id, new Map()]));
  for (const d of project.dependencies ?? [])
    for (const from of leaves(d.from))
      for (const to of leaves(d.to))
        if (ids.has(from) && ids.has(to) && from !== to)
          preds.get(to).set(from, { id: from, type: d.type ?? "FS", lag: days(d.lag) });
  const activities = tasks.map((t) => {
    const planned = days(t.duration);
    const cost = t.baselines?.[0]?.cost?.amount;
    return {
      id: t.id,
      name: t.name,
      duration:
        planned > 0 ? { dist: "triangular", min: 0.9 * planned, mode: planned, max: 1.3 * planned } : 0,
      predecessors: [...preds.get(t.id).values()],
      ...(cost && planned > 0 ? { cost: { ratePerDay: Number(cost) / planned } } : {}),
    };
  });
  const risks = (project.risks ?? [])
    .filter((r) => r.kind === "threat" && r.status === "open")
    .map((r) => ({ ...r, taskIds: (r.taskIds ?? []).filter((id) => ids.has(id)) }))
    .filter((r) => r.taskIds.length > 0)
    .map((r) => {
      const v = days(r.impacts?.schedule);
      return {
        id: r.id,
        name: r.title,
        probability: r.probability,
        impact: { dist: "triangular", min: 0.5 * v, mode: v, max: 1.5 * v },
        activities: r.taskIds,
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
    if (r.samples) samples.push({ id: project.id, cost: r.samples.cost, finish: r.samples.finish });
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
  console.log("Project duration in working days from the start (5,000 iterations, seed 2026):");
  console.table(rows);
  const roll = rollUpPortfolio(samples);
  if (!roll.cost || !roll.finish || roll.sumOfProjectPercentiles === null) return;
  console.log(
    `Portfolio cost (${sample.currency}): P80 of the summed samples ${roll.cost.p80.toFixed(0)}` +
      ` vs sum of project P80s ${roll.sumOfProjectPercentiles.toFixed(0)} (percentiles do not add).`,
  );
  console.log(
    `Latest project finish: P50 ${roll.finish.p50.toFixed(1)} d, P80 ${roll.finish.p80.toFixed(1)} d.`,
  );
}
