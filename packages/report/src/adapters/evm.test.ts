import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computePortfolioEvm,
  computeProjectEvm,
  evmSeries,
  isPmokitError,
  parsePortfolio,
} from "@pmokit/core";
import type { Money, ProjectEvm, SCurvePoint } from "@pmokit/core";
import { evmSeriesFromProjectEvm, sCurveFromProjectEvm } from "./evm.js";
import { renderSCurveSvg } from "../charts/s-curve.js";

const portfolio = parsePortfolio(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../../../../examples/sample-portfolio/portfolio.json", import.meta.url)),
      "utf8",
    ),
  ),
);
const cents = (m: Money | null | undefined): number => (m ? Math.round(Number(m.amount) * 100) : 0);
const day = (end: string): string => end.slice(0, 10);

/** Core's cumulative value of one project at a period end: its own point, 0 before, final after. */
function valueAt(r: ProjectEvm, end: string, key: "pv" | "ev" | "ac"): number {
  let v = 0;
  for (const p of r.sCurve) if (p.end <= end) v = cents(p[key]);
  return v;
}

describe("S-curve from core's time-phased earned value", () => {
  const pf = computePortfolioEvm(portfolio);

  it("one project: the chart's points are core's S-curve periods", () => {
    const r = computeProjectEvm(portfolio.projects[0]!, {
      resources: portfolio.sharedResources,
      calendars: portfolio.calendars,
    });
    const chart = sCurveFromProjectEvm(r);
    expect(chart.periods.map((p) => p.date)).toEqual(r.sCurve.map((p) => day(p.end)));
    chart.periods.forEach((p, i) => {
      const c: SCurvePoint = r.sCurve[i]!;
      expect(p.pv).toBe(Number(c.pv.amount));
      expect(p.ev).toBe(c.ev === null ? undefined : Number(c.ev.amount));
      expect(p.ac).toBe(c.ac === null ? undefined : Number(c.ac.amount));
    });
    expect(chart.bac).toBe(Number(r.bac.amount));
    expect(chart.unit).toBe(r.currency);
    expect(chart.statusDate).toBe(r.statusDate);
  });

  it("sample portfolio: every point is the sum of the projects' core series at that period end", () => {
    const chart = sCurveFromProjectEvm(pf.projects);
    const ends = [...new Set(pf.projects.flatMap((r) => r.sCurve.map((p) => p.end)))].sort();
    expect(chart.periods.map((p) => p.date)).toEqual(ends.map(day));
    chart.periods.forEach((p, i) => {
      const end = ends[i]!;
      expect(Math.round(p.pv * 100), `pv ${end}`).toBe(
        pf.projects.reduce((s, r) => s + valueAt(r, end, "pv"), 0),
      );
      if (p.ev !== undefined) {
        expect(Math.round(p.ev * 100), `ev ${end}`).toBe(
          pf.projects.reduce((s, r) => s + valueAt(r, end, "ev"), 0),
        );
        expect(Math.round(p.ac! * 100), `ac ${end}`).toBe(
          pf.projects.reduce((s, r) => s + valueAt(r, end, "ac"), 0),
        );
      }
    });
    // EV / AC stop at the period holding the (common) status date, at the roll-up's values.
    const measured = chart.periods.filter((p) => p.ev !== undefined);
    const last = measured.at(-1)!;
    expect(last.date > pf.projects[0]!.statusDate.slice(0, 10)).toBe(true);
    expect(measured.length).toBeLessThan(chart.periods.length);
    expect(last.ev).toBe(Number(pf.portfolio.ev.amount));
    expect(last.ac).toBe(Number(pf.portfolio.ac.amount));
    expect(chart.bac).toBe(Number(pf.portfolio.bac.amount));
    expect(chart.periods.at(-1)!.pv).toBe(chart.bac);
  });

  it("the series is the `pmokit evm` input: evmSeries reports the chart's points and the roll-up's EV / AC", () => {
    const series = evmSeriesFromProjectEvm(pf.projects);
    const chart = sCurveFromProjectEvm(pf.projects);
    const r = evmSeries(series);
    expect(r.warnings).toEqual([]);
    expect(r.sCurve.map((p) => Number(p.pv))).toEqual(chart.periods.map((p) => p.pv));
    expect(r.sCurve.map((p) => (p.ev === null ? undefined : Number(p.ev)))).toEqual(
      chart.periods.map((p) => p.ev),
    );
    expect(r.sCurve.map((p) => (p.ac === null ? undefined : Number(p.ac)))).toEqual(
      chart.periods.map((p) => p.ac),
    );
    expect(Number(r.ev)).toBe(Number(pf.portfolio.ev.amount));
    expect(Number(r.ac)).toBe(Number(pf.portfolio.ac.amount));
    expect(r.cpi).toBeCloseTo(pf.portfolio.indicators.cpi!, 12);
    expect(renderSCurveSvg(chart)).toContain('data-series="ev"');
  });

  it("monthly periods: a project that ended before the others keeps its final values", () => {
    const monthly = computePortfolioEvm(portfolio, { period: "month" }).projects;
    const series = evmSeriesFromProjectEvm(monthly);
    const first = monthly.find((r) => r.projectId === "SEC")!;
    const lastSec = first.sCurve.at(-1)!;
    const after = series.periods.filter((p) => p.date > day(lastSec.end));
    expect(after.length).toBeGreaterThan(0);
    // Later periods still contain SEC at its BAC.
    for (const p of after)
      expect(Math.round(Number(p.pv) * 100)).toBe(
        monthly.reduce((s, r) => s + valueAt(r, `${p.date}T00:00:00`, "pv"), 0),
      );
  });

  it("rejects an empty list, mixed currencies and mixed periods with PmokitError", () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isPmokitError(e) ? e.code : "not a PmokitError";
      }
      return undefined;
    };
    const a = pf.projects[0]!;
    expect(code(() => evmSeriesFromProjectEvm([]))).toBe("INVALID_INPUT");
    expect(code(() => evmSeriesFromProjectEvm([a, { ...a, currency: "USD" }]))).toBe("CURRENCY_MISMATCH");
    expect(code(() => evmSeriesFromProjectEvm([a, { ...a, period: "month" }]))).toBe("INVALID_INPUT");
  });

  it("property: sums are exact (cents) whatever the project curves", () => {
    const curve = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), curve), { minLength: 1, maxLength: 4 }),
        (specs) => {
          const results = specs.map(([offset, increments], j) => {
            let cum = 0;
            const points = increments.map((inc, i) => {
              cum += inc;
              const week = (offset + i) * 7;
              const iso = (d: number) => new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
              const m: Money = { amount: (cum / 100).toFixed(2), currency: "EUR" };
              return {
                period: i + 1,
                start: `${iso(week)}T00:00:00`,
                end: `${iso(week + 7)}T00:00:00`,
                pv: m,
                ev: m,
                ac: m,
              };
            });
            return {
              projectId: `P${j}`,
              currency: "EUR",
              period: "week",
              statusDate: "2030-01-01T00:00:00",
              bac: points.at(-1)!.pv,
              sCurve: points,
            } as unknown as ProjectEvm;
          });
          const series = evmSeriesFromProjectEvm(results);
          for (const p of series.periods) {
            const want = results.reduce((s, r) => s + valueAt(r, `${p.date}T00:00:00`, "pv"), 0);
            expect(Math.round(Number(p.pv) * 100)).toBe(want);
            expect(p.ev).toBe(p.pv);
          }
          expect(series.periods.at(-1)!.pv).toBe(series.bac);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
