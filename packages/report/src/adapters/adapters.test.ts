import { describe, expect, it } from "vitest";
import { parseProject, schedule, standardCalendar } from "@pmokit/core";
import { solveRcpsp } from "@pmokit/leveling";
import { cox3x3Scheme, scoreRisk, simulate } from "@pmokit/risk";
import {
  finishHistogramFromSimulation,
  frontierFromPoints,
  ganttFromSchedule,
  heatMapFromScores,
  radarFromMaturity,
  resourceHistogramFromRcpsp,
  sCurveFromSeries,
  tornadoFromSimulation,
} from "./adapters.js";
import { renderChartSvg } from "../charts/chart.js";

describe("adapters", () => {
  it("ganttFromSchedule: bars, critical flags and baselines from a core schedule", () => {
    const project = parseProject({
      id: "p",
      name: "P",
      settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
      calendars: [standardCalendar()],
      tasks: [
        {
          id: "A",
          name: "Design",
          duration: { value: 2, unit: "days" },
          baselines: [{ number: 0, start: "2026-01-05T08:00:00", finish: "2026-01-06T17:00:00" }],
        },
        { id: "B", name: "Build", duration: { value: 3, unit: "days" } },
        { id: "C", name: "Docs", duration: { value: 1, unit: "days" } },
      ],
      dependencies: [
        { from: "A", to: "B" },
        { from: "A", to: "C" },
      ],
    });
    const result = schedule(project);
    const data = ganttFromSchedule(result, project);
    expect(data.tasks.map((t) => t.id)).toEqual(["A", "B", "C"]);
    expect(data.tasks.map((t) => t.critical)).toEqual(result.tasks.map((t) => t.critical));
    expect(data.tasks[0]).toMatchObject({ baselineStart: "2026-01-05T08:00:00" });
    expect(data.tasks[1]!.start).toBe(result.tasks[1]!.start);
    expect(renderChartSvg({ kind: "gantt", data })).toContain('data-id="B"');
  });

  it("simulation adapters: histogram, P-values, tornado of risk impacts", () => {
    const result = simulate(
      {
        activities: [
          { id: "A", duration: { dist: "triangular", min: 8, mode: 10, max: 15 } },
          { id: "B", duration: 5, predecessors: [{ id: "A" }] },
        ],
        risks: [{ id: "R1", probability: 0.5, impact: 4, activities: ["B"] }],
      },
      { iterations: 2000, seed: 3 },
    );
    const h = finishHistogramFromSimulation(result);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(h.pValues?.find((p) => p.p === 0.8)?.value).toBe(result.finish.p80);
    const t = tornadoFromSimulation(result, { R1: "Vendor late" });
    expect(t.items).toEqual([
      {
        id: "R1",
        label: "Vendor late",
        value: result.risks[0]!.percentileImpactDays,
        marker: result.risks[0]!.meanImpactDays,
      },
    ]);
  });

  it("heatMapFromScores places risks in the scheme's bins", () => {
    const scheme = cox3x3Scheme();
    const s = scoreRisk(
      {
        id: "R1",
        title: "x",
        polarity: "threat",
        status: "open",
        probability: 0.9,
        impacts: { cost: { level: 3 } },
      },
      scheme,
    );
    const data = heatMapFromScores(scheme, [s]);
    expect(data.levels).toEqual(scheme.matrix);
    expect(data.risks).toEqual([{ id: "R1", probabilityBin: s.probabilityBin, impactBin: s.impactBin }]);
  });

  it("resourceHistogramFromRcpsp: the leveled schedule respects capacity", () => {
    const problem = {
      durations: [0, 2, 2, 2, 0],
      successors: [[1, 2, 3], [4], [4], [4], []],
      demands: [[0], [1], [1], [1], [0]],
      capacities: [2],
    };
    const solved = solveRcpsp(problem, { maxSchedules: 50, seed: 1 });
    const data = resourceHistogramFromRcpsp(problem, [0, 0, 0, 0, 2], solved.starts, 0);
    expect(Math.max(...data.before)).toBe(3);
    expect(Math.max(...data.after!)).toBeLessThanOrEqual(2);
    expect(data.periods.length).toBe(Math.max(solved.makespan, 2));
  });

  it("frontier, radar and S-curve adapters copy plain data", () => {
    const f = frontierFromPoints([
      {
        budget: 10,
        feasible: true,
        objective: 5,
        valueShare: 0.5,
        cost: 9,
        costAmount: "9",
        selected: ["A"],
        optimal: true,
        gap: 0,
        dominated: false,
      },
    ]);
    expect(f.points).toEqual([{ budget: 10, value: 5, feasible: true, selected: ["A"], dominated: false }]);
    const r = radarFromMaturity({
      axes: [{ id: "a", label: "A" }],
      min: 1,
      max: 5,
      series: [{ name: "now", values: [2] }],
    });
    expect(r.series[0]!.values).toEqual([2]);
    const s = sCurveFromSeries({
      bac: 10,
      periods: [
        { date: "2026-01-31", pv: 5, ev: 4 },
        { date: "2026-02-28", pv: 10 },
      ],
    });
    expect(s.statusDate).toBe("2026-01-31");
  });
});
