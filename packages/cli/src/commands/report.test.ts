import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

const sample = fileURLToPath(new URL("../../../../examples/sample-portfolio/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pmokit-report-"));

describe("pmokit report", () => {
  it("writes a self-contained HTML report and a Markdown summary", async () => {
    const out = join(dir, "nested", "report.html");
    const md = join(dir, "summary.md");
    const r = await runCli(
      "report",
      join(sample, "portfolio.json"),
      "--out",
      out,
      "--markdown",
      md,
      "--maturity",
      join(sample, "maturity-responses.json"),
      "--iterations",
      "500",
    );
    expect(r.stderr).toContain("report written to");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    for (const kind of [
      "gantt",
      "resource-histogram",
      "heat-map",
      "finish-histogram",
      "tornado",
      "s-curve",
      "frontier",
      "radar",
    ])
      expect(html).toContain(`data-chart="${kind}"`);
    expect(readFileSync(md, "utf8")).toMatch(/^# ACME/);
  });

  it("prints the report data with --json", async () => {
    const r = await runCli("report", join(sample, "portfolio.json"), "--iterations", "200", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sections.map((s: { id: string }) => s.id)).toContain("schedule");
  });

  it("passes --evm-period to the earned-value S-curves", async () => {
    const curve = async (...extra: string[]) => {
      const r = await runCli(
        "report",
        join(sample, "portfolio.json"),
        "--iterations",
        "100",
        "--json",
        ...extra,
      );
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as {
        sections: {
          id: string;
          charts?: { chart: { data: { title?: string; periods: { date: string }[] } } }[];
        }[];
      };
      const evm = doc.sections.find((s) => s.id === "evm");
      expect(evm, "earned-value section").toBeDefined();
      return evm!.charts![0]!.chart.data;
    };
    const byDefault = await curve();
    const weekly = await curve("--evm-period", "week");
    const monthly = await curve("--evm-period", "month");
    expect(byDefault).toStrictEqual(weekly);
    expect(weekly.title).toContain("weekly");
    expect(monthly.title).toContain("monthly");
    // A month spans several weeks: fewer periods over the same time span.
    expect(monthly.periods.length).toBeGreaterThan(0);
    expect(monthly.periods.length).toBeLessThan(weekly.periods.length);
    const bad = await runCli("report", join(sample, "portfolio.json"), "--evm-period", "quarter");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("--evm-period");
  });

  it("exits 2 with one line naming the file for bad input", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await runCli("report", bad, "--out", join(dir, "x.html"));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(bad);
    const r2 = await runCli("report", join(sample, "portfolio.json"), "--seed", "x");
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("--seed");
  });
});
