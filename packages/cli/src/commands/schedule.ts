import { PmokitError, schedule } from "@pmokit/core";
import type { Dialect, Project, ScheduleOptions, ScheduleResult } from "@pmokit/core";
import type { ProjectFileFormat } from "@pmokit/interop";
import type { CommandContext, CommandSpec } from "../command.js";
import { oneLine, printWarnings, readAny } from "./project-io.js";

/**
 * Reads the one project to schedule through the shared reader of every project command
 * (`readAny`, i.e. `readProjectFile` of @pmokit/interop): same formats, encodings, CSV handling,
 * reader warnings on stderr and one-line errors (exit 2) as `validate`, `level` and `report`.
 */
async function readProject(
  ctx: CommandContext,
  file: string,
): Promise<{ project: Project; format: ProjectFileFormat }> {
  const read = await readAny(ctx, file, undefined, undefined);
  printWarnings(ctx, file, read.warnings);
  if (read.format === "json-portfolio") {
    throw new PmokitError(
      "INVALID_INPUT",
      `${file}: a portfolio file; schedule reads one project (expected a pmokit JSON project, MSPDI, XER or P6 XML)`,
      { file, expected: "a pmokit JSON project, MS Project XML (MSPDI), Primavera XER or P6 XML" },
    );
  }
  const project = read.projects[0];
  if (project === undefined) {
    throw new PmokitError("INVALID_INPUT", `${file}: the file holds no project`, {
      file,
      expected: "a project",
    });
  }
  return { project, format: read.format };
}

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + " ".repeat(w - s.length);
}

function table(result: ScheduleResult): string {
  const head = [
    "id",
    "name",
    "early start",
    "early finish",
    "late start",
    "late finish",
    "TS min",
    "FS min",
    "crit",
  ];
  const rows = result.tasks.map((t) => [
    t.id,
    t.name.length > 30 ? `${t.name.slice(0, 29)}…` : t.name,
    t.earlyStart.slice(0, 16),
    t.earlyFinish.slice(0, 16),
    t.lateStart.slice(0, 16),
    t.lateFinish.slice(0, 16),
    String(t.totalSlackMinutes),
    String(t.freeSlackMinutes),
    t.critical ? "*" : "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!))
      .join("  ")
      .trimEnd();
  return [
    `Project ${result.projectStart.slice(0, 16)} → ${result.projectFinish.slice(0, 16)} (${result.dialect})`,
    line(head),
    ...rows.map(line),
    "",
  ].join("\n");
}

/** `pmokit schedule FILE [--json] [--dialect msp|p6] [--status-date D]` */
export const scheduleCommand: CommandSpec = {
  name: "schedule",
  summary: "Critical path scheduling of a project file (MSPDI, XER, P6 XML or pmokit JSON).",
  usage: "schedule FILE [--json] [--dialect msp|p6] [--status-date D]",
  description: [
    "Reads MS Project XML (MSPDI), Primavera XER or P6 XML, or a pmokit JSON project (format detected",
    "from content; FILE '-' reads stdin), runs the forward and backward passes and prints, per task:",
    "id, name, early/late start and finish, total and free slack (working minutes of the task's",
    "calendar, may be negative) and the critical flag.",
    "--dialect: Microsoft Project (msp, default for MSPDI and JSON) or Primavera P6 (p6, default for",
    "XER / P6 XML) semantics. --status-date: status / data date (YYYY-MM-DD[THH:mm:ss]).",
    "Exit codes: 0 scheduled; 1 logic cycle or no solution; 2 bad input.",
  ].join("\n"),
  options: {
    dialect: { type: "string", description: "Scheduling semantics: msp or p6.", choices: ["msp", "p6"] },
    "status-date": { type: "string", description: "Status date / data date, YYYY-MM-DD[THH:mm:ss]." },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const { project, format } = await readProject(ctx, file);
    const dialect =
      (ctx.options["dialect"] as Dialect | undefined) ??
      (format === "xer" || format === "pmxml" ? "p6" : "msp");
    const statusDate = ctx.options["status-date"];
    if (
      statusDate !== undefined &&
      (typeof statusDate !== "string" || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(statusDate))
    ) {
      throw new PmokitError(
        "INVALID_INPUT",
        `--status-date: expected YYYY-MM-DD[THH:mm:ss], got '${String(statusDate)}'`,
        {
          path: "--status-date",
          expected: "YYYY-MM-DD[THH:mm:ss]",
          received: String(statusDate),
        },
      );
    }
    const options: ScheduleOptions = {
      dialect,
      ...(typeof statusDate === "string" ? { statusDate } : {}),
    };
    let result: ScheduleResult;
    try {
      result = schedule(project, options);
    } catch (e) {
      return oneLine(e, file);
    }
    for (const w of result.warnings) ctx.err(`${file}: warning: ${w.message}`);
    if (ctx.json) {
      ctx.printJson({
        tasks: result.tasks.map((t) => ({
          id: t.id,
          name: t.name,
          earlyStart: t.earlyStart,
          earlyFinish: t.earlyFinish,
          lateStart: t.lateStart,
          lateFinish: t.lateFinish,
          totalSlackMinutes: t.totalSlackMinutes,
          freeSlackMinutes: t.freeSlackMinutes,
          critical: t.critical,
        })),
      });
    } else ctx.out(table(result));
    return 0;
  },
};
