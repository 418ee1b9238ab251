// Writes the figures of docs/leveling.md: weekly resource histograms of the sample portfolio's most
// overloaded people before and after MS-Project-style leveling (progress removed, so every task may
// move), and a Gantt of one task delayed whole versus split around a fixed task. Run after
// `pnpm build`: `node examples/docs-figures.mjs`.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { flattenPortfolio, parsePortfolio, parseProject, standardCalendar } from "@pmokit/core";
import { levelPortfolio, levelProject, resourceHistograms } from "@pmokit/leveling";
import { renderGanttSvg, renderResourceHistogramSvg } from "@pmokit/report";

const root = fileURLToPath(new URL("..", import.meta.url));
const portfolio = parsePortfolio(
  JSON.parse(await readFile(`${root}examples/sample-portfolio/portfolio.json`, "utf8")),
);
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
const before = resourceHistograms(flattenPortfolio(plan).project, { periodBasis: "week" });
const leveled = levelPortfolio(plan);
const after = resourceHistograms(leveled.project, { periodBasis: "week" });
const overload = (h) => Math.max(...h.periods.map((p) => p.units - p.capacity));
const worst = [...before].sort((a, b) => overload(b) - overload(a)).slice(0, 1);
const names = new Map(portfolio.sharedResources.map((r) => [r.id, r.name]));
for (const [i, h] of worst.entries()) {
  const a = after.find((x) => x.resourceId === h.resourceId);
  const labels = [...new Set([...h.periods, ...(a?.periods ?? [])].map((p) => p.start.slice(0, 10)))].sort();
  const at = (hist, d) => hist?.periods.find((p) => p.start.slice(0, 10) === d);
  const svg = renderResourceHistogramSvg({
    title: `${names.get(h.resourceId) ?? h.resourceId} (${h.resourceId}): weekly load before and after leveling`,
    resource: names.get(h.resourceId) ?? h.resourceId,
    unit: "units",
    periods: labels,
    before: labels.map((d) => at(h, d)?.units ?? 0),
    after: labels.map((d) => at(a, d)?.units ?? 0),
    capacity: labels.map((d) => at(h, d)?.capacity ?? at(a, d)?.capacity ?? 1),
  });
  const file = `${root}docs/images/leveling-histogram-${i + 1}.svg`;
  await writeFile(file, svg);
  console.log(
    `wrote ${file}: peak overload ${overload(h).toFixed(2)} units before, ${a ? overload(a).toFixed(2) : "n/a"} after`,
  );
}

// Splits: B (5 days on Ann) meets X (1 day on Ann, priority 1000, fixed on Wednesday).
const splitProject = parseProject({
  id: "splits",
  name: "Splits",
  settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
  calendars: [standardCalendar("standard")],
  tasks: [
    { id: "B", name: "B", duration: { value: 5, unit: "days" } },
    {
      id: "X",
      name: "X",
      duration: { value: 1, unit: "days" },
      priority: 1000,
      constraint: { type: "SNET", date: "2026-01-07T08:00:00" },
    },
  ],
  resources: [{ id: "R", name: "Ann" }],
  assignments: [
    { id: "b", taskId: "B", resourceId: "R" },
    { id: "x", taskId: "X", resourceId: "R" },
  ],
});
const whole = levelProject(splitProject);
const split = levelProject(splitProject, { allowSplits: true });
const byId = (r, id) => r.tasks.find((t) => t.id === id);
const rows = [
  {
    id: "x",
    name: "X (priority 1000, fixed)",
    start: byId(whole, "X").start,
    finish: byId(whole, "X").finish,
    critical: true,
  },
  {
    id: "b0",
    name: "B, splits off: delayed",
    start: byId(whole, "B").start,
    finish: byId(whole, "B").finish,
    baselineStart: byId(whole, "B").preLevelingStart,
    baselineFinish: byId(whole, "B").preLevelingFinish,
  },
  ...(byId(split, "B").parts ?? []).map((p, i, all) => ({
    id: `b${i + 1}`,
    name: `B, splits on: part ${i + 1} of ${all.length}`,
    start: p.start,
    finish: p.finish,
    ...(i === 0
      ? {
          baselineStart: byId(split, "B").preLevelingStart,
          baselineFinish: byId(split, "B").preLevelingFinish,
        }
      : {}),
  })),
];
const gantt = renderGanttSvg(
  { title: "A 5-day task meets a fixed 1-day task on its third day: delayed whole or split", tasks: rows },
  { labelWidth: 260 },
);
const ganttFile = `${root}docs/images/leveling-splits.svg`;
await writeFile(ganttFile, gantt);
console.log(
  `wrote ${ganttFile}: finish ${byId(whole, "B").finish} without splits, ${byId(split, "B").finish} with`,
);

// The charts of the package guides (scheduling, risk, EVM, portfolio, maturity), taken from the
// portfolio report of the sample portfolio, so the pictures in the docs are what the library draws.
const { assessMaturity, parseAssessment, pmoMaturityModel } = await import("@pmokit/maturity");
const { buildPortfolioReport } = await import("@pmokit/report/portfolio");
const { renderChartSvg } = await import("@pmokit/report");
const responses = JSON.parse(
  await readFile(`${root}examples/sample-portfolio/maturity-responses.json`, "utf8"),
);
const report = await buildPortfolioReport(portfolio, {
  maturity: assessMaturity(pmoMaturityModel, parseAssessment(pmoMaturityModel, responses)),
  seed: 1,
});
const wanted = new Set(["gantt", "heat-map", "finish-histogram", "tornado", "s-curve", "frontier", "radar"]);
for (const section of report.sections)
  for (const { chart } of section.charts ?? []) {
    if (!wanted.has(chart.kind)) continue;
    wanted.delete(chart.kind);
    const file = `${root}docs/images/sample-${chart.kind}.svg`;
    await writeFile(file, renderChartSvg(chart));
    console.log(`wrote ${file}`);
  }
if (wanted.size > 0) console.log(`not in the report: ${[...wanted].join(", ")}`);
