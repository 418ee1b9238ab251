import { readFileSync } from "node:fs";
import { parsePortfolio, flattenPortfolio } from "@pmokit/core";
import { LevelModel, resolveOptions, runSchedule, orderComparator } from "../src/level/engine.js";
import { buildResult } from "../src/level/level.js";
const pf = parsePortfolio(JSON.parse(readFileSync("../../examples/sample-portfolio/portfolio.json", "utf8")));
const pr = flattenPortfolio(pf).project;
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  const m = new LevelModel(pr, resolveOptions({}, []), []);
  const t1 = performance.now();
  const pl = runSchedule(m, "level", orderComparator(m, "standard"));
  const t2 = performance.now();
  buildResult(m, pl, []);
  console.log(t1 - t, t2 - t1, performance.now() - t2, m.H);
}
