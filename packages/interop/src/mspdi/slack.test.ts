import { readFileSync } from "node:fs";
import type { Project, Task } from "@pmokit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { readMspdi } from "./read.js";
import { writeMspdi } from "./write.js";

/** A one-calendar MSPDI file whose tasks are the given `<Task>` bodies (UIDs 1..n). */
function mspdi(...tasks: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Name>slack</Name>
  <StartDate>2025-01-06T08:00:00</StartDate>
  <MinutesPerDay>480</MinutesPerDay>
  <MinutesPerWeek>2400</MinutesPerWeek>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar><UID>1</UID><Name>Std</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID></Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>slack</Name><OutlineLevel>0</OutlineLevel></Task>
${tasks
  .map(
    (body, i) =>
      `    <Task><UID>${i + 1}</UID><ID>${i + 1}</ID><Name>T${i + 1}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat>${body}</Task>`,
  )
  .join("\n")}
  </Tasks>
</Project>`;
}

/** All nine reported values MS Project writes for a scheduled task. */
const SCHEDULED =
  "<Start>2025-01-06T08:00:00</Start><Finish>2025-01-06T17:00:00</Finish><Critical>0</Critical>" +
  "<EarlyStart>2025-01-06T08:00:00</EarlyStart><EarlyFinish>2025-01-06T17:00:00</EarlyFinish>" +
  "<LateStart>2025-01-08T08:00:00</LateStart><LateFinish>2025-01-08T17:00:00</LateFinish>" +
  "<FreeSlack>4800</FreeSlack><TotalSlack>9600</TotalSlack>";

function read(xml: string): ReturnType<typeof readMspdi> {
  return readMspdi(new TextEncoder().encode(xml));
}

function task(p: Project, id: string): Task {
  const t = p.tasks.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no task ${id}`);
  return t;
}

function mspdiExt(t: Task): Record<string, unknown> {
  return (t.extensions?.["mspdi"] ?? {}) as Record<string, unknown>;
}

/** The text between `<Task><UID>uid</UID>` and its `</Task>` in written MSPDI. */
function taskXml(xml: string, uid: string): string {
  const at = xml.search(new RegExp(`<Task>\\s*<UID>${uid}</UID>`));
  expect(at).toBeGreaterThanOrEqual(0);
  return xml.slice(at, xml.indexOf("</Task>", at));
}

function count(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}

describe("MSPDI StartSlack / FinishSlack in reported", () => {
  const xml = mspdi(
    // Fast path plus both slacks.
    `${SCHEDULED}<StartSlack>9600</StartSlack><FinishSlack>4800</FinishSlack>`,
    // Property by property: negative and fractional values.
    "<TotalSlack>-4800</TotalSlack><StartSlack>-4800</StartSlack><FinishSlack>-25</FinishSlack>",
    // Fast path without the new fields.
    SCHEDULED,
    // Only start slack.
    "<StartSlack>0</StartSlack>",
  );

  it("reads them as minutes (tenths / 10) into reported, not into extensions", () => {
    const { project: p, warnings } = read(xml);
    expect(warnings.filter((w) => w.code === "INVALID_VALUE")).toEqual([]);
    expect(task(p, "1").reported).toEqual({
      start: "2025-01-06T08:00:00",
      finish: "2025-01-06T17:00:00",
      earlyStart: "2025-01-06T08:00:00",
      earlyFinish: "2025-01-06T17:00:00",
      lateStart: "2025-01-08T08:00:00",
      lateFinish: "2025-01-08T17:00:00",
      totalSlackMinutes: 960,
      freeSlackMinutes: 480,
      critical: false,
      startSlackMinutes: 960,
      finishSlackMinutes: 480,
    });
    expect(task(p, "2").reported).toEqual({
      totalSlackMinutes: -480,
      startSlackMinutes: -480,
      finishSlackMinutes: -2.5,
    });
    expect(task(p, "4").reported).toEqual({ startSlackMinutes: 0 });
    for (const t of p.tasks) {
      expect(mspdiExt(t)).not.toHaveProperty("StartSlack");
      expect(mspdiExt(t)).not.toHaveProperty("FinishSlack");
    }
  });

  it("files without them keep exactly the nine other reported values, in the same key order", () => {
    const r = task(read(xml).project, "3").reported!;
    expect(Object.keys(r)).toEqual([
      "start",
      "finish",
      "earlyStart",
      "earlyFinish",
      "lateStart",
      "lateFinish",
      "totalSlackMinutes",
      "freeSlackMinutes",
      "critical",
    ]);
    // The new fields come last when present.
    expect(Object.keys(task(read(xml).project, "1").reported!).slice(-2)).toEqual([
      "startSlackMinutes",
      "finishSlackMinutes",
    ]);
  });

  it("writes them after TotalSlack in schema order and reads back the same values", () => {
    const p = read(xml).project;
    const out = writeMspdi(p);
    const t1 = taskXml(out, "1");
    expect(t1).toContain("<StartSlack>9600</StartSlack>");
    expect(t1).toContain("<FinishSlack>4800</FinishSlack>");
    const order = ["<FreeSlack>", "<TotalSlack>", "<StartSlack>", "<FinishSlack>", "<PercentComplete>"].map(
      (e) => t1.indexOf(e),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(taskXml(out, "2")).toContain("<FinishSlack>-25</FinishSlack>");
    expect(count(taskXml(out, "3"), "<StartSlack>")).toBe(0);
    const back = read(out).project;
    for (const t of p.tasks) expect(task(back, t.id).reported).toEqual(t.reported);
  });

  it("an invalid StartSlack is reported like TotalSlack and kept nowhere", () => {
    const { project: p, warnings } = read(
      mspdi("<StartSlack>soon</StartSlack><FinishSlack>10</FinishSlack>"),
    );
    expect(warnings.some((w) => w.code === "INVALID_VALUE" && /StartSlack/.test(w.message))).toBe(true);
    expect(task(p, "1").reported).toEqual({ finishSlackMinutes: 1 });
    expect(mspdiExt(task(p, "1"))).not.toHaveProperty("StartSlack");
  });

  it("still writes StartSlack / FinishSlack an older model keeps in extensions.mspdi; reported wins, once", () => {
    const base = read(mspdi("", "")).project;
    const old: Project = {
      ...base,
      tasks: base.tasks.map((t) =>
        t.id === "1"
          ? { ...t, extensions: { mspdi: { StartSlack: "1200", FinishSlack: "600" } } }
          : {
              ...t,
              reported: { startSlackMinutes: 30 },
              extensions: { mspdi: { StartSlack: "1200", FinishSlack: "600" } },
            },
      ),
    };
    const out = writeMspdi(old);
    const t1 = taskXml(out, "1");
    const t2 = taskXml(out, "2");
    expect(t1).toContain("<StartSlack>1200</StartSlack>");
    expect(t1).toContain("<FinishSlack>600</FinishSlack>");
    expect(count(t2, "<StartSlack>")).toBe(1);
    expect(t2).toContain("<StartSlack>300</StartSlack>");
    expect(t2).toContain("<FinishSlack>600</FinishSlack>");
    const back = read(out).project;
    expect(task(back, "1").reported).toEqual({ startSlackMinutes: 120, finishSlackMinutes: 60 });
    expect(task(back, "2").reported).toEqual({ startSlackMinutes: 30, finishSlackMinutes: 60 });
    expect(mspdiExt(task(back, "2"))).not.toHaveProperty("StartSlack");
  });

  it("write → read keeps any slack in tenths of a minute (property)", () => {
    const base = read(mspdi("")).project;
    const tenths = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(fc.option(tenths, { nil: undefined }), fc.option(tenths, { nil: undefined }), (s, f) => {
        const reported: NonNullable<Task["reported"]> = {};
        if (s !== undefined) reported.startSlackMinutes = s / 10;
        if (f !== undefined) reported.finishSlackMinutes = f / 10;
        const p: Project = { ...base, tasks: base.tasks.map((t) => ({ ...t, reported })) };
        const back = task(read(writeMspdi(p)).project, "1");
        expect(back.reported ?? {}).toEqual(reported);
      }),
      { numRuns: 200 },
    );
  });
});

describeWithSharedData(
  ["mspdi", "task-links-project2019-mspdi.xml"],
  "StartSlack / FinishSlack (shared data)",
  () => {
    const name = "task-links-project2019-mspdi.xml";
    const text = (): string => readFileSync(sharedData("mspdi", name), "utf8");

    /** UID → [StartSlack, FinishSlack] in tenths, as written by MS Project. */
    function fromXml(xml: string): Map<string, [number, number]> {
      const out = new Map<string, [number, number]>();
      for (const m of xml.matchAll(/<Task>([\s\S]*?)<\/Task>/g)) {
        const body = m[1]!;
        const uid = /<UID>(-?\d+)<\/UID>/.exec(body)?.[1];
        const ss = /<StartSlack>([^<]*)<\/StartSlack>/.exec(body)?.[1];
        const fs = /<FinishSlack>([^<]*)<\/FinishSlack>/.exec(body)?.[1];
        if (uid !== undefined && uid !== "0" && ss !== undefined && fs !== undefined)
          out.set(uid, [Number(ss), Number(fs)]);
      }
      return out;
    }

    it("MS Project's values land in reported, none in extensions, and survive write → read", () => {
      const xml = text();
      const expected = fromXml(xml);
      expect(expected.size).toBeGreaterThan(10);
      const p = readMspdi(new Uint8Array(readFileSync(sharedData("mspdi", name))), {
        fileName: name,
      }).project;
      for (const [uid, [ss, fs]] of expected) {
        const t = task(p, uid);
        expect(t.reported?.startSlackMinutes).toBe(ss / 10);
        expect(t.reported?.finishSlackMinutes).toBe(fs / 10);
      }
      // Task 2 of the file: <StartSlack>48000</StartSlack>, <FinishSlack>48000</FinishSlack> (10 days).
      expect(task(p, "2").reported).toMatchObject({ startSlackMinutes: 4800, finishSlackMinutes: 4800 });
      for (const t of p.tasks) {
        expect(mspdiExt(t)).not.toHaveProperty("StartSlack");
        expect(mspdiExt(t)).not.toHaveProperty("FinishSlack");
      }
      const out = writeMspdi(p);
      const back = read(out).project;
      for (const t of p.tasks) expect(task(back, t.id).reported).toEqual(t.reported);
      expect(fromXml(out)).toEqual(expected);
    });
  },
);
