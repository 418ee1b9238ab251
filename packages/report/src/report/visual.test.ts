// Visual test: renders every chart (small fixtures and the sample portfolio report), opens the HTML
// in headless Chromium, takes screenshots into the git-ignored test-output/report/ and asserts on
// the DOM: every chart present with its title and description, non-empty drawing, no console
// errors, no network requests.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { parsePortfolio } from "@pmokit/core";
import { assessMaturity, parseAssessment, pmoMaturityModel } from "@pmokit/maturity";
import {
  MISSING_CHROMIUM,
  hasChromium,
  launchChromium,
  onCi,
  testOutputDir,
} from "../../../../consumers/chromium.js";
import { CHART_KINDS } from "../charts/chart.js";
import { FIXTURES } from "../test/fixtures.js";
import { buildPortfolioReport } from "./build.js";
import { renderHtmlReport } from "./html.js";

// The page callbacks run in the browser; the package's tsconfig has no DOM lib, so declare the bits used.
interface MiniElement {
  readonly tagName: string;
  readonly textContent: string | null;
  querySelector(selector: string): MiniElement | null;
}
declare const document: {
  readonly documentElement: MiniElement;
  getElementById(id: string): MiniElement | null;
  getElementsByTagName(tag: string): { readonly length: number };
};

const sample = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../examples/sample-portfolio/${name}`, import.meta.url)),
      "utf8",
    ),
  );

if (!hasChromium) {
  if (onCi) {
    it("Chromium is installed (required on CI)", () => {
      throw new Error(MISSING_CHROMIUM);
    });
  } else {
    console.warn(`[report visual tests] skipped: ${MISSING_CHROMIUM}`);
  }
}

describe.skipIf(!hasChromium)("report in headless Chromium", () => {
  const out = testOutputDir("report");
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ context, close } = await launchChromium());
  });
  afterAll(async () => {
    await close?.();
  });

  async function open(file: string) {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(`file://${file}`);
    return { page, errors, requests };
  }

  it("renders the sample portfolio report: every chart, accessible, no errors, offline", async () => {
    const maturity = assessMaturity(
      pmoMaturityModel,
      parseAssessment(pmoMaturityModel, sample("maturity-responses.json")),
    );
    const report = await buildPortfolioReport(parsePortfolio(sample("portfolio.json")), {
      maturity,
      iterations: 1000,
    });
    const file = join(out, "sample-report.html");
    writeFileSync(file, renderHtmlReport(report));
    const { page, errors, requests } = await open(file);
    const kinds = await page.$$eval("figure.chart", (els) => els.map((e) => e.getAttribute("data-kind")));
    expect(new Set(kinds)).toEqual(new Set(CHART_KINDS));
    const charts = await page.$$eval("figure.chart > svg", (els) =>
      els.map((svg) => {
        const r = svg.getBoundingClientRect();
        const ids = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
        return {
          kind: svg.getAttribute("data-chart"),
          width: r.width,
          height: r.height,
          role: svg.getAttribute("role"),
          title: document.getElementById(ids[0] ?? "")?.textContent ?? "",
          desc: document.getElementById(ids[1] ?? "")?.textContent ?? "",
          shapes: svg.querySelectorAll("rect, path, circle, polygon, line").length,
        };
      }),
    );
    for (const c of charts) {
      expect(c.role).toBe("img");
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.desc.length).toBeGreaterThan(10);
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(100);
      expect(c.shapes).toBeGreaterThan(5);
    }
    expect(await page.locator("section table").count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: join(out, "sample-report.png"), fullPage: true });
    let k = 0;
    for (const fig of await page.locator("figure.chart").all())
      await fig.screenshot({ path: join(out, `sample-${String(++k).padStart(2, "0")}-${kinds[k - 1]}.png`) });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("renders every chart fixture: a standalone SVG document and a gallery page", async () => {
    const { renderChartSvg } = await import("../charts/chart.js");
    const standalone = join(out, "fixture-gantt.svg");
    writeFileSync(standalone, renderChartSvg(FIXTURES[0]!));
    const doc = await open(standalone);
    const info = await doc.page.evaluate(() => ({
      tag: document.documentElement.tagName,
      title: document.documentElement.querySelector("title")?.textContent ?? "",
      parseError: document.getElementsByTagName("parsererror").length,
    }));
    expect(info).toEqual({ tag: "svg", title: 'Release <1.0> & "beta"', parseError: 0 });
    expect(doc.errors).toEqual([]);
    await doc.page.close();
    const gallery = join(out, "fixtures.html");
    writeFileSync(
      gallery,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fixtures</title></head><body>${FIXTURES.map(
        (c) => `<figure data-kind="${c.kind}">${renderChartSvg(c, { idPrefix: `fx-${c.kind}` })}</figure>`,
      ).join("\n")}</body></html>`,
    );
    const { page, errors, requests } = await open(gallery);
    const found = await page.$$eval("figure > svg", (els) =>
      els.map((e) => ({
        kind: e.getAttribute("data-chart"),
        w: e.getBoundingClientRect().width,
        title: e.querySelector("title")?.textContent ?? "",
      })),
    );
    expect(found.map((f) => f.kind)).toEqual([...CHART_KINDS]);
    for (const f of found) {
      expect(f.w).toBeGreaterThan(100);
      expect(f.title.length).toBeGreaterThan(3);
    }
    let k = 0;
    for (const fig of await page.locator("figure").all())
      await fig.screenshot({ path: join(out, `fixture-${CHART_KINDS[k++]}.png`) });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
