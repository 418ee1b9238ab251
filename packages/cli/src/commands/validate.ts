import type { CsvTable } from "@pmokit/interop";
import type { CommandSpec } from "../command.js";
import { CSV_TABLES, printWarnings, readAny, validateAll } from "./project-io.js";

/** `pmokit validate FILE`: checks a project file in any supported format. */
export const validateCommand: CommandSpec = {
  name: "validate",
  summary: "Check a project file (MS Project XML, XER, P6 XML, pmokit JSON project/portfolio, CSV table)",
  usage: "validate FILE [--json] [--table tasks|dependencies|resources|assignments|risks|projects]",
  description: [
    "Reads FILE (format detected from the content; CSV by the .csv extension or --table), checks it",
    "against the pmokit model (schema, references, cycles) and reports what the reader dropped or",
    "could not map. Exit 0 when valid, 2 on bad input (one line naming file, location and",
    "expectation), 1 when the logic has a cycle.",
  ].join("\n"),
  options: {
    table: {
      type: "string",
      description: "CSV table kind (default tasks for .csv files).",
      choices: CSV_TABLES,
    },
    currency: { type: "string", description: "Currency of CSV money cells without one (e.g. USD)." },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const table = ctx.options["table"] as CsvTable | undefined;
    const currency = ctx.options["currency"] as string | undefined;
    const r = await readAny(ctx, file, table, currency);
    const issues = r.csvRows ? [] : validateAll(file, r.projects, r.portfolio);
    const summary = r.projects.map((p) => ({
      id: p.id,
      name: p.name,
      tasks: p.tasks.length,
      dependencies: p.dependencies.length,
      calendars: p.calendars.length,
      resources: p.resources.length,
      assignments: p.assignments.length,
    }));
    if (ctx.json) {
      ctx.printJson({
        file,
        format: r.csvRows ? `csv-${table ?? "tasks"}` : r.format,
        valid: true,
        ...(r.csvRows ? { rows: r.csvRows.length } : { projects: summary }),
        warnings: [...r.warnings, ...issues.map((i) => ({ code: i.code, message: i.message, path: i.path }))],
      });
      return 0;
    }
    printWarnings(ctx, file, r.warnings);
    for (const i of issues.slice(0, 20)) ctx.err(`${file}: warning ${i.code}: ${i.message}`);
    if (r.csvRows) ctx.out(`${file}: valid CSV ${table ?? "tasks"} table, ${r.csvRows.length} rows\n`);
    else
      ctx.out(
        `${file}: valid ${r.format} (${summary.map((s) => `${s.id}: ${s.tasks} tasks, ${s.dependencies} links, ${s.calendars} calendars, ${s.resources} resources, ${s.assignments} assignments`).join("; ")}), ${r.warnings.length + issues.length} warnings\n`,
      );
    return 0;
  },
};
