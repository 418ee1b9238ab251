import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-portfolio-cli-"));
function file(name: string, data: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof data === "string" ? data : JSON.stringify(data));
  return p;
}

const drinks = {
  labels: ["coffee", "wine", "tea", "beer", "soda", "milk", "water"],
  matrix: [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
  ],
};

describe("pmokit ahp", () => {
  it("prints the contract JSON (eigenvector, named RI table)", async () => {
    const r = await runCli("ahp", file("drinks.json", drinks), "--ri", "saaty", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(["weights", "lambdaMax", "ci", "cr", "riTable", "method"]),
    );
    expect(out["riTable"]).toBe("saaty2005");
    expect(out["method"]).toBe("eigenvector");
    expect((out["weights"] as number[])[6]).toBeCloseTo(0.327, 3);
    expect(out["cr"] as number).toBeCloseTo(0.022, 3);
  });

  it("supports geometric mean, missing judgments and human output", async () => {
    const g = await runCli("ahp", file("drinks2.json", drinks), "--method", "geometric", "--json");
    expect(JSON.parse(g.stdout).method).toBe("geometric");
    const inc = file("inc.json", {
      matrix: [
        [1, 1, 5, 2],
        [1, 1, 3, 4],
        [0.2, 1 / 3, 1, null],
        [0.5, 0.25, null, 1],
      ],
    });
    const h = await runCli("ahp", inc);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("completed 3 over 4");
    expect(h.stdout).toContain("λmax");
  });

  it("exits 2 with one line naming file and cell for a non-reciprocal matrix", async () => {
    const f = file("bad.json", {
      matrix: [
        [1, 3],
        [3, 1],
      ],
    });
    const r = await runCli("ahp", f, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toContain("matrix[1][0]");
    const neg = await runCli(
      "ahp",
      file("neg.json", {
        matrix: [
          [1, -3],
          [-1 / 3, 1],
        ],
      }),
    );
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain("matrix[0][1]");
    const ri = await runCli("ahp", f, "--ri", "bogus");
    expect(ri.code).toBe(2);
  });
});

const topsis = {
  alternatives: ["A1", "A2", "A3"],
  criteria: [
    { id: "f1", weight: 0.5, direction: "min" },
    { id: "f2", weight: 0.5, direction: "max" },
  ],
  matrix: [
    [1, 3000],
    [2, 3750],
    [5, 4500],
  ],
};

describe("pmokit rank", () => {
  it("TOPSIS with min-max and vector normalisation", async () => {
    const f = file("topsis.json", topsis);
    const m = JSON.parse(
      (await runCli("rank", f, "--method", "topsis", "--normalization", "minmax", "--json")).stdout,
    );
    expect(m.scores.map((s: { score: number }) => Number(s.score.toFixed(3)))).toEqual([0.5, 0.617, 0.5]);
    expect(m.ranking[0]).toBe("A2");
    const v = JSON.parse(
      (await runCli("rank", f, "--method", "topsis", "--normalization", "vector", "--json")).stdout,
    );
    expect(v.ranking).toEqual(["A1", "A2", "A3"]);
  });

  it("PROMETHEE II and WSM; human table", async () => {
    const f = file("p2.json", {
      ...topsis,
      criteria: [
        { id: "f1", weight: 1, direction: "min", preference: { type: "linear", q: 0.5, p: 3 } },
        { id: "f2", weight: 1, direction: "max", preference: { type: "gaussian", s: 500 } },
      ],
    });
    const p = await runCli("rank", f, "--method", "promethee2", "--json");
    expect(p.code).toBe(0);
    const out = JSON.parse(p.stdout);
    expect(out.scores.reduce((s: number, x: { score: number }) => s + x.score, 0)).toBeCloseTo(0, 12);
    const w = await runCli("rank", f, "--method", "wsm");
    expect(w.code).toBe(0);
    expect(w.stdout).toContain("wsm");
  });

  it("exits 2 on a missing method or bad matrix", async () => {
    expect((await runCli("rank", file("t.json", topsis))).code).toBe(2);
    const bad = await runCli(
      "rank",
      file("bad-rank.json", { ...topsis, matrix: [[1, 2], [3], [4, 5]] }),
      "--method",
      "wsm",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("matrix[1]");
  });
});

describe("pmokit select", () => {
  const problem = {
    projects: [
      { id: "A", value: 10, costs: { budget: 6 } },
      { id: "B", value: 7, costs: { budget: 4 } },
      { id: "C", value: 6, costs: { budget: 4 }, force: "in" },
      { id: "D", value: 9, costs: { budget: 1 }, force: "out" },
    ],
    limits: { budget: 8 },
    relations: [{ type: "requires", a: "B", b: "C" }],
  };

  it("prints the contract JSON", async () => {
    const r = await runCli("select", file("sel.json", problem), "--json", "--time-limit", "10");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.selected).toEqual(["B", "C"]);
    expect(out.objective).toBe(13);
    expect(out.optimal).toBe(true);
    expect(out.usage).toEqual({ budget: 8 });
  });

  it("accepts Money and decimal-string costs and prints exact totals", async () => {
    const eur = (amount: string) => ({ amount, currency: "EUR" });
    const money = {
      projects: [
        { id: "A", value: 10, costs: { capex: eur("1250.50") } },
        { id: "B", value: 7, costs: { capex: eur("800.25") } },
        { id: "C", value: 6, costs: { capex: "799.75" } },
      ],
      limits: { capex: eur("2050.75") },
    };
    const r = await runCli("select", file("money.json", money), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.selected).toEqual(["A", "B"]);
    expect(out.usage).toEqual({ capex: 2050.75 });
    expect(out.totals.capex).toEqual({
      used: "2050.75",
      limit: "2050.75",
      remaining: "0.00",
      currency: "EUR",
      exact: true,
    });
    const h = await runCli("select", file("money2.json", money));
    expect(h.stdout).toContain("capex: 2050.75 of 2050.75 EUR");
    const bad = await runCli(
      "select",
      file("money3.json", { ...money, limits: { capex: { amount: "1,5", currency: "EUR" } } }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("limits.capex");
  });

  it("reads stdin-free human output", async () => {
    const r = await runCli("select", file("sel2.json", problem));
    expect(r.stdout).toContain("proven optimal");
  });

  it("exits 1 naming the conflicting forced projects", async () => {
    const f = file("inf.json", {
      projects: [
        { id: "A", value: 1, costs: { budget: 6 }, force: "in" },
        { id: "B", value: 1, costs: { budget: 6 }, force: "in" },
      ],
      limits: { budget: 10 },
      relations: [],
    });
    const r = await runCli("select", f, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("A, B");
    expect(r.stderr).toContain("budget");
  });

  it("exits 2 on unknown ids and negative costs", async () => {
    const u = await runCli(
      "select",
      file("unk.json", { ...problem, relations: [{ type: "requires", a: "A", b: "Z" }] }),
    );
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("relations[0].b");
    const n = await runCli(
      "select",
      file("negc.json", { projects: [{ id: "A", value: 1, costs: { budget: -5 } }], limits: { budget: 1 } }),
    );
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("projects[0].costs.budget");
    const t = await runCli("select", file("sel3.json", problem), "--time-limit", "0");
    expect(t.code).toBe(2);
  });
});
