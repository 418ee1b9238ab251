import { writeFile } from "node:fs/promises";
import type { Project } from "@pmokit/core";
import { PmokitError, PortfolioSchema } from "@pmokit/core";
import type { CsvTable } from "@pmokit/interop";
import { exportCsv, writeMspdi } from "@pmokit/interop";
import type { CommandSpec } from "../command.js";
import { CSV_TABLES, printWarnings, readAny } from "./project-io.js";

type OutFormat = "mspdi" | "json" | "csv";

function outFormat(file: string, forced: string | undefined): OutFormat {
  if (forced === "mspdi" || forced === "json" || forced === "csv") return forced;
  if (/\.xml$/i.test(file)) return "mspdi";
  if (/\.json$/i.test(file)) return "json";
  if (/\.csv$/i.test(file)) return "csv";
  throw new PmokitError("UNSUPPORTED_FORMAT", `${file}: cannot tell the output format from the extension`, {
    file,
    expected: ".xml (MS Project XML), .json (pmokit JSON) or .csv, or --to mspdi|json|csv",
    received: file,
  });
}

function pickProject(projects: readonly Project[], id: string | undefined, file: string): Project {
  if (id !== undefined) {
    const p = projects.find((x) => x.id === id);
    if (!p)
      throw new PmokitError(
        "INVALID_INPUT",
        `${file}: no project '${id}' (projects: ${projects.map((x) => x.id).join(", ")})`,
        {
          file,
          path: "--project",
          expected: projects.map((x) => x.id).join(", "),
          received: id,
        },
      );
    return p;
  }
  if (projects.length !== 1)
    throw new PmokitError(
      "INVALID_INPUT",
      `${file}: holds ${projects.length} projects; choose one with --project (${projects.map((x) => x.id).join(", ")})`,
      { file, path: "--project", expected: "one of the project ids" },
    );
  return projects[0]!;
}

/** `pmokit convert IN OUT`: converts between project file formats. */
export const convertCommand: CommandSpec = {
  name: "convert",
  summary: "Convert a project file (MSPDI, XER, P6 XML, pmokit JSON) to MS Project XML, pmokit JSON or CSV",
  usage: "convert IN OUT [--to mspdi|json|csv] [--project ID] [--table tasks|...] [--json]",
  description: [
    "IN's format is detected from its content. OUT's format comes from its extension: .xml writes",
    "MS Project XML (MSPDI), .json the pmokit project JSON (a portfolio when IN holds several",
    "projects), .csv one table (--table, default tasks). OUT '-' writes to stdout (needs --to).",
    "Reader warnings (what was dropped or not mapped) go to stderr.",
  ].join("\n"),
  options: {
    to: {
      type: "string",
      description: "Output format (overrides the extension).",
      choices: ["mspdi", "json", "csv"],
    },
    project: { type: "string", description: "Project id to convert when IN holds several projects." },
    table: { type: "string", description: "CSV table to write (default tasks).", choices: CSV_TABLES },
  },
  positionals: { min: 2, max: 2 },
  async run(ctx) {
    const [input, output] = [ctx.args[0]!, ctx.args[1]!];
    const to = outFormat(output, ctx.options["to"] as string | undefined);
    const r = await readAny(ctx, input, undefined, undefined);
    const projectId = ctx.options["project"] as string | undefined;
    let text: string;
    if (to === "mspdi") text = writeMspdi(pickProject(r.projects, projectId, input));
    else if (to === "json") {
      if (r.portfolio && projectId === undefined) text = `${JSON.stringify(r.portfolio, null, 2)}\n`;
      else if (r.projects.length === 1 || projectId !== undefined)
        text = `${JSON.stringify(pickProject(r.projects, projectId, input), null, 2)}\n`;
      else {
        const first = r.projects[0];
        const portfolio = PortfolioSchema.parse({
          id: input.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "portfolio",
          name: input.replace(/^.*[\\/]/, ""),
          currency: first?.settings.currency ?? "USD",
          projects: r.projects,
        });
        text = `${JSON.stringify(portfolio, null, 2)}\n`;
      }
    } else {
      const table = (ctx.options["table"] as CsvTable | undefined) ?? "tasks";
      if (table === "projects") text = exportCsv(r.projects, { table });
      else {
        const p = pickProject(r.projects, projectId, input);
        const rows =
          table === "tasks"
            ? p.tasks
            : table === "dependencies"
              ? p.dependencies
              : table === "resources"
                ? p.resources
                : table === "assignments"
                  ? p.assignments
                  : p.risks;
        text = exportCsv(rows, { table });
      }
    }
    if (output === "-") ctx.out(text);
    else {
      try {
        await writeFile(output, text, "utf8");
      } catch (e) {
        throw new PmokitError(
          "INVALID_INPUT",
          `${output}: cannot write file (${(e as { code?: string }).code ?? String(e)})`,
          { file: output, expected: "a writable path" },
        );
      }
    }
    if (ctx.json && output !== "-")
      ctx.printJson({
        input,
        output,
        from: r.format,
        to,
        projects: r.projects.map((p) => p.id),
        warnings: r.warnings,
      });
    else {
      printWarnings(ctx, input, r.warnings);
      if (output !== "-")
        ctx.err(`${input} (${r.format}) → ${output} (${to}), ${r.warnings.length} warnings`);
    }
    return 0;
  },
};
