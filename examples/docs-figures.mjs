// Writes the figures of docs/leveling.md: weekly resource histograms of the sample portfolio's most
// overloaded people before and after MS-Project-style leveling (progress removed, so every task may
// move). Run after `pnpm build`: `node examples/docs-figures.mjs`.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { flattenPortfolio, parsePortfolio } from "@pmokit/core";
import { levelPortfolio, resourceHistograms } from "@pmokit/leveling";
import { renderResourceHistogramSvg } from "@pmokit/report";

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
