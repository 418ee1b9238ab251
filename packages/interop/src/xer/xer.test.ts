import { readFileSync } from "node:fs";
import { ProjectSchema } from "@pmokit/core";
import type { Project } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { readPmxml } from "../pmxml/read.js";
import { readXer } from "./read.js";
import { MINI_XER as MINI } from "../testing/fixtures.js";

describe("readXer (own fixture)", () => {
  it("maps projects, WBS, activity types, constraints, links, floats and the data date", () => {
    const { projects, warnings } = readXer(new TextEncoder().encode(MINI), { fileName: "mini.xer" });
    expect(projects).toHaveLength(1);
    const p = projects[0]!;
    expect(p).toMatchObject({ id: "P1", name: "My project" });
    expect(p.settings).toMatchObject({
      currency: "EUR",
      statusDate: "2025-01-08T08:00:00",
      startDate: "2025-01-06T08:00:00",
      defaultCalendarId: "10",
      minutesPerDay: 480,
    });
    expect(p.calendars[0]!.exceptions).toEqual([{ from: "2025-01-06", to: "2025-01-06", working: false }]);
    expect(p.tasks.map((t) => [t.id, t.parentId, t.activityType])).toEqual([
      ["L1", undefined, "levelOfEffort"],
      ["WBS-101", undefined, undefined],
      ["A10", "WBS-101", "task"],
      ["A20", "WBS-101", "finishMilestone"],
    ]);
    const a10 = p.tasks.find((t) => t.id === "A10")!;
    expect(a10).toMatchObject({
      wbs: "A",
      duration: { value: 16, unit: "hours" },
      remainingDuration: { value: 8, unit: "hours" },
      percentComplete: 50,
      constraint: { type: "SNET", date: "2025-01-06T08:00:00" },
      secondaryConstraint: { type: "FNLT", date: "2025-01-31T16:00:00" },
      reported: {
        earlyStart: "2025-01-06T08:00:00",
        lateFinish: "2025-01-09T16:00:00",
        totalSlackMinutes: 960,
        freeSlackMinutes: 0,
        critical: false,
      },
    });
    expect(p.tasks.find((t) => t.id === "A20")!.milestone).toBe(true);
    expect(p.dependencies).toEqual([
      {
        from: "A10",
        to: "A20",
        type: "SS",
        lag: { value: -4, unit: "hours" },
        extensions: { p6: { task_pred_id: "1" } },
      },
      {
        from: "ID-9999",
        to: "A20",
        type: "FS",
        lag: { value: 0, unit: "hours" },
        fromProject: "P7",
        extensions: { p6: { task_pred_id: "2" } },
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["UNMAPPED_TABLE", "EXTERNAL_LINK"]));
    expect(warnings.find((w) => w.code === "UNMAPPED_TABLE")).toMatchObject({ element: "THING", line: 21 });
  });

  it("reads each rate row's max units per hour as availability, with or without a price", () => {
    const xer = [
      "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD",
      "%T\tPROJECT",
      "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date",
      "%R\t1\tP\t1\t2025-01-06 08:00",
      "%T\tCALENDAR",
      "%F\tclndr_id\tdefault_flag\tclndr_name\tday_hr_cnt",
      "%R\t1\tY\tStd\t8",
      "%T\tRSRC",
      "%F\trsrc_id\trsrc_name",
      "%R\t5\tCrew",
      "%T\tRSRCRATE",
      "%F\trsrc_rate_id\trsrc_id\tmax_qty_per_hr\tcost_per_qty\tstart_date",
      // Priced, 2 units; no price, 3 units; priced with no max units (no availability row: an empty
      // cell is not 0 units); priced with a bad max units (warned, kept in the rate row's extensions).
      "%R\t1\t5\t2\t100\t2025-01-01 00:00",
      "%R\t2\t5\t3\t\t2025-06-01 00:00",
      "%R\t3\t5\t\t120\t2026-01-01 00:00",
      "%R\t4\t5\tlots\t130\t2027-01-01 00:00",
      // No price and negative max units: nothing to keep it in, so it is warned, not dropped silently.
      "%R\t5\t5\t-1\t\t2028-01-01 00:00",
      "%E",
      "",
    ].join("\r\n");
    const r = readXer(xer);
    const crew = r.projects[0]!.resources[0]!;
    // Each row holds until the next one starts; the last stays open.
    expect(crew.availability).toStrictEqual([
      { from: "2025-01-01T00:00:00", to: "2025-06-01T00:00:00", units: 2 },
      { from: "2025-06-01T00:00:00", units: 3 },
    ]);
    expect(crew.maxUnits).toBe(2);
    expect(crew.costRateTables.A?.map((x) => x.standardRate.amount)).toEqual(["100", "120", "130"]);
    expect(crew.costRateTables.A?.[2]?.extensions).toStrictEqual({
      p6: { rsrc_rate_id: "4", max_qty_per_hr: "lots" },
    });
    // Both bad values are warned: "lots" is not a number, -1 is below 0.
    expect(
      r.warnings
        .filter((w) => w.code === "INVALID_VALUE" && w.element === "RSRCRATE.max_qty_per_hr")
        .map((w) => w.message),
    ).toEqual([
      "invalid RSRCRATE.max_qty_per_hr: expected a number",
      "invalid RSRCRATE.max_qty_per_hr: expected a number ≥ 0",
    ]);
    // The unpriced row gives no cost rate row: only its id has nowhere to go.
    expect(r.warnings.filter((w) => w.code === "UNMAPPED_FIELD").map((w) => w.element)).toEqual([
      "RSRCRATE.rsrc_rate_id",
    ]);
  });

  it("keeps every non-empty field it does not map, for every imported table", () => {
    const xer = [
      "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD",
      "%T\tPROJECT",
      "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tguid\tfy_start_month_num",
      "%R\t1\tP\t1\t2025-01-06 08:00\tg-proj\t4",
      "%T\tCALENDAR",
      "%F\tclndr_id\tdefault_flag\tclndr_name\tday_hr_cnt",
      "%R\t1\tY\tStd\t8",
      "%T\tPROJWBS",
      "%F\twbs_id\tproj_id\tproj_node_flag\tseq_num\twbs_short_name\twbs_name\tparent_wbs_id\tstatus_code\tguid",
      "%R\t10\t1\tY\t0\tP\tRoot\t\tWS_Open\tg-root",
      "%R\t11\t1\tN\t1\tA\tArea\t10\tWS_Open\tg-wbs",
      "%T\tRSRC",
      "%F\trsrc_id\trsrc_name\trsrc_type\trole_id\tguid\tdef_qty_per_hr",
      "%R\t5\tCrane\tRT_Equip\t77\tg-rsrc\t",
      "%T\tTASK",
      "%F\ttask_id\tproj_id\twbs_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt\tguid",
      "%R\t100\t1\t11\tA1\tFirst\tTT_Task\t8\tg-a1",
      "%R\t101\t1\t11\tA2\tSecond\tTT_Task\t8\t",
      "%T\tTASKPRED",
      "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt\tcomments\taref",
      "%R\t900\t101\t100\t1\t1\tPR_FS\t0\tdriving\t2025-01-06 08:00",
      "%T\tTASKRSRC",
      "%F\ttaskrsrc_id\ttask_id\tproj_id\trsrc_id\ttarget_qty\tcost_per_qty\tremain_cost\trate_type\tguid",
      "%R\t700\t100\t1\t5\t8\t85\t680\tCOST_PER_QTY\t",
      "%E",
      "",
    ].join("\r\n");
    const p = readXer(xer).projects[0]!;
    expect(p.extensions?.["p6"]).toEqual({ proj_id: "1", guid: "g-proj", fy_start_month_num: "4" });
    expect(p.tasks.find((t) => t.id === "WBS-11")!.extensions).toEqual({
      p6: { wbs_id: "11", proj_node_flag: "N", status_code: "WS_Open", guid: "g-wbs" },
    });
    expect(p.tasks.find((t) => t.id === "A1")!.extensions?.["p6"]).toMatchObject({
      guid: "g-a1",
      task_id: "100",
    });
    expect(p.tasks.find((t) => t.id === "A2")!.extensions?.["p6"]).toEqual({ task_id: "101" });
    expect(p.resources[0]!.extensions).toEqual({
      p6: { rsrc_type: "RT_Equip", role_id: "77", guid: "g-rsrc" },
    });
    expect(p.dependencies[0]!.extensions).toEqual({
      p6: { task_pred_id: "900", comments: "driving", aref: "2025-01-06 08:00" },
    });
    expect(p.assignments[0]!.extensions).toEqual({
      p6: { cost_per_qty: "85", remain_cost: "680", rate_type: "COST_PER_QTY" },
    });
  });

  it("decodes windows-1252 bytes and honours a declared encoding", () => {
    const bytes = new TextEncoder().encode(MINI.replace("Dig", "D\u00fcg"));
    const latin = Uint8Array.from([...new TextDecoder().decode(bytes)].map((c) => c.charCodeAt(0)));
    const r = readXer(latin);
    expect(r.encoding).toEqual({ name: "windows-1252", source: "guessed" });
    expect(r.projects[0]!.tasks.find((t) => t.id === "A10")!.name).toBe("D\u00fcg");
    expect(readXer(latin, { encoding: "iso-8859-1" }).encoding.source).toBe("declared");
  });
});

const XER_GOLDEN: Record<
  string,
  {
    projects: [string, string][];
    activities: Record<string, number>;
    links: number;
    calendars: number;
    constraints?: Record<string, number>;
    resources: number;
    assignments: number;
  }
> = {
  "mpxj-PredecessorCalendar.xer": {
    projects: [["TEST PROJECT", "2019-10-02T00:00:00"]],
    activities: { task: 1 },
    links: 0,
    calendars: 1,
    constraints: { SNET: 1 },
    resources: 0,
    assignments: 0,
  },
  "mpxj-SuccessorCalendar.xer": {
    projects: [["TEST PROJECT", "2019-10-02T00:00:00"]],
    activities: { task: 1 },
    links: 0,
    calendars: 1,
    constraints: { SNET: 1 },
    resources: 0,
    assignments: 0,
  },
  "mpxj-ProjectDefaultCalendar.xer": {
    projects: [["TEST PROJECT", "2019-10-02T00:00:00"]],
    activities: { task: 1 },
    links: 0,
    calendars: 1,
    constraints: { SNET: 1 },
    resources: 0,
    assignments: 0,
  },
  "mpxj-TwentyFourHourCalendar.xer": {
    projects: [["TEST PROJECT", "2019-10-02T00:00:00"]],
    activities: { task: 1 },
    links: 0,
    calendars: 1,
    constraints: { SNET: 1 },
    resources: 0,
    assignments: 0,
  },
  "mpxj-resource-rates-test.xer": {
    projects: [["NEWPROJ", "2022-08-22T00:00:00"]],
    activities: { task: 1 },
    links: 0,
    calendars: 1,
    resources: 1,
    assignments: 5,
  },
  "mpxj-invalid-calendar-8.4.xer": {
    projects: [["EC00640", "2015-02-24T00:00:00"]],
    activities: { task: 12 },
    links: 0,
    calendars: 3,
    resources: 0,
    assignments: 0,
  },
  "mpxj-percent-complete-8.4.xer": {
    projects: [["EC00640", "2015-02-24T00:00:00"]],
    activities: { task: 12 },
    links: 0,
    calendars: 1,
    resources: 0,
    assignments: 0,
  },
  "aspose-MultiprojectWithExternal.xer": {
    projects: [
      ["TestProject", "2023-10-06T00:00:00"],
      ["TestProject2", "2024-05-28T00:00:00"],
    ],
    activities: { task: 3 },
    links: 1,
    calendars: 2,
    resources: 3,
    assignments: 0,
  },
  "aspose-encoding1251.xer": {
    projects: [["BaselineCosts", "2023-03-06T00:00:00"]],
    activities: { resourceDependent: 1, task: 1 },
    links: 0,
    calendars: 5,
    resources: 10,
    assignments: 4,
  },
  "aspose-test-5.0.xer": {
    projects: [["NEWPROJ", "2016-06-09T00:00:00"]],
    activities: { task: 2 },
    links: 0,
    calendars: 1,
    resources: 4,
    assignments: 4,
  },
  "aspose-ScheduleOptions.xer": {
    projects: [
      ["NEWPROJ", "2023-02-20T00:00:00"],
      ["NEWPROJ-1", "2023-02-20T00:00:00"],
      ["NEWPROJ-2", "2023-02-20T00:00:00"],
      ["NEWPROJ-3", "2023-02-20T00:00:00"],
    ],
    activities: {},
    links: 0,
    calendars: 1,
    resources: 0,
    assignments: 0,
  },
};

function tally(projects: readonly Project[]) {
  const activities: Record<string, number> = {};
  const constraints: Record<string, number> = {};
  for (const p of projects)
    for (const t of p.tasks) {
      if (t.activityType) activities[t.activityType] = (activities[t.activityType] ?? 0) + 1;
      if (t.activityType && t.constraint.type !== "ASAP")
        constraints[t.constraint.type] = (constraints[t.constraint.type] ?? 0) + 1;
    }
  const calendars = new Set(projects.flatMap((p) => p.calendars.map((c) => c.id))).size;
  return {
    activities,
    constraints,
    calendars,
    links: projects.reduce((a, p) => a + p.dependencies.length, 0),
  };
}

describeWithSharedData(["xer"], "XER oracle files (shared data)", () => {
  it("maps P6's five prices per unit to cost rate tables A–E, from XER and P6 XML alike", () => {
    const xer = readXer(new Uint8Array(readFileSync(sharedData("xer", "mpxj-resource-rates-test.xer"))));
    const pm = readPmxml(
      new Uint8Array(readFileSync(sharedData("xer", "pmxml/mpxj-resource-rates-test.xml"))),
    );
    for (const [r, key] of [
      [xer, "rsrc_rate_id"],
      [pm, "ObjectId"],
    ] as const) {
      const res = r.projects[0]!.resources.find((x) => x.id === "1316")!;
      // Both keep the rate row's fields with no place in the model on each row: the XER column
      // rsrc_rate_id, the P6 XML element ObjectId (the same id).
      const ids = ["1761", "1762"];
      const ext = (i: number) => ({ extensions: { p6: { [key]: ids[i]! } } });
      for (const [k, table] of (["A", "B", "C", "D", "E"] as const).entries())
        expect(res.costRateTables[table]).toStrictEqual([
          {
            effectiveFrom: "2022-01-01T00:00:00",
            standardRate: { amount: String(k + 1), currency: "USD" },
            ...ext(0),
          },
          {
            effectiveFrom: "2023-01-01T00:00:00",
            standardRate: { amount: String(k + 21), currency: "USD" },
            ...ext(1),
          },
        ]);
    }
    // CALENDAR and RSRCRATE fields with no place in the model are kept, so no longer reported.
    expect(xer.projects[0]!.calendars.find((c) => c.id === "597")!.extensions).toStrictEqual({
      p6: {
        default_flag: "Y",
        last_chng_date: "2000-04-26 14:11",
        clndr_type: "CA_Base",
        day_hr_cnt: "8",
        week_hr_cnt: "40",
        month_hr_cnt: "172",
        year_hr_cnt: "2000",
        rsrc_private: "N",
      },
    });
    expect(
      xer.warnings.filter((w) => /^(CALENDAR|RSRCRATE)\./.test(w.element ?? "")).map((w) => w.element),
    ).toEqual([]);
    // P6 XML: the fields the reader maps are named in XER vocabulary, the others keep their P6 XML
    // element names.
    expect(pm.projects[0]!.calendars.map((c) => c.extensions)).toStrictEqual([
      {
        p6: {
          default_flag: "Y",
          day_hr_cnt: "8",
          week_hr_cnt: "40",
          month_hr_cnt: "172",
          HoursPerYear: "2000",
          IsPersonal: "0",
          Type: "Global",
        },
      },
    ]);
    const pmTask = pm.projects[0]!.tasks.find((t) => t.extensions?.["p6"] !== undefined)!;
    expect(pmTask.extensions!["p6"]).toMatchObject({
      AtCompletionLaborUnits: "1200",
      PlannedStartDate: "2022-08-22T08:00:00",
      PrimaryResourceObjectId: "1316",
    });
    expect(pm.projects[0]!.extensions!["p6"]).toMatchObject({ WBSCodeSeparator: ".", Status: "Active" });
  });

  it("keeps CALENDAR and RSRCRATE fields in extensions.p6, reporting only what rate rows without a price cannot keep", () => {
    const r = readXer(new Uint8Array(readFileSync(sharedData("xer", "aspose-encoding1251.xer"))));
    const p = r.projects[0]!;
    const cal = (id: string) => p.calendars.find((c) => c.id === id)!;
    expect(cal("6205").extensions).toStrictEqual({
      p6: {
        default_flag: "N",
        last_chng_date: "2009-04-27 00:00",
        clndr_type: "CA_Base",
        // The 7x24 calendar's own hours per day, week and month (P6 converts its durations with them).
        day_hr_cnt: "22",
        week_hr_cnt: "154",
        month_hr_cnt: "660",
        year_hr_cnt: "8030",
        rsrc_private: "N",
      },
    });
    // No last_chng_date in this row: only the non-empty fields are kept.
    expect(cal("6590")).toMatchObject({
      parentId: "178",
      extensions: { p6: { clndr_type: "CA_Base", day_hr_cnt: "10", year_hr_cnt: "3120", rsrc_private: "N" } },
    });
    expect(Object.keys(cal("6590").extensions!["p6"] as object)).toEqual([
      "default_flag",
      "clndr_type",
      "day_hr_cnt",
      "week_hr_cnt",
      "month_hr_cnt",
      "year_hr_cnt",
      "rsrc_private",
    ]);
    const rates = p.resources.find((x) => x.id === "8278")!.costRateTables;
    expect(rates.A).toStrictEqual([
      {
        effectiveFrom: "2022-01-01T00:00:00",
        standardRate: { amount: "25", currency: r.projects[0]!.settings.currency },
        extensions: { p6: { rsrc_rate_id: "7564" } },
      },
    ]);
    expect(rates.B?.[0]?.extensions).toStrictEqual({ p6: { rsrc_rate_id: "7564" } });
    // Rate 7565 has no price: its max units per hour still become resource 8275's availability from
    // its start date, but it gives no cost rate row, so its id is reported.
    const r8275 = p.resources.find((x) => x.id === "8275")!;
    expect(r8275.availability).toStrictEqual([{ from: "2010-01-01T00:00:00", units: 1 }]);
    expect(r8275.costRateTables).toStrictEqual({});
    const dropped = r.warnings.filter(
      (w) => w.code === "UNMAPPED_FIELD" && w.element?.startsWith("RSRCRATE."),
    );
    expect(dropped.map((w) => w.element)).toEqual(["RSRCRATE.rsrc_rate_id"]);
    expect(r.warnings.some((w) => w.element?.startsWith("CALENDAR.") && w.code === "UNMAPPED_FIELD")).toBe(
      false,
    );
    // The kept fields pass the model's full schema (calendar and cost rate extensions included).
    const parsed = ProjectSchema.safeParse(p);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.calendars).toStrictEqual(p.calendars);
    expect(parsed.data?.resources.find((x) => x.id === "8278")!.costRateTables).toStrictEqual(rates);
  });

  for (const [name, g] of Object.entries(XER_GOLDEN)) {
    it(`${name}: projects, data dates and counts named in the README`, () => {
      const r = readXer(new Uint8Array(readFileSync(sharedData("xer", name))), { fileName: name });
      expect(r.projects.map((p) => [p.id, p.settings.statusDate])).toEqual(g.projects);
      const t = tally(r.projects);
      expect(t.activities).toEqual(g.activities);
      expect(t.links).toBe(g.links);
      expect(t.calendars).toBe(g.calendars);
      if (g.constraints) expect(t.constraints).toEqual(g.constraints);
      expect(new Set(r.projects.flatMap((p) => p.resources.map((x) => x.id))).size).toBe(g.resources);
      expect(r.projects.reduce((a, p) => a + p.assignments.length, 0)).toBe(g.assignments);
    });
  }

  it("windows-1251 text, lag calendar options, external links, invalid calendar data", () => {
    const enc = readXer(new Uint8Array(readFileSync(sharedData("xer", "aspose-encoding1251.xer"))));
    expect(enc.encoding.name).toBe("windows-1251");
    expect(enc.projects[0]!.tasks.find((t) => t.id === "A1000")!.name).toBe(
      "\u0417\u0430\u0434\u0430\u0447\u0430 1",
    );
    for (const [file, lag] of [
      ["mpxj-PredecessorCalendar.xer", "rcal_Predecessor"],
      ["mpxj-SuccessorCalendar.xer", "rcal_Successor"],
      ["mpxj-TwentyFourHourCalendar.xer", "rcal_24Hour"],
      ["mpxj-ProjectDefaultCalendar.xer", "rcal_ProjDefault"],
    ] as const) {
      const p = readXer(new Uint8Array(readFileSync(sharedData("xer", file)))).projects[0]!;
      expect(
        (p.extensions?.["p6:schedoptions"] as Record<string, string>)["sched_calendar_on_relationship_lag"],
      ).toBe(lag);
      expect(p.settings.totalSlackCalculation).toBe("finishSlack");
    }
    const multi = readXer(
      new Uint8Array(readFileSync(sharedData("xer", "aspose-MultiprojectWithExternal.xer"))),
    ).projects;
    expect(multi[1]!.dependencies).toEqual([
      expect.objectContaining({ from: "A1000", to: "A1010", type: "FS", fromProject: "TestProject" }),
    ]);
    const inv = readXer(new Uint8Array(readFileSync(sharedData("xer", "mpxj-invalid-calendar-8.4.xer"))));
    expect(inv.warnings.filter((w) => w.code === "INVALID_CALENDAR").map((w) => w.line)).toEqual([33]);
    expect(inv.projects[0]!.calendars.find((c) => c.id === "179")!.exceptions).toHaveLength(24);
  });
});

describeWithSharedData(["xer", "pmxml"], "PMXML oracle files (shared data)", () => {
  const load = (name: string) =>
    readPmxml(new Uint8Array(readFileSync(sharedData("xer", "pmxml", name))), { fileName: name });

  it("aspose-Primavera-8.3: 137 activities, 498 relationships (FS 176, SS 321, FF 1), 241 lags, 34 calendars, 31 resources, P6 dates", () => {
    const { projects } = load("aspose-Primavera-8.3.xml");
    expect(projects).toHaveLength(1);
    const p = projects[0]!;
    const acts = p.tasks.filter((t) => t.activityType);
    expect(acts).toHaveLength(137);
    expect(acts.every((t) => t.activityType === "task")).toBe(true);
    const types: Record<string, number> = {};
    for (const d of p.dependencies) types[d.type] = (types[d.type] ?? 0) + 1;
    expect(types).toEqual({ FS: 176, SS: 321, FF: 1 });
    expect(p.dependencies.filter((d) => d.lag.value !== 0)).toHaveLength(241);
    expect(new Set(p.dependencies.filter((d) => d.lag.value !== 0).map((d) => d.lag.value))).toEqual(
      new Set([8, 24]),
    );
    expect(p.calendars).toHaveLength(34);
    expect(p.resources).toHaveLength(31);
    expect(
      acts.every(
        (t) => t.reported?.earlyStart && t.reported.lateFinish && t.reported.totalSlackMinutes !== undefined,
      ),
    ).toBe(true);
    expect(acts.some((t) => (t.reported?.totalSlackMinutes ?? 0) < 0)).toBe(false);
    const a1000 = p.tasks.find((t) => t.id === "A1000")!;
    expect(a1000.reported).toMatchObject({
      earlyStart: "1999-05-03T08:00:00",
      earlyFinish: "1999-05-16T17:00:00",
      totalSlackMinutes: 0,
      critical: true,
    });
    expect(p.settings.startDate).toBe("1999-05-03T08:00:00");
  });

  it("aspose-PrimaveraProject-15.2: 4 projects, 28 activities (17 resource dependent, 11 finish milestones), 26 FS links (2 lagged)", () => {
    const { projects } = load("aspose-PrimaveraProject-15.2.xml");
    expect(projects).toHaveLength(4);
    const t = tally(projects);
    expect(t.activities).toEqual({ resourceDependent: 17, finishMilestone: 11 });
    const deps = projects.flatMap((p) => p.dependencies);
    expect(deps).toHaveLength(26);
    expect(deps.every((d) => d.type === "FS")).toBe(true);
    expect(deps.filter((d) => d.lag.value !== 0)).toHaveLength(2);
  });

  it("baselines, multi-project twins and lag-calendar twins load", () => {
    const bl = load("aspose-BaselineProjects-20.12.xml").projects[0]!;
    expect(bl.tasks.filter((t) => t.activityType)).toHaveLength(6 - 4);
    expect(new Set(bl.tasks.flatMap((t) => t.baselines.map((b) => b.number)))).toEqual(new Set([1, 2]));
    const multi = load("aspose-MultiprojectWithExternal-20.12.xml").projects;
    expect(multi.map((p) => p.id)).toEqual(["TestProject", "TestProject2"]);
    expect(multi[1]!.dependencies[0]).toMatchObject({
      from: "A1000",
      to: "A1010",
      fromProject: "TestProject",
    });
    for (const f of [
      "mpxj-PredecessorCalendar.xml",
      "mpxj-SuccessorCalendar.xml",
      "mpxj-ProjectDefaultCalendar.xml",
      "mpxj-TwentyFourHourCalendar.xml",
      "mpxj-resource-rates-test.xml",
    ])
      expect(load(f).projects[0]!.tasks.filter((t) => t.activityType)).toHaveLength(1);
  });
});
