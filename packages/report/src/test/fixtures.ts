// Small fixed chart inputs shared by the golden SVG tests and the visual test.
import type { Chart } from "../charts/chart.js";

export const FIXTURES: readonly Chart[] = [
  {
    kind: "gantt",
    data: {
      title: 'Release <1.0> & "beta"',
      statusDate: "2026-01-21T17:00:00",
      criticalPath: ["A", "B", "D"],
      tasks: [
        {
          id: "S",
          name: "Release",
          start: "2026-01-05T08:00:00",
          finish: "2026-02-06T17:00:00",
          summary: true,
          critical: true,
          level: 1,
        },
        {
          id: "A",
          name: "Design",
          start: "2026-01-05T08:00:00",
          finish: "2026-01-09T17:00:00",
          critical: true,
          level: 2,
          progress: 1,
          baselineStart: "2026-01-05T08:00:00",
          baselineFinish: "2026-01-09T17:00:00",
        },
        {
          id: "B",
          name: "Build & test",
          start: "2026-01-12T08:00:00",
          finish: "2026-01-30T17:00:00",
          critical: true,
          level: 2,
          progress: 0.4,
          baselineStart: "2026-01-12T08:00:00",
          baselineFinish: "2026-01-23T17:00:00",
        },
        { id: "C", name: "Docs", start: "2026-01-12T08:00:00", finish: "2026-01-16T17:00:00", level: 2 },
        {
          id: "D",
          name: "Go-live",
          start: "2026-02-06T17:00:00",
          finish: "2026-02-06T17:00:00",
          milestone: true,
          critical: true,
          level: 2,
        },
      ],
    },
  },
  {
    kind: "resource-histogram",
    data: {
      resource: "Developers",
      unit: "units",
      periods: ["W1", "W2", "W3", "W4"],
      before: [3, 5, 1, 0],
      after: [3, 3, 3, 0],
      capacity: 4,
    },
  },
  {
    kind: "heat-map",
    data: {
      probabilityLabels: ["low", "medium", "high"],
      impactLabels: ["minor", "moderate", "major"],
      levels: [
        ["low", "low", "moderate"],
        ["low", "moderate", "high"],
        ["moderate", "high", "high"],
      ],
      levelStyles: [
        { id: "low", label: "Low", colour: "green" },
        { id: "moderate", label: "Moderate", colour: "yellow" },
        { id: "high", label: "High", colour: "red" },
      ],
      risks: [
        { id: "R1", probabilityBin: 2, impactBin: 2 },
        { id: "R2", probabilityBin: 0, impactBin: 1 },
        { id: "R3", probabilityBin: 2, impactBin: 2 },
      ],
    },
  },
  {
    kind: "finish-histogram",
    data: {
      start: 100,
      width: 2,
      counts: [5, 20, 40, 25, 10],
      pValues: [
        { p: 0.5, value: 105 },
        { p: 0.8, value: 107 },
      ],
      deterministic: 102,
    },
  },
  {
    kind: "tornado",
    data: {
      items: [
        { id: "R1", label: "Vendor late", value: 6.5, marker: 3.2 },
        { id: "R2", value: -2 },
        { id: "R3", label: "Key expert <away>", value: 4, marker: 1.5 },
      ],
    },
  },
  {
    kind: "s-curve",
    data: {
      unit: "EUR",
      bac: 100000,
      eac: 112000,
      statusDate: "2026-02-28",
      periods: [
        { date: "2026-01-31", pv: 20000, ev: 15000, ac: 18000 },
        { date: "2026-02-28", pv: 45000, ev: 40000, ac: 47000 },
        { date: "2026-03-31", pv: 80000 },
        { date: "2026-04-30", pv: 100000 },
      ],
    },
  },
  {
    kind: "frontier",
    data: {
      costLabel: "capex (k EUR)",
      valueLabel: "priority",
      points: [
        { budget: 50, value: 0, feasible: false },
        { budget: 100, value: 20, selected: ["A"] },
        { budget: 200, value: 35, selected: ["A", "B"] },
        { budget: 300, value: 35, selected: ["A", "B"], dominated: true },
        { budget: 400, value: 48, selected: ["A", "B", "C"] },
      ],
      chosen: { cost: 190, value: 35, label: "chosen" },
    },
  },
  {
    kind: "radar",
    data: {
      axes: [
        { id: "gov", label: "Governance" },
        { id: "risk", label: "Risk" },
        { id: "res", label: "Resources" },
        { id: "rep", label: "Reporting" },
        { id: "ben", label: "Benefits" },
      ],
      min: 1,
      max: 5,
      series: [
        { name: "current", values: [2.5, 3, 1.8, null, 2] },
        { name: "target", values: [3, 3, 3, 3, 3] },
      ],
    },
  },
];
