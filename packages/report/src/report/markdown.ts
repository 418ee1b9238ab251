import type { PortfolioReport } from "./types.js";

function cell(v: string | number): string {
  return String(v).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * Renders a report as a Markdown summary: key figures, section text and tables (charts are
 * referred to by kind; embed the SVGs separately if needed).
 *
 * @param report - report data (see `buildPortfolioReport` in `@pmokit/report/portfolio`)
 * @returns Markdown text
 * @example
 * ```ts
 * import { renderMarkdownSummary } from "@pmokit/report";
 * const md = renderMarkdownSummary({ title: "Q3 portfolio", figures: [{ label: "projects", value: "8" }], sections: [], warnings: [] });
 * ```
 * @category Report
 * @since 0.1.0
 */
export function renderMarkdownSummary(report: PortfolioReport): string {
  const out: string[] = [`# ${report.title}`, ""];
  if (report.subtitle) out.push(report.subtitle, "");
  if (report.figures.length > 0) {
    for (const f of report.figures) out.push(`- **${f.label}**: ${f.value}`);
    out.push("");
  }
  for (const s of report.sections) {
    out.push(`## ${s.title}`, "");
    for (const p of s.text ?? []) out.push(p, "");
    const charts = (s.charts ?? []).map((c) => c.chart.kind);
    if (charts.length > 0) out.push(`_Charts in the HTML report: ${charts.join(", ")}._`, "");
    if (s.table) {
      out.push(`| ${s.table.columns.map(cell).join(" | ")} |`);
      out.push(`| ${s.table.columns.map(() => "---").join(" | ")} |`);
      for (const r of s.table.rows) out.push(`| ${r.map(cell).join(" | ")} |`);
      out.push("");
    }
  }
  if (report.warnings.length > 0) {
    out.push("## Warnings", "");
    for (const w of report.warnings) out.push(`- ${w}`);
    out.push("");
  }
  return out.join("\n");
}
