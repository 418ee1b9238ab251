import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { contourFraction, WORK_CONTOUR_SHAPES } from "./contours.js";
import { earnedSchedule } from "./earned-schedule.js";
import { evmIndicators } from "./indicators.js";
import { computeProjectEvm } from "./project-evm.js";

const CONTOURS = Object.keys(WORK_CONTOUR_SHAPES) as (keyof typeof WORK_CONTOUR_SHAPES)[];

const taskArb = fc.record({
  startDay: fc.integer({ min: 0, max: 120 }),
  days: fc.integer({ min: 0, max: 60 }),
  cents: fc.integer({ min: 0, max: 50_000_000 }),
  contour: fc.constantFrom(...CONTOURS),
  pc: fc.integer({ min: 0, max: 100 }),
});

function project(
  tasks: { startDay: number; days: number; cents: number; contour: (typeof CONTOURS)[number]; pc: number }[],
): ProjectInput {
  const day = (d: number) => new Date(Date.UTC(2026, 0, 5) + d * 86_400_000).toISOString().slice(0, 10);
  return {
    id: "P",
    name: "P",
    settings: {
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: "2026-01-05T08:00:00",
      statusDate: "2026-03-02T12:00:00",
    },
    calendars: [standardCalendar()],
    resources: [{ id: "R", name: "R" }],
    tasks: tasks.map((t, i) => ({
      id: `T${i}`,
      name: `T${i}`,
      duration: { value: t.days, unit: "days" as const },
      percentComplete: t.pc,
      baselines: [
        {
          number: 0,
          start: `${day(t.startDay)}T08:00:00`,
          finish: `${day(t.startDay + t.days)}T17:00:00`,
          cost: { amount: (t.cents / 100).toFixed(2), currency: "EUR" },
        },
      ],
    })),
    assignments: tasks.map((t, i) => ({
      id: `a${i}`,
      taskId: `T${i}`,
      resourceId: "R",
      work: 480 * (t.days + 1),
      contour: t.contour,
    })),
  };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

describe("EVM properties", () => {
  it("the PV curve is monotone, ends at BAC and never loses a cent", () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("day", "week", "month" as const),
        (tasks, period) => {
          const r = computeProjectEvm(parseProject(project(tasks)), { period });
          const pv = r.sCurve.map((p) => cents(p.pv.amount));
          for (let i = 1; i < pv.length; i++) expect(pv[i]!).toBeGreaterThanOrEqual(pv[i - 1]!);
          const bac = tasks.reduce((a, t) => a + t.cents, 0);
          expect(cents(r.bac.amount)).toBe(bac);
          expect(pv[pv.length - 1]).toBe(bac);
          // per-task BAC sums exactly to the project BAC; EV never exceeds BAC
          expect(r.tasks.reduce((a, t) => a + cents(t.bac.amount), 0)).toBe(bac);
          expect(cents(r.ev.amount)).toBeLessThanOrEqual(bac);
          expect(cents(r.pv.amount)).toBeLessThanOrEqual(bac);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("CPI = EV / AC and SPI = EV / PV whenever defined, null otherwise", () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(amount, amount, amount, amount, (bac, pv, ev, ac) => {
        const r = evmIndicators({ bac, pv, ev, ac });
        const close = (a: number | null, b: number) =>
          expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
        if (Number(ac) === 0) expect(r.cpi).toBeNull();
        else close(r.cpi, Number(ev) / Number(ac));
        if (Number(pv) === 0) expect(r.spi).toBeNull();
        else close(r.spi, Number(ev) / Number(pv));
        expect(Number(r.cv)).toBeCloseTo(Number(ev) - Number(ac), 6);
        for (const v of [r.cpi, r.spi, r.tcpi.bac, r.tcpi.eac, r.cvPercent, r.svPercent])
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("earned schedule is within [0, PD] and monotone in EV", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (incs, e1, e2) => {
          const pv: number[] = [];
          incs.reduce((a, x) => (pv.push(a + x), a + x), 0);
          const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
          for (const plateau of ["end", "start"] as const) {
            const a = earnedSchedule({ pv, ev: lo, at: 1 }, { plateau }).es;
            const b = earnedSchedule({ pv, ev: hi, at: 1 }, { plateau }).es;
            expect(a).toBeGreaterThanOrEqual(0);
            expect(b).toBeLessThanOrEqual(pv.length);
            expect(b).toBeGreaterThanOrEqual(a);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("contour fractions are monotone from 0 to 1", () => {
    for (const c of CONTOURS) {
      let prev = 0;
      for (let i = 0; i <= 100; i++) {
        const f = contourFraction(c, i / 100);
        expect(f).toBeGreaterThanOrEqual(prev - 1e-15);
        prev = f;
      }
      expect(contourFraction(c, 0)).toBe(0);
      expect(contourFraction(c, 1)).toBe(1);
    }
  });
});
