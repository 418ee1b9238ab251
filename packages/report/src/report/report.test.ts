import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePortfolio } from "@pmokit/core";
import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import { buildPortfolioReport } from "./build.js";
import type { PortfolioReport } from "./types.js";
import { renderHtmlReport } from "./html.js";
import { renderMarkdownSummary } from "./markdown.js";
import { CHART_KINDS } from "../charts/chart.js";

const sample = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../examples/sample-portfolio/${name}`, import.meta.url)),
      "utf8",
    ),
  );

let report: PortfolioReport;

beforeAll(async () => {
  const maturity = assessMaturity(
    pmoMaturityModel,
    parseAssessment(pmoMaturityModel, sample("maturity-responses.json")),
  );
  report = await buildPortfolioReport(parsePortfolio(sample("portfolio.json")), {
    maturity,
    iterations: 1000,
  });
});

describe("portfolio report on the sample portfolio", () => {
  it("has every chart kind", () => {
    const kinds = new Set(report.sections.flatMap((s) => (s.charts ?? []).map((c) => c.chart.kind)));
    expect([...kinds].sort()).toEqual([...CHART_KINDS].sort());
    expect(report.figures.find((f) => f.label === "projects")?.value).toBe("8");
  });

  it("renders self-contained HTML: inline SVG and CSS, no scripts, no external resources", () => {
    const html = renderHtmlReport(report);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual([]);
    expect(html.match(/<svg /g)?.length).toBe(
      report.sections.reduce((n, s) => n + (s.charts?.length ?? 0), 0),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is deterministic", async () => {
    const again = await buildPortfolioReport(parsePortfolio(sample("portfolio.json")), {
      maturity: assessMaturity(
        pmoMaturityModel,
        parseAssessment(pmoMaturityModel, sample("maturity-responses.json")),
      ),
      iterations: 1000,
    });
    expect(renderHtmlReport(again)).toBe(renderHtmlReport(report));
  });

  it("renders a Markdown summary with tables", () => {
    const md = renderMarkdownSummary(report);
    expect(md.startsWith(`# ${report.title}`)).toBe(true);
    for (const s of report.sections) expect(md).toContain(`## ${s.title}`);
    expect(md).toMatch(/\| project \| name \| priority \|/);
  });
});
