import { describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

describe("pmokit schema", () => {
  it("prints the project JSON Schema as one JSON document", async () => {
    const r = await runCli("schema", "project");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { type: string; properties: Record<string, unknown> };
    expect(s.type).toBe("object");
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(["id", "tasks", "dependencies", "calendars"]),
    );
  });
  it("lists names from every package", async () => {
    const r = await runCli("schema", "--list", "--json");
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as { schemas: { name: string }[] }).schemas.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["project", "portfolio", "ahp", "select", "maturity-model"]),
    );
    for (const n of names) {
      const one = await runCli("schema", n);
      expect(one.code, n).toBe(0);
      expect(typeof JSON.parse(one.stdout)).toBe("object");
    }
  });
  it("rejects an unknown name with exit 2 and one line", async () => {
    const r = await runCli("schema", "nope");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("unknown schema 'nope'");
  });
});
