import { PmokitError, auditProject, isPmokitError, parseProject } from "@pmokit/core";
import type { AuditReport, FloatSource, Project } from "@pmokit/core";
import { readProjectFile } from "@pmokit/interop";
import type { CommandContext, CommandSpec } from "../command.js";

function inFile(file: string, e: unknown): unknown {
  if (!isPmokitError(e)) return e;
  const name = file === "-" ? "<stdin>" : file;
  const lines = e.message
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  let msg = lines[0] ?? e.code;
  if (lines.length > 1) msg += ` ${lines[1]}${lines.length > 2 ? ` (and ${lines.length - 2} more)` : ""}`;
  if (!msg.startsWith(name)) msg = `${name}: ${msg}`;
  return new PmokitError(e.code, msg, { ...e.details, file: name }, { cause: e });
}

async function readProjects(
  ctx: CommandContext,
  file: string,
): Promise<{ projects: Project[]; format: string; calendars?: Project["calendars"] }> {
  const bytes = await ctx.readBytes(file);
  try {
    const r = readProjectFile(bytes, { fileName: file });
    for (const w of r.warnings.slice(0, 10))
      ctx.err(`${file}${w.line === undefined ? "" : `:${w.line}`}: warning ${w.code}: ${w.message}`);
    if (r.warnings.length > 10) ctx.err(`${file}: ... and ${r.warnings.length - 10} more reader warnings`);
    if (r.projects.length === 0)
      throw new PmokitError("INVALID_INPUT", `${file}: the file holds no project`, {
        file,
        expected: "a project",
      });
    return {
      projects: r.projects,
      format: r.format,
      // a portfolio's shared calendars, which its projects' tasks may use
      ...(r.portfolio === undefined ? {} : { calendars: r.portfolio.calendars }),
    };
  } catch (e) {
    // a plain pmokit project JSON that the reader does not know: parse it directly
    if (isPmokitError(e) && e.code === "UNSUPPORTED_FORMAT") {
      const text = new TextDecoder().decode(bytes).trimStart();
      if (text.startsWith("{")) return { projects: [parseProject(await ctx.readJson(file))], format: "json" };
    }
    throw inFile(file, e);
  }
}

const fmtPct = (v: number | null): string => (v === null ? "n/a" : `${Math.round(v * 100) / 100}`);

function table(report: AuditReport, name: string): string {
  const rows = report.checks.map((c) => [
    c.number === undefined ? c.id : String(c.number),
    c.name,
    `${c.count}/${c.total}`,
    c.id === "cpli" || c.id === "bei" || c.id === "criticalPathTest"
      ? fmtPct(c.value)
      : `${fmtPct(c.percent)} %`,
    `${c.comparison} ${c.threshold}`,
    c.pass === null ? "n/a" : c.pass ? "pass" : "FAIL",
    c.items.slice(0, 6).join(" ") + (c.items.length > 6 ? ` (+${c.items.length - 6})` : ""),
  ]);
  const head = ["#", "check", "count", "value", "threshold", "result", "items"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [
    `${name}: score ${fmtPct(report.score)} (DCMA ${fmtPct(report.dcmaScore)}), float from ${report.floatSource}`,
    line(head),
    ...rows.map(line),
    "",
  ].join("\n");
}

/** `pmokit audit FILE [--json]` */
export const auditCommand: CommandSpec = {
  name: "audit",
  summary: "DCMA 14-point schedule assessment plus PMO rules on a project file.",
  usage:
    "audit FILE [--json] [--float-source auto|engine|reported] [--dialect msp|p6] [--include-milestones]",
  description: [
    "Reads MS Project XML (MSPDI), Primavera XER, P6 XML or a pmokit JSON project / portfolio (format detected",
    "from content; FILE '-' reads stdin) and runs the DCMA 14-point assessment (standard thresholds) and the",
    "default PMO rules (owner, open ends, baseline, status date, summary links) on every project of the file.",
    'Output: { "checks": [ { "id", "name", "count", "total", "percent", "threshold", "pass", "items": [ids] } ] }',
    '(first project; all projects under "projects" when the file holds several). pass is null when a check',
    "does not apply (no status date, no baseline, empty population). Relationship items are 'from->to'.",
    "--float-source: float and forecast dates from the pmokit CPM engine, the values reported in the file, or",
    "auto (engine, falling back to reported values; default). Exit codes: 0 audited (whatever the result); 2 bad input.",
  ].join("\n"),
  options: {
    "float-source": {
      type: "string",
      description: "Float source: auto (default), engine or reported.",
      choices: ["auto", "engine", "reported"],
    },
    dialect: {
      type: "string",
      description: "CPM dialect (default msp for MSPDI/JSON, p6 for XER/P6 XML).",
      choices: ["msp", "p6"],
    },
    "include-milestones": { type: "boolean", description: "Count milestones in the task populations." },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const { projects, format, calendars } = await readProjects(ctx, file);
    const dialect =
      (ctx.options["dialect"] as "msp" | "p6" | undefined) ??
      (format === "xer" || format === "pmxml" ? "p6" : "msp");
    const reports: AuditReport[] = [];
    try {
      for (const p of projects)
        reports.push(
          auditProject(p, {
            floatSource: (ctx.options["float-source"] as FloatSource | undefined) ?? "auto",
            scheduleOptions: { dialect },
            includeMilestones: ctx.options["include-milestones"] === true,
            ...(calendars === undefined ? {} : { calendars }),
          }),
        );
    } catch (e) {
      throw inFile(file, e);
    }
    for (const r of reports)
      for (const w of r.warnings) ctx.err(`${file}: project ${r.projectId}: warning ${w.code}: ${w.message}`);
    const json = (r: AuditReport) => ({
      projectId: r.projectId,
      score: r.score,
      dcmaScore: r.dcmaScore,
      floatSource: r.floatSource,
      checks: r.checks,
      findings: r.findings,
    });
    if (ctx.json) {
      const first = reports[0]!;
      ctx.printJson({ ...json(first), ...(reports.length > 1 ? { projects: reports.map(json) } : {}) });
    } else for (const r of reports) ctx.out(table(r, `Project ${r.projectId}`));
    return 0;
  },
};
