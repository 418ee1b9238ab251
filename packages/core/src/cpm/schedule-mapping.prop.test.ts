import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standardCalendar } from "../calendar/presets.js";
import { PmokitError } from "../errors.js";
import { parseProject } from "../model/parse.js";
import type { ProjectInput } from "../model/project.js";
import { toEpochMinute } from "../time/local.js";
import { compileNetwork } from "./schedule.js";

/** A random project: WBS hierarchy, inactive tasks, WBS summaries, links, progress dates, resources. */
const projectArb = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    tasks: fc.array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: undefined }),
        inactiveDraw: fc.integer({ min: 0, max: 9 }),
        wbs: fc.integer({ min: 0, max: 19 }),
        days: fc.integer({ min: 0, max: 5 }),
        startDay: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        startMinute: fc.constantFrom("", "T08:00:00", "T13:30:00"),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.constantFrom("FS", "SS", "FF", "SF")),
      {
        maxLength: 2 * n,
      },
    ),
    assignments: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.constantFrom("R0", "R1", "M")), {
      maxLength: 2 * n,
    }),
  }),
);

type Drawn = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function build(d: Drawn): ProjectInput {
  const day = (k: number) => new Date(Date.UTC(2026, 0, 5) + k * 86_400_000).toISOString().slice(0, 10);
  return {
    id: "p",
    name: "P",
    settings: { currency: "EUR", defaultCalendarId: "std", startDate: "2026-01-05T08:00:00" },
    calendars: [
      standardCalendar("std"),
      {
        ...standardCalendar("short"),
        weekDays: {
          sunday: { working: false },
          monday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
          tuesday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
          wednesday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
          thursday: { working: true, times: [{ from: "09:00", to: "13:00" }] },
          friday: { working: false },
          saturday: { working: true, times: [{ from: "10:00", to: "14:00" }] },
        },
      },
    ],
    tasks: d.tasks.map((t, i) => ({
      id: `T${i}`,
      name: `Task ${i}`,
      duration: { value: t.days, unit: "days" as const },
      ...(t.parent !== undefined && i > 0 ? { parentId: `T${t.parent % i}` } : {}),
      ...(t.inactiveDraw === 0 ? { inactive: true } : {}),
      ...(t.wbs === 0 ? { activityType: "wbsSummary" as const } : {}),
      ...(t.startDay !== undefined
        ? { actualStart: `${day(t.startDay)}${t.startMinute}`, percentComplete: 50 }
        : {}),
    })),
    dependencies: d.links
      .filter(([a, b]) => a < b)
      .map(([a, b, type]) => ({ from: `T${a}`, to: `T${b}`, type })),
    resources: [
      { id: "R0", name: "R0" },
      { id: "R1", name: "R1", calendarId: "short" },
      { id: "M", name: "M", type: "material" as const },
    ],
    assignments: d.assignments.map(([t, r], k) => ({
      id: `A${k}`,
      taskId: `T${t}`,
      resourceId: r,
      work: 480,
    })),
  };
}

/** The mapping rules written out naively: walks up parent chains and scans children every time. */
function reference(input: ProjectInput) {
  const tasks = input.tasks!;
  const idx = (id: string) => tasks.findIndex((t) => t.id === id);
  const parent = (i: number) => (tasks[i]!.parentId === undefined ? -1 : idx(tasks[i]!.parentId!));
  const inactive = (i: number): boolean => {
    for (let c = i; c >= 0; c = parent(c)) if (tasks[c]!.inactive) return true;
    return false;
  };
  const kids = (i: number) => tasks.map((_, c) => c).filter((c) => parent(c) === i);
  const summary = (i: number) => kids(i).some((c) => !inactive(c)) || tasks[i]!.activityType === "wbsSummary";
  const leafIds = tasks.map((_, i) => i).filter((i) => !inactive(i) && !summary(i));
  const net = (i: number) => leafIds.indexOf(i);
  const leavesOf = (i: number, out: number[]): number[] => {
    for (const c of kids(i)) {
      if (inactive(c)) continue;
      if (net(c) >= 0) out.push(net(c));
      else leavesOf(c, out);
    }
    return out;
  };
  const leaves = (i: number): number[] => {
    const out = leavesOf(i, []);
    if (out.length === 0 && tasks[i]!.activityType === "wbsSummary") {
      if (parent(i) >= 0) leavesOf(parent(i), out);
      else for (let j = 0; j < leafIds.length; j++) out.push(j);
    }
    return out;
  };
  const ancestor = (a: number, b: number) => {
    for (let c = parent(b); c >= 0; c = parent(c)) if (c === a) return true;
    return false;
  };
  const links: [number, number][] = [];
  for (const d of input.dependencies ?? []) {
    const a = idx(d.from);
    const b = idx(d.to);
    if (inactive(a) || inactive(b) || ancestor(a, b) || ancestor(b, a)) continue;
    const from = net(a) >= 0 ? [net(a)] : leaves(a);
    const to = net(b) >= 0 ? [net(b)] : leaves(b);
    for (const f of from) for (const t of to) links.push([f, t]);
  }
  const calendarKey = leafIds.map((i) => {
    const cals = new Set(
      (input.assignments ?? [])
        .filter((a) => a.taskId === tasks[i]!.id && a.resourceId !== "M")
        .map((a) => (a.resourceId === "R1" ? "short" : "std")),
    );
    return cals.size === 0 ? "std" : [...cals].sort().join("+");
  });
  return {
    ids: leafIds.map((i) => tasks[i]!.id),
    summaries: tasks
      .map((_, i) => i)
      .filter((i) => !inactive(i) && summary(i))
      .map((i) => ({ id: tasks[i]!.id, leaves: leaves(i) })),
    links,
    actualStart: leafIds.map((i) =>
      tasks[i]!.actualStart === undefined ? Number.NaN : toEpochMinute(tasks[i]!.actualStart!),
    ),
    calendarKey,
  };
}

describe("compileNetwork: mapping of the model onto the network", () => {
  it("matches a naive reference for hierarchy, inactive tasks, summary links, dates and resource calendars", () => {
    fc.assert(
      fc.property(projectArb, (drawn) => {
        const input = build(drawn);
        const project = parseProject(input);
        let compiled: ReturnType<typeof compileNetwork>;
        try {
          compiled = compileNetwork(project);
        } catch (e) {
          // Summary links expanded onto leaves can close a loop: a cycle, reported as such.
          expect(e).toBeInstanceOf(PmokitError);
          expect((e as PmokitError).code).toBe("CYCLE_DETECTED");
          return;
        }
        const ref = reference(input);
        const net = compiled.network;
        expect(net.ids).toEqual(ref.ids);
        expect(compiled.summaries.map((s) => ({ id: s.id, leaves: s.leaves }))).toEqual(ref.summaries);
        const pairs = Array.from({ length: net.linkCount }, (_, k) => [net.linkFrom[k]!, net.linkTo[k]!]);
        expect(pairs).toEqual(ref.links);
        expect(Array.from(net.actualStartDate)).toEqual(ref.actualStart);
        // Tasks with the same resource calendars share one calendar; plain ones keep their own.
        const byKey = new Map<string, number>();
        ref.calendarKey.forEach((key, j) => {
          const c = net.taskCalendar[j]!;
          if (key === "std" || key === "short") expect(net.calendars[c]!.id).toBe(key);
          if (byKey.has(key)) expect(c).toBe(byKey.get(key));
          else byKey.set(key, c);
        });
      }),
      { numRuns: 150 },
    );
  });
});
