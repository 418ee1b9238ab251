// Browser smoke test entry, bundled by esbuild (consumers.test.ts) and run in headless Chromium:
// schedule, RCPSP leveling, Monte Carlo and portfolio selection on the sample portfolio.
import { durationToMinutes, parsePortfolio, projectInPortfolio, schedule } from "@pmokit/core";
import { solveRcpsp } from "@pmokit/leveling";
import { selectPortfolio } from "@pmokit/portfolio";
import { simulate } from "@pmokit/risk";

declare const SAMPLE: unknown;

export async function run(): Promise<Record<string, unknown>> {
  const portfolio = parsePortfolio(SAMPLE);
  const project = projectInPortfolio(portfolio, portfolio.projects[0]!.id);
  const sched = schedule(project);
  const parents = new Set(project.tasks.map((t) => t.parentId));
  const leaves = project.tasks.filter((t) => !parents.has(t.id));
  const index = new Map(leaves.map((t, i) => [t.id, i]));
  const days = leaves.map((t) =>
    Math.ceil(durationToMinutes(t.duration, project.settings) / project.settings.minutesPerDay),
  );
  const resources = [...new Set(project.assignments.map((a) => a.resourceId))];
  const successors: number[][] = leaves.map(() => []);
  for (const d of project.dependencies) {
    const a = index.get(d.from);
    const b = index.get(d.to);
    if (a !== undefined && b !== undefined) successors[a]!.push(b);
  }
  const demands = leaves.map((t) =>
    resources.map((r) =>
      Math.min(
        100,
        project.assignments
          .filter((a) => a.taskId === t.id && a.resourceId === r)
          .reduce((s, a) => s + Math.round(a.units * 100), 0),
      ),
    ),
  );
  const leveled = solveRcpsp(
    { durations: days, successors, demands, capacities: resources.map(() => 100) },
    { maxSchedules: 200, seed: 1 },
  );
  const sim = simulate(
    {
      activities: leaves.map((t, i) => ({
        id: t.id,
        duration:
          days[i]! > 0 ? { dist: "triangular", min: days[i]! * 0.9, mode: days[i]!, max: days[i]! * 1.3 } : 0,
        predecessors: project.dependencies
          .filter((d) => d.to === t.id && index.has(d.from))
          .map((d) => ({ id: d.from })),
      })),
    },
    { iterations: 500, seed: 1 },
  );
  const selection = await selectPortfolio({
    projects: portfolio.projects.map((p) => ({
      id: p.id,
      value: p.priority,
      costs: { capex: p.tasks.length },
    })),
    limits: { capex: 120 },
  });
  return {
    tasks: sched.tasks.length,
    finish: sched.projectFinish,
    makespan: leveled.makespan,
    p80: sim.finish.p80,
    selected: selection.selected,
    optimal: selection.optimal,
  };
}
