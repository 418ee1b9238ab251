import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";
import { detectFormat } from "./schedule.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-schedule-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function projectFile(name: string, dependencies: unknown[], extra: Record<string, unknown> = {}): string {
  const file = join(dir, name);
  const day = (value: number) => ({ value, unit: "days" });
  writeFileSync(
    file,
    JSON.stringify({
      id: "p",
      name: "P",
      settings: { currency: "EUR", defaultCalendarId: "std", startDate: "2026-01-05T08:00:00", ...extra },
      calendars: [
        {
          id: "std",
          name: "Standard",
          weekDays: Object.fromEntries(
            ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((d, i) => [
              d,
              i === 0 || i === 6
                ? { working: false }
                : {
                    working: true,
                    times: [
                      { from: "08:00", to: "12:00" },
                      { from: "13:00", to: "17:00" },
                    ],
                  },
            ]),
          ),
        },
      ],
      tasks: [
        { id: "A", name: "Design", duration: day(2) },
        { id: "B", name: "Build", duration: day(3) },
        { id: "C", name: "Docs", duration: day(1) },
      ],
      dependencies,
    }),
  );
  return file;
}

describe("pmokit schedule", () => {
  it("schedules a JSON project and prints the contract's JSON", async () => {
    const file = projectFile("ok.json", [
      { from: "A", to: "B" },
      { from: "A", to: "C" },
    ]);
    const r = await runCli("schedule", file, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { tasks: Record<string, unknown>[] };
    expect(out.tasks.map((t) => t["id"])).toEqual(["A", "B", "C"]);
    expect(Object.keys(out.tasks[0]!).sort()).toEqual(
      [
        "id",
        "name",
        "earlyStart",
        "earlyFinish",
        "lateStart",
        "lateFinish",
        "totalSlackMinutes",
        "freeSlackMinutes",
        "critical",
      ].sort(),
    );
    const b = out.tasks[1]!;
    expect(b["earlyStart"]).toBe("2026-01-07T08:00:00");
    expect(b["earlyFinish"]).toBe("2026-01-09T17:00:00");
    expect(b["critical"]).toBe(true);
    expect(out.tasks[2]!["totalSlackMinutes"]).toBe(2 * 480);
  });

  it("prints a table without --json and honours --dialect and --status-date", async () => {
    const file = projectFile("table.json", [{ from: "A", to: "B" }]);
    const r = await runCli("schedule", file, "--dialect", "p6", "--status-date", "2026-01-06");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("early start");
    expect(r.stdout).toContain("(p6)");
  });

  it("exits 1 on a logic cycle and names the tasks", async () => {
    const file = projectFile("cycle.json", [
      { from: "A", to: "B" },
      { from: "B", to: "A" },
    ]);
    const r = await runCli("schedule", file, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cycle/i);
    expect(r.stderr).toContain("A");
    expect(r.stderr).toContain("B");
  });

  it("exits 2 on bad input: missing file, unknown format, dangling link, bad flag", async () => {
    expect((await runCli("schedule", join(dir, "nope.json"))).code).toBe(2);
    const junk = join(dir, "junk.txt");
    writeFileSync(junk, "hello");
    const u = await runCli("schedule", junk);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("junk.txt");
    const dangling = projectFile("dangling.json", [{ from: "A", to: "Z" }]);
    const d = await runCli("schedule", dangling, "--json");
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("Z");
    expect((await runCli("schedule", dangling, "--dialect", "primavera")).code).toBe(2);
    expect((await runCli("schedule", projectFile("sd.json", []), "--status-date", "tomorrow")).code).toBe(2);
  });

  it("detects formats from content", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat(enc("ERMHDR\t8.2"))).toBe("xer");
    expect(
      detectFormat(enc('<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">')),
    ).toBe("mspdi");
    expect(detectFormat(enc("<?xml version='1.0'?>\n<APIBusinessObjects>"))).toBe("pmxml");
    expect(detectFormat(enc(' {"id": 1}'))).toBe("json");
    expect(detectFormat(enc("id,name"))).toBeUndefined();
  });
});

// ---- Oracles: MS Project / P6 computed dates kept by the readers as `reported` values ----

interface Reported {
  earlyStart?: string;
  earlyFinish?: string;
  lateStart?: string;
  lateFinish?: string;
  totalSlackMinutes?: number;
  freeSlackMinutes?: number;
}
interface ReaderTask {
  id: string;
  manual: boolean;
  outlineLevel?: number;
  reported?: Reported;
}
interface Interop {
  readProjectFile(
    input: Uint8Array,
    o: { fileName?: string },
  ): { projects: { id: string; tasks: ReaderTask[] }[] };
}
async function interop(): Promise<Interop> {
  const spec = "@pmokit/interop";
  return (await import(/* @vite-ignore */ spec)) as Interop;
}

interface Row {
  id: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalSlackMinutes: number;
  freeSlackMinutes: number;
}

/** Compares our schedule (through the CLI) with the tool's values; returns the ids that differ. */
async function compare(
  file: string,
  fields: readonly (keyof Reported)[],
): Promise<{ total: number; diff: string[] }> {
  const { projects } = (await interop()).readProjectFile(readFileSync(file), { fileName: file });
  const r = await runCli("schedule", file, "--json");
  expect(r.code, r.stderr).toBe(0);
  const ours = new Map((JSON.parse(r.stdout) as { tasks: Row[] }).tasks.map((t) => [t.id, t]));
  const project = projects[0]!;
  let total = 0;
  const diff: string[] = [];
  for (const t of project.tasks) {
    if (t.manual || t.outlineLevel === 0 || t.reported?.earlyStart === undefined) continue;
    const o = ours.get(t.id);
    if (o === undefined) continue;
    total++;
    if (fields.some((f) => t.reported![f] !== undefined && t.reported![f] !== o[f])) diff.push(t.id);
  }
  return { total, diff };
}

const ALL: readonly (keyof Reported)[] = [
  "earlyStart",
  "earlyFinish",
  "lateStart",
  "lateFinish",
  "totalSlackMinutes",
  "freeSlackMinutes",
];

/**
 * Known differences, by file: the ids whose values we do not reproduce, with the cause (also listed
 * in docs/scheduling.md). A file not listed must match on every task.
 */
const MSPDI_KNOWN: Record<string, { ids: string[] | "all"; why: string }> = {
  "aspose-NewProductDev.xml": {
    ids: ["35", "36", "48"],
    why: "re-saved by Aspose.Tasks: late dates equal the early dates although TotalSlack is 47/42/5 days (we match the slack)",
  },
  "aspose-TestViews-tasklinks.xml": {
    ids: "all",
    why: "written by Aspose.Tasks with 2000-01-01T00:00 placeholders for actual start/finish, deadline and constraint date",
  },
  "aspose-not-updated.xml": {
    ids: "all",
    why: "a 'not updated' input file: dates were not recalculated after edits",
  },
  "mpxj-mspdiduration.xml": {
    ids: ["1", "2", "3", "4"],
    why: "late finish of tasks 1-4 is the project finish before tasks 6-10 were added (stale, incremental recalculation; see docs)",
  },
  "mpxj-mspdiresource.xml": {
    ids: ["3"],
    why: "contoured assignment: MS Project's finish has seconds (09:08:24); pmokit durations are whole minutes",
  },
  "mpxj-mspdisplittask.xml": { ids: "all", why: "split tasks are not modelled" },
  "mpxj-mspditimephased.xml": {
    ids: "all",
    why: "resource-driven assignments with units ≠ 100 % and splits",
  },
};

describeWithSharedData(["mspdi"], "oracle: MS Project (MSPDI)", () => {
  const files = (() => {
    try {
      return readdirSync(sharedData("mspdi")).filter((f) => f.endsWith(".xml"));
    } catch {
      return [];
    }
  })();
  for (const name of files) {
    const known = MSPDI_KNOWN[name];
    if (known?.ids === "all") {
      it.skip(`${name}: excluded (${known.why})`, () => {});
      continue;
    }
    it(`${name}: dates, total and free slack equal MS Project's`, async () => {
      const { diff } = await compare(sharedData("mspdi", name), ALL);
      expect(diff).toEqual(known?.ids ?? []);
    });
  }
  it("task-links 2007/2010/2013: every task matches", async () => {
    for (const v of ["2007", "2010", "2013"]) {
      const r = await compare(sharedData("mspdi", `task-links-project${v}-mspdi.xml`), ALL);
      expect(r.total).toBe(16);
      expect(r.diff).toEqual([]);
    }
  });
});

describeWithSharedData(["xer"], "oracle: Primavera P6 (XER, PMXML)", () => {
  it("aspose-MultiprojectWithExternal.xer: early/late dates and total float equal P6's", async () => {
    const f = ["earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalSlackMinutes"] as const;
    const r = await compare(sharedData("xer", "aspose-MultiprojectWithExternal.xer"), f);
    expect(r.total).toBeGreaterThan(0);
    expect(r.diff).toEqual([]);
  });
  it("mpxj lag-calendar XER files: early dates of the completed activity sit at the data date", async () => {
    for (const n of ["Predecessor", "Successor", "ProjectDefault", "TwentyFourHour"]) {
      const r = await compare(sharedData("xer", `mpxj-${n}Calendar.xer`), ["earlyStart", "earlyFinish"]);
      expect(r.diff).toEqual([]);
    }
  });
  it("aspose-Primavera-8.3.xml: the reported dates are not reproducible from the file (see docs)", async () => {
    const r = await compare(sharedData("xer", "pmxml", "aspose-Primavera-8.3.xml"), [
      "earlyStart",
      "earlyFinish",
      "lateStart",
      "lateFinish",
      "totalSlackMinutes",
    ]);
    expect(r.total).toBe(137);
    // Regression guard: the activities that do not depend on the 7-day-week discrepancy match.
    expect(137 - r.diff.length).toBeGreaterThanOrEqual(12);
  });
});
