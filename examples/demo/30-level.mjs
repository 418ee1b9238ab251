// Demo step: resource leveling of the sample portfolio's shared pool. The portfolio is leveled as
// several projects sharing one resource pool (project priority before task priority, MS Project's
// Standard order, day-by-day detection). Started tasks keep their dates, so a second run re-plans
// the same portfolio with its progress removed to show what leveling does to the whole plan, then
// once more with splits allowed.
import { levelPortfolio } from "@pmokit/leveling";

export const title = "Leveling: shared resource pool, finish per project before and after";

const day = (s) => (s ? s.slice(0, 10) : "");

function show(result) {
  console.table(
    result.projects.map((p) => ({
      project: p.projectId,
      priority: p.priority,
      "finish before": day(p.preLevelingFinish),
      "finish after": day(p.finish),
      "delay (calendar days)": Math.round(p.delayMinutes / 1440),
    })),
  );
  const delayed = result.tasks.filter((t) => t.levelingDelayMinutes > 0);
  console.log(
    `${delayed.length} tasks delayed; portfolio finish ${day(result.preLevelingFinish)} → ${day(result.finish)}; ` +
      `${result.remainingOverallocations.length} overallocated periods left, ${result.unresolved.length} unresolved conflicts.`,
  );
  for (const t of delayed.slice(0, 3)) if (t.explanation) console.log(`  ${t.explanation}`);
  const reasons = {};
  for (const u of result.unresolved) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
  if (result.unresolved.length > 0) console.log(`  unresolved by reason: ${JSON.stringify(reasons)}`);
}

export async function run(ctx) {
  const portfolio = ctx.portfolio;
  console.log("As of the status date (started tasks keep their dates):");
  const asIs = levelPortfolio(portfolio);
  show(asIs);
  console.log("\nRe-plan with progress removed (every task may move):");
  const plan = {
    ...portfolio,
    projects: portfolio.projects.map((p) => ({
      ...p,
      tasks: p.tasks.map(({ actualStart: _s, actualFinish: _f, remainingDuration: _r, ...t }) => ({
        ...t,
        percentComplete: 0,
      })),
    })),
  };
  const replan = levelPortfolio(plan);
  show(replan);
  // MS Project's "Leveling can create splits in remaining work": interrupt tasks around conflicts.
  const split = levelPortfolio(plan, { allowSplits: true });
  const splitTasks = split.tasks.filter((t) => t.parts !== undefined);
  console.log(
    `\nWith splits allowed: portfolio finish ${day(split.finish)}; ${splitTasks.length} tasks split, ` +
      `${split.remainingOverallocations.length} overallocated periods left.`,
  );
  for (const t of splitTasks.slice(0, 2)) {
    const shown = t.parts.slice(0, 3).map((p) => `${p.start.slice(0, 16)}..${p.finish.slice(0, 16)}`);
    console.log(
      `  ${t.id}: ${t.parts.length} parts: ${shown.join(", ")}${t.parts.length > 3 ? ", ..." : ""}`,
    );
  }
  ctx.results.leveling = { asIs, replan, split };
}
