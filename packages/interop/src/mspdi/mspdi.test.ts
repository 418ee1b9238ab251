import { readFileSync, readdirSync } from "node:fs";
import { expandRecurrence, toEpochDay } from "@pmokit/core";
import type { Project } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { LEGACY_MSPDI, sampleProject } from "../testing/fixtures.js";
import { readMspdi } from "./read.js";
import { writeMspdi } from "./write.js";

function roundTrip(p: Project): Project {
  return readMspdi(writeMspdi(p)).project;
}

describe("MSPDI with our own fixtures", () => {
  it("writes what MS Project writes: namespace, SaveVersion, schema order, summary task", () => {
    const xml = writeMspdi(sampleProject());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="http://schemas.microsoft.com/project">',
      ),
    ).toBe(true);
    expect(xml).toContain("<SaveVersion>14</SaveVersion>");
    expect(xml).toContain("<Name>Fixture &amp; &lt;friends&gt;</Name>");
    // Project header before calendars before tasks before resources before assignments.
    const order = [
      "<MinutesPerDay>",
      "<ExtendedAttributes>",
      "<Calendars>",
      "<Tasks>",
      "<Resources>",
      "<Assignments>",
    ].map((t) => xml.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml).toMatch(/<Task>\s*<UID>0<\/UID>\s*<ID>0<\/ID>/);
    // Within a task: UID, ID, Name ... Duration ... ConstraintType, CalendarUID, ConstraintDate ... PredecessorLink, ExtendedAttribute, Baseline.
    const t3 = xml.slice(xml.indexOf("<UID>3</UID>"), xml.indexOf("</Task>", xml.indexOf("<UID>3</UID>")));
    const idx = [
      "<ID>",
      "<Name>",
      "<Duration>",
      "<ConstraintType>",
      "<CalendarUID>",
      "<PredecessorLink>",
    ].map((t) => t3.indexOf(t));
    expect(idx.every((v) => v >= 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    // Lag: 1.5 d at 450 min/day = 675 min = 6750 tenths, LagFormat 7; percent lag raw with 19; elapsed hours 6.
    expect(xml).toMatch(/<LinkLag>6750<\/LinkLag>\s*<LagFormat>7<\/LagFormat>/);
    expect(xml).toMatch(/<LinkLag>50<\/LinkLag>\s*<LagFormat>19<\/LagFormat>/);
    expect(xml).toMatch(/<LinkLag>-2400<\/LinkLag>\s*<LagFormat>6<\/LagFormat>/);
  });

  it("round-trips everything the model holds", () => {
    const p = sampleProject();
    expect(roundTrip(p)).toEqual(p);
    expect(roundTrip(roundTrip(p))).toEqual(p);
  });

  it("reads legacy exceptions, elapsed lags, and warns about what it drops", () => {
    const { project, warnings } = readMspdi(new TextEncoder().encode(LEGACY_MSPDI), {
      fileName: "legacy.xml",
    });
    expect(project.tasks.map((t) => t.id)).toEqual(["7", "8"]);
    expect(project.calendars[0]!.exceptions).toEqual([
      { from: "2024-01-15", to: "2024-01-16", working: false },
    ]);
    expect(project.dependencies).toEqual([
      { from: "7", to: "8", type: "FS", lag: { value: 1, unit: "elapsedDays" } },
    ]);
    expect(project.tasks[1]!.duration).toEqual({ value: 1, unit: "days" });
    expect(project.tasks[1]!.extensions).toEqual({ mspdi: { DurationFormat: "39" } });
    expect(project.tasks[0]!.extensions).toEqual({ mspdi: { Hyperlink: "x" } });
    const codes = warnings.map((w) => w.code);
    expect(codes).toContain("UNKNOWN_REFERENCE");
    expect(codes).toContain("UNMAPPED_FIELD");
    const dropped = warnings.find((w) => w.code === "UNKNOWN_REFERENCE")!;
    expect(dropped.line).toBe(22);
    expect(dropped.element).toBe("Task/PredecessorLink");
  });

  it("rejects other XML and broken files with typed errors", () => {
    expect(() => readMspdi("<Other/>")).toThrow(expect.objectContaining({ code: "UNSUPPORTED_FORMAT" }));
    expect(() => readMspdi(LEGACY_MSPDI.slice(0, 500))).toThrow(
      expect.objectContaining({ code: "PARSE_ERROR" }),
    );
  });
});

/** README of the shared data: tasks (incl. UID 0 and null rows), summaries, milestones, manual, links by type, lags, constraints, calendars, exceptions, tasks with baselines. */
const GOLDEN: Record<
  string,
  [
    number,
    number,
    number,
    number,
    Record<string, number>,
    number,
    Record<string, number>,
    number,
    number,
    number,
  ]
> = {
  "task-links-project2007-mspdi.xml": [17, 1, 0, 0, { FF: 1, FS: 5, SF: 1, SS: 1 }, 7, {}, 1, 0, 0],
  "task-links-project2010-mspdi.xml": [17, 1, 0, 0, { FF: 1, FS: 5, SF: 1, SS: 1 }, 7, { SNET: 16 }, 1, 0, 0],
  "task-links-project2013-mspdi.xml": [17, 1, 0, 0, { FF: 1, FS: 5, SF: 1, SS: 1 }, 7, { SNET: 16 }, 1, 0, 0],
  "task-links-project2019-mspdi.xml": [17, 1, 0, 16, { FF: 1, FS: 5, SF: 1, SS: 1 }, 7, {}, 1, 0, 0],
  "task-durations-project2010-mspdi.xml": [111, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "task-durations-project2019-mspdi.xml": [111, 1, 0, 110, {}, 0, {}, 1, 0, 0],
  "task-baselines-project2013-mspdi.xml": [111, 1, 0, 110, {}, 0, {}, 1, 0, 88],
  "task-costs-project2013-mspdi.xml": [11, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "task-dates-project2013-mspdi.xml": [11, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "task-text-project2013-mspdi.xml": [31, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "task-numbers-project2013-mspdi.xml": [21, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "task-flags-project2013-mspdi.xml": [21, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "calendar-recurring-exceptions-project2016-mspdi.xml": [1, 1, 0, 0, {}, 0, {}, 1, 27, 0],
  "calendar-calendars-project2019-mspdi.xml": [1, 1, 0, 0, {}, 0, {}, 5, 0, 0],
  "assignment-assignments-project2013-mspdi.xml": [4, 1, 0, 3, {}, 0, {}, 4, 0, 0],
  "resource-type-project2016-mspdi.xml": [1, 1, 0, 0, {}, 0, {}, 16, 0, 0],
  "mpxj-mspdirelations.xml": [6, 1, 0, 0, { FF: 1, FS: 1, SF: 1, SS: 1 }, 1, {}, 1, 0, 0],
  "mpxj-mspdisplittask.xml": [3, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "mpxj-mspditimephased.xml": [41, 1, 0, 0, {}, 0, {}, 44, 0, 0],
  "mpxj-mspdinulltasks.xml": [9, 3, 0, 0, {}, 0, {}, 1, 0, 0],
  "mpxj-mspdiresource.xml": [4, 1, 0, 0, { FS: 1 }, 0, {}, 6, 0, 0],
  "mpxj-mspdicostratetable.xml": [1, 1, 0, 0, {}, 0, {}, 4, 0, 0],
  "mpxj-mspdiavailability.xml": [1, 1, 0, 0, {}, 0, {}, 3, 0, 0],
  "mpxj-mspdiduration.xml": [11, 1, 0, 0, {}, 0, {}, 1, 0, 0],
  "mpxj-baselines.xml": [2, 1, 0, 0, {}, 0, {}, 3, 0, 1],
  "mpxj-legacy-sample.xml": [20, 4, 1, 0, { FF: 1, FS: 3, SF: 1, SS: 1 }, 2, { SNET: 4 }, 4, 0, 0],
  "aspose-NewProductDev.xml": [26, 5, 3, 0, { FS: 20, SS: 4 }, 0, {}, 1, 0, 0],
  "aspose-TestViews-tasklinks.xml": [13, 3, 0, 0, { FS: 3 }, 0, { FNET: 2 }, 6, 0, 10], // README counts UID 0 too (11)
  "aspose-not-updated.xml": [11, 1, 0, 5, { FS: 8 }, 1, {}, 1, 0, 0],
};

function count<T>(list: readonly T[], key: (x: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of list) {
    const k = key(x);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function load(name: string): ReturnType<typeof readMspdi> {
  return readMspdi(new Uint8Array(readFileSync(sharedData("mspdi", name))), { fileName: name });
}

describeWithSharedData(["mspdi"], "MSPDI oracle files (shared data)", () => {
  it("has a golden row for every file in the folder", () => {
    const files = readdirSync(sharedData("mspdi")).filter((f) => f.endsWith(".xml"));
    expect(files.sort()).toEqual(Object.keys(GOLDEN).sort());
  });

  for (const [name, [tasks, sums, ms, manual, links, lags, cons, cals, exc, bl]] of Object.entries(GOLDEN)) {
    it(`${name}: counts named in the README`, () => {
      const { project: p, warnings } = load(name);
      const nulls =
        warnings.find((w) => w.code === "NULL_TASK")?.count ??
        (warnings.some((w) => w.code === "NULL_TASK") ? 1 : 0);
      expect(p.tasks.length).toBe(tasks - 1 - nulls);
      const parents = new Set(p.tasks.map((t) => t.parentId).filter((x) => x !== undefined));
      expect(parents.size).toBe(sums - 1);
      if (tasks > 1) expect(p.tasks.filter((t) => t.milestone).length).toBe(ms);
      expect(p.tasks.filter((t) => t.manual).length).toBe(manual);
      expect(count(p.dependencies, (d) => d.type)).toEqual(links);
      expect(p.dependencies.filter((d) => d.lag.value !== 0).length).toBe(lags);
      expect(count(p.tasks, (t) => (t.constraint.type === "ASAP" ? undefined : t.constraint.type))).toEqual(
        cons,
      );
      expect(p.calendars.length).toBe(cals);
      expect(p.calendars.reduce((a, c) => a + c.exceptions.length, 0)).toBe(exc);
      expect(p.tasks.filter((t) => t.baselines.length > 0).length).toBe(bl);
    });
  }

  it("task-links-project2010: dates, lags and slack named in the README", () => {
    const p = load("task-links-project2010-mspdi.xml").project;
    const t = (id: string) => p.tasks.find((x) => x.id === id)!;
    const lag = (to: string) => p.dependencies.find((d) => d.to === to)!;
    expect(p.settings).toMatchObject({
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      startDate: "2014-10-17T08:00:00",
      currency: "GBP",
      defaultCalendarId: "1",
    });
    expect(t("2").reported).toMatchObject({ start: "2014-10-20T08:00:00", finish: "2014-10-20T17:00:00" });
    expect(lag("2")).toMatchObject({ from: "1", type: "FS", lag: { value: 0, unit: "days" } });
    expect(lag("4")).toMatchObject({ from: "3", type: "FS", lag: { value: 1, unit: "days" } });
    expect(t("4").reported).toMatchObject({ start: "2014-10-21T08:00:00" });
    expect(lag("8")).toMatchObject({ from: "7", lag: { value: 1, unit: "weeks" } });
    expect(t("8").reported?.start).toBe("2014-10-27T08:00:00");
    expect(lag("10").lag).toEqual({ value: 2, unit: "weeks" });
    expect(t("10").reported).toMatchObject({
      start: "2014-11-03T08:00:00",
      critical: true,
      totalSlackMinutes: 0,
    });
    expect(t("9").reported).toMatchObject({ critical: true, totalSlackMinutes: 0 });
    expect(lag("12")).toMatchObject({ from: "11", type: "SF", lag: { value: 2, unit: "days" } });
    expect(lag("14")).toMatchObject({ from: "13", type: "SS", lag: { value: 2, unit: "days" } });
    expect(lag("16")).toMatchObject({ from: "15", type: "FF", lag: { value: 2, unit: "days" } });
    for (const [id, ts] of [
      ["1", 4800],
      ["2", 4800],
      ["11", 4800],
      ["12", 4800],
      ["3", 4320],
      ["4", 4320],
      ["13", 4320],
      ["16", 4320],
      ["5", 3840],
      ["6", 3840],
      ["7", 2400],
      ["8", 2400],
    ] as const)
      expect(t(id).reported?.totalSlackMinutes).toBe(ts);
    expect(t("1").reported?.freeSlackMinutes).toBe(0);
    expect(t("2").reported?.freeSlackMinutes).toBe(4800);
    expect(t("2").constraint).toEqual({ type: "SNET", date: "2014-10-20T08:00:00" });
  });

  it("task-links-project2019: manual tasks keep MS Project's slack (SF/SS predecessors 11 d)", () => {
    const p = load("task-links-project2019-mspdi.xml").project;
    expect(p.tasks.find((t) => t.id === "11")!.reported?.totalSlackMinutes).toBe(5280);
    expect(p.tasks.find((t) => t.id === "13")!.reported?.totalSlackMinutes).toBe(5280);
  });

  it("calendar-recurring-exceptions: 27 recurrences whose expansion equals MS Project's own 138 periods", () => {
    const text = readFileSync(
      sharedData("mspdi", "calendar-recurring-exceptions-project2016-mspdi.xml"),
      "utf8",
    );
    const cal = load("calendar-recurring-exceptions-project2016-mspdi.xml").project.calendars[0]!;
    const byName = new Map(cal.exceptions.map((e) => [e.name, e]));
    expect(byName.get("Weekly 2 Tuesday")).toMatchObject({
      from: "2001-01-01",
      to: "2001-02-13",
      working: false,
      recurrence: { type: "weekly", interval: 2, occurrences: 4, daysOfWeek: ["tuesday"] },
    });
    expect(byName.get("Monthly Relative 1")?.recurrence).toEqual({
      type: "monthly",
      interval: 2,
      occurrences: 3,
      week: "first",
      dayOfWeek: "monday",
    });
    expect(byName.get("Yearly Absolute 1")?.recurrence).toEqual({
      type: "yearly",
      interval: 1,
      occurrences: 3,
      month: 2,
      day: 1,
    });
    expect(byName.get("Yearly Relative 3")?.recurrence).toEqual({
      type: "yearly",
      interval: 1,
      occurrences: 6,
      month: 5,
      week: "third",
      dayOfWeek: "thursday",
    });
    expect(byName.get("Daily 2")?.recurrence).toEqual({ type: "daily", interval: 3, occurrences: 4 });
    expect(byName.get("Recurring Working")).toMatchObject({
      working: true,
      times: [
        { from: "09:00", to: "13:00" },
        { from: "14:00", to: "17:00" },
      ],
    });
    // MS Project's expansion: the legacy WeekDay DayType 0 periods.
    const expected = new Set<number>();
    for (const m of text.matchAll(
      /<DayType>0<\/DayType>[\s\S]*?<FromDate>(\d{4}-\d{2}-\d{2})[\s\S]*?<ToDate>(\d{4}-\d{2}-\d{2})/g,
    ))
      for (let d = toEpochDay(m[1]!); d <= toEpochDay(m[2]!); d++) expected.add(d);
    const ours = new Set<number>();
    for (const e of cal.exceptions) {
      const from = toEpochDay(e.from);
      const to = toEpochDay(e.to);
      if (e.recurrence) for (const d of expandRecurrence(e.recurrence, from, to)) ours.add(d);
      else for (let d = from; d <= to; d++) ours.add(d);
    }
    expect(expected.size).toBeGreaterThan(100);
    expect([...ours].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });

  it("calendar-calendars: base and derived resource calendars", () => {
    const p = load("calendar-calendars-project2019-mspdi.xml").project;
    const derived = p.calendars.filter((c) => c.parentId !== undefined);
    expect(derived.length).toBeGreaterThan(0);
    for (const c of derived) expect(p.calendars.some((b) => b.id === c.parentId)).toBe(true);
    expect(
      p.resources.every((r) => r.calendarId === undefined || p.calendars.some((c) => c.id === r.calendarId)),
    ).toBe(true);
  });

  it("cost rate tables A-E, custom fields and baselines", () => {
    const rates = load("mpxj-mspdicostratetable.xml").project.resources.find(
      (r) => r.costRateTables.E !== undefined,
    )!;
    expect(rates.costRateTables.A?.[0]).toEqual({
      standardRate: { amount: "5", currency: "GBP" },
      overtimeRate: { amount: "10", currency: "GBP" },
      costPerUse: { amount: "15", currency: "GBP" },
    });
    expect(rates.costRateTables.B?.[0]?.standardRate.amount).toBe("20");
    const costs = load("task-costs-project2013-mspdi.xml").project;
    expect(costs.tasks.find((t) => t.name === "Cost2")!.customFields["Cost2"]).toBe("2");
    const flags = load("task-flags-project2013-mspdi.xml").project;
    expect(flags.tasks.find((t) => t.name === "Flag3")!.customFields["Flag3"]).toBe(true);
    const bl = load("task-baselines-project2013-mspdi.xml").project;
    expect(new Set(bl.tasks.flatMap((t) => t.baselines.map((b) => b.number)))).toEqual(
      new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
  });

  it("round trip MSPDI → model → MSPDI → model is lossless on every file", () => {
    for (const name of Object.keys(GOLDEN)) {
      const a = load(name).project;
      expect(roundTrip(a), name).toEqual(a);
    }
  });
});

describe("MSPDI calendar extensions (own fixture)", () => {
  it("writes a calendar's extensions.mspdi in MS Project's place and reads them back", () => {
    const p = sampleProject();
    const cal = {
      ...p.calendars[0]!,
      extensions: { mspdi: { GUID: "0A1B2C3D-0000-0000-0000-000000000001" } },
    };
    const q: Project = { ...p, calendars: [cal, ...p.calendars.slice(1)] };
    const xml = writeMspdi(q);
    expect(xml).toMatch(
      /<Calendar>\s*<UID>\d+<\/UID>\s*<GUID>0A1B2C3D-0000-0000-0000-000000000001<\/GUID>\s*<Name>/,
    );
    expect(roundTrip(q)).toEqual(q);
    expect(roundTrip(roundTrip(q))).toEqual(q);
    // keepUnmapped: false drops the field with a warning, as for tasks.
    const dropped = readMspdi(xml, { keepUnmapped: false });
    expect(dropped.project.calendars[0]!.extensions).toBeUndefined();
    expect(dropped.warnings).toContainEqual(
      expect.objectContaining({ code: "UNMAPPED_FIELD", element: "Calendar/GUID" }),
    );
  });

  it("keeps a baseline calendar's IsBaselineCalendar 1 through a round trip (0 stays implicit)", () => {
    const p = sampleProject();
    const xml = writeMspdi(p).replace(
      /<IsBaselineCalendar>0<\/IsBaselineCalendar>/,
      "<IsBaselineCalendar>1</IsBaselineCalendar>",
    );
    const a = readMspdi(xml).project;
    expect(a.calendars[0]!.extensions).toStrictEqual({ mspdi: { IsBaselineCalendar: "1" } });
    expect(a.calendars.slice(1).every((c) => c.extensions === undefined)).toBe(true);
    const again = writeMspdi(a);
    expect(again.match(/<IsBaselineCalendar>1<\/IsBaselineCalendar>/g)).toHaveLength(1);
    expect(roundTrip(a)).toEqual(a);
  });

  it("does not let extensions override what the model holds", () => {
    const p = sampleProject();
    const cal = { ...p.calendars[0]!, extensions: { mspdi: { Name: "stale", UID: "999" } } };
    const xml = writeMspdi({ ...p, calendars: [cal, ...p.calendars.slice(1)] });
    expect(xml).not.toContain("<Name>stale</Name>");
    expect(xml).not.toContain("<UID>999</UID>");
  });
});

describeWithSharedData(["mspdi"], "MSPDI calendar extensions (shared data)", () => {
  it("keeps Calendar/GUID in extensions.mspdi and writes it back after UID", () => {
    const name = "calendar-calendars-project2019-mspdi.xml";
    const { project, warnings } = load(name);
    const std = project.calendars.find((c) => c.id === "1")!;
    expect(std.extensions).toStrictEqual({ mspdi: { GUID: "16F4FFF7-D8D2-E811-AC3F-4CEDDE6E5B57" } });
    expect(project.calendars.find((c) => c.id === "3")!.extensions).toStrictEqual({
      mspdi: { GUID: "6525A46C-DAD2-E811-AC3F-4CEDDE6E5B57" },
    });
    expect(warnings.some((w) => w.element === "Calendar/GUID")).toBe(false);
    const xml = writeMspdi(project);
    expect(xml).toMatch(
      /<Calendar>\s*<UID>1<\/UID>\s*<GUID>16F4FFF7-D8D2-E811-AC3F-4CEDDE6E5B57<\/GUID>\s*<Name>Standard<\/Name>/,
    );
    expect(readMspdi(xml).project.calendars).toEqual(project.calendars);
    const strict = readMspdi(new Uint8Array(readFileSync(sharedData("mspdi", name))), {
      keepUnmapped: false,
    });
    expect(strict.project.calendars.every((c) => c.extensions === undefined)).toBe(true);
    expect(strict.warnings).toContainEqual(
      expect.objectContaining({ code: "UNMAPPED_FIELD", element: "Calendar/GUID" }),
    );
  });
});
