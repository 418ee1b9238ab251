import { PmokitError } from "@pmokit/core";
import type { Portfolio } from "@pmokit/core";
import { levelPortfolio, levelProject, optimizeLeveling, optimizePortfolioLeveling } from "@pmokit/leveling";
import type {
  LevelingOptions,
  LevelingResult,
  LeveledProjectSummary,
  LevelingOptimization,
  PeriodBasis,
} from "@pmokit/leveling";
import type { CommandSpec } from "../command.js";
import { badOption, intOption, numberOption } from "../command.js";
import { oneLine, printWarnings, readAny } from "./project-io.js";

const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

function dateOption(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !DATE_RE.test(v)) badOption(name, "YYYY-MM-DD[THH:mm:ss]", String(v));
  return v.length === 16 ? `${v}:00` : v;
}

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + " ".repeat(w - s.length);
}

function table(
  r: LevelingResult,
  perDay: number,
  projects: readonly LeveledProjectSummary[] | undefined,
  opt: LevelingOptimization | undefined,
): string {
  const head = ["id", "name", "start", "finish", "delay d", "why"];
  const rows = r.tasks.map((t) => [
    t.id,
    t.name.length > 28 ? `${t.name.slice(0, 27)}…` : t.name,
    t.start.slice(0, 16),
    t.finish.slice(0, 16),
    t.levelingDelayMinutes > 0 ? String(Math.round((t.levelingDelayMinutes / perDay) * 100) / 100) : "",
    t.delayedBy ? `${t.delayedBy.resourceId} busy with ${t.delayedBy.taskIds.slice(0, 3).join(", ")}` : "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (x: string[]) =>
    x
      .map((c, i) => pad(c, widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [line(head), ...rows.map(line), ""];
  if (projects !== undefined) {
    out.push("Projects (finish before → after leveling):");
    for (const p of projects)
      out.push(`  ${pad(p.projectId, 12)} ${p.preLevelingFinish.slice(0, 16)} → ${p.finish.slice(0, 16)}`);
    out.push("");
  }
  out.push(`Finish: ${r.preLevelingFinish.slice(0, 16)} before leveling → ${r.finish.slice(0, 16)} after.`);
  if (opt !== undefined)
    out.push(
      `Optimize (${opt.objective}): ${opt.method}, ${opt.schedules} schedules, ${opt.ms} ms; Standard finish ${opt.standardFinish.slice(0, 16)}, gain ${Math.round((opt.finishGainMinutes / 1440) * 100) / 100} calendar days.`,
    );
  if (r.remainingOverallocations.length === 0) out.push("No overallocation left.");
  else {
    out.push(`${r.remainingOverallocations.length} overallocations left:`);
    for (const o of r.remainingOverallocations.slice(0, 30))
      out.push(
        `  ${pad(o.resourceId, 10)} ${o.from.slice(0, 16)} → ${o.to.slice(0, 16)}  peak ${o.peakUnits} vs max ${o.maxUnits}  (${o.taskIds.slice(0, 4).join(", ")})`,
      );
    if (r.remainingOverallocations.length > 30)
      out.push(`  ... and ${r.remainingOverallocations.length - 30} more`);
  }
  for (const u of r.unresolved.slice(0, 30)) out.push(`  unresolved: ${u.message} (${u.at.slice(0, 16)})`);
  if (r.unresolved.length > 30) out.push(`  ... and ${r.unresolved.length - 30} more unresolved conflicts`);
  out.push("");
  return out.join("\n");
}

/** `pmokit level FILE [--json] [options]` */
export const levelCommand: CommandSpec = {
  name: "level",
  summary: "MS-Project-style resource leveling of a project or portfolio file.",
  usage:
    "level FILE [--json] [--order id|standard|priority-standard] [--basis minute|hour|day|week|month] [--within-slack] [--optimize] [...]",
  description: [
    "Reads MS Project XML (MSPDI), Primavera XER / P6 XML or a pmokit JSON project or portfolio (FILE '-'",
    "reads stdin). A portfolio (or a file with several projects) is leveled as several projects sharing",
    "one resource pool; project priority comes before task priority. Leveling delays tasks (or single",
    "assignments) so no work resource exceeds its max units on the period basis; priority-1000,",
    "manually scheduled, started and must-start/finish-on tasks never move; conflicts that cannot be",
    "resolved are reported with their reason.",
    'JSON: { "finish", "preLevelingFinish", "tasks": [ { "id", "name", "start", "finish",',
    '"levelingDelayMinutes", "preLevelingStart", "preLevelingFinish", "assignments", "parts"?, "explanation"? } ],',
    '"remainingOverallocations": [ { "resourceId", "from", "to", "peakUnits", "maxUnits", ... } ],',
    '"unresolved", "projects"? , "optimization"?, "warnings" }. Delays are working minutes of the task\'s calendar.',
    "--optimize searches task orders with the RCPSP engine (priority rules, sampling, genetic algorithm)",
    "and reports the gain over Standard leveling (--objective finish|weighted-delay, --schedules N, --seed S).",
    "--splits lets leveling interrupt remaining work around a conflict; split tasks and assignments list",
    'their working "parts" ({ "start", "finish" }) and the leveled project stores them for clear leveling.',
    "Exit codes: 0 leveled (remaining overallocations are reported, not errors); 1 logic cycle; 2 bad input.",
  ].join("\n"),
  options: {
    order: {
      type: "string",
      description: "Leveling order: id, standard (default) or priority-standard.",
      choices: ["id", "standard", "priority-standard"],
    },
    basis: {
      type: "string",
      description: "Look for overallocations on a minute, hour, day (default), week or month basis.",
      choices: ["minute", "hour", "day", "week", "month"],
    },
    "within-slack": {
      type: "boolean",
      description: "Level only within available slack (never delay the finish).",
    },
    "preserve-float": {
      type: "string",
      description: "P6 minimum preserved float, working minutes (with --within-slack).",
    },
    "max-overallocation": { type: "string", description: "P6 maximum percent to over-allocate resources." },
    "whole-tasks": {
      type: "boolean",
      description: "Do not level individual assignments (delay whole tasks only).",
    },
    splits: {
      type: "boolean",
      description: "Leveling can create splits in remaining work (interrupt a task around a conflict).",
    },
    "keep-delays": {
      type: "boolean",
      description: "Keep stored leveling delays (do not clear leveling first).",
    },
    "level-manual": { type: "boolean", description: "Level manually scheduled tasks too." },
    from: { type: "string", description: "Leveling range start, YYYY-MM-DD[THH:mm:ss]." },
    to: { type: "string", description: "Leveling range end, YYYY-MM-DD[THH:mm:ss]." },
    resources: { type: "string", description: "Level only these resources (comma-separated ids)." },
    dialect: { type: "string", description: "CPM semantics: msp (default) or p6.", choices: ["msp", "p6"] },
    optimize: {
      type: "boolean",
      description: "Optimise with the RCPSP engine and report the gain over Standard.",
    },
    objective: {
      type: "string",
      description: "Optimize objective: finish (default) or weighted-delay (project priority weights).",
      choices: ["finish", "weighted-delay"],
    },
    schedules: { type: "string", description: "Optimize: candidate schedules (default 200)." },
    seed: { type: "string", description: "Optimize: random seed (default 1)." },
    "time-limit": { type: "string", description: "Optimize: time limit in seconds." },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const o = ctx.options;
    const read = await readAny(ctx, file, undefined, undefined);
    printWarnings(ctx, file, read.warnings);
    const order =
      o["order"] === "priority-standard" ? "priorityStandard" : (o["order"] as "id" | "standard" | undefined);
    const resources =
      typeof o["resources"] === "string"
        ? o["resources"]
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : undefined;
    const from = dateOption(o["from"], "from");
    const to = dateOption(o["to"], "to");
    const options: LevelingOptions = {
      ...(order === undefined ? {} : { order }),
      ...(o["basis"] === undefined ? {} : { periodBasis: o["basis"] as PeriodBasis }),
      ...(o["within-slack"] === true ? { withinSlack: true } : {}),
      ...(o["preserve-float"] === undefined
        ? {}
        : { preserveMinimumFloatMinutes: intOption(o["preserve-float"], "preserve-float", 0) }),
      ...(o["max-overallocation"] === undefined
        ? {}
        : { maxOverallocationPercent: numberOption(o["max-overallocation"], "max-overallocation", 0) }),
      ...(o["whole-tasks"] === true ? { levelIndividualAssignments: false } : {}),
      ...(o["splits"] === true ? { allowSplits: true } : {}),
      ...(o["keep-delays"] === true ? { clearFirst: false } : {}),
      ...(o["level-manual"] === true ? { levelManualTasks: true } : {}),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(resources === undefined ? {} : { resources }),
      ...(o["dialect"] === undefined ? {} : { dialect: o["dialect"] as "msp" | "p6" }),
    };
    if (options.maxOverallocationPercent !== undefined && options.maxOverallocationPercent < 0)
      badOption("max-overallocation", "a number >= 0", String(o["max-overallocation"]));
    const optimize = o["optimize"] === true;
    const timeLimit =
      o["time-limit"] === undefined ? undefined : numberOption(o["time-limit"], "time-limit", 0);
    const optOptions = {
      ...options,
      objective: o["objective"] === "weighted-delay" ? ("weightedDelay" as const) : ("finish" as const),
      maxSchedules: intOption(o["schedules"], "schedules", 200, 1),
      seed: intOption(o["seed"], "seed", 1),
      ...(timeLimit === undefined ? {} : { timeLimitMs: timeLimit * 1000 }),
    };

    let portfolio: Portfolio | undefined = read.portfolio;
    if (portfolio === undefined && read.projects.length > 1) {
      const first = read.projects[0]!;
      portfolio = {
        id: "portfolio",
        name: file,
        currency: first.settings.currency,
        calendars: [],
        projects: read.projects,
        programs: [],
        sharedResources: [],
        crossProjectDependencies: [],
      };
    }
    const project = read.projects[0];
    if (portfolio === undefined && project === undefined)
      throw new PmokitError("INVALID_INPUT", `${file}: the file holds no project`, {
        file,
        expected: "a project",
      });

    let result: LevelingResult & {
      projects?: readonly LeveledProjectSummary[];
      optimization?: LevelingOptimization;
    };
    try {
      if (portfolio !== undefined)
        result = optimize
          ? optimizePortfolioLeveling(portfolio, optOptions)
          : levelPortfolio(portfolio, options);
      else result = optimize ? optimizeLeveling(project!, optOptions) : levelProject(project!, options);
    } catch (e) {
      return oneLine(e, file);
    }
    for (const w of result.warnings.slice(0, 20)) ctx.err(`${file}: warning ${w.code}: ${w.message}`);
    if (result.warnings.length > 20) ctx.err(`${file}: ... and ${result.warnings.length - 20} more warnings`);
    if (ctx.json) {
      ctx.printJson({
        finish: result.finish,
        preLevelingFinish: result.preLevelingFinish,
        tasks: result.tasks.map((t) => ({
          id: t.id,
          name: t.name,
          start: t.start,
          finish: t.finish,
          levelingDelayMinutes: t.levelingDelayMinutes,
          preLevelingStart: t.preLevelingStart,
          preLevelingFinish: t.preLevelingFinish,
          ...(t.summary ? { summary: true } : {}),
          ...(t.assignments.length > 0 ? { assignments: t.assignments } : {}),
          ...(t.parts === undefined ? {} : { parts: t.parts }),
          ...(t.explanation === undefined ? {} : { explanation: t.explanation }),
        })),
        remainingOverallocations: result.remainingOverallocations,
        unresolved: result.unresolved,
        ...(result.projects === undefined ? {} : { projects: result.projects }),
        ...(result.optimization === undefined ? {} : { optimization: result.optimization }),
        warnings: result.warnings,
      });
    } else {
      const perDay = (portfolio?.projects[0] ?? project)!.settings.minutesPerDay;
      ctx.out(table(result, perDay, result.projects, result.optimization));
    }
    return 0;
  },
};
