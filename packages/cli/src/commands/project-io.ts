import type { Portfolio, Project, ValidationIssue } from "@pmokit/core";
import { PmokitError, isPmokitError, validatePortfolio, validateProject } from "@pmokit/core";
import type { CsvTable, ReadProjectFileResult, ReadWarning } from "@pmokit/interop";
import { importCsv, readProjectFile } from "@pmokit/interop";
import type { CommandContext } from "../command.js";

/** Tables accepted by `--table`. */
export const CSV_TABLES: readonly CsvTable[] = [
  "tasks",
  "dependencies",
  "resources",
  "assignments",
  "risks",
  "projects",
];

/** Collapses a (possibly multi-line) pmokit error into one line naming the file. */
export function oneLine(e: unknown, file: string): never {
  if (isPmokitError(e)) {
    const issues = (e.details as { issues?: readonly ValidationIssue[] }).issues;
    let msg = e.message.split("\n")[0]!;
    if (issues && issues.length > 0) {
      const first = issues[0]!;
      msg = `${first.message}${first.expected ? ` (expected ${first.expected})` : ""}${issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : ""}`;
    }
    if (!msg.startsWith(file)) msg = `${file}: ${msg}`;
    throw new PmokitError(e.code, msg, { ...e.details, file }, { cause: e });
  }
  throw e;
}

/** Reads any project file (MSPDI, XER, PMXML, pmokit JSON) or a CSV table (by extension). */
export async function readAny(
  ctx: CommandContext,
  file: string,
  table: CsvTable | undefined,
  currency: string | undefined,
): Promise<ReadProjectFileResult & { csvRows?: unknown[] }> {
  const bytes = await ctx.readBytes(file);
  try {
    if (/\.(csv|tsv)$/i.test(file) || table !== undefined) {
      const t = table ?? "tasks";
      const r = importCsv(bytes, {
        table: t,
        fileName: file,
        ...(currency === undefined ? {} : { currency }),
      });
      return { format: "json-project", projects: [], warnings: r.warnings, csvRows: r.rows };
    }
    return readProjectFile(bytes, { fileName: file });
  } catch (e) {
    return oneLine(e, file);
  }
}

/** Validates the projects (and portfolio) semantically; throws the first error as one line. */
export function validateAll(
  file: string,
  projects: readonly Project[],
  portfolio?: Portfolio,
): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const results = portfolio ? [validatePortfolio(portfolio)] : projects.map((p) => validateProject(p));
  for (const r of results) {
    if (r.errors.length > 0) {
      const first = r.errors[0]!;
      throw new PmokitError(
        first.code,
        `${file}: ${first.message}${first.expected ? ` (expected ${first.expected})` : ""}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problems)` : ""}`,
        {
          file,
          path: first.path,
          ...(first.ids ? { ids: first.ids } : {}),
          ...(first.expected ? { expected: first.expected } : {}),
          issues: r.errors,
        },
      );
    }
    warnings.push(...r.warnings);
  }
  return warnings;
}

/** Prints reader warnings to stderr, at most `limit` lines. */
export function printWarnings(
  ctx: CommandContext,
  file: string,
  warnings: readonly ReadWarning[],
  limit = 20,
): void {
  for (const w of warnings.slice(0, limit))
    ctx.err(`${file}${w.line === undefined ? "" : `:${w.line}`}: warning ${w.code}: ${w.message}`);
  if (warnings.length > limit)
    ctx.err(`${file}: ... and ${warnings.length - limit} more warnings (use --json to see all)`);
}
