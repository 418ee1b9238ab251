import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePsplibSm, validateRcpspSchedule } from "@pmokit/leveling";
import { hasSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";

const TINY = `jobs (incl. supersource/sink ):  5
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          3           2   3   4
   2        1          1           5
   3        1          1           5
   4        1          1           5
   5        1          0
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     2       2
  4      1     2       1
  5      1     0       0
RESOURCEAVAILABILITIES:
  R 1
    3
`;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "pmokit-rcpsp-"));
}

describe("pmokit rcpsp", () => {
  it("solves a file and prints the contract's JSON", async () => {
    const dir = tmp();
    const file = join(dir, "tiny.sm");
    writeFileSync(file, TINY);
    const r = await runCli("rcpsp", file, "--json", "--schedules", "200", "--seed", "3");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      results: { file: string; makespan: number; starts: number[]; schedules: number; ms: number }[];
    };
    expect(doc.results).toHaveLength(1);
    const res = doc.results[0]!;
    expect(res.file).toBe(file);
    expect(res.starts).toHaveLength(5);
    expect(res.schedules).toBeLessThanOrEqual(200);
    expect(typeof res.ms).toBe("number");
    const v = validateRcpspSchedule(parsePsplibSm(TINY).problem, res.starts);
    expect(v.feasible).toBe(true);
    expect(res.makespan).toBe(v.makespan);
    // Jobs 2 and 3 (2 units each, capacity 3) cannot overlap: optimum 5.
    expect(res.makespan).toBe(5);
  });

  it("solves every .sm file of a folder in natural order, and is deterministic", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "set"));
    for (const name of ["a10.sm", "a2.sm"]) writeFileSync(join(dir, "set", name), TINY);
    writeFileSync(join(dir, "set", "notes.txt"), "ignored");
    const a = await runCli("rcpsp", join(dir, "set"), "--json", "--schedules", "50");
    const b = await runCli("rcpsp", join(dir, "set"), "--json", "--schedules", "50");
    expect(a.code).toBe(0);
    const files = (JSON.parse(a.stdout) as { results: { file: string }[] }).results.map((x) => x.file);
    expect(files).toEqual([join(dir, "set", "a2.sm"), join(dir, "set", "a10.sm")]);
    const strip = (s: string) => s.replace(/"ms": [\d.e+-]+/g, '"ms": 0');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it("prints a table without --json", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "t.sm"), TINY);
    const r = await runCli("rcpsp", join(dir, "t.sm"), "--schedules", "10");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/makespan/);
    expect(r.stdout).toMatch(/t\.sm\s+5\s/);
  });

  it("exits 2 with file and line for a malformed file", async () => {
    const dir = tmp();
    const file = join(dir, "bad.sm");
    writeFileSync(
      file,
      TINY.replace("   3        1          1           5", "   3        1          1           x"),
    );
    const r = await runCli("rcpsp", file, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${file}:9:`);
  });

  it("exits 2 for a missing file or a bad option", async () => {
    expect((await runCli("rcpsp", "/no/such/file.sm")).code).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, "t.sm"), TINY);
    const r = await runCli("rcpsp", join(dir, "t.sm"), "--schedules", "many");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--schedules");
    expect((await runCli("rcpsp", join(dir, "t.sm"), "--time-limit", "0")).code).toBe(2);
  });

  it.skipIf(!hasSharedData("psplib", "j30", "j301_1.sm"))("solves a PSPLIB j30 instance", async () => {
    const file = sharedData("psplib", "j30", "j301_1.sm");
    const r = await runCli("rcpsp", file, "--json", "--schedules", "1000");
    expect(r.code).toBe(0);
    const res = (JSON.parse(r.stdout) as { results: { makespan: number; starts: number[] }[] }).results[0]!;
    expect(res.starts).toHaveLength(32);
    expect(res.starts[0]).toBe(0);
  });
});
