import { PmokitError } from "../errors.js";
import type { Dependency } from "./dependency.js";
import { durationToMinutes, isElapsedUnit } from "./duration.js";
import type { Duration, DurationSettings } from "./duration.js";
import type { Portfolio, Project } from "./project.js";
import type { Resource } from "./resource.js";
import type { Task } from "./task.js";

/**
 * One project of a portfolio as a standalone project: its own calendars plus the portfolio's shared
 * calendars (a project calendar with the same id wins), and its own resources plus the shared-pool
 * resources its assignments use. Cross-project links are not included (see {@link flattenPortfolio}).
 *
 * @param portfolio - a parsed portfolio
 * @param projectId - the id of one of its projects
 * @returns a project that schedules, levels and audits on its own
 * @throws PmokitError `DANGLING_REFERENCE` when the project does not exist
 * @example
 * ```ts
 * import { parsePortfolio, projectInPortfolio } from "@pmokit/core";
 * declare const json: unknown;
 * const erp = projectInPortfolio(parsePortfolio(json), "ERP");
 * ```
 * @category Model
 * @since 0.1.0
 */
export function projectInPortfolio(portfolio: Portfolio, projectId: string): Project {
  const project = portfolio.projects.find((p) => p.id === projectId);
  if (!project)
    throw new PmokitError("DANGLING_REFERENCE", `unknown project '${projectId}'`, {
      path: "projects",
      ids: [projectId],
      expected: "the id of a project of this portfolio",
    });
  const ownCalendars = new Set(project.calendars.map((c) => c.id));
  const ownResources = new Set(project.resources.map((r) => r.id));
  const used = new Set(project.assignments.map((a) => a.resourceId));
  const pool: Resource[] = portfolio.sharedResources.filter((r) => used.has(r.id) && !ownResources.has(r.id));
  return {
    ...project,
    calendars: [...project.calendars, ...portfolio.calendars.filter((c) => !ownCalendars.has(c.id))],
    resources: [...project.resources, ...pool],
  };
}

function sameUnits(a: DurationSettings, b: DurationSettings): boolean {
  return (
    a.minutesPerDay === b.minutesPerDay &&
    a.minutesPerWeek === b.minutesPerWeek &&
    a.daysPerMonth === b.daysPerMonth
  );
}

/** A duration in (elapsed) minutes by the given project's unit settings; percent lags unchanged. */
function inMinutes(d: Duration, s: DurationSettings): Duration {
  if (d.unit === "percent" || d.unit === "minutes" || d.unit === "elapsedMinutes") return d;
  const m = durationToMinutes(d, s);
  return isElapsedUnit(d.unit) ? { value: m, unit: "elapsedMinutes" } : { value: m, unit: "minutes" };
}

/**
 * Where a task of a flattened portfolio came from.
 *
 * @category Model
 * @since 0.1.0
 */
export interface TaskOrigin {
  readonly projectId: string;
  readonly taskId: string;
}

/**
 * Result of {@link flattenPortfolio}.
 *
 * @category Model
 * @since 0.1.0
 */
export interface FlattenedPortfolio {
  /** One project holding every task, link, assignment and risk of the portfolio. */
  readonly project: Project;
  /** Origin of each task of `project.tasks`, index for index. */
  readonly origins: readonly TaskOrigin[];
  /** The id a task of a project has in the flattened project. */
  readonly idOf: (projectId: string, taskId: string) => string;
}

/**
 * Merges a portfolio into one project (like an MS Project master project with inserted subprojects),
 * so that cross-project links, a shared resource pool and portfolio-wide leveling or risk analysis run
 * on a single network. Task, assignment and risk ids become `<projectId>/<id>`; each task keeps its
 * project's calendar (tasks without a calendar get their project's default calendar), tasks of a
 * project that starts later than the portfolio get a Start-No-Earlier-Than constraint at their
 * project's start (when they have no constraint of their own), and `extensions.projectId` /
 * `extensions.projectPriority` record where each task came from (leveling uses the project priority
 * before the task priority). Durations and lags of a project whose minutes per day / week or days per
 * month differ from the first project's are converted to minutes with that project's own settings, so
 * "1 day" keeps meaning what it meant in its project.
 *
 * @param portfolio - a parsed portfolio
 * @param options - `separator` between project id and task id (default `/`)
 * @returns the merged project and the origin of every task
 * @example
 * ```ts
 * import { flattenPortfolio, parsePortfolio } from "@pmokit/core";
 * declare const json: unknown;
 * const { project, idOf } = flattenPortfolio(parsePortfolio(json));
 * idOf("ERP", "ERP-001"); // "ERP/ERP-001"
 * ```
 * @category Model
 * @since 0.1.0
 */
export function flattenPortfolio(
  portfolio: Portfolio,
  options: { readonly separator?: string } = {},
): FlattenedPortfolio {
  const sep = options.separator ?? "/";
  const idOf = (projectId: string, taskId: string): string => `${projectId}${sep}${taskId}`;
  const first = portfolio.projects[0];
  if (!first)
    throw new PmokitError("INVALID_INPUT", "the portfolio has no projects", {
      path: "projects",
      expected: "at least one project",
    });
  const start = portfolio.projects.map((p) => p.settings.startDate).reduce((a, b) => (b < a ? b : a));
  const calendars = new Map<string, Project["calendars"][number]>();
  for (const c of portfolio.calendars) calendars.set(c.id, c);
  for (const p of portfolio.projects)
    for (const c of p.calendars) if (!calendars.has(c.id)) calendars.set(c.id, c);
  const resources = new Map<string, Resource>();
  for (const r of portfolio.sharedResources) resources.set(r.id, r);
  for (const p of portfolio.projects)
    for (const r of p.resources) if (!resources.has(r.id)) resources.set(r.id, r);
  const tasks: Task[] = [];
  const origins: TaskOrigin[] = [];
  const dependencies: Dependency[] = [];
  const assignments: Project["assignments"] = [];
  const risks: Project["risks"] = [];
  const issues: Project["issues"] = [];
  const norm = (p: Project) =>
    sameUnits(p.settings, first.settings) ? (d: Duration) => d : (d: Duration) => inMinutes(d, p.settings);
  for (const p of portfolio.projects) {
    const later = p.settings.startDate > start;
    const n = norm(p);
    for (const t of p.tasks) {
      tasks.push({
        ...t,
        duration: n(t.duration),
        ...(t.remainingDuration === undefined ? {} : { remainingDuration: n(t.remainingDuration) }),
        id: idOf(p.id, t.id),
        ...(t.parentId === undefined ? {} : { parentId: idOf(p.id, t.parentId) }),
        calendarId: t.calendarId ?? p.settings.defaultCalendarId,
        ...(later && t.constraint.type === "ASAP"
          ? { constraint: { type: "SNET" as const, date: p.settings.startDate } }
          : {}),
        extensions: { ...t.extensions, projectId: p.id, projectPriority: p.priority },
      });
      origins.push({ projectId: p.id, taskId: t.id });
    }
    for (const d of p.dependencies) {
      const fp = d.fromProject ?? p.id;
      const tp = d.toProject ?? p.id;
      const { fromProject: _f, toProject: _t, ...rest } = d;
      dependencies.push({ ...rest, from: idOf(fp, d.from), to: idOf(tp, d.to), lag: n(d.lag) });
    }
    for (const a of p.assignments)
      assignments.push({ ...a, id: idOf(p.id, a.id), taskId: idOf(p.id, a.taskId) });
    for (const r of p.risks)
      risks.push({ ...r, id: idOf(p.id, r.id), taskIds: r.taskIds.map((t) => idOf(p.id, t)) });
    for (const i of p.issues)
      issues.push({ ...i, id: idOf(p.id, i.id), taskIds: i.taskIds.map((t) => idOf(p.id, t)) });
  }
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  for (const d of portfolio.crossProjectDependencies) {
    const { fromProject, toProject, ...rest } = d;
    const owner = byId.get(toProject ?? "") ?? byId.get(fromProject ?? "");
    dependencies.push({
      ...rest,
      lag: owner === undefined ? d.lag : norm(owner)(d.lag),
      from: idOf(fromProject ?? "", d.from),
      to: idOf(toProject ?? "", d.to),
    });
  }
  const project: Project = {
    id: portfolio.id,
    name: portfolio.name,
    priority: 500,
    settings: { ...first.settings, currency: portfolio.currency, startDate: start },
    calendars: [...calendars.values()],
    tasks,
    dependencies,
    resources: [...resources.values()],
    assignments,
    risks,
    issues,
  };
  return { project, origins, idOf };
}
