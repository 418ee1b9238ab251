import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { standardCalendar } from "@pmokit/core";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-level-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (value: number) => ({ value, unit: "days" });
const settings = { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" };

function write(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const project = {
  id: "p",
  name: "P",
  settings,
  calendars: [standardCalendar("standard")],
  tasks: [
    { id: "A", name: "Design", duration: day(2) },
    { id: "B", name: "Build", duration: day(1) },
    { id: "C", name: "Pinned", duration: day(1), priority: 1000 },
    { id: "D", name: "Pinned too", duration: day(1), priority: 1000 },
  ],
  resources: [
    { id: "R", name: "Ann" },
    { id: "S", name: "Bob" },
  ],
  assignments: [
    { id: "a1", taskId: "A", resourceId: "R" },
    { id: "a2", taskId: "B", resourceId: "R" },
    { id: "a3", taskId: "C", resourceId: "S" },
    { id: "a4", taskId: "D", resourceId: "S" },
  ],
};

interface Out {
  finish: string;
  tasks: { id: string; start: string; finish: string; levelingDelayMinutes: number; explanation?: string }[];
  remainingOverallocations: {
    resourceId: string;
    from: string;
    to: string;
    peakUnits: number;
    maxUnits: number;
  }[];
  unresolved: { taskId: string; reason: string }[];
  projects?: { projectId: string; preLevelingFinish: string; finish: string }[];
  optimization?: { finishGainMinutes: number; standardFinish: string };
}

describe("pmokit level", () => {
  it("levels a JSON project and prints the contract's JSON", async () => {
    const r = await runCli("level", write("p.json", project), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const b = out.tasks.find((t) => t.id === "B")!;
    expect(b).toMatchObject({
      start: "2026-01-07T08:00:00",
      finish: "2026-01-07T17:00:00",
      levelingDelayMinutes: 960,
    });
    expect(b.explanation).toMatch(/busy with A/);
    expect(out.finish).toBe("2026-01-07T17:00:00");
    expect(out.remainingOverallocations).toEqual([
      expect.objectContaining({
        resourceId: "S",
        from: "2026-01-05T00:00:00",
        to: "2026-01-06T00:00:00",
        peakUnits: 2,
        maxUnits: 1,
      }),
    ]);
    expect(out.unresolved).toContainEqual(expect.objectContaining({ taskId: "D", reason: "doNotLevel" }));
  });

  it("--splits interrupts a task around a priority-1000 task and lists its parts", async () => {
    const split = {
      id: "s",
      name: "S",
      settings,
      calendars: [standardCalendar("standard")],
      tasks: [
        { id: "B", name: "Build", duration: day(3) },
        {
          id: "X",
          name: "Audit",
          duration: day(1),
          priority: 1000,
          constraint: { type: "SNET", date: "2026-01-06T08:00:00" },
        },
      ],
      resources: [{ id: "R", name: "Ann" }],
      assignments: [
        { id: "b", taskId: "B", resourceId: "R" },
        { id: "x", taskId: "X", resourceId: "R" },
      ],
    };
    const file = write("split.json", split);
    const on = await runCli("level", file, "--splits", "--json");
    expect(on.code).toBe(0);
    const b = (
      JSON.parse(on.stdout) as { tasks: { id: string; finish: string; parts?: unknown }[] }
    ).tasks.find((t) => t.id === "B")!;
    // Monday, then X's Tuesday, then Wednesday and Thursday.
    expect(b.parts).toEqual([
      { start: "2026-01-05T08:00:00", finish: "2026-01-05T17:00:00" },
      { start: "2026-01-07T08:00:00", finish: "2026-01-08T17:00:00" },
    ]);
    expect(b.finish).toBe("2026-01-08T17:00:00");
    const off = await runCli("level", file, "--json");
    const b2 = (
      JSON.parse(off.stdout) as { tasks: { id: string; finish: string; parts?: unknown }[] }
    ).tasks.find((t) => t.id === "B")!;
    expect(b2.parts).toBeUndefined();
    expect(b2.finish).toBe("2026-01-09T17:00:00");
  });

  it("prints a table by default and honours options", async () => {
    const file = write("p2.json", project);
    const r = await runCli(
      "level",
      file,
      "--within-slack",
      "--order",
      "priority-standard",
      "--basis",
      "week",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Finish: 2026-01-06T17:00 before leveling/);
    const o = await runCli("level", file, "--optimize", "--schedules", "20", "--json");
    expect(o.code).toBe(0);
    const out = JSON.parse(o.stdout) as Out;
    expect(out.optimization?.standardFinish).toBe("2026-01-07T17:00:00");
    expect(out.finish <= out.optimization!.standardFinish).toBe(true);
  });

  it("levels a portfolio as several projects sharing one pool", async () => {
    const portfolio = {
      id: "pf",
      name: "PF",
      currency: "EUR",
      calendars: [standardCalendar("standard")],
      sharedResources: [{ id: "R", name: "Ann" }],
      projects: ["HIGH", "LOW"].map((id) => ({
        id,
        name: id,
        priority: id === "HIGH" ? 900 : 100,
        settings,
        tasks: [{ id: "1", name: "T", duration: day(1), priority: id === "HIGH" ? 100 : 900 }],
        assignments: [{ id: "a", taskId: "1", resourceId: "R" }],
      })),
    };
    const r = await runCli("level", write("pf.json", portfolio), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.tasks.find((t) => t.id === "LOW/1")!.start).toBe("2026-01-06T08:00:00");
    expect(out.projects).toEqual([
      expect.objectContaining({ projectId: "HIGH", finish: "2026-01-05T17:00:00" }),
      expect.objectContaining({ projectId: "LOW", finish: "2026-01-06T17:00:00" }),
    ]);
  });

  it("exits 2 on bad input and bad options, with one line on stderr", async () => {
    const missing = await runCli("level", join(dir, "nope.json"), "--json");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    const bad = await runCli("level", write("p3.json", project), "--from", "tomorrow");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from/);
    const cyc = await runCli(
      "level",
      write("cyc.json", {
        ...project,
        dependencies: [
          { from: "A", to: "B" },
          { from: "B", to: "A" },
        ],
      }),
    );
    expect(cyc.code).toBe(1);
  });
});
