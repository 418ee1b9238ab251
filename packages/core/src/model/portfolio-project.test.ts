import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../../test-utils/shared-data.js";
import { parsePortfolio } from "./parse.js";
import { PortfolioSchema } from "./project.js";
import { flattenPortfolio, projectInPortfolio } from "./portfolio-project.js";
import { validatePortfolio, validateProject } from "./validate.js";

const sample = (): unknown =>
  JSON.parse(readFileSync(`${REPO_ROOT}/examples/sample-portfolio/portfolio.json`, "utf8"));

describe("sample portfolio", () => {
  it("parses and validates without errors", () => {
    const p = parsePortfolio(sample());
    expect(validatePortfolio(p).errors).toEqual([]);
    const tasks = p.projects.reduce((n, x) => n + x.tasks.length, 0);
    expect(p.projects.length).toBe(8);
    expect(tasks).toBeGreaterThan(250);
    expect(p.sharedResources.length).toBeGreaterThanOrEqual(25);
    expect(p.crossProjectDependencies.length).toBeGreaterThan(0);
  });
});

describe("projectInPortfolio", () => {
  it("adds shared calendars and the pool resources the project uses", () => {
    const p = parsePortfolio(sample());
    const erp = projectInPortfolio(p, "ERP");
    expect(validateProject(erp).errors).toEqual([]);
    const used = new Set(erp.assignments.map((a) => a.resourceId));
    expect(erp.resources.map((r) => r.id).sort()).toEqual([...used].sort());
    expect(erp.calendars.map((c) => c.id)).toContain("standard");
    expect(() => projectInPortfolio(p, "NOPE")).toThrow(/unknown project 'NOPE'/);
  });
});

describe("flattenPortfolio", () => {
  it("keeps every task, link and assignment, with cross-project links resolved", () => {
    const p = parsePortfolio(sample());
    const f = flattenPortfolio(p);
    const nTasks = p.projects.reduce((n, x) => n + x.tasks.length, 0);
    const nLinks =
      p.projects.reduce((n, x) => n + x.dependencies.length, 0) + p.crossProjectDependencies.length;
    expect(f.project.tasks.length).toBe(nTasks);
    expect(f.origins.length).toBe(nTasks);
    expect(f.project.dependencies.length).toBe(nLinks);
    expect(validateProject(f.project).errors).toEqual([]);
    const x = p.crossProjectDependencies[0]!;
    expect(f.project.dependencies).toContainEqual(
      expect.objectContaining({ from: f.idOf(x.fromProject!, x.from), to: f.idOf(x.toProject!, x.to) }),
    );
    const later = f.project.tasks.find(
      (t) => t.extensions?.["projectId"] === "AI" && t.constraint.type === "SNET",
    );
    expect(later?.constraint.date).toBe(p.projects.find((q) => q.id === "AI")!.settings.startDate);
  });
});

describe("portfolio calendars", () => {
  it("reports a pool resource with an unknown calendar and a shared calendar cycle", () => {
    const raw = sample() as {
      calendars: { id: string; parentId?: string }[];
      sharedResources: { calendarId?: string }[];
    };
    raw.sharedResources[0]!.calendarId = "missing";
    raw.calendars[0]!.parentId = raw.calendars[1]!.id; // standard <- part-time <- standard
    const res = validatePortfolio(PortfolioSchema.parse(raw));
    expect(res.errors).toContainEqual(
      expect.objectContaining({ code: "DANGLING_REFERENCE", path: "sharedResources[0].calendarId" }),
    );
    expect(res.errors).toContainEqual(expect.objectContaining({ code: "CYCLE_DETECTED" }));
  });
});

describe("flattenPortfolio unit settings", () => {
  it("converts durations and lags of a project whose minutes per day differ to minutes", () => {
    const raw = sample() as { projects: { settings: { minutesPerDay: number } }[] };
    raw.projects[1]!.settings.minutesPerDay = 420;
    const p = parsePortfolio(raw);
    const f = flattenPortfolio(p);
    const second = p.projects[1]!;
    const t = second.tasks.find((x) => x.duration.unit === "days" && x.duration.value > 0)!;
    expect(f.project.tasks.find((x) => x.id === f.idOf(second.id, t.id))!.duration).toEqual({
      value: t.duration.value * 420,
      unit: "minutes",
    });
    const firstTask = p.projects[0]!.tasks.find((x) => x.duration.value > 0)!;
    expect(f.project.tasks.find((x) => x.id === f.idOf(p.projects[0]!.id, firstTask.id))!.duration).toEqual(
      firstTask.duration,
    );
  });
});
