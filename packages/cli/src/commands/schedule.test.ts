import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";

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

// Small hand-written fixtures: two tasks, the second after the first.
const MINI_MSPDI = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>tiny</Name>
  <StartDate>2026-01-05T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar>
      <UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
        ${[2, 3, 4, 5, 6]
          .map(
            (d) =>
              `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`,
          )
          .join("\n        ")}
      </WeekDays>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>tiny</Name><OutlineLevel>0</OutlineLevel></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
  </Tasks>
</Project>
`;

const MINI_XER = [
  "ERMHDR\t20.12\t2026-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tEUR",
  "%T\tPROJECT",
  "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date",
  "%R\t1\tTINY\t10\t2026-01-05 08:00\t2026-01-05 08:00",
  "%T\tCALENDAR",
  "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tday_hr_cnt\tweek_hr_cnt\tclndr_data",
  "%R\t10\tY\tStandard\t\t\t8\t40\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))))",
  "%T\tPROJWBS",
  "%F\twbs_id\tproj_id\tparent_wbs_id\twbs_short_name\twbs_name\tproj_node_flag\tseq_num",
  "%R\t100\t1\t\tTINY\tTiny\tY\t0",
  "%T\tTASK",
  "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\tstatus_code\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt",
  "%R\t1000\t1\t100\t10\tA10\tDesign\tTT_Task\tTK_NotStart\t16\t16",
  "%R\t1001\t1\t100\t10\tA20\tBuild\tTT_Task\tTK_NotStart\t8\t8",
  "%T\tTASKPRED",
  "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt",
  "%R\t1\t1001\t1000\t1\t1\tPR_FS\t0",
  "%E",
  "",
].join("\r\n");

const MINI_PMXML = `<?xml version="1.0" encoding="UTF-8"?>
<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V20.12/API/BusinessObjects">
  <Calendar><ObjectId>1</ObjectId><Name>Standard</Name><HoursPerDay>8</HoursPerDay><IsDefault>1</IsDefault>
    <StandardWorkWeek>
      ${["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        .map(
          (d) =>
            `<StandardWorkHours><DayOfWeek>${d}</DayOfWeek><WorkTime><Start>08:00:00</Start><Finish>15:59:00</Finish></WorkTime></StandardWorkHours>`,
        )
        .join("\n      ")}
      <StandardWorkHours><DayOfWeek>Saturday</DayOfWeek><WorkTime/></StandardWorkHours>
      <StandardWorkHours><DayOfWeek>Sunday</DayOfWeek><WorkTime/></StandardWorkHours>
    </StandardWorkWeek>
  </Calendar>
  <Project><ObjectId>9</ObjectId><Id>TINY</Id><Name>Tiny</Name><DataDate>2026-01-05T08:00:00</DataDate><PlannedStartDate>2026-01-05T08:00:00</PlannedStartDate><ActivityDefaultCalendarObjectId>1</ActivityDefaultCalendarObjectId>
    <WBS><ObjectId>20</ObjectId><Code>W</Code><Name>Work</Name><SequenceNumber>1</SequenceNumber></WBS>
    <Activity><ObjectId>100</ObjectId><Id>A1</Id><Name>Design</Name><Type>Task Dependent</Type><WBSObjectId>20</WBSObjectId><PlannedDuration>16</PlannedDuration><RemainingDuration>16</RemainingDuration></Activity>
    <Activity><ObjectId>101</ObjectId><Id>A2</Id><Name>Build</Name><Type>Task Dependent</Type><WBSObjectId>20</WBSObjectId><PlannedDuration>8</PlannedDuration><RemainingDuration>8</RemainingDuration></Activity>
    <Relationship><ObjectId>1</ObjectId><PredecessorActivityObjectId>100</PredecessorActivityObjectId><SuccessorActivityObjectId>101</SuccessorActivityObjectId><Type>Finish to Start</Type><Lag>0</Lag></Relationship>
  </Project>
</APIBusinessObjects>
`;

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

  it("reads MSPDI, XER, P6 XML and JSON through the shared reader, with each format's ids and dialect", async () => {
    // [file, content, ids in the contract's numbering, default dialect, early start of the second task]
    const cases: [string, string, string[], string, string][] = [
      ["tiny.xml", MINI_MSPDI, ["1", "2"], "msp", "2026-01-07T08:00:00"],
      ["tiny.xer", MINI_XER, ["A10", "A20"], "p6", "2026-01-07T08:00:00"],
      ["tiny-p6.xml", MINI_PMXML, ["A1", "A2"], "p6", "2026-01-07T08:00:00"],
      [
        "tiny.json",
        readFileSync(projectFile("tiny.json", [{ from: "A", to: "B" }]), "utf8"),
        ["A", "B", "C"],
        "msp",
        "2026-01-07T08:00:00",
      ],
    ];
    for (const [name, content, ids, dialect, secondStart] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = await runCli("schedule", file, "--json");
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const out = JSON.parse(r.stdout) as { tasks: { id: string; earlyStart: string; critical: boolean }[] };
      // P6 WBS nodes come back as summary tasks `WBS-<id>` (see docs/interop.md)
      const activities = out.tasks.filter((t) => !t.id.startsWith("WBS-"));
      expect(
        activities.map((t) => t.id),
        name,
      ).toEqual(ids);
      expect(activities[1]!.earlyStart, name).toBe(secondStart);
      expect(out.tasks.find((t) => t.id === ids[0])!.critical, name).toBe(true);
      // default dialect: msp for MSPDI and own JSON, p6 for XER and P6 XML (table header)
      const table = await runCli("schedule", file);
      expect(table.code, name).toBe(0);
      expect(table.stdout.split("\n")[0], name).toContain(`(${dialect})`);
    }
  });

  it("decodes a UTF-16 MSPDI file with a byte-order mark like the other commands", async () => {
    const file = join(dir, "utf16.xml");
    const text = `\uFEFF${MINI_MSPDI.replace('encoding="UTF-8"', 'encoding="UTF-16"')}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    writeFileSync(file, bytes);
    const r = await runCli("schedule", file, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { tasks: { id: string }[] }).tasks.map((t) => t.id)).toEqual(["1", "2"]);
  });

  it("exits 2 with one line naming the file on an unknown format, a CSV table or a portfolio", async () => {
    const cases: [name: string, content: string, message: RegExp][] = [
      ["unknown.txt", "hello, world\n", /unknown file format/],
      ["tasks.csv", "id,name,duration\nA,Design,2d\n", /holds no project/],
      [
        "portfolio.json",
        JSON.stringify({ id: "pf", name: "PF", currency: "EUR", projects: [] }),
        /portfolio/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = await runCli("schedule", file, "--json");
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toContain(file);
      expect(lines[0], name).toMatch(message);
    }
  });

  it("prints reader warnings to stderr and keeps stdout one JSON document", async () => {
    const file = join(dir, "warn.xer");
    writeFileSync(file, MINI_XER.replace("%E", "%T\tODDTABLE\n%F\tx\n%R\t1\n%E"));
    const r = await runCli("schedule", file, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toMatch(/warn\.xer(:\d+)?: warning /);
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
