import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import type { PmokitError } from "../errors.js";
import { parsePortfolio, parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { computePortfolioEvm, computeProjectEvm } from "./project-evm.js";

const usd = (amount: string) => ({ amount, currency: "USD" });

function demo(over: Partial<ProjectInput> = {}): ProjectInput {
  return {
    id: "P",
    name: "Demo",
    settings: {
      currency: "USD",
      defaultCalendarId: "standard",
      startDate: "2026-01-05T08:00:00",
      statusDate: "2026-01-09T17:00:00",
    },
    calendars: [standardCalendar()],
    resources: [{ id: "R", name: "R", costRateTables: { A: [{ standardRate: usd("12.5") }] } }],
    tasks: [
      { id: "S", name: "Summary", duration: { value: 15, unit: "days" } },
      {
        id: "A",
        name: "A",
        parentId: "S",
        duration: { value: 10, unit: "days" },
        percentComplete: 40,
        actualStart: "2026-01-05T08:00:00",
        baselines: [
          { number: 0, start: "2026-01-05T08:00:00", finish: "2026-01-16T17:00:00", cost: usd("1000") },
        ],
      },
      {
        id: "B",
        name: "B",
        parentId: "S",
        duration: { value: 5, unit: "days" },
        baselines: [
          { number: 0, start: "2026-01-19T08:00:00", finish: "2026-01-23T17:00:00", cost: usd("500") },
        ],
      },
    ],
    assignments: [
      { id: "a1", taskId: "A", resourceId: "R", work: 4800, actualWork: 2400 },
      { id: "a2", taskId: "B", resourceId: "R", work: 2400, contour: "backLoaded" },
    ],
    ...over,
  };
}

describe("computeProjectEvm", () => {
  it("BAC, PV, EV, AC from the model, worked by hand", () => {
    // A: 10 working days, 1000 → PV at Fri 9 Jan 17:00 = 5/10 × 1000 = 500; EV = 40 % × 1000 = 400
    // AC = 2400 min = 40 h × 12.5 = 500. B not started: PV 0. BAC = 1500.
    // CPI = 400/500 = 0.8; SPI = 400/500 = 0.8
    const r = computeProjectEvm(parseProject(demo()));
    expect(r.bac.amount).toBe("1500.00");
    expect(r.pv.amount).toBe("500.00");
    expect(r.ev.amount).toBe("400.00");
    expect(r.ac.amount).toBe("500.00");
    expect(r.indicators.cpi).toBe(0.8);
    expect(r.indicators.spi).toBe(0.8);
    expect(r.tasks.map((t) => t.id)).toEqual(["A", "B"]); // summary skipped
    expect(r.tasks[0]!.cpi).toBe(0.8);
    expect(r.tasks[1]!.spi).toBeNull();
    // weekly periods from Mon 5 Jan: cumulative PV 500 | 1000 | 1500; PD = 3
    expect(r.sCurve.map((p) => p.pv.amount)).toEqual(["500.00", "1000.00", "1500.00"]);
    expect(r.sCurve[0]!.ev?.amount).toBe("400.00");
    expect(r.sCurve[1]!.ev).toBeNull();
    // AT = 1 (week 1 fully worked by Fri 17:00); ES = 0 + 400/500 = 0.8; SPI(t) = 0.8
    expect(r.earnedSchedule!.pd).toBe(3);
    expect(r.earnedSchedule!.at).toBe(1);
    expect(r.earnedSchedule!.es).toBeCloseTo(0.8, 12);
    expect(r.earnedSchedule!.spit).toBeCloseTo(0.8, 12);
    expect(r.warnings).toEqual([]);
  });

  it("spreads by the work contour (back loaded, daily periods)", () => {
    // B: 5 days; back-loaded tenths 10,15,25,50,50,75,75,100,100,100 (sum 600), two tenths a day:
    // cumulative 25/600, 100/600, 225/600, 400/600, 1 of 500 → 20.83, 83.33, 187.50, 333.33, 500
    const r = computeProjectEvm(parseProject(demo()), { period: "day", statusDate: "2026-01-23T17:00:00" });
    const byEnd = new Map(r.sCurve.map((p) => [p.end.slice(0, 10), Number(p.pv.amount) - 1000]));
    expect(byEnd.get("2026-01-20")).toBeCloseTo(20.83, 9);
    expect(byEnd.get("2026-01-21")).toBeCloseTo(83.33, 9);
    expect(byEnd.get("2026-01-22")).toBeCloseTo(187.5, 9);
    expect(byEnd.get("2026-01-23")).toBeCloseTo(333.33, 9);
    expect(byEnd.get("2026-01-24")).toBeCloseTo(500, 9);
  });

  it("EV methods", () => {
    const p = parseProject(demo());
    expect(computeProjectEvm(p, { evMethod: "zeroHundred" }).ev.amount).toBe("0.00");
    expect(computeProjectEvm(p, { evMethod: "fiftyFifty" }).ev.amount).toBe("500.00");
    // work % complete: 2400 / 4800 = 50 % of 1000
    expect(computeProjectEvm(p, { evMethod: "workPercentComplete" }).ev.amount).toBe("500.00");
  });

  it("bad input: no status date, status date before start, no baseline, negative cost", () => {
    const noStatus = demo();
    delete (noStatus.settings as { statusDate?: string }).statusDate;
    expect(() => computeProjectEvm(parseProject(noStatus))).toThrow(/no status date/);
    expect(() => computeProjectEvm(parseProject(demo()), { statusDate: "2025-12-01" })).toThrow(
      /before the project start/,
    );
    const noBase = demo();
    noBase.tasks = noBase.tasks!.map((t) => ({ ...t, baselines: [] }));
    expect(() => computeProjectEvm(parseProject(noBase))).toThrow(/no task has baseline 0/);
    const missing = (() => {
      try {
        computeProjectEvm(parseProject(noBase));
      } catch (e) {
        return e as PmokitError;
      }
      return undefined;
    })();
    expect(missing?.code).toBe("MISSING_BASELINE");
    expect(missing?.kind).toBe("input");
    expect(missing?.details.ids).toEqual([noBase.id]);
    // a different baseline number than the one set is missing as well
    expect(() => computeProjectEvm(parseProject(demo()), { baseline: 3 })).toThrow(/no task has baseline 3/);
    const neg = demo();
    neg.tasks![1] = {
      ...neg.tasks![1]!,
      baselines: [{ number: 0, start: "2026-01-05", finish: "2026-01-06", cost: usd("-5") }],
    };
    expect(() => computeProjectEvm(parseProject(neg))).toThrow(/negative baseline cost/);
  });

  it("warns on tasks without a baseline cost and on actuals after the status date", () => {
    const p = demo();
    p.tasks!.push({
      id: "C",
      name: "C",
      duration: { value: 1, unit: "days" },
      actualStart: "2026-02-01T08:00:00",
    });
    const r = computeProjectEvm(parseProject(p));
    expect(r.warnings.map((w) => w.code)).toEqual(["PARTIAL_BASELINE", "ACTUALS_AFTER_STATUS_DATE"]);
    expect(r.warnings[0]!.ids).toEqual(["S", "C"].filter((id) => id !== "S"));
    // a baseline with dates but no cost warns, except on a zero-duration milestone
    const q = demo();
    q.tasks!.push(
      {
        id: "D",
        name: "D",
        duration: { value: 2, unit: "days" },
        baselines: [{ number: 0, start: "2026-01-05T08:00:00", finish: "2026-01-06T17:00:00" }],
      },
      {
        id: "M",
        name: "M",
        milestone: true,
        duration: { value: 0, unit: "days" },
        baselines: [{ number: 0, start: "2026-01-23T17:00:00", finish: "2026-01-23T17:00:00" }],
      },
    );
    const w = computeProjectEvm(parseProject(q)).warnings;
    expect(w.map((x) => [x.code, x.ids])).toEqual([["NO_BASELINE_COST", ["D"]]]);
  });

  it("rolls up to programs and the portfolio by summing (indices recomputed)", () => {
    const p1 = demo();
    const p2 = { ...demo(), id: "Q", name: "Q" };
    const pf = parsePortfolio({
      id: "pf",
      name: "PF",
      currency: "USD",
      projects: [p1, p2],
      programs: [{ id: "g", name: "G", projectIds: ["P"] }],
    });
    const r = computePortfolioEvm(pf);
    expect(r.portfolio.bac.amount).toBe("3000");
    expect(r.portfolio.indicators.cpi).toBe(0.8);
    expect(r.programs[0]!.projectIds).toEqual(["P"]);
    expect(r.programs[0]!.ev.amount).toBe("400");
  });
});
