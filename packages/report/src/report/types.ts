import type { Chart } from "../charts/chart.js";

/**
 * A table of a report section (cells are plain strings or numbers).
 *
 * @category Report
 * @since 0.1.0
 */
export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * One section of a report: prose, charts (kind + data) and a table.
 *
 * @category Report
 * @since 0.1.0
 */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly text?: readonly string[];
  readonly charts?: readonly { readonly chart: Chart; readonly caption?: string }[];
  readonly table?: ReportTable;
}

/**
 * A portfolio report as plain data: what {@link renderHtmlReport} and
 * {@link renderMarkdownSummary} render. Build it with `buildPortfolioReport` (subpath
 * `@pmokit/report/portfolio`), or assemble your own from any results.
 *
 * @category Report
 * @since 0.1.0
 */
export interface PortfolioReport {
  readonly title: string;
  readonly subtitle?: string;
  /** Key figures shown at the top. */
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly ReportSection[];
  /** Soft problems met while building the report (a project that could not be scheduled, ...). */
  readonly warnings: readonly string[];
}
