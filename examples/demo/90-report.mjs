// Demo step: the portfolio report. Runs every engine on the sample portfolio and writes a
// self-contained HTML report (inline SVG charts, no scripts) and a Markdown summary to
// examples/out/ (git-ignored), plus each chart as SVG and Vega-Lite JSON.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parsePortfolio } from "@pmokit/core";
import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import { buildPortfolioReport } from "@pmokit/report/portfolio";
import { renderChartSvg, renderHtmlReport, renderMarkdownSummary, toVegaLite } from "@pmokit/report";

export const title = "Portfolio report: HTML with inline SVG charts, Markdown summary, Vega-Lite specs";

export async function run(ctx) {
  const sample = join(ctx.examplesDir, "sample-portfolio");
  const portfolio =
    ctx.portfolio ?? parsePortfolio(JSON.parse(await readFile(join(sample, "portfolio.json"), "utf8")));
  const maturity =
    ctx.results.maturity ??
    assessMaturity(
      pmoMaturityModel,
      parseAssessment(
        pmoMaturityModel,
        JSON.parse(await readFile(join(sample, "maturity-responses.json"), "utf8")),
      ),
    );
  const report = await buildPortfolioReport(portfolio, { maturity, seed: 1 });
  const out = join(ctx.examplesDir, "out");
  await mkdir(join(out, "charts"), { recursive: true });
  await writeFile(join(out, "report.html"), renderHtmlReport(report));
  await writeFile(join(out, "report.md"), renderMarkdownSummary(report));
  let n = 0;
  for (const section of report.sections)
    for (const { chart } of section.charts ?? []) {
      const name = `${String(++n).padStart(2, "0")}-${chart.kind}`;
      await writeFile(join(out, "charts", `${name}.svg`), renderChartSvg(chart));
      await writeFile(
        join(out, "charts", `${name}.vl.json`),
        `${JSON.stringify(toVegaLite(chart), null, 2)}\n`,
      );
    }
  ctx.results.report = report;
  for (const f of report.figures) console.log(`  ${f.label}: ${f.value}`);
  for (const w of report.warnings.slice(0, 5)) console.log(`  warning: ${w}`);
  console.log(
    `Wrote examples/out/report.html, report.md and ${n} charts (SVG + Vega-Lite) to examples/out/charts/.`,
  );
}
