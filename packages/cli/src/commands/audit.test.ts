import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Project, Task } from "@pmokit/core";
import { readProjectFile } from "@pmokit/interop";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";

interface Check {
  id: string;
  count: number;
  total: number;
  percent: number | null;
  threshold: number;
  pass: boolean | null;
  items: string[];
}

/** Independent counts straight from the parsed model (DCMA defaults written out with simple code). */
function independentCounts(p: Project) {
  const parents = new Set(p.tasks.map((t) => t.parentId).filter((x) => x !== undefined));
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  const ancestorsAndSelf = (t: Task): string[] => {
    const out = [t.id];
    let cur = t.parentId;
    while (cur !== undefined) {
      out.push(cur);
      cur = byId.get(cur)?.parentId;
    }
    return out;
  };
  const links = p.dependencies.filter((d) => byId.has(d.from) && byId.has(d.to));
  const preds = new Set(links.map((d) => d.to));
  const succs = new Set(links.map((d) => d.from));
  const done = (t: Task) => t.actualFinish !== undefined || t.percentComplete >= 100;
  const milestone = (t: Task) =>
    t.milestone ||
    t.duration.value === 0 ||
    t.activityType === "startMilestone" ||
    t.activityType === "finishMilestone";
  const incomplete = p.tasks.filter(
    (t) =>
      !parents.has(t.id) &&
      !t.inactive &&
      t.activityType !== "wbsSummary" &&
      t.activityType !== "levelOfEffort" &&
      !done(t) &&
      !milestone(t),
  );
  let missingLogic = 0;
  for (const t of incomplete) {
    const a = ancestorsAndSelf(t);
    if (!a.some((id) => preds.has(id)) || !a.some((id) => succs.has(id))) missingLogic++;
  }
  const rel = links.filter((d) => !done(byId.get(d.to)!));
  return {
    incomplete: incomplete.length,
    missingLogic,
    relationships: rel.length,
    leads: rel.filter((d) => d.lag.value < 0).length,
    lags: rel.filter((d) => d.lag.value > 0).length,
    fs: rel.filter((d) => d.type === "FS").length,
  };
}

function tmpFile(name: string, value: unknown): string {
  const f = join(mkdtempSync(join(tmpdir(), "pmokit-audit-")), name);
  writeFileSync(f, JSON.stringify(value));
  return f;
}

describe("pmokit audit", () => {
  it("audits an own JSON project and prints the contract's JSON", async () => {
    const project = {
      id: "P",
      name: "P",
      settings: { currency: "USD", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
      calendars: [{ id: "standard", name: "Standard" }],
      tasks: [
        { id: "A", name: "A", duration: { value: 2, unit: "days" } },
        { id: "B", name: "B", duration: { value: 3, unit: "days" } },
        { id: "C", name: "C", duration: { value: 1, unit: "days" } },
      ],
      dependencies: [
        { from: "A", to: "B", lag: { value: -1, unit: "days" } },
        { from: "B", to: "C", type: "SS" },
      ],
    };
    const r = await runCli("audit", tmpFile("p.json", project), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { checks: Check[] };
    const by = Object.fromEntries(doc.checks.map((c) => [c.id, c]));
    for (const c of doc.checks)
      for (const k of ["id", "name", "count", "total", "percent", "threshold", "pass", "items"])
        expect(c).toHaveProperty(k);
    // A has no predecessor, C no successor: 2 of 3
    expect([by["logic"]!.count, by["logic"]!.total, by["logic"]!.items]).toEqual([2, 3, ["A", "C"]]);
    expect([by["leads"]!.count, by["leads"]!.items, by["leads"]!.pass]).toEqual([1, ["A->B"], false]);
    expect([by["relationshipTypes"]!.count, by["relationshipTypes"]!.total]).toEqual([1, 2]);
    expect(by["pmo.openEnds"]!.items).toEqual(["A", "C"]);
    const t = await runCli("audit", tmpFile("p.json", project));
    expect(t.stdout).toMatch(/Logic/);
  });

  it("a portfolio file: projects on the portfolio's shared calendars are scheduled by the engine", async () => {
    const file = fileURLToPath(
      new URL("../../../../examples/sample-portfolio/portfolio.json", import.meta.url),
    );
    const pf = JSON.parse(readFileSync(file, "utf8")) as {
      calendars: { id: string }[];
      projects: { id: string; tasks: { calendarId?: string }[] }[];
    };
    // the sample has a project with tasks on a shared (portfolio-level) calendar
    const shared = new Set(pf.calendars.map((c) => c.id));
    expect(
      pf.projects.some((p) => p.tasks.some((t) => t.calendarId !== undefined && shared.has(t.calendarId))),
    ).toBe(true);
    const r = await runCli("audit", file, "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ENGINE_FALLBACK/);
    const doc = JSON.parse(r.stdout) as { projects: { projectId: string; floatSource: string }[] };
    expect(doc.projects.map((p) => [p.projectId, p.floatSource])).toEqual(
      pf.projects.map((p) => [p.id, "engine"]),
    );
  });

  it("bad input exits 2", async () => {
    const r = await runCli("audit", tmpFile("x.json", { id: "P" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.json/);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

describeWithSharedData(["mspdi"], "pmokit audit on every shared MSPDI / XER file", () => {
  const files = ["mspdi", "xer"].flatMap((dir) => {
    try {
      return readdirSync(sharedData(dir))
        .filter((f) => /\.(xml|xer)$/i.test(f))
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });

  it("runs without error on every file; counts match an independent count", async () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const path = sharedData(f);
      const r = await runCli("audit", path, "--json");
      expect([f, r.code]).toEqual([f, 0]);
      const doc = JSON.parse(r.stdout) as { checks: Check[] };
      expect(doc.checks.length).toBeGreaterThanOrEqual(14);
      const project = readProjectFile(new Uint8Array(readFileSync(path)), { fileName: f }).projects[0]!;
      const ind = independentCounts(project);
      const by = Object.fromEntries(doc.checks.map((c) => [c.id, c]));
      expect([f, by["logic"]!.count, by["logic"]!.total]).toEqual([f, ind.missingLogic, ind.incomplete]);
      expect([
        f,
        by["leads"]!.count,
        by["lags"]!.count,
        by["relationshipTypes"]!.count,
        by["leads"]!.total,
      ]).toEqual([f, ind.leads, ind.lags, ind.fs, ind.relationships]);
    }
  }, 120_000);

  it.each([
    // file, incomplete tasks, missing logic, relationships, leads, lags, FS
    ["mspdi/task-links-project2013-mspdi.xml", 16, 16, 8, 0, 7, 5],
    ["mspdi/mpxj-legacy-sample.xml", 15, 15, 6, 1, 1, 3],
    ["mspdi/aspose-NewProductDev.xml", 18, 2, 24, 0, 0, 20],
    ["mspdi/mpxj-mspdirelations.xml", 5, 2, 4, 0, 1, 1],
  ])("pins the counts of %s", async (f, incomplete, missing, rels, leads, lags, fs) => {
    const project = readProjectFile(new Uint8Array(readFileSync(sharedData(f))), { fileName: f })
      .projects[0]!;
    expect(independentCounts(project)).toEqual({
      incomplete,
      missingLogic: missing,
      relationships: rels,
      leads,
      lags,
      fs,
    });
    const doc = JSON.parse((await runCli("audit", sharedData(f), "--json")).stdout) as { checks: Check[] };
    const by = Object.fromEntries(doc.checks.map((c) => [c.id, c]));
    expect([by["logic"]!.count, by["logic"]!.total]).toEqual([missing, incomplete]);
    expect([by["leads"]!.count, by["lags"]!.count, by["relationshipTypes"]!.count]).toEqual([
      leads,
      lags,
      fs,
    ]);
  });
});
