import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { computePortfolioEvm, parsePortfolio } from "@pmokit/core";
import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import { buildPortfolioReport } from "./build.js";
import type { PortfolioReport } from "./types.js";
import { renderHtmlReport } from "./html.js";
import { renderMarkdownSummary } from "./markdown.js";
import { CHART_KINDS } from "../charts/chart.js";
import type { SCurveData } from "../charts/s-curve.js";
import type { TornadoData } from "../charts/tornado.js";

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

  it("draws opportunities in the risk tornado as gains (negative days), threats as delays", () => {
    const portfolio = parsePortfolio(sample("portfolio.json"));
    const tornado = report.sections.flatMap((s) => s.charts ?? []).find((c) => c.chart.kind === "tornado")!
      .chart.data as TornadoData;
    const risks = new Map(portfolio.projects.flatMap((p) => p.risks).map((r) => [r.title, r.kind]));
    const kinds = tornado.items.map((i) => ({ kind: risks.get(i.label ?? i.id), value: i.value }));
    expect(kinds.some((k) => k.kind === "opportunity")).toBe(true);
    for (const k of kinds) {
      if (k.kind === "opportunity") expect(k.value).toBeLessThanOrEqual(0);
      if (k.kind === "threat") expect(k.value).toBeGreaterThanOrEqual(0);
    }
  });

  it("plots core's time-phased earned value: the S-curve points are core's series, summed per period", () => {
    const section = report.sections.find((s) => s.id === "evm")!;
    const chart = section.charts![0]!.chart;
    expect(chart.kind).toBe("s-curve");
    const data = chart.data as SCurveData;
    const evm = computePortfolioEvm(parsePortfolio(sample("portfolio.json")));
    const cents = (a: string | undefined) => (a === undefined ? 0 : Math.round(Number(a) * 100));
    const ends = [...new Set(evm.projects.flatMap((r) => r.sCurve.map((p) => p.end.slice(0, 10))))].sort();
    expect(data.periods.map((p) => p.date)).toEqual(ends);
    for (const p of data.periods) {
      let pv = 0;
      for (const r of evm.projects) {
        let v = 0;
        for (const q of r.sCurve) if (q.end.slice(0, 10) <= p.date) v = cents(q.pv.amount);
        pv += v;
      }
      expect(Math.round(p.pv * 100), p.date).toBe(pv);
    }
    expect(data.bac).toBe(Number(evm.portfolio.bac.amount));
    const last = data.periods.filter((p) => p.ev !== undefined).at(-1)!;
    expect(last.ev).toBe(Number(evm.portfolio.ev.amount));
    expect(last.ac).toBe(Number(evm.portfolio.ac.amount));
    expect(data.eac).toBeCloseTo(Number(evm.portfolio.indicators.eac.cpi), 6);
    expect(section.table!.rows.map((r) => r[0])).toEqual(evm.projects.map((r) => r.projectId));
    expect((section.text ?? []).join(" ")).toContain(
      `SPI ${Number(evm.portfolio.indicators.spi!.toFixed(2))}`,
    );
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
