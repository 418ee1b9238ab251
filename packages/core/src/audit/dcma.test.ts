import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import type { TaskInput } from "../model/task.js";
import type { Dependency } from "../model/dependency.js";
import { auditProject } from "./audit.js";
import { compileNetwork } from "../cpm/schedule.js";
import { runPasses } from "../cpm/passes.js";
import { dcmaAssessment } from "./dcma.js";
import { ownerRule } from "./rules.js";

type Link = Partial<Dependency> & { from: string; to: string };

/** A clean chain MS → T1 → … → Tn → MF (5-day tasks, one assignment each). */
function chain(n: number, edit: (tasks: TaskInput[], links: Link[]) => void = () => {}): ProjectInput {
  const tasks: TaskInput[] = [
    { id: "MS", name: "Start", milestone: true, duration: { value: 0, unit: "days" } },
  ];
  const links: Link[] = [{ from: "MS", to: "T1" }];
  for (let i = 1; i <= n; i++) {
    tasks.push({ id: `T${i}`, name: `Task ${i}`, duration: { value: 5, unit: "days" } });
    if (i > 1) links.push({ from: `T${i - 1}`, to: `T${i}` });
  }
  tasks.push({ id: "MF", name: "Finish", milestone: true, duration: { value: 0, unit: "days" } });
  links.push({ from: `T${n}`, to: "MF" });
  edit(tasks, links);
  return {
    id: "P",
    name: "Chain",
    settings: { currency: "USD", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
    calendars: [standardCalendar()],
    tasks,
    dependencies: links,
    resources: [{ id: "R", name: "R" }],
    assignments: tasks
      .filter((t) => !t.milestone)
      .map((t) => ({ id: `a-${t.id}`, taskId: t.id, resourceId: "R" })),
  };
}

const check = (p: ProjectInput, id: string) => {
  const c = dcmaAssessment(parseProject(p)).checks.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe("DCMA 14-point assessment: threshold boundaries", () => {
  it("a clean chain passes logic, leads, lags, types, constraints, float, duration, resources, CP test", () => {
    const r = dcmaAssessment(parseProject(chain(20)));
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(r.checks.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const id of [
      "logic",
      "leads",
      "lags",
      "relationshipTypes",
      "hardConstraints",
      "highFloat",
      "negativeFloat",
      "highDuration",
      "resources",
      "criticalPathTest",
    ])
      expect([id, by[id]!.pass]).toEqual([id, true]);
    expect(by["logic"]!.total).toBe(20); // milestones excluded
    expect(by["leads"]!.total).toBe(21);
    expect(r.floatSource).toBe("engine");
    // no status date: date-based checks do not apply
    expect(by["invalidDates"]!.pass).toBeNull();
    expect(by["bei"]!.pass).toBeNull();
  });

  it("logic: 1 of 20 open (5 %) passes, 1 of 19 (5.26 %) fails, 2 of 20 fails", () => {
    const open1 = (n: number) =>
      chain(n, (_t, l) => {
        l.splice(
          l.findIndex((x) => x.to === "MF"),
          1,
        ); // Tn has no successor
      });
    const a = check(open1(20), "logic");
    expect([a.count, a.total, a.percent, a.pass]).toEqual([1, 20, 5, true]);
    expect(a.items).toEqual(["T20"]);
    const b = check(open1(19), "logic");
    expect(b.pass).toBe(false);
    expect(b.percent).toBeCloseTo(5.263, 3);
    const c = check(
      chain(20, (_t, l) => {
        l.splice(
          l.findIndex((x) => x.from === "T10" && x.to === "T11"),
          1,
        ); // T10 no succ, T11 no pred
      }),
      "logic",
    );
    expect([c.count, c.pass]).toEqual([2, false]);
  });

  it("leads (0 %), lags (≤ 5 %) and relationship types (≥ 90 % FS)", () => {
    const p = chain(20, (_t, l) => {
      l[3] = { ...l[3]!, lag: { value: -1, unit: "days" } };
      l[5] = { ...l[5]!, lag: { value: 2, unit: "days" } };
      l[7] = { ...l[7]!, type: "SS" };
      l[9] = { ...l[9]!, type: "FF" };
    });
    const r = dcmaAssessment(parseProject(p));
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect([by["leads"]!.count, by["leads"]!.pass, by["leads"]!.items]).toEqual([1, false, ["T3->T4"]]);
    // 1 of 21 = 4.76 % ≤ 5
    expect([by["lags"]!.count, by["lags"]!.pass]).toEqual([1, true]);
    // FS 19 of 21 = 90.48 % ≥ 90
    expect([
      by["relationshipTypes"]!.count,
      by["relationshipTypes"]!.total,
      by["relationshipTypes"]!.pass,
    ]).toEqual([19, 21, true]);
    expect(by["relationshipTypes"]!.items).toEqual(["T7->T8", "T9->T10"]);
    const q = chain(20, (_t, l) => {
      for (const i of [2, 4, 6]) l[i] = { ...l[i]!, type: "SS" };
    });
    expect(check(q, "relationshipTypes").pass).toBe(false); // 18/21 = 85.7 %
  });

  it("hard constraints and high duration: exactly 5 % passes", () => {
    const p = chain(20, (t) => {
      t[3] = { ...t[3]!, constraint: { type: "MSO", date: "2026-01-19T08:00:00" } };
      t[4] = { ...t[4]!, constraint: { type: "SNET", date: "2026-01-19T08:00:00" } }; // soft
      t[5] = { ...t[5]!, duration: { value: 45, unit: "days" } };
      t[6] = { ...t[6]!, duration: { value: 44, unit: "days" } }; // not > 44
    });
    const r = dcmaAssessment(parseProject(p));
    const hc = r.checks.find((c) => c.id === "hardConstraints")!;
    expect([hc.count, hc.percent, hc.pass, hc.items]).toEqual([1, 5, true, ["T3"]]);
    const hd = r.checks.find((c) => c.id === "highDuration")!;
    expect([hd.count, hd.pass, hd.items]).toEqual([1, true, ["T5"]]);
  });

  it("float: a dangling short task has high float; a missed deadline gives negative float", () => {
    const p = chain(20, (t, l) => {
      t.push({ id: "X", name: "Side", duration: { value: 1, unit: "days" } });
      l.push({ from: "MS", to: "X" }, { from: "X", to: "MF" });
    });
    const hf = check(p, "highFloat");
    expect(hf.items).toEqual(["X"]); // 99 working days of float
    expect(hf.pass).toBe(true); // 1 of 21
    const q = chain(20, (t) => {
      t[20] = { ...t[20]!, deadline: "2026-03-02T17:00:00" }; // T20 would finish 2026-05-22
    });
    const nf = check(q, "negativeFloat");
    expect(nf.count).toBeGreaterThan(0);
    expect(nf.pass).toBe(false);
  });

  it("resources: tasks of a day or more without assignments", () => {
    const p = chain(20);
    p.assignments = p.assignments!.filter((a) => a.taskId !== "T2");
    const c = check(p, "resources");
    expect([c.count, c.total, c.items, c.pass]).toEqual([1, 20, ["T2"], false]);
    const none = chain(4);
    none.assignments = [];
    expect(
      dcmaAssessment(parseProject(none), { unloadedSchedule: "notApplicable" }).checks.find(
        (x) => x.id === "resources",
      )!.pass,
    ).toBeNull();
  });

  it("status-date checks: invalid dates, missed tasks, BEI, CPLI", () => {
    // Baselines: T1 5-9 Jan, T2 12-16 Jan, ... Status date Fri 23 Jan 17:00: T1..T3 due.
    // T1 done on time, T2 done 1 day late, T3 not done; T5 has an actual start after the status date.
    const p = chain(6, (t) => {
      for (let i = 1; i <= 6; i++) {
        const s = new Date(Date.UTC(2026, 0, 5 + (i - 1) * 7));
        const f = new Date(Date.UTC(2026, 0, 9 + (i - 1) * 7));
        t[i] = {
          ...t[i]!,
          baselines: [
            {
              number: 0,
              start: `${s.toISOString().slice(0, 10)}T08:00:00`,
              finish: `${f.toISOString().slice(0, 10)}T17:00:00`,
            },
          ],
        };
      }
      t[1] = {
        ...t[1]!,
        actualStart: "2026-01-05T08:00:00",
        actualFinish: "2026-01-09T17:00:00",
        percentComplete: 100,
      };
      t[2] = {
        ...t[2]!,
        actualStart: "2026-01-12T08:00:00",
        actualFinish: "2026-01-19T17:00:00",
        percentComplete: 100,
      };
      t[3] = { ...t[3]!, actualStart: "2026-01-20T08:00:00", percentComplete: 50 };
      t[5] = { ...t[5]!, actualStart: "2026-02-02T08:00:00" };
    });
    p.settings = { ...p.settings!, statusDate: "2026-01-23T17:00:00" };
    const r = dcmaAssessment(parseProject(p));
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    // missed: T2 (late) and T3 (not finished, due 23 Jan) of 3 due → 66.7 %
    expect([by["missedTasks"]!.count, by["missedTasks"]!.total, by["missedTasks"]!.items]).toEqual([
      2,
      3,
      ["T2", "T3"],
    ]);
    // BEI: completed 2 / due 3 = 0.667 → fail; items = due and not completed
    expect(by["bei"]!.value).toBeCloseTo(2 / 3, 12);
    expect([by["bei"]!.pass, by["bei"]!.items]).toEqual([false, ["T3"]]);
    expect(by["invalidDates"]!.items).toContain("T5");
    // CPLI = (CPL + TF) / CPL against the latest baseline finish (T6: Fri 13 Feb 17:00)
    const cpli = by["cpli"]!;
    expect(Number.isFinite(cpli.value)).toBe(true);
    expect(cpli.pass).toBe(cpli.value! >= 0.95);
    expect(cpli.note).toMatch(/CPL .* working days from the status date/);
  });

  it("critical path test fails when a hard constraint absorbs the delay", () => {
    // T3 pinned at its early start by a Must Start On: delaying T1 cannot move T3 (constraints beat logic)
    const p = chain(5, (t) => {
      t[3] = { ...t[3]!, constraint: { type: "MSO", date: "2026-01-19T08:00:00" } };
    });
    const c = check(p, "criticalPathTest");
    expect(c.pass).toBe(false);
  });

  it("invalid dates compare forecasts with the status date exactly at working-time boundaries", () => {
    // chain of 5-day tasks from Mon 5 Jan 08:00: T1 finishes Fri 9 Jan 17:00, T2 starts Mon 12 Jan 08:00.
    // T1 started on time (50 %), so only its forecast finish counts: with the status date at T1's
    // finish (17:00) T1 does not finish *before* it; one minute later it does, and at Mon 08:00 T2's
    // forecast start is not before it while T1's finish (Fri 17:00) is.
    const p = chain(3, (t) => {
      t[1] = { ...t[1]!, actualStart: "2026-01-05T08:00:00", percentComplete: 50 };
    });
    const at = (statusDate: string) =>
      dcmaAssessment(parseProject(p), { statusDate }).checks.find((c) => c.id === "invalidDates")!.items;
    expect(at("2026-01-09T17:00:00")).toEqual([]);
    expect(at("2026-01-09T17:01:00")).toEqual(["T1"]);
    expect(at("2026-01-12T08:00:00")).toEqual(["T1"]);
    expect(at("2026-01-12T08:01:00")).toEqual(["T1", "T2"]);
  });

  it("summary links count for the summary's children unless summaryLinks is 'ignore'", () => {
    // S (summary of X) is linked T1 → S → T2; X has no links of its own
    const p = chain(2, (t, l) => {
      t.push({ id: "S", name: "Summary", duration: { value: 5, unit: "days" } });
      t.push({ id: "X", name: "X", parentId: "S", duration: { value: 5, unit: "days" } });
      l.push({ from: "T1", to: "S" }, { from: "S", to: "T2" });
    });
    const logic = (summaryLinks: "inherit" | "ignore") =>
      dcmaAssessment(parseProject(p), { summaryLinks }).checks.find((c) => c.id === "logic")!.items;
    expect(logic("inherit")).toEqual([]);
    expect(logic("ignore")).toEqual(["X"]);
  });

  it("accepts a precomputed compiled network and pass result with the same answer", () => {
    const project = parseProject(
      chain(8, (t) => {
        t[4] = { ...t[4]!, constraint: { type: "MSO", date: "2026-02-09T08:00:00" } };
      }),
    );
    const compiled = compileNetwork(project);
    const pass = runPasses(compiled.network);
    const plain = auditProject(project);
    expect(auditProject(project, { compiled, pass })).toEqual(plain);
    expect(auditProject(project, { compiled })).toEqual(plain);
    expect(() => auditProject(project, { pass })).toThrow(/without the compiled network/);
    const other = compileNetwork(parseProject(chain(2)));
    expect(() => auditProject(project, { compiled, pass: runPasses(other.network) })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  it("critical path test keeps the remaining duration of in-progress tasks in the P6 dialect", () => {
    // T1 started with 1 day remaining of 5: the delayed pass must not give T1 its 5 days back
    const p = chain(4, (t) => {
      t[1] = {
        ...t[1]!,
        actualStart: "2026-01-05T08:00:00",
        percentComplete: 80,
        remainingDuration: { value: 1, unit: "days" },
      };
    });
    p.settings = { ...p.settings!, statusDate: "2026-01-09T08:00:00" };
    for (const assignments of [p.assignments!, []]) {
      // with assignments (assignment-driven tasks) and without (task durations)
      const r = dcmaAssessment(parseProject({ ...p, assignments }), { scheduleOptions: { dialect: "p6" } });
      const cp = r.checks.find((c) => c.id === "criticalPathTest")!;
      expect([assignments.length, cp.pass, cp.value]).toEqual([assignments.length, true, 1]);
    }
  });

  it("reported float when asked", () => {
    const p = chain(3, (t) => {
      t[1] = { ...t[1]!, reported: { totalSlackMinutes: -60 } };
    });
    const r = dcmaAssessment(parseProject(p), { floatSource: "reported" });
    expect(r.floatSource).toBe("reported");
    expect(r.checks.find((c) => c.id === "negativeFloat")!.items).toEqual(["T1"]);
  });
});

describe("auditProject: PMO rules and score", () => {
  it("runs the default rules and custom ones as findings with severity", () => {
    const p = chain(4, (t) => {
      t[1] = { ...t[1]!, customFields: { Owner: "Ana" } };
    });
    const r = auditProject(parseProject(p), {
      rules: [
        ownerRule({ assignmentCounts: false }),
        {
          id: "pmo.wbs",
          name: "WBS code",
          severity: "info",
          evaluate: (ctx) => ({
            total: ctx.leaves.length,
            items: ctx.leaves.filter((t) => !t.wbs).map((t) => t.id),
          }),
        },
      ],
    });
    const owner = r.checks.find((c) => c.id === "pmo.owner")!;
    expect(owner.items).toEqual(["MS", "T2", "T3", "T4", "MF"]);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["pmo.owner", "warning"],
      ["pmo.wbs", "info"],
    ]);
    const applicable = r.checks.filter((c) => c.pass !== null);
    expect(r.score).toBeCloseTo((applicable.filter((c) => c.pass).length / applicable.length) * 100, 12);
  });
});
