import { readFileSync } from "node:fs";
import { parsePortfolio, flattenPortfolio } from "@pmokit/core";
import { levelPortfolio } from "../src/index.js";
import { LevelModel, resolveOptions } from "../src/level/engine.js";
const pf = parsePortfolio(JSON.parse(readFileSync("../../examples/sample-portfolio/portfolio.json", "utf8")));
let t = performance.now();
const r = levelPortfolio(pf);
console.log(
  "ms",
  performance.now() - t,
  r.resolutionMinutes,
  r.finish,
  r.preLevelingFinish,
  r.unresolved.length,
  r.remainingOverallocations.length,
  r.warnings.length,
);
console.table(r.projects);
console.log(
  r.tasks.filter((t) => t.explanation).length,
  r.tasks
    .filter((t) => t.explanation)
    .slice(0, 3)
    .map((t) => t.explanation),
);
const reasons: Record<string, number> = {};
for (const u of r.unresolved) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
console.log(reasons);
const m = new LevelModel(flattenPortfolio(pf).project, resolveOptions({}, []), []);
const fx: Record<number, number> = {};
for (const f of m.fixed) fx[f] = (fx[f] ?? 0) + 1;
console.log(
  fx,
  m.G,
  m.aIds.length,
  m.net.calendars.map((c) => c.id),
);
console.log(r.warnings.slice(0, 3));
