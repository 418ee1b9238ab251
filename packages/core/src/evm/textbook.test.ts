// Textbook earned value and earned schedule cases, computed by hand from the PMBOK / PMI Practice
// Standard for EVM formulas and Lipke's earned schedule definitions, then run end to end through
// computeProjectEvm (baseline → time-phased PV, progress → EV, actual work × rate → AC).
//
// The project: four sequential one-week tasks on the Standard calendar (Mon-Fri 08:00-17:00), no
// assignments shaping PV (so PV spreads linearly over each task's baseline working time), weekly
// periods starting Monday 5 Jan 2026.
//
//   task  baseline week  baseline cost   cumulative PV at the end of the week
//   A     1 (5-9 Jan)    1,000          1,000
//   B     2 (12-16 Jan)  2,000          3,000
//   C     3 (19-23 Jan)  3,000          6,000
//   D     4 (26-30 Jan)  4,000         10,000 = BAC, PD = 4 weeks
//
// Actual cost: one labour resource at 100.00 per hour, so AC = actual hours × 100.
import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import type { TaskInput } from "../model/task.js";
import { computeProjectEvm } from "./project-evm.js";

const eur = (amount: string) => ({ amount, currency: "EUR" });
const WEEKS = [
  ["A", "2026-01-05", "2026-01-09", "1000"],
  ["B", "2026-01-12", "2026-01-16", "2000"],
  ["C", "2026-01-19", "2026-01-23", "3000"],
  ["D", "2026-01-26", "2026-01-30", "4000"],
] as const;

interface Progress {
  readonly pc: number;
  readonly start?: string;
  readonly finish?: string;
  /** Actual hours. */
  readonly hours: number;
}

function project(statusDate: string, progress: Partial<Record<string, Progress>>): ProjectInput {
  const tasks: TaskInput[] = WEEKS.map(([id, s, f, cost]) => {
    const p = progress[id];
    return {
      id,
      name: id,
      duration: { value: 5, unit: "days" },
      baselines: [{ number: 0, start: `${s}T08:00:00`, finish: `${f}T17:00:00`, cost: eur(cost) }],
      ...(p === undefined
        ? {}
        : {
            percentComplete: p.pc,
            ...(p.start === undefined ? {} : { actualStart: p.start }),
            ...(p.finish === undefined ? {} : { actualFinish: p.finish }),
          }),
    };
  });
  return {
    id: "TB",
    name: "Textbook",
    settings: {
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: "2026-01-05T08:00:00",
      statusDate,
    },
    calendars: [standardCalendar()],
    tasks,
    dependencies: [
      { from: "A", to: "B" },
      { from: "B", to: "C" },
      { from: "C", to: "D" },
    ],
    resources: [{ id: "R", name: "Engineer", costRateTables: { A: [{ standardRate: eur("100") }] } }],
    assignments: Object.entries(progress).map(([id, p]) => ({
      id: `a-${id}`,
      taskId: id,
      resourceId: "R",
      work: 2400,
      actualWork: p!.hours * 60,
    })),
  };
}

const run = (p: ProjectInput) => computeProjectEvm(parseProject(p));

describe("textbook earned value, end to end", () => {
  it("behind schedule and over budget at the end of week 2", () => {
    // Status Fri 16 Jan 17:00. A done (13 h), B 50 % (11 h), C started early at 10 % (1 h).
    //   PV = 1,000 + 2,000 = 3,000            EV = 1,000 + 0.5 × 2,000 + 0.1 × 3,000 = 2,300
    //   AC = (13 + 11 + 1) h × 100 = 2,500
    //   CV = 2,300 − 2,500 = −200              SV = 2,300 − 3,000 = −700
    //   CPI = 2,300 / 2,500 = 0.92             SPI = 2,300 / 3,000 = 0.7667
    //   CV% = −200 / 2,300 = −8.70 %           SV% = −700 / 3,000 = −23.33 %
    //   EAC (typical, BAC / CPI) = 10,000 / 0.92 = 10,869.57
    //   EAC (atypical, AC + BAC − EV) = 2,500 + 7,700 = 10,200
    //   EAC (CPI × SPI) = 2,500 + 7,700 / (0.92 × 0.7667 = 0.70533) = 2,500 + 10,916.82 = 13,416.82
    //   ETC (typical) = 10,869.57 − 2,500 = 8,369.57;  VAC = 10,000 − 10,869.57 = −869.57
    //   TCPI to BAC = (10,000 − 2,300) / (10,000 − 2,500) = 7,700 / 7,500 = 1.0267
    //   TCPI to EAC (typical) = 7,700 / 8,369.57 = 0.92 (= CPI, as always for the typical EAC)
    // Earned schedule (weeks): EV 2,300 lies between PV_1 = 1,000 and PV_2 = 3,000, so C = 1 and
    //   I = (2,300 − 1,000) / (3,000 − 1,000) = 0.65, ES = 1.65; AT = 2 (end of week 2)
    //   SV(t) = 1.65 − 2 = −0.35;  SPI(t) = 1.65 / 2 = 0.825
    //   IEAC(t) = PD / SPI(t) = 4 / 0.825 = 4.8485 weeks;  TSPI = (4 − 1.65) / (4 − 2) = 1.175
    const r = run(
      project("2026-01-16T17:00:00", {
        A: { pc: 100, start: "2026-01-05T08:00:00", finish: "2026-01-09T17:00:00", hours: 13 },
        B: { pc: 50, start: "2026-01-12T08:00:00", hours: 11 },
        C: { pc: 10, start: "2026-01-15T08:00:00", hours: 1 },
      }),
    );
    expect([r.bac.amount, r.pv.amount, r.ev.amount, r.ac.amount]).toEqual([
      "10000.00",
      "3000.00",
      "2300.00",
      "2500.00",
    ]);
    const i = r.indicators;
    expect([Number(i.cv), Number(i.sv)]).toEqual([-200, -700]);
    expect(i.cpi).toBeCloseTo(0.92, 12);
    expect(i.spi).toBeCloseTo(0.766667, 6);
    expect(i.cvPercent).toBeCloseTo(-8.695652, 6);
    expect(i.svPercent).toBeCloseTo(-23.333333, 6);
    expect(Number(i.eac.cpi)).toBeCloseTo(10869.565217, 5);
    expect(Number(i.eac.atypical)).toBe(10200);
    expect(Number(i.eac.cpiSpi)).toBeCloseTo(13416.824197, 5);
    expect(Number(i.etc)).toBeCloseTo(8369.565217, 5);
    expect(Number(i.vac)).toBeCloseTo(-869.565217, 5);
    expect(i.tcpi.bac).toBeCloseTo(1.026667, 6);
    expect(i.tcpi.eac).toBeCloseTo(0.92, 12);
    const es = r.earnedSchedule!;
    expect(es.es).toBeCloseTo(1.65, 12);
    expect(es.at).toBeCloseTo(2, 12);
    expect(es.pd).toBe(4);
    expect(es.svt).toBeCloseTo(-0.35, 12);
    expect(es.spit).toBeCloseTo(0.825, 12);
    expect(es.ieact).toBeCloseTo(4.848485, 6);
    expect(es.tspi).toBeCloseTo(1.175, 12);
  });

  it("Lipke: a project finished two weeks late has SPI = 1 but SPI(t) = 0.67", () => {
    // All four tasks done, D finishing Fri 13 Feb (2 weeks late); status Fri 13 Feb 17:00.
    // EV = PV = BAC = 10,000, so SV = 0 and SPI = 1.00: the cost-based index has forgotten the delay.
    // AC = 110 h × 100 = 11,000: CPI = 10,000 / 11,000 = 0.9091.
    // Completed: every EAC variant equals AC (nothing remains: BAC − EV = 0): EAC = 11,000, ETC = 0,
    //   VAC = −1,000. TCPI to BAC = 0 / (10,000 − 11,000): budget exhausted → undefined;
    //   TCPI to EAC = 0 / 0 → undefined.
    // ES is capped at PD = 4 (EV = BAC); AT = 6 weeks: SV(t) = −2, SPI(t) = 4 / 6 = 0.6667,
    //   IEAC(t) = AT + (PD − ES) / SPI(t) = 6; TSPI undefined (no work remains).
    const r = run(
      project("2026-02-13T17:00:00", {
        A: { pc: 100, start: "2026-01-05T08:00:00", finish: "2026-01-13T17:00:00", hours: 15 },
        B: { pc: 100, start: "2026-01-14T08:00:00", finish: "2026-01-22T17:00:00", hours: 25 },
        C: { pc: 100, start: "2026-01-23T08:00:00", finish: "2026-02-03T17:00:00", hours: 30 },
        D: { pc: 100, start: "2026-02-04T08:00:00", finish: "2026-02-13T17:00:00", hours: 40 },
      }),
    );
    const i = r.indicators;
    expect([r.pv.amount, r.ev.amount, r.ac.amount]).toEqual(["10000.00", "10000.00", "11000.00"]);
    expect([i.spi, Number(i.sv)]).toEqual([1, 0]);
    expect(i.cpi).toBeCloseTo(0.909091, 6);
    expect([Number(i.eac.cpi), Number(i.eac.atypical), Number(i.eac.cpiSpi)]).toEqual([11000, 11000, 11000]);
    expect([Number(i.etc), Number(i.vac)]).toEqual([0, -1000]);
    expect([i.tcpi.bac, i.tcpi.eac]).toEqual([null, null]);
    const es = r.earnedSchedule!;
    expect([es.es, es.capped, es.at, es.svt]).toEqual([4, true, 6, -2]);
    expect(es.spit).toBeCloseTo(2 / 3, 12);
    expect(es.ieact).toBeCloseTo(6, 12);
    expect(es.tspi).toBeNull();
  });

  it("work before its baseline start: EV ahead of PV, a task with PV = 0", () => {
    // Status Fri 9 Jan 17:00 (end of week 1). A done (10 h); B started a day early, 20 % (4 h).
    //   PV = 1,000 (B's baseline starts 12 Jan)   EV = 1,000 + 0.2 × 2,000 = 1,400   AC = 1,400
    //   SPI = 1.4, CPI = 1.0. Task B: PV = 0, EV = 400 → its SPI is undefined (null), its CPI = 1.
    // ES: C = 1, I = (1,400 − 1,000) / (3,000 − 1,000) = 0.2 → ES = 1.2; AT = 1 → SPI(t) = 1.2,
    //   SV(t) = +0.2 weeks; TSPI = (4 − 1.2) / (4 − 1) = 0.9333.
    const r = run(
      project("2026-01-09T17:00:00", {
        A: { pc: 100, start: "2026-01-05T08:00:00", finish: "2026-01-09T17:00:00", hours: 10 },
        B: { pc: 20, start: "2026-01-08T08:00:00", hours: 4 },
      }),
    );
    expect([r.pv.amount, r.ev.amount, r.ac.amount]).toEqual(["1000.00", "1400.00", "1400.00"]);
    expect(r.indicators.spi).toBeCloseTo(1.4, 12);
    expect(r.indicators.cpi).toBe(1);
    const b = r.tasks.find((t) => t.id === "B")!;
    expect([b.pv.amount, b.ev.amount, b.spi, b.cpi]).toEqual(["0.00", "400.00", null, 1]);
    const es = r.earnedSchedule!;
    expect(es.es).toBeCloseTo(1.2, 12);
    expect(es.spit).toBeCloseTo(1.2, 12);
    expect(es.svt).toBeCloseTo(0.2, 12);
    expect(es.tspi).toBeCloseTo(2.8 / 3, 12);
  });

  it("at the project start: zero PV, EV and AC give undefined indices with reasons, never NaN", () => {
    // Status Mon 5 Jan 08:00 = project start: PV = EV = AC = 0; SPI = 0/0 and CPI = 0/0 undefined;
    // EAC (typical) needs CPI → undefined; atypical = 0 + 10,000 = 10,000; TCPI to BAC = 10,000 /
    // 10,000 = 1. AT = 0 → SPI(t) and IEAC(t) undefined.
    const r = run(project("2026-01-05T08:00:00", {}));
    const i = r.indicators;
    expect([r.pv.amount, r.ev.amount, r.ac.amount]).toEqual(["0.00", "0.00", "0.00"]);
    expect([i.spi, i.cpi, i.eac.cpi]).toEqual([null, null, null]);
    expect(Object.keys(i.undefinedReasons)).toEqual(expect.arrayContaining(["spi", "cpi"]));
    expect(Number(i.eac.atypical)).toBe(10000);
    expect(i.tcpi.bac).toBe(1);
    const es = r.earnedSchedule!;
    expect([es.at, es.spit, es.ieact]).toEqual([0, null, null]);
  });
});
