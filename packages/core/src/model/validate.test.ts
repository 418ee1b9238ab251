import { describe, expect, it } from "vitest";
import { isPmokitError } from "../errors.js";
import type { PmokitError } from "../errors.js";
import { parsePortfolio, parseProject, safeParseProject } from "./parse.js";
import type { ProjectInput } from "./project.js";
import { ProjectSchema } from "./project.js";
import { validateProject } from "./validate.js";

function base(extra: Partial<ProjectInput> = {}): ProjectInput {
  return {
    id: "P",
    name: "Demo",
    settings: { currency: "USD", defaultCalendarId: "std", startDate: "2025-01-06" },
    calendars: [{ id: "std", name: "Standard" }],
    tasks: [
      { id: "1", name: "A", duration: { value: 2, unit: "days" } },
      { id: "2", name: "B", duration: { value: 3, unit: "days" } },
      { id: "3", name: "C", duration: { value: 1, unit: "days" } },
    ],
    resources: [{ id: "r1", name: "Ana" }],
    ...extra,
  };
}

function thrown(input: unknown, parse: (x: unknown) => unknown = parseProject): PmokitError {
  try {
    parse(input);
  } catch (e) {
    if (isPmokitError(e)) return e;
    throw e;
  }
  throw new Error("expected a PmokitError");
}

function issues(e: PmokitError): { code: string; path: string; ids?: readonly string[] }[] {
  return e.details["issues"] as { code: string; path: string; ids?: readonly string[] }[];
}

const tasks = base().tasks!;

describe("validateProject rules", () => {
  it("accepts a valid project without errors", () => {
    const r = validateProject(ProjectSchema.parse(base()));
    expect(r.errors).toEqual([]);
  });

  const cases: [string, ProjectInput, string, string][] = [
    [
      "duplicate task id",
      base({ tasks: [...tasks, { id: "2", name: "dup", duration: { value: 1, unit: "days" } }] }),
      "DUPLICATE_ID",
      "tasks[3].id",
    ],
    [
      "duplicate resource id",
      base({
        resources: [
          { id: "r1", name: "a" },
          { id: "r1", name: "b" },
        ],
      }),
      "DUPLICATE_ID",
      "resources[1].id",
    ],
    [
      "duplicate calendar id",
      base({
        calendars: [
          { id: "std", name: "a" },
          { id: "std", name: "b" },
        ],
      }),
      "DUPLICATE_ID",
      "calendars[1].id",
    ],
    [
      "duplicate assignment id",
      base({
        assignments: [
          { id: "a", taskId: "1", resourceId: "r1" },
          { id: "a", taskId: "2", resourceId: "r1" },
        ],
      }),
      "DUPLICATE_ID",
      "assignments[1].id",
    ],
    [
      "duplicate dependency id",
      base({
        dependencies: [
          { id: "L", from: "1", to: "2" },
          { id: "L", from: "2", to: "3" },
        ],
      }),
      "DUPLICATE_ID",
      "dependencies[1].id",
    ],
    [
      "dangling dependency from",
      base({ dependencies: [{ from: "9", to: "2" }] }),
      "DANGLING_REFERENCE",
      "dependencies[0].from",
    ],
    [
      "dangling dependency to",
      base({ dependencies: [{ from: "1", to: "9" }] }),
      "DANGLING_REFERENCE",
      "dependencies[0].to",
    ],
    [
      "dangling assignment task",
      base({ assignments: [{ id: "a", taskId: "9", resourceId: "r1" }] }),
      "DANGLING_REFERENCE",
      "assignments[0].taskId",
    ],
    [
      "dangling assignment resource",
      base({ assignments: [{ id: "a", taskId: "1", resourceId: "r9" }] }),
      "DANGLING_REFERENCE",
      "assignments[0].resourceId",
    ],
    [
      "dangling task calendar",
      base({ tasks: [{ id: "1", name: "A", duration: { value: 1, unit: "days" }, calendarId: "x" }] }),
      "DANGLING_REFERENCE",
      "tasks[0].calendarId",
    ],
    [
      "dangling resource calendar",
      base({ resources: [{ id: "r1", name: "a", calendarId: "x" }] }),
      "DANGLING_REFERENCE",
      "resources[0].calendarId",
    ],
    [
      "dangling parent",
      base({ tasks: [{ id: "1", name: "A", duration: { value: 1, unit: "days" }, parentId: "zz" }] }),
      "DANGLING_REFERENCE",
      "tasks[0].parentId",
    ],
    [
      "dangling calendar parent",
      base({ calendars: [{ id: "std", name: "s", parentId: "base" }] }),
      "DANGLING_REFERENCE",
      "calendars[0].parentId",
    ],
    [
      "dangling default calendar",
      base({ calendars: [] }),
      "DANGLING_REFERENCE",
      "settings.defaultCalendarId",
    ],
    [
      "dangling risk task",
      base({ risks: [{ id: "k", title: "t", taskIds: ["nope"] }] }),
      "DANGLING_REFERENCE",
      "risks[0].taskIds[0]",
    ],
    [
      "actual finish before actual start",
      base({
        tasks: [
          {
            id: "1",
            name: "A",
            duration: { value: 1, unit: "days" },
            actualStart: "2025-01-07",
            actualFinish: "2025-01-06T17:00:00",
          },
        ],
      }),
      "INVALID_INPUT",
      "tasks[0].actualFinish",
    ],
    [
      "dated constraint without date",
      base({
        tasks: [{ id: "1", name: "A", duration: { value: 1, unit: "days" }, constraint: { type: "MSO" } }],
      }),
      "INVALID_INPUT",
      "tasks[0].constraint.date",
    ],
    [
      "secondary constraint without date",
      base({
        tasks: [
          { id: "1", name: "A", duration: { value: 1, unit: "days" }, secondaryConstraint: { type: "FNLT" } },
        ],
      }),
      "INVALID_INPUT",
      "tasks[0].secondaryConstraint.date",
    ],
    [
      "negative duration",
      base({ tasks: [{ id: "1", name: "A", duration: { value: -1, unit: "days" } }] }),
      "INVALID_INPUT",
      "tasks[0].duration.value",
    ],
    [
      "percent task duration",
      base({ tasks: [{ id: "1", name: "A", duration: { value: 50, unit: "percent" } }] }),
      "INVALID_INPUT",
      "tasks[0].duration.unit",
    ],
    [
      "negative assignment work",
      base({ assignments: [{ id: "a", taskId: "1", resourceId: "r1", work: -5 }] }),
      "INVALID_INPUT",
      "assignments[0].work",
    ],
    [
      "schedule from finish without finish date",
      base({
        settings: {
          currency: "USD",
          defaultCalendarId: "std",
          startDate: "2025-01-06",
          scheduleFrom: "finish",
        },
      }),
      "INVALID_INPUT",
      "settings.finishDate",
    ],
  ];
  for (const [name, input, code, path] of cases) {
    it(`reports ${name} as ${code} at ${path}`, () => {
      const r = validateProject(ProjectSchema.parse(input));
      expect(r.errors.map((e) => [e.code, e.path])).toContainEqual([code, path]);
      const e = thrown(input);
      expect(e.code).toBe(code);
      expect(e.message).toContain(path);
      expect(issues(e).some((i) => i.path === path && i.code === code)).toBe(true);
    });
  }

  it("reports priority outside 0..1000 (schema and validate)", () => {
    const e = thrown(
      base({ tasks: [{ id: "1", name: "A", duration: { value: 1, unit: "days" }, priority: 1001 }] }),
    );
    expect(e.code).toBe("SCHEMA_VIOLATION");
    expect(e.details.path).toBe("tasks[0].priority");
    const p = ProjectSchema.parse(base());
    const bad = { ...p, priority: -3, tasks: p.tasks.map((t) => ({ ...t, priority: 5000 })) };
    const r = validateProject(bad);
    expect(r.errors.map((x) => x.path)).toEqual(expect.arrayContaining(["priority", "tasks[0].priority"]));
  });

  it("warns for 100 % without actual finish and milestone with duration", () => {
    const r = validateProject(
      ProjectSchema.parse(
        base({
          tasks: [
            {
              id: "1",
              name: "A",
              duration: { value: 1, unit: "days" },
              percentComplete: 100,
              actualStart: "2025-01-06",
            },
            { id: "2", name: "M", duration: { value: 1, unit: "days" }, milestone: true },
          ],
        }),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(["tasks[0].actualFinish", "tasks[1].duration"]),
    );
  });

  it("names every task of a logic cycle in order", () => {
    const e = thrown(
      base({
        dependencies: [
          { from: "1", to: "2" },
          { from: "2", to: "3", type: "SS" },
          { from: "3", to: "1", lag: { value: -1, unit: "days" } },
        ],
      }),
    );
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.details.ids).toEqual(["1", "2", "3"]);
    expect(e.message).toContain("1 → 2 → 3 → 1");
  });

  it("reports a self-loop as a cycle", () => {
    const e = thrown(base({ dependencies: [{ from: "2", to: "2" }] }));
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.details.ids).toEqual(["2"]);
    expect(e.details.path).toBe("dependencies[0]");
  });

  it("reports a WBS cycle", () => {
    const e = thrown(
      base({
        tasks: [
          { id: "1", name: "A", duration: { value: 1, unit: "days" }, parentId: "3" },
          { id: "2", name: "B", duration: { value: 1, unit: "days" }, parentId: "1" },
          { id: "3", name: "C", duration: { value: 1, unit: "days" }, parentId: "2" },
        ],
      }),
    );
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.details.ids).toEqual(["1", "3", "2"]);
    expect(e.details.path).toBe("tasks[0].parentId");
  });

  it("reports a calendar derivation cycle", () => {
    const e = thrown(
      base({
        calendars: [
          { id: "std", name: "s", parentId: "b" },
          { id: "b", name: "b", parentId: "std" },
        ],
      }),
    );
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.details.ids).toEqual(["std", "b"]);
  });

  it("lists every error, not only the first", () => {
    const e = thrown(
      base({
        dependencies: [{ from: "8", to: "9" }],
        assignments: [{ id: "a", taskId: "1", resourceId: "zz" }],
      }),
    );
    expect(issues(e).map((i) => i.path)).toEqual([
      "dependencies[0].from",
      "dependencies[0].to",
      "assignments[0].resourceId",
    ]);
  });

  it("validates a 200,000-task chain without stack overflow", () => {
    // Deep enough to overflow any recursive walk (the default stack holds about 10k frames), small enough
    // to keep the suite fast on a loaded 2-core machine.
    const n = 200_000;
    const p = ProjectSchema.parse(
      base({ tasks: [{ id: "x", name: "", duration: { value: 1, unit: "days" } }] }),
    );
    const proto = p.tasks[0]!;
    const big = {
      ...p,
      tasks: Array.from({ length: n }, (_, i) => ({ ...proto, id: `t${i}` })),
      dependencies: Array.from({ length: n - 1 }, (_, i) => ({
        from: `t${i}`,
        to: `t${i + 1}`,
        type: "FS" as const,
        lag: { value: 0, unit: "days" as const },
      })),
    };
    // Budget: 5 s (linear-time check) on an idle 2-core machine; scaled by a calibration (a Map of the ids) when the machine
    // is loaded by parallel jobs, so the test checks complexity, not the neighbours' CPU use.
    let t0 = performance.now();
    const calib = new Map(big.tasks.map((t, i) => [t.id, i]));
    const budget = Math.max(5000, 15 * (performance.now() - t0));
    expect(calib.size).toBe(n);
    t0 = performance.now();
    expect(validateProject(big).errors).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(budget);
    big.dependencies.push({ from: `t${n - 1}`, to: "t0", type: "FS", lag: { value: 0, unit: "days" } });
    t0 = performance.now();
    const r = validateProject(big);
    expect(performance.now() - t0).toBeLessThan(budget);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe("CYCLE_DETECTED");
    expect(r.errors[0]!.ids).toHaveLength(n);
    expect(r.errors[0]!.ids![0]).toBe("t0");
    expect(r.errors[0]!.ids![n - 1]).toBe(`t${n - 1}`);
  }, 60_000);
});

describe("schema violations", () => {
  it("names the JSON path of every issue", () => {
    const r = safeParseProject({
      ...base(),
      extra: 1,
      tasks: [
        { id: "1", name: "A", duration: { value: 1, unit: "dayz" } },
        { id: "2", name: "B", duration: { value: 1, unit: "days" }, start: "x" },
      ],
      settings: { currency: "usd", defaultCalendarId: "std", startDate: "2025-02-30" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("SCHEMA_VIOLATION");
    const paths = issues(r.error).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "tasks[0].duration.unit",
        "tasks[1].start",
        "settings.currency",
        "settings.startDate",
        "extra",
      ]),
    );
    expect(r.error.message).toMatch(/tasks\[0\]\.duration\.unit: .*expected one of/);
  });

  it("keeps vendor data in extensions and custom fields", () => {
    const p = parseProject(base({ extensions: { "mspdi:GUID": "abc", "x:nested": { a: [1, 2] } } }));
    expect(p.extensions).toEqual({ "mspdi:GUID": "abc", "x:nested": { a: [1, 2] } });
  });
});

describe("validatePortfolio", () => {
  const proj = (id: string, extra: Partial<ProjectInput> = {}): ProjectInput => ({ ...base(extra), id });
  it("accepts pool resources and reports cross-project problems", () => {
    const ok = parsePortfolio({
      id: "pf",
      name: "All",
      currency: "USD",
      projects: [proj("A", { assignments: [{ id: "a", taskId: "1", resourceId: "pool1" }] }), proj("B")],
      sharedResources: [{ id: "pool1", name: "Shared" }],
      programs: [{ id: "g", name: "G", projectIds: ["A", "B"] }],
      crossProjectDependencies: [{ from: "3", to: "1", fromProject: "A", toProject: "B" }],
    });
    expect(ok.projects).toHaveLength(2);

    const e = thrown(
      {
        id: "pf",
        name: "All",
        currency: "USD",
        projects: [proj("A"), proj("A")],
        programs: [{ id: "g", name: "G", projectIds: ["Z"] }],
        crossProjectDependencies: [
          { from: "3", to: "1", fromProject: "A", toProject: "Q" },
          { from: "3", to: "1" },
        ],
      },
      parsePortfolio,
    );
    const paths = issues(e).map((i) => [i.code, i.path]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["DUPLICATE_ID", "projects[1].id"],
        ["DANGLING_REFERENCE", "programs[0].projectIds[0]"],
        ["DANGLING_REFERENCE", "crossProjectDependencies[0].toProject"],
        ["INVALID_INPUT", "crossProjectDependencies[1].fromProject"],
      ]),
    );
  });

  it("finds cycles through several projects", () => {
    const e = thrown(
      {
        id: "pf",
        name: "All",
        currency: "USD",
        projects: [
          proj("A", { dependencies: [{ from: "1", to: "2" }] }),
          proj("B", { dependencies: [{ from: "1", to: "2" }] }),
        ],
        crossProjectDependencies: [
          { from: "2", to: "1", fromProject: "A", toProject: "B" },
          { from: "2", to: "1", fromProject: "B", toProject: "A" },
        ],
      },
      parsePortfolio,
    );
    expect(e.code).toBe("CYCLE_DETECTED");
    expect(e.details.ids).toEqual(["A/1", "A/2", "B/1", "B/2"]);
  });

  it("reports project-level errors with a projects[i] prefix", () => {
    const e = thrown(
      {
        id: "pf",
        name: "All",
        currency: "USD",
        projects: [proj("A", { dependencies: [{ from: "1", to: "x" }] })],
      },
      parsePortfolio,
    );
    expect(e.details.path).toBe("projects[0].dependencies[0].to");
  });
});
