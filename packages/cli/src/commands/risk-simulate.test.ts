import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-risk-"));
function file(name: string, value: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof value === "string" ? value : JSON.stringify(value));
  return p;
}
const model = {
  activities: [
    { id: "A", duration: { dist: "triangular", min: 8, mode: 10, max: 15 } },
    {
      id: "B",
      duration: { dist: "pert", min: 5, mode: 9, max: 20 },
      predecessors: [{ id: "A", type: "FS", lag: 0 }],
    },
    { id: "C", duration: { dist: "trigen", p10: 4, mode: 6, p90: 10 }, predecessors: [{ id: "A" }] },
    { id: "D", duration: 2, predecessors: [{ id: "B" }, { id: "C" }] },
  ],
  risks: [
    {
      id: "R1",
      probability: 0.3,
      impact: { dist: "triangular", min: 2, mode: 4, max: 9 },
      mode: "add",
      activities: ["B", "C"],
    },
  ],
  correlations: [{ a: "B", b: "C", rho: 0.5 }],
};

describe("pmokit risk simulate", () => {
  it("prints the contract JSON, reproducibly", async () => {
    const f = file("model.json", model);
    const r = await runCli("risk", "simulate", f, "--iterations", "2000", "--seed", "7", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.iterations).toBe(2000);
    expect(out.seed).toBe(7);
    expect(Object.keys(out.finish)).toEqual(["mean", "sd", "p10", "p50", "p80", "p90", "min", "max"]);
    expect(out.finish.p10).toBeLessThanOrEqual(out.finish.p50);
    expect(out.finish.p80).toBeLessThanOrEqual(out.finish.p90);
    expect(out.activities.map((a: { id: string }) => a.id)).toEqual(["A", "B", "C", "D"]);
    for (const a of out.activities) {
      expect(a.criticality).toBeGreaterThanOrEqual(0);
      expect(a.criticality).toBeLessThanOrEqual(1);
      expect(a).toHaveProperty("cruciality");
      expect(a).toHaveProperty("sensitivity");
    }
    expect(out.activities[0].criticality).toBe(1);
    expect(out.risks[0]).toMatchObject({ id: "R1" });
    expect(out.risks[0].occurrences).toBeGreaterThan(450);
    expect(out.risks[0].meanImpactDays).toBeGreaterThan(0);
    const again = await runCli("risk", "simulate", f, "--iterations", "2000", "--seed", "7", "--json");
    expect(again.stdout).toBe(r.stdout);
  });
  it("prints a table without --json", async () => {
    const r = await runCli("risk", "simulate", file("m2.json", model), "--iterations", "500");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("P80");
    expect(r.stdout).toContain("R1");
  });
  it.each([
    [
      "probability outside [0, 1]",
      { ...model, risks: [{ ...model.risks[0], probability: 1.5 }] },
      /risks\[0\]\.probability/,
    ],
    [
      "min > mode",
      { activities: [{ id: "A", duration: { dist: "triangular", min: 9, mode: 5, max: 10 } }] },
      /activities\[0\]\.duration\.min: expected min <= mode/,
    ],
    [
      "unknown activity id",
      { activities: [{ id: "A", duration: 1, predecessors: [{ id: "Z" }] }] },
      /unknown activity id 'Z'/,
    ],
    [
      "unknown risk activity",
      { ...model, risks: [{ ...model.risks[0], activities: ["Q"] }] },
      /risks\[0\]\.activities\[0\]: unknown activity id 'Q'/,
    ],
    ["schema violation", { activities: [{ id: "A" }] }, /activities\[0\]\.duration/],
  ])("bad input (%s) exits 2 with one line naming file and path", async (_name, bad, re) => {
    const f = file(`bad-${Math.random()}.json`, bad);
    const r = await runCli("risk", "simulate", f, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(re);
  });
  it("a logic cycle exits 1", async () => {
    const f = file("cycle.json", {
      activities: [
        { id: "A", duration: 1, predecessors: [{ id: "B" }] },
        { id: "B", duration: 1, predecessors: [{ id: "A" }] },
      ],
    });
    const r = await runCli("risk", "simulate", f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cycle/);
  });
  it("a non-PSD correlation matrix is repaired with a warning, or rejected with --strict-correlation", async () => {
    const m = {
      activities: ["A", "B", "C"].map((id) => ({ id, duration: { dist: "uniform", min: 0, max: 1 } })),
      correlations: [
        { a: "A", b: "B", rho: 0.9 },
        { a: "A", b: "C", rho: 0.9 },
        { a: "B", b: "C", rho: -0.9 },
      ],
    };
    const f = file("psd.json", m);
    const r = await runCli("risk", "simulate", f, "--iterations", "1000", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning.*positive semi-definite/);
    expect(JSON.parse(r.stdout).warnings[0].code).toBe("CORRELATION_REPAIRED");
    const s = await runCli("risk", "simulate", f, "--strict-correlation");
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/correlations: the correlation matrix is not positive semi-definite/);
  });
  it("rejects a bad --iterations", async () => {
    const r = await runCli("risk", "simulate", file("m3.json", model), "--iterations", "abc");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--iterations");
  });
});
