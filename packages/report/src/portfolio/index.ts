/**
 * `@pmokit/report/portfolio`: runs the pmokit engines (schedule, leveling, risk, selection,
 * maturity) on a portfolio and assembles the data of the portfolio report. Separate from the main
 * entry so that chart-only users never bundle the engines.
 *
 * @packageDocumentation
 */
export { buildPortfolioReport } from "../report/build.js";
export type { BuildPortfolioReportOptions } from "../report/build.js";
export type { PortfolioReport, ReportSection, ReportTable } from "../report/types.js";
