import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pmoMaturityModelData } from "@pmokit/maturity";
import { runCli } from "../testing/run.js";

const sample = fileURLToPath(
  new URL("../../../../examples/sample-portfolio/maturity-responses.json", import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), "pmokit-maturity-"));
const write = (name: string, data: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === "string" ? data : JSON.stringify(data));
  return p;
};

describe("pmokit maturity models", () => {
  it("lists the built-in models and structures", async () => {
    const r = await runCli("maturity", "models");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pmokit\.pmo-maturity/);
    expect(r.stdout).toMatch(/pmokit\.pmo-type/);
    expect(r.stdout).toMatch(/structure\.p3m3-like/);
  });
  it("--json prints one document", async () => {
    const r = await runCli("maturity", "models", "--json");
    const doc = JSON.parse(r.stdout) as { models: { id: string; questions: number }[] };
    expect(doc.models.find((m) => m.id === "pmokit.pmo-maturity")!.questions).toBeGreaterThanOrEqual(60);
  });
});

describe("pmokit maturity assess", () => {
  it("prints a readable report for the sample organisation", async () => {
    const r = await runCli("maturity", "assess", "pmo-maturity", sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overall level: 2 Developing/);
    expect(r.stdout).toMatch(/decimal level: \d\.\d\d/);
    expect(r.stdout).toMatch(/What blocks the next level/);
    expect(r.stdout).toMatch(/Gaps against target/);
    expect(r.stdout).toMatch(/Top 10 recommendations/);
    expect(r.stdout).toMatch(/Krippendorff's alpha ordinal 0\.\d\d/);
  });
  it("--json has the staged level, decimal scores, coverage and radar data", async () => {
    const r = await runCli(
      "maturity",
      "assess",
      "pmokit.pmo-maturity",
      sample,
      "--json",
      "--aggregation",
      "mean",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      aggregation: string;
      overall: { levelOrdinal: number; decimalLevel: number; coverage: number };
      dimensions: unknown[];
      recommendations: { blocking: boolean }[];
      radar: { axes: unknown[] };
    };
    expect(doc.aggregation).toBe("mean");
    expect(doc.overall.levelOrdinal).toBe(2);
    expect(doc.overall.decimalLevel).toBeGreaterThan(2);
    expect(doc.dimensions).toHaveLength(8);
    expect(doc.radar.axes).toHaveLength(8);
    expect(doc.recommendations[0]!.blocking).toBe(true);
  });
  it("accepts a model file and a typology model", async () => {
    const model = write("model.json", pmoMaturityModelData);
    expect((await runCli("maturity", "assess", model, sample)).code).toBe(0);
    const resp = write("type.json", {
      modelId: "pmokit.pmo-type",
      respondents: [
        { id: "a", answers: { "t-relation": "require", "t-stop": "gate", "t-method": "mandatory" } },
      ],
    });
    const t = await runCli("maturity", "assess", "pmo-type", resp);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Type: controlling/);
  });
  it("bad input: answer outside the scale → exit 2 with file and JSON path", async () => {
    const resp = write("bad.json", {
      modelId: "pmokit.pmo-maturity",
      respondents: [{ id: "a", answers: { "std-1": "excellent" } }],
    });
    const r = await runCli("maturity", "assess", "pmo-maturity", resp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: respondents\[0\]\.answers\.std-1: 'excellent' is not on the scale/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
  it("bad input: unknown question id, unknown model, invalid model, invalid JSON", async () => {
    const resp = write("unknown.json", {
      modelId: "pmokit.pmo-maturity",
      respondents: [{ id: "a", answers: { "zz-1": "full" } }],
    });
    const r = await runCli("maturity", "assess", "pmo-maturity", resp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown question 'zz-1'/);
    const u = await runCli("maturity", "assess", "no-such-model", resp);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown model 'no-such-model'/);
    const bad = JSON.parse(JSON.stringify(pmoMaturityModelData)) as { levels: { ordinal: number }[] };
    bad.levels[4]!.ordinal = 9;
    const m = await runCli("maturity", "assess", write("badmodel.json", bad), sample);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/badmodel\.json: levels: level ordinals must be unique contiguous integers/);
    const j = await runCli("maturity", "assess", "pmo-maturity", write("broken.json", "{ nope"));
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/broken\.json:1:\d+: invalid JSON/);
  });
});
