import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { parsePortfolio } from "@pmokit/core";
import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import { buildPortfolioReport, renderHtmlReport, renderMarkdownSummary } from "@pmokit/report";
const t0 = performance.now();
const pf = parsePortfolio(
  JSON.parse(readFileSync("/work/main/examples/sample-portfolio/portfolio.json", "utf8")),
);
const m = assessMaturity(
  pmoMaturityModel,
  parseAssessment(
    pmoMaturityModel,
    JSON.parse(readFileSync("/work/main/examples/sample-portfolio/maturity-responses.json", "utf8")),
  ),
);
const r = await buildPortfolioReport(pf, { maturity: m });
const t1 = performance.now();
const html = renderHtmlReport(r);
mkdirSync("/tmp/report-out", { recursive: true });
writeFileSync("/tmp/report-out/report.html", html);
writeFileSync("/tmp/report-out/report.md", renderMarkdownSummary(r));
console.log(
  (t1 - t0).toFixed(0),
  "ms",
  html.length,
  r.warnings,
  r.sections.map((s) => [s.id, s.charts?.map((c) => c.chart.kind)]),
);
