import { readFileSync } from "node:fs";
import { parsePortfolio, flattenPortfolio, compileNetwork, runPasses, compileCalendars } from "@pmokit/core";
const pf = parsePortfolio(JSON.parse(readFileSync("../../examples/sample-portfolio/portfolio.json", "utf8")));
const pr = flattenPortfolio(pf).project;
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  const c = compileNetwork(pr);
  const t1 = performance.now();
  runPasses(c.network);
  const t2 = performance.now();
  compileCalendars(pr.calendars);
  console.log(t1 - t, t2 - t1, performance.now() - t2);
}
