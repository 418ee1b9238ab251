import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-convert-"));
const PROJECT = {
  id: "p1",
  name: "Tiny",
  settings: { currency: "USD", defaultCalendarId: "std", startDate: "2025-03-03T08:00:00" },
  calendars: [{ id: "std", name: "Standard", weekDays: { monday: { working: true } } }],
  tasks: [
    { id: "A", name: "Design", duration: { value: 2, unit: "days" } },
    { id: "B", name: "Build", duration: { value: 3, unit: "days" } },
  ],
  dependencies: [{ from: "A", to: "B", lag: { value: 1, unit: "elapsedDays" } }],
};

describe("pmokit convert", () => {
  it("converts own JSON → MSPDI → JSON and CSV", async () => {
    const json = join(dir, "tiny.json");
    writeFileSync(json, JSON.stringify(PROJECT));
    const xml = join(dir, "tiny.xml");
    const r1 = await runCli("convert", json, xml);
    expect(r1.code).toBe(0);
    expect(readFileSync(xml, "utf8")).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    const back = join(dir, "back.json");
    expect((await runCli("convert", xml, back)).code).toBe(0);
    const p = JSON.parse(readFileSync(back, "utf8")) as {
      tasks: { name: string }[];
      dependencies: { lag: unknown }[];
    };
    expect(p.tasks.map((t) => t.name)).toEqual(["Design", "Build"]);
    expect(p.dependencies[0]!.lag).toEqual({ value: 1, unit: "elapsedDays" });
    const csv = await runCli("convert", xml, "-", "--to", "csv", "--table", "dependencies");
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n")[1]).toBe("1,2,FS,1ed"); // MSPDI UIDs are integers: non-numeric ids are renumbered;
  });

  it("exits 2 with one line on an unknown output extension or an unreadable input", async () => {
    const r = await runCli("convert", join(dir, "missing.xml"), join(dir, "out.xml"));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("missing.xml");
    const json = join(dir, "tiny2.json");
    writeFileSync(json, JSON.stringify(PROJECT));
    const r2 = await runCli("convert", json, join(dir, "out.pdf"));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("out.pdf");
  });
});

describeWithSharedData(["xer"], "pmokit convert on shared files", () => {
  it("XER with two projects → portfolio JSON, or one project with --project", async () => {
    const xer = sharedData("xer", "aspose-MultiprojectWithExternal.xer");
    const out = join(dir, "multi.json");
    const r = await runCli("convert", xer, out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      from: "xer",
      to: "json",
      projects: ["TestProject", "TestProject2"],
    });
    expect((JSON.parse(readFileSync(out, "utf8")) as { projects: unknown[] }).projects).toHaveLength(2);
    const bad = await runCli("convert", xer, join(dir, "one.xml"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--project");
    expect((await runCli("convert", xer, join(dir, "one.xml"), "--project", "TestProject2")).code).toBe(0);
    expect((await runCli("validate", join(dir, "one.xml"))).code).toBe(0);
  });
});
