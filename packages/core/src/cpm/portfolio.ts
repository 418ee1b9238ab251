import { flattenPortfolio } from "../model/portfolio-project.js";
import type { Portfolio } from "../model/project.js";
import type { ScheduleOptions } from "./options.js";
import { schedule } from "./schedule.js";
import type { ScheduledTask, ScheduleWarning } from "./schedule.js";

/**
 * Schedule of one project inside {@link schedulePortfolio}.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface PortfolioProjectSchedule {
  readonly id: string;
  readonly name: string;
  readonly projectStart: string;
  readonly projectFinish: string;
  /** Tasks with the project's own ids. */
  readonly tasks: readonly ScheduledTask[];
  /** Critical chains of this project (task ids of this project). */
  readonly criticalPaths: readonly (readonly string[])[];
}

/**
 * Result of {@link schedulePortfolio}. Ids in `criticalPaths` are `projectId/taskId`.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface PortfolioScheduleResult {
  readonly dialect: "msp" | "p6";
  readonly projectFinish: string;
  readonly projects: readonly PortfolioProjectSchedule[];
  /** Critical chains across the portfolio, cross-project links included. */
  readonly criticalPaths: readonly (readonly string[])[];
  readonly warnings: readonly ScheduleWarning[];
}

const SEP = "/";

/**
 * The project's own critical paths: chains of driving links back from the tasks that finish last
 * (the longest path of the project inside the portfolio; a driver in another project ends a chain
 * and is listed first with its `projectId/taskId`).
 */
function drivingPaths(tasks: readonly ScheduledTask[]): string[][] {
  const leaves = tasks.filter((t) => !t.summary);
  const byId = new Map(leaves.map((t) => [t.id, t]));
  const last = leaves.reduce((a, t) => (t.finish > a ? t.finish : a), "");
  const paths: string[][] = [];
  const walk = (t: ScheduledTask, acc: string[], depth: number): void => {
    if (paths.length >= 5) return;
    const next = [t.id, ...acc];
    const drivers = t.drivingPredecessors;
    if (drivers.length === 0 || depth > 10_000) {
      paths.push(next);
      return;
    }
    for (const d of drivers) {
      const p = byId.get(d);
      if (p === undefined) paths.push([d, ...next]);
      else walk(p, next, depth + 1);
      if (paths.length >= 5) return;
    }
  };
  const ends = leaves.filter((t) => t.finish === last);
  const drivesAnEnd = new Set(ends.flatMap((t) => t.drivingPredecessors));
  for (const t of ends) if (!drivesAnEnd.has(t.id)) walk(t, [], 0);
  return paths;
}

/**
 * Schedules every project of a portfolio as one network, so cross-project links
 * (`crossProjectDependencies`) move their successors; each project still starts no earlier than its
 * own start date (its ASAP tasks get a start-no-earlier-than at that date). Durations and lags are
 * converted with each project's own minutes per day / week and days per month; calendars are looked
 * up among the portfolio's and the projects' calendars (one id space).
 *
 * @param portfolio - the portfolio (parsed with `parsePortfolio`)
 * @param options - dialect and rule options
 * @returns per-project schedules and the portfolio's critical chains
 * @throws PmokitError `CYCLE_DETECTED` (ids `projectId/taskId`) and the errors of {@link schedule}
 * @example
 * ```ts
 * import { parsePortfolio, schedulePortfolio } from "@pmokit/core";
 * declare const json: unknown;
 * const result = schedulePortfolio(parsePortfolio(json));
 * for (const p of result.projects) console.log(p.id, p.projectFinish);
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function schedulePortfolio(
  portfolio: Portfolio,
  options: ScheduleOptions = {},
): PortfolioScheduleResult {
  const projects = portfolio.projects;
  if (projects.length === 0) {
    return {
      dialect: options.dialect ?? "msp",
      projectFinish: "",
      projects: [],
      criticalPaths: [],
      warnings: [],
    };
  }
  const { project: merged } = flattenPortfolio(portfolio, { separator: SEP });
  const r = schedule(merged, options);
  const out: PortfolioProjectSchedule[] = projects.map((p) => {
    const prefix = `${p.id}${SEP}`;
    const own = r.tasks
      .filter((t) => t.id.startsWith(prefix))
      .map((t) => ({
        ...t,
        id: t.id.slice(prefix.length),
        drivingPredecessors: t.drivingPredecessors.map((x) =>
          x.startsWith(prefix) ? x.slice(prefix.length) : x,
        ),
      }));
    const leaves = own.filter((t) => !t.summary);
    const min = (xs: string[]) => xs.reduce((a, b) => (b < a ? b : a), xs[0] ?? "");
    const max = (xs: string[]) => xs.reduce((a, b) => (b > a ? b : a), xs[0] ?? "");
    return {
      id: p.id,
      name: p.name,
      projectStart: min(leaves.map((t) => t.start)),
      projectFinish: max(leaves.map((t) => t.finish)),
      tasks: own,
      criticalPaths: drivingPaths(own),
    };
  });
  return {
    dialect: r.dialect,
    projectFinish: r.projectFinish,
    projects: out,
    criticalPaths: r.criticalPaths,
    warnings: r.warnings,
  };
}
