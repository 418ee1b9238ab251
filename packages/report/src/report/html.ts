import { renderChartSvg } from "../charts/chart.js";
import { esc } from "../internal/svg.js";
import type { PortfolioReport, ReportTable } from "./types.js";

/**
 * Options of {@link renderHtmlReport}.
 *
 * @category Report
 * @since 0.1.0
 */
export interface HtmlReportOptions {
  /** Document language (default `"en"`). */
  readonly lang?: string;
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f5f7fa}
header{background:#102a43;color:#fff;padding:24px 32px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#bcccdc}
main{max-width:1040px;margin:0 auto;padding:16px 24px 48px}
nav ul{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0;margin:16px 0}
nav a{color:#0072b2}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.figure{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:12px}
.figure .value{font-size:20px;font-weight:600}
.figure .label{color:#616e7c;font-size:12px}
section{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:16px 20px;margin:16px 0}
section h2{margin-top:0;font-size:18px}
figure{margin:16px 0;overflow-x:auto}
figure svg{max-width:100%;height:auto}
figcaption{color:#616e7c;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}
th,td{border-bottom:1px solid #e4e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f4f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.warnings{color:#8d2b0b}
footer{color:#616e7c;font-size:12px;text-align:center;padding:16px}
@media print{body{background:#fff}section{break-inside:avoid;border:none}}
`;

function tableHtml(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c) => (typeof c === "number" ? `<td class="num">${esc(c)}</td>` : `<td>${esc(c)}</td>`)).join("")}</tr>`,
    )
    .join("\n");
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/**
 * Renders a report as one self-contained HTML document: inline CSS and inline SVG charts, no
 * scripts, no external resources (opens offline, prints, can be mailed or archived).
 *
 * @param report - report data (see `buildPortfolioReport` in `@pmokit/report/portfolio`)
 * @param options - document language
 * @returns the HTML document as a string
 * @throws PmokitError `INVALID_INPUT` when chart data holds malformed dates
 * @example
 * ```ts
 * import { renderHtmlReport } from "@pmokit/report";
 * const html = renderHtmlReport({ title: "Q3 portfolio", figures: [], sections: [], warnings: [] });
 * ```
 * @category Report
 * @since 0.1.0
 */
export function renderHtmlReport(report: PortfolioReport, options: HtmlReportOptions = {}): string {
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${esc(options.lang ?? "en")}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="pmokit">',
    `<title>${esc(report.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${esc(report.title)}</h1>${report.subtitle ? `<p>${esc(report.subtitle)}</p>` : ""}</header>`,
    "<main>",
  ];
  if (report.figures.length > 0) {
    out.push(`<div class="figures">`);
    for (const f of report.figures)
      out.push(
        `<div class="figure"><div class="value">${esc(f.value)}</div><div class="label">${esc(f.label)}</div></div>`,
      );
    out.push(`</div>`);
  }
  if (report.sections.length > 0) {
    out.push(`<nav aria-label="Sections"><ul>`);
    for (const s of report.sections) out.push(`<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`);
    out.push(`</ul></nav>`);
  }
  report.sections.forEach((s) => {
    out.push(
      `<section id="${esc(s.id)}" aria-labelledby="${esc(s.id)}-h">`,
      `<h2 id="${esc(s.id)}-h">${esc(s.title)}</h2>`,
    );
    for (const p of s.text ?? []) out.push(`<p>${esc(p)}</p>`);
    (s.charts ?? []).forEach((c, k) => {
      out.push(`<figure class="chart" data-kind="${esc(c.chart.kind)}">`);
      out.push(renderChartSvg(c.chart, { idPrefix: `${s.id}-${k}-${c.chart.kind}` }).trimEnd());
      if (c.caption) out.push(`<figcaption>${esc(c.caption)}</figcaption>`);
      out.push(`</figure>`);
    });
    if (s.table) out.push(tableHtml(s.table));
    out.push(`</section>`);
  });
  if (report.warnings.length > 0) {
    out.push(`<section id="warnings" class="warnings"><h2>Warnings</h2><ul>`);
    for (const w of report.warnings) out.push(`<li>${esc(w)}</li>`);
    out.push(`</ul></section>`);
  }
  out.push(
    "</main>",
    `<footer>Generated with pmokit. Self-contained: no scripts, no network.</footer>`,
    "</body>",
    "</html>",
    "",
  );
  return out.join("\n");
}
