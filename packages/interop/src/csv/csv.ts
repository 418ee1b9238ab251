import type { Assignment, Dependency, Duration, Project, Resource, Risk, Task, TimeUnit } from "@pmokit/core";
import {
  AssignmentSchema,
  DependencySchema,
  PmokitError,
  ProjectSchema,
  ResourceSchema,
  RiskSchema,
  TaskSchema,
  standardCalendar,
} from "@pmokit/core";
import type { z } from "zod";
import { normDateTime, normDecimal } from "../internal/context.js";
import { decodeText } from "../text/decode.js";
import type { ReadWarning } from "../warnings.js";

/**
 * Tables pmokit imports from and exports to CSV.
 *
 * @category CSV
 * @since 0.1.0
 */
export type CsvTable = "tasks" | "dependencies" | "resources" | "assignments" | "risks" | "projects";

type Kind = "string" | "int" | "number" | "boolean" | "date" | "duration" | "money" | "list";

interface FieldSpec {
  readonly path: string;
  readonly kind: Kind;
}

const f = (path: string, kind: Kind = "string"): FieldSpec => ({ path, kind });

const REPORTED = [
  f("reported.start", "date"),
  f("reported.finish", "date"),
  f("reported.earlyStart", "date"),
  f("reported.earlyFinish", "date"),
  f("reported.lateStart", "date"),
  f("reported.lateFinish", "date"),
  f("reported.totalSlackMinutes", "number"),
  f("reported.freeSlackMinutes", "number"),
  f("reported.critical", "boolean"),
  f("reported.startSlackMinutes", "number"),
  f("reported.finishSlackMinutes", "number"),
];

/** Columns of each table (field paths into the model objects) and how cells are decoded. */
const SPECS: Record<CsvTable, readonly FieldSpec[]> = {
  tasks: [
    f("id"),
    f("name"),
    f("wbs"),
    f("outlineLevel", "int"),
    f("parentId"),
    f("duration", "duration"),
    f("work", "duration"),
    f("milestone", "boolean"),
    f("type"),
    f("effortDriven", "boolean"),
    f("constraint.type"),
    f("constraint.date", "date"),
    f("secondaryConstraint.type"),
    f("secondaryConstraint.date", "date"),
    f("deadline", "date"),
    f("priority", "int"),
    f("manual", "boolean"),
    f("inactive", "boolean"),
    f("calendarId"),
    f("percentComplete", "number"),
    f("physicalPercentComplete", "number"),
    f("actualStart", "date"),
    f("actualFinish", "date"),
    f("actualDuration", "duration"),
    f("remainingDuration", "duration"),
    f("expectedFinish", "date"),
    f("activityType"),
    f("fixedCost", "money"),
    f("cost", "money"),
    f("notes"),
    ...REPORTED,
  ],
  dependencies: [
    f("id"),
    f("from"),
    f("to"),
    f("type"),
    f("lag", "duration"),
    f("fromProject"),
    f("toProject"),
    f("driving", "boolean"),
    f("notes"),
  ],
  resources: [
    f("id"),
    f("name"),
    f("type"),
    f("maxUnits", "number"),
    f("calendarId"),
    f("role"),
    f("skills", "list"),
    f("group"),
    f("email"),
    f("materialLabel"),
    f("costRateTables.A.0.standardRate", "money"),
    f("costRateTables.A.0.overtimeRate", "money"),
    f("costRateTables.A.0.costPerUse", "money"),
    f("notes"),
  ],
  assignments: [
    f("id"),
    f("taskId"),
    f("resourceId"),
    f("units", "number"),
    f("work", "number"),
    f("actualWork", "number"),
    f("remainingWork", "number"),
    f("contour"),
    f("start", "date"),
    f("finish", "date"),
    f("delay", "duration"),
    f("costRateTable"),
    f("cost", "money"),
  ],
  risks: [
    f("id"),
    f("title"),
    f("description"),
    f("kind"),
    f("status"),
    f("owner"),
    f("category"),
    f("probability", "number"),
    f("impacts.schedule", "duration"),
    f("impacts.cost", "money"),
    f("impacts.score", "number"),
    f("raisedDate", "date"),
    f("taskIds", "list"),
    f("projectIds", "list"),
  ],
  projects: [
    f("id"),
    f("name"),
    f("priority", "int"),
    f("settings.currency"),
    f("settings.startDate", "date"),
    f("settings.finishDate", "date"),
    f("settings.statusDate", "date"),
    f("settings.defaultCalendarId"),
    f("settings.minutesPerDay", "number"),
  ],
};

const SCHEMAS: Record<CsvTable, z.ZodType> = {
  tasks: TaskSchema,
  dependencies: DependencySchema,
  resources: ResourceSchema,
  assignments: AssignmentSchema,
  risks: RiskSchema,
  projects: ProjectSchema,
};

/**
 * Options of {@link parseCsv}.
 *
 * @category CSV
 * @since 0.1.0
 */
export interface ParseCsvOptions {
  /** Field delimiter (default: `,`, or `;` / tab when the header line has more of those). */
  readonly delimiter?: string;
  readonly fileName?: string;
  /** Maximum number of rows (default 10,000,000). */
  readonly maxRows?: number;
}

/**
 * Raw CSV: the header and rows of string cells (never typed), with the 1-based line of each row.
 *
 * @category CSV
 * @since 0.1.0
 */
export interface CsvData {
  readonly header: string[];
  readonly rows: string[][];
  readonly lines: number[];
  readonly delimiter: string;
}

function csvError(
  fileName: string | undefined,
  line: number,
  column: number,
  message: string,
  expected: string,
  extra: Record<string, unknown> = {},
): PmokitError {
  return new PmokitError("PARSE_ERROR", `${fileName ? `${fileName}:` : ""}${line}:${column}: ${message}`, {
    ...(fileName ? { file: fileName } : {}),
    line,
    column,
    expected,
    ...extra,
  });
}

/**
 * Parses CSV text (RFC 4180: quoted fields with `""` escapes and embedded line breaks, CRLF or LF)
 * into a header and rows of strings. Cells are never converted: typing happens in
 * {@link importCsv} through the model's zod schemas.
 *
 * @param text - CSV text
 * @param options - delimiter, file name, limits
 * @returns the header, rows and their lines
 * @throws PmokitError `PARSE_ERROR` with line and column for an unterminated quote or a stray quote
 * @example
 * ```ts
 * import { parseCsv } from "@pmokit/interop";
 * parseCsv('id,name\n1,"Design, phase 1"\n').rows; // [["1", "Design, phase 1"]]
 * ```
 * @category CSV
 * @since 0.1.0
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvData {
  const file = options.fileName;
  const maxRows = options.maxRows ?? 10_000_000;
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.length > 0 && !s.endsWith("\n")) s += "\n";
  let delim = options.delimiter;
  if (delim === undefined) {
    const first = s.slice(0, s.indexOf("\n"));
    const count = (c: string): number => first.split(c).length - 1;
    delim = count(";") > count(",") ? ";" : count("\t") > count(",") ? "\t" : ",";
  }
  if (delim.length !== 1 || delim === '"' || delim === "\n" || delim === "\r")
    throw new PmokitError("INVALID_INPUT", `invalid CSV delimiter '${delim}'`, {
      expected: "one character other than a quote or line break",
    });
  const d = delim.charCodeAt(0);
  const records: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = s.length;
  let lineStart = 0;
  while (i < n) {
    // One field.
    let value: string;
    if (s.charCodeAt(i) === 34) {
      const startLine = line;
      const startCol = i - lineStart + 1;
      let out = "";
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) throw csvError(file, startLine, startCol, "unterminated quoted field", "a closing quote");
        const chunk = s.slice(j, q);
        for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) {
          line++;
          lineStart = j + k + 1;
        }
        out += chunk;
        if (s.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      const c = s.charCodeAt(j);
      if (c !== d && c !== 10 && !(c === 13 && s.charCodeAt(j + 1) === 10))
        throw csvError(
          file,
          line,
          j - lineStart + 1,
          "unexpected character after a quoted field",
          "a delimiter or line end",
        );
      value = out;
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === d || c === 10) break;
        if (c === 13 && s.charCodeAt(j + 1) === 10) break;
        if (c === 34)
          throw csvError(
            file,
            line,
            j - lineStart + 1,
            "quote inside an unquoted field",
            "the whole field quoted",
          );
        j++;
      }
      value = s.slice(i, j);
      i = j;
    }
    row.push(value);
    const c = s.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // Line end.
    i += c === 13 ? 2 : 1;
    if (!(row.length === 1 && row[0] === "")) {
      records.push(row);
      lines.push(rowLine);
      if (records.length > maxRows + 1)
        throw new PmokitError("LIMIT_EXCEEDED", `${file ? `${file}: ` : ""}more than ${maxRows} CSV rows`, {
          ...(file ? { file } : {}),
          line,
          expected: `at most ${maxRows} rows`,
        });
    }
    row = [];
    line++;
    lineStart = i;
    rowLine = line;
  }
  const header = (records.shift() ?? []).map((h) => h.trim());
  lines.shift();
  return { header, rows: records, lines, delimiter: delim };
}

/**
 * Options of {@link importCsv}.
 *
 * @category CSV
 * @since 0.1.0
 */
export interface ImportCsvOptions extends ParseCsvOptions {
  /** Which table the CSV holds. */
  readonly table: CsvTable;
  /**
   * Explicit column mapping: model field path (e.g. `duration`, `constraint.date`,
   * `reported.totalSlackMinutes`) → CSV header. Fields not mapped are matched by a header equal
   * to the field path. Headers `customFields.<key>` fill custom fields (as text).
   */
  readonly columns?: Readonly<Record<string, string>>;
  /** Currency of money cells that do not name one (`"12.50"`); `"12.50 EUR"` names its own. */
  readonly currency?: string;
  /** Text encoding of byte input. */
  readonly encoding?: string;
}

/**
 * Result of {@link importCsv}.
 *
 * @category CSV
 * @since 0.1.0
 */
export interface ImportCsvResult<T> {
  readonly rows: T[];
  readonly warnings: ReadWarning[];
}

const UNITS: Record<string, TimeUnit> = {
  m: "minutes",
  min: "minutes",
  mins: "minutes",
  minute: "minutes",
  minutes: "minutes",
  h: "hours",
  hr: "hours",
  hrs: "hours",
  hour: "hours",
  hours: "hours",
  d: "days",
  day: "days",
  days: "days",
  w: "weeks",
  wk: "weeks",
  week: "weeks",
  weeks: "weeks",
  mo: "months",
  mon: "months",
  month: "months",
  months: "months",
  y: "years",
  yr: "years",
  year: "years",
  years: "years",
  em: "elapsedMinutes",
  eh: "elapsedHours",
  ed: "elapsedDays",
  ew: "elapsedWeeks",
  emo: "elapsedMonths",
  ey: "elapsedYears",
  "%": "percent",
};
const UNIT_ABBR: Record<TimeUnit, string> = {
  minutes: "m",
  hours: "h",
  days: "d",
  weeks: "w",
  months: "mo",
  years: "y",
  elapsedMinutes: "em",
  elapsedHours: "eh",
  elapsedDays: "ed",
  elapsedWeeks: "ew",
  elapsedMonths: "emo",
  elapsedYears: "ey",
  percent: "%",
};

/** `5d`, `5 days`, `-2h`, `1.5 ew`, `50%` → a duration. */
function parseDurationCell(v: string): Duration | undefined {
  const m = /^(-?\d+(?:\.\d+)?)\s*([A-Za-z%]+)$/.exec(v.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()] ?? (UNITS as Record<string, TimeUnit>)[m[2]!];
  if (!unit) return undefined;
  return { value: Number(m[1]), unit };
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: Record<string, unknown> | unknown[] = obj;
  for (let k = 0; k < parts.length - 1; k++) {
    const key = parts[k]!;
    const nextIsIndex = /^\d+$/.test(parts[k + 1]!);
    const container = cur as Record<string, unknown>;
    if (container[key] === undefined) container[key] = nextIsIndex ? [] : {};
    cur = container[key] as Record<string, unknown>;
  }
  (cur as Record<string, unknown>)[parts[parts.length - 1]!] = value;
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function tableFields(table: CsvTable): readonly FieldSpec[] {
  const spec = SPECS[table];
  if (!spec)
    throw new PmokitError("INVALID_INPUT", `unknown CSV table '${String(table)}'`, {
      expected: Object.keys(SPECS).join(", "),
      received: String(table),
    });
  return spec;
}

/**
 * Imports a CSV table into model objects (tasks, dependencies, resources, assignments, risks, or
 * portfolio projects). Columns are mapped explicitly (`columns`) or by header name; every cell is
 * decoded by its field's type (decimal money strings stay decimal, dates must be ISO, durations
 * carry units such as `5d`, `2ew`, `50%`; nothing is auto-typed), then each row is validated
 * with the model's zod schema. Empty cells mean "absent" (schema defaults apply). Unknown columns
 * are reported as warnings.
 *
 * @param input - CSV bytes or text
 * @param options - table, column mapping, currency, delimiter
 * @returns the rows and warnings
 * @throws PmokitError `PARSE_ERROR` for malformed CSV, `SCHEMA_VIOLATION` naming line, column and
 *   expectation when a cell does not decode or a row fails the schema
 * @example
 * ```ts
 * import { importCsv } from "@pmokit/interop";
 * const { rows } = importCsv("ID,Task,Dur\nA,Design,5d\n", {
 *   table: "tasks",
 *   columns: { id: "ID", name: "Task", duration: "Dur" },
 * });
 * rows[0]?.duration; // { value: 5, unit: "days" }
 * ```
 * @category CSV
 * @since 0.1.0
 */
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "tasks" },
): ImportCsvResult<Task>;
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "dependencies" },
): ImportCsvResult<Dependency>;
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "resources" },
): ImportCsvResult<Resource>;
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "assignments" },
): ImportCsvResult<Assignment>;
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "risks" },
): ImportCsvResult<Risk>;
export function importCsv(
  input: Uint8Array | string,
  options: ImportCsvOptions & { table: "projects" },
): ImportCsvResult<Project>;
export function importCsv(input: Uint8Array | string, options: ImportCsvOptions): ImportCsvResult<unknown>;
export function importCsv(input: Uint8Array | string, options: ImportCsvOptions): ImportCsvResult<unknown> {
  const file = options.fileName;
  const text = decodeText(input, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(file === undefined ? {} : { fileName: file }),
  }).text;
  const data = parseCsv(text, options);
  const spec = tableFields(options.table);
  const warnings: ReadWarning[] = [];
  const headerIndex = new Map<string, number>();
  data.header.forEach((h, k) => {
    if (!headerIndex.has(h)) headerIndex.set(h, k);
    else
      warnings.push({
        code: "DUPLICATE_COLUMN",
        message: `column '${h}' appears twice; the first is used`,
        line: data.lines.length > 0 ? 1 : 1,
        element: h,
      });
  });
  const columns = options.columns ?? {};
  const known = new Set(spec.map((s) => s.path));
  for (const field of Object.keys(columns)) {
    if (!known.has(field) && !field.startsWith("customFields."))
      throw new PmokitError("INVALID_INPUT", `column mapping: unknown ${options.table} field '${field}'`, {
        path: `columns.${field}`,
        expected: [...known].join(", "),
        received: field,
      });
    if (!headerIndex.has(columns[field]!))
      throw new PmokitError(
        "INVALID_INPUT",
        `${file ? `${file}: ` : ""}column mapping: no column '${columns[field]}' for field '${field}'`,
        {
          ...(file ? { file } : {}),
          line: 1,
          path: `columns.${field}`,
          expected: `one of the headers ${data.header.join(", ")}`,
          received: columns[field]!,
        },
      );
  }
  const mapped: { spec: FieldSpec; col: number }[] = [];
  const usedCols = new Set<number>();
  for (const s of spec) {
    const header = columns[s.path] ?? (headerIndex.has(s.path) ? s.path : undefined);
    if (header === undefined) continue;
    const col = headerIndex.get(header)!;
    mapped.push({ spec: s, col });
    usedCols.add(col);
  }
  const custom: { key: string; col: number }[] = [];
  for (const [field, header] of Object.entries(columns)) {
    if (field.startsWith("customFields.")) {
      const col = headerIndex.get(header)!;
      custom.push({ key: field.slice(13), col });
      usedCols.add(col);
    }
  }
  data.header.forEach((h, k) => {
    if (usedCols.has(k)) return;
    if (h.startsWith("customFields.")) {
      custom.push({ key: h.slice(13), col: k });
      return;
    }
    warnings.push({
      code: "UNMAPPED_COLUMN",
      message: `column '${h}' is not mapped to a ${options.table} field and was ignored`,
      line: 1,
      element: h,
    });
  });
  const schema = SCHEMAS[options.table];
  const colOfPath = new Map(mapped.map((m) => [m.spec.path, m.col]));
  const rows: unknown[] = [];
  data.rows.forEach((cells, r) => {
    const line = data.lines[r]!;
    const obj: Record<string, unknown> = {};
    const bad = (col: number, expected: string, got: string): never => {
      throw new PmokitError(
        "SCHEMA_VIOLATION",
        `${file ? `${file}:` : ""}${line}:${col + 1}: column '${data.header[col]}': expected ${expected}, got '${got.slice(0, 60)}'`,
        {
          ...(file ? { file } : {}),
          line,
          column: col + 1,
          path: `rows[${r}].${data.header[col]}`,
          expected,
          received: got,
        },
      );
    };
    if (cells.length > data.header.length && cells.slice(data.header.length).some((c) => c.trim() !== ""))
      warnings.push({
        code: "EXTRA_CELLS",
        message: `row has ${cells.length} cells for ${data.header.length} columns; extra cells ignored`,
        line,
      });
    for (const { spec: s, col } of mapped) {
      const raw = cells[col] ?? "";
      const v = raw.trim();
      if (v === "") continue;
      let value: unknown;
      switch (s.kind) {
        case "string":
          value = raw;
          break;
        case "int":
          if (!/^-?\d+$/.test(v)) bad(col, "an integer", v);
          value = Number(v);
          break;
        case "number": {
          const n = normDecimal(v);
          if (n === undefined) bad(col, "a number such as 12.5", v);
          value = Number(n);
          break;
        }
        case "boolean": {
          const l = v.toLowerCase();
          if (["true", "1", "yes", "y"].includes(l)) value = true;
          else if (["false", "0", "no", "n"].includes(l)) value = false;
          else bad(col, "true/false, 1/0 or yes/no", v);
          break;
        }
        case "date": {
          const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : normDateTime(v);
          if (d === undefined || (d.length === 10 && normDateTime(d) === undefined))
            bad(col, "an ISO date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm:ss", v);
          value = d;
          break;
        }
        case "duration": {
          const d = parseDurationCell(v);
          if (!d) bad(col, "a duration with unit such as 5d, 4h, 2w, 3ed or 50%", v);
          value = d;
          break;
        }
        case "money": {
          const m = /^(?:([A-Z]{3})\s*)?(-?\d+(?:\.\d+)?)(?:\s*([A-Z]{3}))?$/.exec(v);
          const amount = m ? normDecimal(m[2]!) : undefined;
          const currency = m?.[1] ?? m?.[3] ?? options.currency;
          if (!m || amount === undefined)
            bad(col, "a decimal amount such as 12.50 (optionally with an ISO currency: 12.50 EUR)", v);
          if (currency === undefined)
            bad(col, "a currency (pass the 'currency' option or write '12.50 EUR')", v);
          value = { amount, currency };
          break;
        }
        case "list":
          value = v
            .split(";")
            .map((x) => x.trim())
            .filter((x) => x !== "");
          break;
      }
      setPath(obj, s.path, value);
    }
    for (const { key, col } of custom) {
      const v = cells[col] ?? "";
      if (v.trim() === "") continue;
      ((obj["customFields"] ??= {}) as Record<string, unknown>)[key] = v;
    }
    if (options.table === "projects") {
      const settings = (obj["settings"] ??= {}) as Record<string, unknown>;
      if (settings["currency"] === undefined && options.currency !== undefined)
        settings["currency"] = options.currency;
      if (settings["defaultCalendarId"] === undefined) settings["defaultCalendarId"] = "standard";
      obj["calendars"] = [standardCalendar(String(settings["defaultCalendarId"]))];
    }
    const res = schema.safeParse(obj);
    if (!res.success) {
      const issue = res.error.issues[0]!;
      const path = issue.path.map(String);
      let col: number | undefined;
      for (let k = path.length; k > 0 && col === undefined; k--)
        col = colOfPath.get(path.slice(0, k).join("."));
      const where = col === undefined ? `${line}` : `${line}:${col + 1}`;
      throw new PmokitError(
        "SCHEMA_VIOLATION",
        `${file ? `${file}:` : ""}${where}: ${col === undefined ? `field '${path.join(".") || "(row)"}'` : `column '${data.header[col]}'`}: ${issue.message}`,
        {
          ...(file ? { file } : {}),
          line,
          ...(col === undefined ? {} : { column: col + 1 }),
          path: `rows[${r}].${path.join(".")}`,
          expected: issue.message,
        },
      );
    }
    rows.push(res.data);
  });
  return { rows, warnings };
}

/**
 * Options of {@link exportCsv}.
 *
 * @category CSV
 * @since 0.1.0
 */
export interface ExportCsvOptions {
  readonly table: CsvTable;
  /** Field path → header; also selects and orders the columns. Default: every field any row has. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Delimiter (default `,`). */
  readonly delimiter?: string;
}

function quote(v: string, delim: string): string {
  return v.includes(delim) || v.includes('"') || v.includes("\n") || v.includes("\r") || v !== v.trim()
    ? `"${v.replace(/"/g, '""')}"`
    : v;
}

function encodeCell(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return "";
  switch (kind) {
    case "duration": {
      const d = value as Duration;
      return `${d.value}${UNIT_ABBR[d.unit]}`;
    }
    case "money": {
      const m = value as { amount: string; currency: string };
      return `${m.amount} ${m.currency}`;
    }
    case "list":
      return (value as string[]).join(";");
    case "boolean":
      return value ? "true" : "false";
    default:
      return String(value);
  }
}

/**
 * Exports model objects as a CSV table with the same column conventions {@link importCsv} reads
 * (durations as `5d`, money as `12.50 USD`, lists separated by `;`, ISO dates), so export →
 * import round-trips.
 *
 * @param rows - tasks, dependencies, resources, assignments, risks or projects
 * @param options - table, column selection/headers, delimiter
 * @returns CSV text with a header line and CRLF-free `\n` line ends
 * @example
 * ```ts
 * import { exportCsv } from "@pmokit/interop";
 * exportCsv([{ id: "A", name: "Design", duration: { value: 5, unit: "days" } }], {
 *   table: "tasks",
 *   columns: { id: "ID", name: "Task", duration: "Dur" },
 * }); // "ID,Task,Dur\nA,Design,5d\n"
 * ```
 * @category CSV
 * @since 0.1.0
 */
export function exportCsv(rows: readonly unknown[], options: ExportCsvOptions): string {
  const delim = options.delimiter ?? ",";
  const spec = tableFields(options.table);
  const byPath = new Map(spec.map((s) => [s.path, s]));
  let cols: { path: string; header: string; kind: Kind }[];
  if (options.columns) {
    cols = Object.entries(options.columns).map(([path, header]) => {
      const s = byPath.get(path);
      if (!s && !path.startsWith("customFields."))
        throw new PmokitError("INVALID_INPUT", `column mapping: unknown ${options.table} field '${path}'`, {
          path: `columns.${path}`,
          expected: [...byPath.keys()].join(", "),
        });
      return { path, header, kind: s?.kind ?? "string" };
    });
  } else {
    cols = spec
      .filter((s) => rows.some((r) => getPath(r, s.path) !== undefined))
      .map((s) => ({ path: s.path, header: s.path, kind: s.kind }));
    const customKeys = new Set<string>();
    for (const r of rows) {
      const cf = getPath(r, "customFields");
      if (cf && typeof cf === "object") for (const k of Object.keys(cf)) customKeys.add(k);
    }
    for (const k of customKeys)
      cols.push({ path: `customFields.${k}`, header: `customFields.${k}`, kind: "string" });
  }
  const out: string[] = [cols.map((c) => quote(c.header, delim)).join(delim)];
  for (const r of rows) {
    out.push(
      cols
        .map((c) => {
          const v = c.path.startsWith("customFields.")
            ? (getPath(r, "customFields") as Record<string, unknown> | undefined)?.[c.path.slice(13)]
            : getPath(r, c.path);
          return quote(encodeCell(v, c.kind), delim);
        })
        .join(delim),
    );
  }
  return `${out.join("\n")}\n`;
}
