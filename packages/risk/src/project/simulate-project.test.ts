import { readFileSync } from "node:fs";
import {
  isPmokitError,
  parsePortfolio,
  parseProject,
  projectInPortfolio,
  schedule,
  standardCalendar,
} from "@pmokit/core";
import type { ProjectInput } from "@pmokit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../simulation/simulate.js";
import { riskEventsFromProject, simulateProject } from "./simulate-project.js";

const day = (value: number) => ({ value, unit: "days" as const });
// Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00) with a holiday on Wednesday 2026-01-07.
const calendar = {
  ...standardCalendar(),
  exceptions: [{ name: "Holiday", from: "2026-01-07", to: "2026-01-07", working: false }],
};
const sixDay = {
  ...standardCalendar("sixday", "Six days"),
  weekDays: {
    ...standardCalendar().weekDays,
    saturday: standardCalendar().weekDays.monday,
  },
};

function project(
  tasks: ProjectInput["tasks"],
  dependencies: ProjectInput["dependencies"] = [],
  extra: Omit<Partial<ProjectInput>, "settings"> & { settings?: Partial<ProjectInput["settings"]> } = {},
) {
  const { settings, ...rest } = extra;
  return parseProject({
    id: "p",
    name: "P",
    settings: {
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: "2026-01-05T08:00:00",
      ...settings,
    },
    calendars: [calendar, sixDay],
    tasks,
    dependencies,
    ...rest,
  });
}
const N = 4000;
/** 5 standard errors of a probability estimated from N iterations. */
const tolP = (p: number) => 5 * Math.sqrt((p * (1 - p)) / N);

describe("simulateProject: hand-computed cases on a calendar with a weekend and a holiday", () => {
  it("deterministic chain: A 2 d → B 3 d finishes Monday 12th 17:00 (holiday Wed 7th, weekend)", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(2) },
        { id: "B", name: "B", duration: day(3) },
      ],
      [{ from: "A", to: "B" }],
    );
    const r = simulateProject(p, { iterations: 50, seed: 1 });
    // A: Mon 5, Tue 6; B: Thu 8, Fri 9, Mon 12.
    expect(r.deterministicFinish).toBe("2026-01-12T17:00:00");
    expect(r.finish.p10).toBe("2026-01-12T17:00:00");
    expect(r.finish.p90).toBe("2026-01-12T17:00:00");
    expect(r.finishDays.mean).toBe(5);
    expect(r.tasks.map((t) => t.criticality)).toEqual([1, 1]);
    expect(r.probabilityOfDeterministicFinish).toBe(1);
  });

  it("discrete duration: A ∈ {2 d, 4 d} gives finishes on Mon 12th or Wed 14th", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(2) },
        { id: "B", name: "B", duration: day(3) },
      ],
      [{ from: "A", to: "B" }],
    );
    const r = simulateProject(p, {
      durations: {
        A: {
          dist: "discrete",
          values: [
            [2, 0.5],
            [4, 0.5],
          ],
        },
      },
      iterations: N,
      seed: 11,
    });
    // A = 4 d: Mon 5, Tue 6, Thu 8, Fri 9; B: Mon 12, Tue 13, Wed 14.
    expect(r.finish.p10).toBe("2026-01-12T17:00:00");
    expect(r.finish.p90).toBe("2026-01-14T17:00:00");
    expect(r.finish.min).toBe("2026-01-12T17:00:00");
    expect(r.finish.max).toBe("2026-01-14T17:00:00");
    expect(Math.abs(r.probabilityOfDeterministicFinish - 0.5)).toBeLessThanOrEqual(tolP(0.5));
    // Working days from the start: 5 or 7, each with probability 1/2.
    expect(Math.abs(r.finishDays.mean - 6)).toBeLessThanOrEqual(2 * tolP(0.5));
    const a = r.tasks.find((t) => t.id === "A")!;
    expect(a.finish!.p10).toBe("2026-01-06T17:00:00");
    expect(a.finish!.p90).toBe("2026-01-09T17:00:00");
    // The tornado: low decile finishes after 5 working days, high decile after 7.
    expect(r.tornado[0]).toMatchObject({ id: "A", lowFinishDays: 5, highFinishDays: 7, swingDays: 2 });
  });

  it("a risk on B (p = 0.25, +1 working day) moves P80 to Tue 13th and costs 0.25 d on average", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(2) },
        { id: "B", name: "B", duration: day(3) },
      ],
      [{ from: "A", to: "B" }],
    );
    const r = simulateProject(p, {
      risks: [{ id: "R", name: "Rework", probability: 0.25, impact: 1, activities: ["B"] }],
      iterations: N,
      seed: 3,
    });
    expect(r.finish.p50).toBe("2026-01-12T17:00:00");
    expect(r.finish.p80).toBe("2026-01-13T17:00:00");
    const risk = r.risks[0]!;
    expect(Math.abs(risk.occurrences / N - 0.25)).toBeLessThanOrEqual(tolP(0.25));
    expect(Math.abs(risk.meanImpactDays - 0.25)).toBeLessThanOrEqual(tolP(0.25));
    expect(risk.percentileImpactDays).toBe(1);
  });

  it("criticality of two parallel paths: fixed A 2 d vs C ∈ {1 d, 3 d} into a milestone", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(2) },
        { id: "C", name: "C", duration: day(1) },
        { id: "M", name: "M", duration: day(0), milestone: true },
      ],
      [
        { from: "A", to: "M" },
        { from: "C", to: "M" },
      ],
    );
    const r = simulateProject(p, {
      durations: {
        C: {
          dist: "discrete",
          values: [
            [1, 0.5],
            [3, 0.5],
          ],
        },
      },
      iterations: N,
      seed: 5,
    });
    const ci = Object.fromEntries(r.tasks.map((t) => [t.id, t.criticality]));
    expect(Math.abs(ci["A"]! - 0.5)).toBeLessThanOrEqual(tolP(0.5));
    expect(Math.abs(ci["C"]! - 0.5)).toBeLessThanOrEqual(tolP(0.5));
    expect(ci["A"]! + ci["C"]!).toBeCloseTo(1, 12);
    expect(ci["M"]).toBe(1);
    // C = 3 d: Mon 5, Tue 6, Thu 8 → milestone at Thu 8th 17:00; else at A's finish Tue 6th 17:00.
    expect(r.finish.p10).toBe("2026-01-06T17:00:00");
    expect(r.finish.p90).toBe("2026-01-08T17:00:00");
  });

  it("percent rule 90/100/130 keeps every finish between the 90 % and the 130 % schedule", () => {
    const tasks = [
      { id: "A", name: "A", duration: day(10) },
      { id: "B", name: "B", duration: day(10) },
    ];
    const deps = [{ from: "A", to: "B" }];
    const r = simulateProject(project(tasks, deps), {
      uncertainty: { kind: "percent", min: 90, mode: 100, max: 130 },
      iterations: 2000,
      seed: 9,
    });
    // 18 and 26 working days from Mon 5th (holiday on the 7th).
    expect(r.finishDays.min).toBeGreaterThanOrEqual(18);
    expect(r.finishDays.max).toBeLessThanOrEqual(26);
    // Mean of two T(9, 10, 13): 2 · 32/3 = 21.333 working days (minutes are rounded, < 1 minute each).
    const sdMean = Math.sqrt((2 * (81 + 100 + 169 - 90 - 117 - 130)) / 18 / 2000);
    expect(Math.abs(r.finishDays.mean - 64 / 3)).toBeLessThanOrEqual(5 * sdMean + 2 / 480);
    expect(r.probabilityOfDeterministicFinish).toBeLessThan(0.3);
  });
});

describe("simulateProject: deterministic runs equal core's schedule()", () => {
  // All four link types, working / elapsed / percent lags, constraints, a deadline, a summary,
  // a second calendar, progress at a status date.
  const tasks: ProjectInput["tasks"] = [
    { id: "S", name: "Summary", duration: day(0) },
    {
      id: "A",
      name: "A",
      parentId: "S",
      duration: day(3),
      actualStart: "2026-01-05T08:00:00",
      remainingDuration: day(2),
      percentComplete: 33,
    },
    { id: "B", name: "B", parentId: "S", duration: day(4), calendarId: "sixday" },
    { id: "C", name: "C", duration: day(2), constraint: { type: "SNET", date: "2026-01-13T08:00:00" } },
    { id: "D", name: "D", duration: day(5), deadline: "2026-01-30T17:00:00" },
    { id: "E", name: "E", duration: { value: 36, unit: "hours" } },
    { id: "F", name: "F", duration: day(1), constraint: { type: "FNLT", date: "2026-02-20T17:00:00" } },
    { id: "G", name: "G", duration: day(2), calendarId: "sixday" },
    {
      id: "H",
      name: "H",
      duration: day(1),
      actualStart: "2026-01-05T08:00:00",
      actualFinish: "2026-01-05T17:00:00",
      percentComplete: 100,
    },
    { id: "M", name: "End", duration: day(0), milestone: true },
  ];
  const deps: ProjectInput["dependencies"] = [
    { from: "H", to: "A" },
    { from: "A", to: "B", type: "SS", lag: day(1) },
    { from: "S", to: "C", type: "FS" },
    { from: "C", to: "D", type: "FF", lag: { value: 2, unit: "elapsedDays" } },
    { from: "B", to: "E", type: "SF", lag: day(6) },
    { from: "D", to: "F", type: "FS", lag: { value: 50, unit: "percent" } },
    { from: "E", to: "G", type: "FS", lag: day(-1) },
    { from: "F", to: "M" },
    { from: "G", to: "M" },
  ];
  for (const dialect of ["msp", "p6"] as const) {
    for (const statusDate of [undefined, "2026-01-07T17:00:00"]) {
      it(`${dialect}, status date ${statusDate ?? "none"}: every P-date equals the schedule`, () => {
        const p = project(tasks, deps, statusDate ? { settings: { statusDate } } : {});
        const s = schedule(p, { dialect });
        const r = simulateProject(p, {
          dialect,
          uncertainty: { kind: "percent", min: 100, max: 100 },
          iterations: 30,
          blockSize: 7,
          seed: 2,
        });
        expect(r.deterministicFinish).toBe(s.projectFinish);
        for (const q of [r.finish.p10, r.finish.p50, r.finish.p90, r.finish.min, r.finish.max])
          expect(q).toBe(s.projectFinish);
        const byId = new Map(s.tasks.map((t) => [t.id, t]));
        expect(r.tasks.map((t) => t.id)).toEqual(s.tasks.filter((t) => !t.summary).map((t) => t.id));
        for (const t of r.tasks) {
          const st = byId.get(t.id)!;
          expect(t.deterministicFinish, t.id).toBe(st.finish);
          expect(t.finish!.p50, t.id).toBe(st.finish);
          expect(t.finish!.p90, t.id).toBe(st.finish);
          expect(t.criticality === 0 || t.criticality === 1).toBe(true);
        }
        expect(r.probabilityOfDeterministicFinish).toBe(1);
      });
    }
  }

  it("ALAP, level of effort, manual tasks, MSO/FNET/SO constraints, 24 h lags: equal to the schedule", () => {
    const ts: ProjectInput["tasks"] = [
      { id: "A", name: "A", duration: day(4) },
      { id: "B", name: "B", duration: day(2), constraint: { type: "ALAP" } },
      { id: "C", name: "C", duration: day(3), constraint: { type: "MSO", date: "2026-01-14T08:00:00" } },
      { id: "D", name: "D", duration: day(2), constraint: { type: "FNET", date: "2026-01-21T17:00:00" } },
      { id: "L", name: "LOE", duration: day(1), activityType: "levelOfEffort" },
      {
        id: "Q",
        name: "Manual",
        duration: day(2),
        manual: true,
        reported: { start: "2026-01-06T08:00:00", finish: "2026-01-08T17:00:00" },
      },
      {
        id: "E",
        name: "E",
        duration: { value: 20, unit: "hours" },
        constraint: { type: "SO", date: "2026-01-19T13:00:00" },
      },
      { id: "M", name: "M", duration: day(0), milestone: true },
    ];
    const ds: ProjectInput["dependencies"] = [
      { from: "A", to: "B" },
      { from: "A", to: "C", type: "SS", lag: { value: 30, unit: "elapsedHours" } },
      { from: "C", to: "D" },
      { from: "A", to: "L", type: "SS" },
      { from: "D", to: "L", type: "FF" },
      { from: "Q", to: "E" },
      { from: "B", to: "M" },
      { from: "D", to: "M" },
      { from: "E", to: "M" },
    ];
    for (const dialect of ["msp", "p6"] as const) {
      const p = project(ts, ds);
      const s = schedule(p, { dialect });
      const r = simulateProject(p, { dialect, iterations: 5 });
      expect(r.deterministicFinish).toBe(s.projectFinish);
      expect(r.finish.p50).toBe(s.projectFinish);
      const byId = new Map(s.tasks.map((t) => [t.id, t.finish]));
      for (const t of r.tasks)
        expect(`${dialect} ${t.id} ${t.finish!.p50}`).toBe(`${dialect} ${t.id} ${byId.get(t.id)}`);
    }
  });

  it("the sample portfolio (progress at a status date, summaries): every project equals its schedule", () => {
    const file = new URL("../../../../examples/sample-portfolio/portfolio.json", import.meta.url);
    const portfolio = parsePortfolio(JSON.parse(readFileSync(file, "utf8")));
    expect(portfolio.projects.length).toBeGreaterThan(0);
    // One dialect per project, alternating (keeps the test short).
    portfolio.projects.forEach(({ id }, k) => {
      const p = projectInPortfolio(portfolio, id);
      for (const dialect of [k % 2 === 0 ? "msp" : "p6"] as const) {
        const s = schedule(p, { dialect });
        const r = simulateProject(p, { dialect, iterations: 2 });
        expect(`${id} ${dialect} ${r.finish.p50}`).toBe(`${id} ${dialect} ${s.projectFinish}`);
        const byId = new Map(s.tasks.map((t) => [t.id, t.finish]));
        for (const t of r.tasks)
          expect(`${id} ${t.id} ${t.finish!.p50}`).toBe(`${id} ${t.id} ${byId.get(t.id)}`);
      }
    });
  });

  it("P6 with a must-finish-by date: the P-dates are the early finish, not the imposed date", () => {
    const p = project(
      [
        { id: "A", name: "A", duration: day(2) },
        { id: "B", name: "B", duration: day(3) },
      ],
      [{ from: "A", to: "B" }],
      { settings: { finishDate: "2026-03-02T17:00:00" } },
    );
    const s = schedule(p, { dialect: "p6" });
    const latest = s.tasks
      .map((t) => t.earlyFinish)
      .sort()
      .at(-1);
    const r = simulateProject(p, { dialect: "p6", iterations: 10 });
    expect(latest).toBe("2026-01-12T17:00:00");
    expect(r.deterministicFinish).toBe(latest);
    expect(r.finish.p90).toBe(latest);
    expect(r.tasks.map((t) => t.criticality)).toEqual([1, 1]);
  });

  it("property: random networks of FS/SS/FF/SF links with lags, no uncertainty → schedule() dates", () => {
    const link = fc.record({
      from: fc.nat(),
      type: fc.constantFrom("FS", "SS", "FF", "SF" as const),
      lag: fc.integer({ min: -2, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.integer({ min: 0, max: 6 }),
            six: fc.boolean(),
            preds: fc.array(link, { maxLength: 2 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.constantFrom("msp", "p6" as const),
        (spec, dialect) => {
          const ts = spec.map((t, i) => ({
            id: `T${i}`,
            name: `T${i}`,
            duration: day(t.d),
            ...(t.six ? { calendarId: "sixday" } : {}),
          }));
          const ds = spec.flatMap((t, i) =>
            i === 0
              ? []
              : [...new Map(t.preds.map((l) => [l.from % i, l])).values()].map((l) => ({
                  from: `T${l.from % i}`,
                  to: `T${i}`,
                  type: l.type,
                  lag: day(l.lag),
                })),
          );
          const p = project(ts, ds);
          const s = schedule(p, { dialect });
          const r = simulateProject(p, { dialect, iterations: 3, riskExclusion: false });
          expect(r.finish.p50).toBe(s.projectFinish);
          const byId = new Map(s.tasks.map((t) => [t.id, t.finish]));
          for (const t of r.tasks) expect(t.finish!.p50).toBe(byId.get(t.id));
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });
});

describe("simulateProject: properties", () => {
  it("FS networks on two calendars: durations ≥ plan never finish before the plan; P-dates ordered", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.integer({ min: 0, max: 6 }),
            six: fc.boolean(),
            preds: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 2 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom("msp", "p6" as const),
        (spec, dialect) => {
          const ts = spec.map((t, i) => ({
            id: `T${i}`,
            name: `T${i}`,
            duration: day(t.d),
            ...(t.six ? { calendarId: "sixday" } : {}),
          }));
          const ds = spec.flatMap((t, i) =>
            i === 0
              ? []
              : [...new Map(t.preds.map(([f, lag]) => [f % i, lag])).entries()].map(([f, lag]) => ({
                  from: `T${f}`,
                  to: `T${i}`,
                  lag: day(lag),
                })),
          );
          const r = simulateProject(project(ts, ds), {
            dialect,
            uncertainty: { kind: "percent", min: 100, mode: 120, max: 200 },
            iterations: 60,
            blockSize: 25,
            seed: 3,
          });
          const f = r.finish;
          expect(f.min >= r.deterministicFinish).toBe(true);
          expect(f.min <= f.p10 && f.p10 <= f.p50 && f.p50 <= f.p80 && f.p80 <= f.p90 && f.p90 <= f.max).toBe(
            true,
          );
          expect(r.finishDays.min).toBeGreaterThanOrEqual(r.deterministicFinishDays);
          for (const t of r.tasks) {
            expect(t.criticality).toBeGreaterThanOrEqual(0);
            expect(t.criticality).toBeLessThanOrEqual(1);
            expect(t.finish!.min >= t.deterministicFinish).toBe(true);
          }
          // The task that finishes last in an iteration is on the driving path.
          expect(Math.max(...r.tasks.map((t) => t.criticality))).toBeGreaterThan(0);
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });
});

describe("simulateProject: options, reproducibility, errors", () => {
  const p = project(
    [
      { id: "S", name: "Phase", duration: day(0) },
      { id: "A", name: "A", parentId: "S", duration: day(5), customFields: { opt: 4, pess: 9 } },
      { id: "B", name: "B", parentId: "S", duration: day(5) },
      { id: "C", name: "C", duration: day(3) },
    ],
    [
      { from: "A", to: "B" },
      { from: "S", to: "C" },
    ],
    {
      risks: [
        { id: "R1", title: "Supplier late", probability: 0.4, impacts: { schedule: day(4) }, taskIds: ["S"] },
        {
          id: "R2",
          title: "Closed",
          status: "closed",
          probability: 0.9,
          impacts: { schedule: day(9) },
          taskIds: ["C"],
        },
        {
          id: "O1",
          title: "Reuse",
          kind: "opportunity",
          probability: 0.5,
          impacts: { schedule: day(1) },
          taskIds: ["C"],
        },
        {
          id: "O2",
          title: "Signed",
          kind: "opportunity",
          probability: 0.2,
          impacts: { schedule: day(-2) },
          taskIds: ["C"],
        },
      ],
    },
  );

  it("same seed → identical JSON; another seed → different samples", () => {
    const o = {
      uncertainty: { kind: "percent", min: 90, max: 140, dist: "pert" } as const,
      risks: riskEventsFromProject(p, { low: 50, high: 150 }),
      iterations: 1500,
      seed: 77,
    };
    const a = simulateProject(p, o);
    expect(JSON.stringify(simulateProject(p, o))).toBe(JSON.stringify(a));
    expect(simulateProject(p, { ...o, seed: 78 }).finishDays.mean).not.toBe(a.finishDays.mean);
    // R1 on a summary stands for its two leaf tasks; the opportunity shortens C.
    const r1 = a.risks.find((r) => r.id === "R1")!;
    const o1 = a.risks.find((r) => r.id === "O1")!;
    expect(r1.meanImpactDays).toBeGreaterThan(0);
    expect(o1.meanImpactDays).toBeLessThan(0);
    expect(a.risks.map((r) => r.id)).toEqual(["R1", "O1", "O2"]);
  });

  it("riskEventsFromProject: open risks with probability, schedule impact and tasks", () => {
    const ev = riskEventsFromProject(p);
    expect(ev).toEqual([
      { id: "R1", name: "Supplier late", probability: 0.4, impact: 4, activities: ["S"] },
      { id: "O1", name: "Reuse", probability: 0.5, impact: -1, activities: ["C"] },
      { id: "O2", name: "Signed", probability: 0.2, impact: -2, activities: ["C"] },
    ]);
    expect(riskEventsFromProject(p, { low: 50, high: 150 })[0]!.impact).toEqual({
      dist: "triangular",
      min: 2,
      mode: 4,
      max: 6,
    });
  });

  it("three-point estimates from custom fields, with a percent fallback", () => {
    const r = simulateProject(p, {
      uncertainty: {
        kind: "fields",
        min: "opt",
        max: "pess",
        fallback: { kind: "percent", min: 100, max: 100 },
      },
      iterations: 2000,
      seed: 4,
    });
    const a = r.tasks.find((t) => t.id === "A")!;
    const b = r.tasks.find((t) => t.id === "B")!;
    // T(4, 5, 9): mean 6, sd √(7/6)... in days.
    expect(Math.abs(a.meanDurationDays - 6)).toBeLessThanOrEqual((5 * Math.sqrt(7 / 6)) / Math.sqrt(2000));
    expect(b.sdDurationDays).toBe(0);
    expect(b.meanDurationDays).toBe(5);
  });

  it("correlation groups: a perfectly correlated chain widens the finish spread", () => {
    const chain = project(
      Array.from({ length: 6 }, (_, i) => ({ id: `T${i}`, name: `T${i}`, duration: day(5) })),
      Array.from({ length: 5 }, (_, i) => ({ from: `T${i}`, to: `T${i + 1}` })),
    );
    const o = { uncertainty: { kind: "percent", min: 80, max: 140 } as const, iterations: 3000, seed: 8 };
    const ind = simulateProject(chain, o);
    const cor = simulateProject(chain, {
      ...o,
      correlationGroups: [{ tasks: chain.tasks.map((t) => t.id), rho: 0.9 }],
    });
    // sd(sum) grows from √6·σ towards 6·σ: at ρ ≈ 0.9 about 2.3× larger.
    expect(cor.finishDays.sd / ind.finishDays.sd).toBeGreaterThan(1.9);
    expect(cor.warnings).toEqual([]);
  });

  it("BLOCK_TOO_SMALL_FOR_CORRELATION when a block is smaller than the correlated tasks + 2", () => {
    const r = simulateProject(p, {
      uncertainty: { kind: "percent", min: 80, max: 140 },
      correlationGroups: [{ tasks: ["A", "B", "C"], rho: 0.5 }],
      iterations: 1003,
      blockSize: 1000,
    });
    const w = r.warnings.find((x) => x.code === "BLOCK_TOO_SMALL_FOR_CORRELATION");
    expect(w?.message).toMatch(/^3 of 1003 iterations/);
  });

  it("TASK_NOT_SAMPLED for a distribution on a completed task or a milestone", () => {
    const q = project(
      [
        {
          id: "H",
          name: "H",
          duration: day(1),
          actualStart: "2026-01-05T08:00:00",
          actualFinish: "2026-01-05T17:00:00",
          percentComplete: 100,
        },
        { id: "M", name: "M", duration: day(0), milestone: true },
        { id: "B", name: "B", duration: day(2) },
      ],
      [
        { from: "H", to: "B" },
        { from: "B", to: "M" },
      ],
      { settings: { statusDate: "2026-01-05T17:00:00" } },
    );
    const r = simulateProject(q, {
      durations: { H: 3, M: 2, B: { dist: "uniform", min: 1, max: 3 } },
      iterations: 200,
    });
    expect(r.warnings.filter((w) => w.code === "TASK_NOT_SAMPLED").map((w) => w.ids)).toEqual([["H"], ["M"]]);
    expect(r.tasks.find((t) => t.id === "B")!.sdDurationDays).toBeGreaterThan(0.4);
    expect(r.tasks.find((t) => t.id === "H")!.finish!.p90).toBe("2026-01-05T17:00:00");
  });

  it("bad input: unknown task, summary distribution, schedule from finish", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isPmokitError(e) ? [e.code, e.details.path] : ["?", undefined];
      }
      return ["none", undefined];
    };
    expect(err(() => simulateProject(p, { durations: { X: 3 } }))).toEqual([
      "DANGLING_REFERENCE",
      "durations.X",
    ]);
    expect(err(() => simulateProject(p, { durations: { S: 3 } }))).toEqual(["INVALID_INPUT", "durations.S"]);
    expect(
      err(() => simulateProject(p, { risks: [{ id: "R", probability: 2, activities: ["A"] }] })),
    ).toEqual(["INVALID_INPUT", "risks[0].probability"]);
    expect(err(() => simulateProject(p, { iterations: 0 }))).toEqual(["INVALID_INPUT", "iterations"]);
    const fromFinish = project([{ id: "A", name: "A", duration: day(1) }], [], {
      settings: { scheduleFrom: "finish", finishDate: "2026-02-02T17:00:00" },
    });
    expect(err(() => simulateProject(fromFinish))).toEqual(["INVALID_INPUT", "settings.scheduleFrom"]);
  });
});

describe("simulate: BLOCK_TOO_SMALL_FOR_CORRELATION and NEGATIVE_DURATION_CLAMPED", () => {
  const model = {
    activities: [
      { id: "A", duration: { dist: "uniform" as const, min: -1, max: 2 } },
      { id: "B", duration: { dist: "uniform" as const, min: 0, max: 1 } },
      { id: "C", duration: { dist: "uniform" as const, min: 0, max: 1 } },
    ],
    correlations: [
      { a: "A", b: "B", rho: 0.5 },
      { a: "B", b: "C", rho: 0.5 },
    ],
  };
  it("warns about the small last block (iterations not a multiple of the block size)", () => {
    const r = simulate(model, { iterations: 2004, blockSize: 1000, seed: 1, spearman: false });
    const w = r.warnings.find((x) => x.code === "BLOCK_TOO_SMALL_FOR_CORRELATION");
    expect(w?.path).toBe("blockSize");
    expect(w?.message).toMatch(/^4 of 2004 iterations \(1 block\(s\) of 4\)/);
    expect(r.warnings.some((x) => x.code === "NEGATIVE_DURATION_CLAMPED")).toBe(true);
  });
  it("stays silent when every block is large enough", () => {
    const r = simulate(model, { iterations: 2005, blockSize: 1000, seed: 1, spearman: false });
    expect(r.warnings.some((x) => x.code === "BLOCK_TOO_SMALL_FOR_CORRELATION")).toBe(false);
  });
});
