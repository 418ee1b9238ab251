// A notebook-style walk-through: script a portfolio analysis with pmokit, cell by cell, and write
// charts (SVG + Vega-Lite) to examples/out/notebook/ (git-ignored). Run after `pnpm build`:
//   node examples/notebook.mjs
// The same cells work in a Deno Jupyter notebook (import from "npm:@pmokit/...") or Observable.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  durationToMinutes,
  parsePortfolio,
  projectInPortfolio,
  schedule,
  validatePortfolio,
} from "@pmokit/core";
import { computeEfficientFrontier, selectPortfolio } from "@pmokit/portfolio";
import { simulate } from "@pmokit/risk";
import {
  finishHistogramFromSimulation,
  frontierFromPoints,
  ganttFromSchedule,
  renderFinishHistogramSvg,
  renderFrontierSvg,
  renderGanttSvg,
  renderTornadoSvg,
  toVegaLite,
  tornadoFromSimulation,
} from "@pmokit/report";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(here, "out", "notebook");
await mkdir(out, { recursive: true });
const save = async (name, chart, svg) => {
  await writeFile(join(out, `${name}.svg`), svg);
  await writeFile(join(out, `${name}.vl.json`), `${JSON.stringify(toVegaLite(chart), null, 2)}\n`);
};

// %% Cell 1: load and validate the sample portfolio.
const portfolio = parsePortfolio(
  JSON.parse(await readFile(join(here, "sample-portfolio", "portfolio.json"), "utf8")),
);
const check = validatePortfolio(portfolio);
console.log(
  `${portfolio.name}: ${portfolio.projects.length} projects, ${check.errors.length} errors, ${check.warnings.length} warnings`,
);

// %% Cell 2: schedule every project (critical path, MS Project semantics).
const projects = portfolio.projects.map((p) => projectInPortfolio(portfolio, p.id));
const schedules = projects.map((p) => schedule(p));
console.table(
  projects.map((p, i) => ({
    project: p.id,
    start: schedules[i].projectStart.slice(0, 10),
    finish: schedules[i].projectFinish.slice(0, 10),
    critical: schedules[i].tasks.filter((t) => t.critical && !t.summary).length,
  })),
);
const focus = projects.reduce((best, p) => (p.priority > best.priority ? p : best));
const focusSchedule = schedules[projects.indexOf(focus)];
const gantt = ganttFromSchedule(focusSchedule, focus);
await save("gantt", { kind: "gantt", data: gantt }, renderGanttSvg(gantt));

// %% Cell 3: schedule risk of the focus project (seeded Monte Carlo).
const parents = new Set(focus.tasks.map((t) => t.parentId));
const leaves = focus.tasks.filter((t) => !parents.has(t.id));
const ids = new Set(leaves.map((t) => t.id));
const days = (d) => durationToMinutes(d, focus.settings) / focus.settings.minutesPerDay;
const model = {
  activities: leaves.map((t) => {
    const d = days(t.duration);
    return {
      id: t.id,
      name: t.name,
      duration: d > 0 ? { dist: "triangular", min: d * 0.9, mode: d, max: d * 1.3 } : 0,
      predecessors: focus.dependencies
        .filter((x) => x.to === t.id && ids.has(x.from))
        .map((x) => ({ id: x.from, type: x.type, lag: x.lag ? days(x.lag) : 0 })),
    };
  }),
  risks: focus.risks
    .filter((r) => r.status === "open" && r.probability !== undefined && r.impacts?.schedule)
    .map((r) => ({
      id: r.id,
      name: r.title,
      probability: r.probability,
      impact: days(r.impacts.schedule) * (r.kind === "opportunity" ? -1 : 1),
      activities: r.taskIds.filter((id) => ids.has(id)),
    })),
};
const risk = simulate(model, { iterations: 5000, seed: 42 });
console.log(
  `${focus.name}: P50 ${risk.finish.p50.toFixed(1)} d, P80 ${risk.finish.p80.toFixed(1)} d (deterministic ${risk.deterministicFinish.toFixed(1)} d)`,
);
const histogram = finishHistogramFromSimulation(risk);
await save(
  "finish-histogram",
  { kind: "finish-histogram", data: histogram },
  renderFinishHistogramSvg(histogram),
);
const tornado = tornadoFromSimulation(risk, Object.fromEntries(focus.risks.map((r) => [r.id, r.title])));
await save("tornado", { kind: "tornado", data: tornado }, renderTornadoSvg(tornado));

// %% Cell 4: which projects to fund? Priority per project, cost = number of tasks × 10 k (illustrative).
const problem = {
  projects: portfolio.projects.map((p) => ({
    id: p.id,
    value: p.priority,
    costs: { cost: p.tasks.length * 10 },
  })),
  limits: { cost: 1500 },
};
const chosen = await selectPortfolio(problem);
const frontier = await computeEfficientFrontier(problem, { constraint: "cost", steps: 8 });
console.log(`Funded under 1,500 k: ${chosen.selected.join(", ")} (priority ${chosen.objective})`);
const frontierData = frontierFromPoints(frontier, {
  costLabel: "cost (k EUR)",
  valueLabel: "priority",
  chosen: { cost: chosen.usage.cost, value: chosen.objective },
});
await save("frontier", { kind: "frontier", data: frontierData }, renderFrontierSvg(frontierData));

// %% Cell 5: done. Open the SVGs, or load the .vl.json specs in Jupyter, Observable or Altair.
console.log(`Charts written to ${out}`);
