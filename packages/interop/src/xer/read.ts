import type { Project } from "@pmokit/core";
import { WarningSink } from "../internal/context.js";
import type { P6Data, P6Rec } from "../p6/map.js";
import { fv, mapP6 } from "../p6/map.js";
import { decodeText } from "../text/decode.js";
import type { ReadWarning } from "../warnings.js";
import type { XerScanTable } from "./tokenizer.js";
import { scanXer } from "./tokenizer.js";

/**
 * Options of {@link readXer}.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface ReadXerOptions {
  /** File name for messages. */
  readonly fileName?: string;
  /**
   * Text encoding of byte input (any WHATWG label). Default: UTF-8 when the bytes are valid UTF-8,
   * else windows-1251 when the text looks Cyrillic, else windows-1252 (P6's usual export encoding).
   */
  readonly encoding?: string;
  /** Maximum number of rows (default 10,000,000). */
  readonly maxRows?: number;
}

/**
 * Result of {@link readXer}: one project per `PROJECT` row.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface ReadXerResult {
  readonly projects: Project[];
  readonly warnings: ReadWarning[];
  /** The encoding used to decode the bytes and how it was chosen. */
  readonly encoding: { readonly name: string; readonly source: string };
  /** XER header: P6 version and export date. */
  readonly header: { readonly version: string; readonly exportDate: string };
}

const TABLES_USED = new Set([
  "PROJECT",
  "CALENDAR",
  "PROJWBS",
  "TASK",
  "TASKPRED",
  "RSRC",
  "RSRCRATE",
  "TASKRSRC",
  "SCHEDOPTIONS",
  "CURRTYPE",
]);

/**
 * A P6 record of an XER row that keeps only the row's position: it is split into cells when read
 * (`c` keeps the split for records read field by field; the mapper's hot paths use `fresh()`,
 * which does not), so a large TASK table never sits in memory as millions of cell strings.
 */
class XerRec implements P6Rec {
  aid: string | undefined = undefined;
  tid: string | undefined = undefined;
  proj: string | undefined = undefined;
  wbs: string | undefined = undefined;
  private cells: string[] | undefined = undefined;
  private readonly text: string;
  private readonly start: number;
  private readonly end: number;
  private readonly nf: number;
  readonly cols: ReadonlyMap<string, number>;
  readonly line: number;
  constructor(
    text: string,
    start: number,
    end: number,
    nf: number,
    cols: ReadonlyMap<string, number>,
    line: number,
  ) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.nf = nf;
    this.cols = cols;
    this.line = line;
  }
  get c(): readonly string[] {
    return (this.cells ??= this.fresh());
  }
  at(i: number): string | undefined {
    if (this.cells !== undefined) return this.cells[i];
    const text = this.text;
    const end = this.end;
    // Cell i starts after the i-th tab of the line; the first tab follows the tag.
    let p = this.start + 2;
    if (p >= end) return i <= this.nf ? "" : undefined;
    for (let k = 1; k < i; k++) {
      p = text.indexOf("\t", p + 1);
      if (p < 0 || p >= end) return i <= this.nf ? "" : undefined;
    }
    let q = text.indexOf("\t", p + 1);
    if (q < 0 || q > end) q = end;
    return text.slice(p + 1, q);
  }
  fresh(): string[] {
    if (this.cells !== undefined) return this.cells;
    const cells = this.text.slice(this.start, this.end).split("\t");
    while (cells.length <= this.nf) cells.push("");
    return cells;
  }
}

/**
 * Builds the P6 records of the tables the mapper reads (cells indexed by the table's column index,
 * tag at index 0, shared by its rows); rows of other tables are only counted.
 */
function makeRecs(): (
  text: string,
  start: number,
  end: number,
  nf: number,
  t: XerScanTable<P6Rec | undefined>,
  line: number,
) => P6Rec | undefined {
  let table: XerScanTable<P6Rec | undefined> | undefined;
  let cols: Map<string, number> | undefined;
  return (text, start, end, nf, t, line) => {
    if (t !== table) {
      table = t;
      cols = undefined;
      if (TABLES_USED.has(t.name)) {
        cols = new Map();
        for (let k = 0; k < nf; k++) cols.set(t.fields[k]!, k + 1);
      }
    }
    return cols === undefined ? undefined : new XerRec(text, start, end, nf, cols, line);
  };
}

function records(tables: ReadonlyMap<string, XerScanTable<P6Rec | undefined>>, name: string): P6Rec[] {
  const t = tables.get(name);
  return t ? (t.rows as P6Rec[]) : [];
}

/**
 * Reads a Primavera P6 XER export: every project in the file (tables `PROJECT`, `CALENDAR` with its
 * `clndr_data`, `PROJWBS`, `TASK`, `TASKPRED`, `RSRC`, `RSRCRATE`, `TASKRSRC`, `SCHEDOPTIONS`).
 * Activities keep their P6 type (`activityType`), primary and secondary constraints, data date
 * (`settings.statusDate`), and P6's early/late dates and total/free float as `reported` values.
 * WBS nodes become summary tasks; relationships to activities of other projects become external
 * dependencies (`fromProject`). Bytes are decoded with `TextDecoder` (see `encoding`).
 *
 * @param input - the file's bytes or text
 * @param options - file name, encoding, limits
 * @returns the projects, warnings, the encoding used and the header
 * @throws PmokitError `PARSE_ERROR` (with line) for malformed or truncated XER, `LIMIT_EXCEEDED`
 * @example
 * ```ts
 * import { readXer } from "@pmokit/interop";
 * const { projects } = readXer(bytes, { fileName: "export.xer" });
 * projects[0]?.settings.statusDate; // P6 data date
 * ```
 * @category Primavera
 * @since 0.1.0
 */
export function readXer(input: Uint8Array | string, options: ReadXerOptions = {}): ReadXerResult {
  const dec = decodeText(input, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    fallback: "windows-1252",
  });
  const doc = scanXer(
    dec.text,
    {
      ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
      ...(options.maxRows === undefined ? {} : { maxRows: options.maxRows }),
    },
    makeRecs(),
  );
  const sink = new WarningSink();
  for (const w of doc.warnings) sink.add(w);
  if (dec.source === "guessed")
    sink.add({
      code: "ENCODING_GUESSED",
      message: `text encoding not declared; decoded as ${dec.encoding} (pass 'encoding' to override)`,
      element: "ERMHDR",
    });
  for (const [name, t] of doc.tables) {
    if (!TABLES_USED.has(name) && t.rows.length > 0)
      sink.add({
        code: "UNMAPPED_TABLE",
        message: `table ${name} (${t.rows.length} rows) is not imported`,
        line: t.line,
        element: name,
      });
  }
  const header = doc.header;
  let currency = header[header.length - 1] ?? "";
  if (!/^[A-Z]{3}$/.test(currency)) {
    const base = records(doc.tables, "CURRTYPE").find((r) => Number(fv(r, "base_exch_rate")) === 1);
    currency = (base && fv(base, "curr_short_name")) ?? "";
    if (!/^[A-Z]{3}$/.test(currency)) {
      sink.add({
        code: "DEFAULTED",
        message: "no ISO currency in the header; USD assumed",
        element: "ERMHDR",
      });
      currency = "USD";
    }
  }
  const data: P6Data = {
    source: "XER",
    currency,
    projects: records(doc.tables, "PROJECT"),
    calendars: records(doc.tables, "CALENDAR"),
    wbs: records(doc.tables, "PROJWBS"),
    tasks: records(doc.tables, "TASK"),
    preds: records(doc.tables, "TASKPRED"),
    resources: records(doc.tables, "RSRC"),
    rates: records(doc.tables, "RSRCRATE"),
    assignments: records(doc.tables, "TASKRSRC"),
    schedOptions: records(doc.tables, "SCHEDOPTIONS"),
  };
  const projects = mapP6(data, sink, options.fileName);
  if (projects.length === 0)
    sink.add({ code: "NO_PROJECT", message: "the file has no PROJECT rows", element: "PROJECT" });
  return {
    projects,
    warnings: sink.done(),
    encoding: { name: dec.encoding, source: dec.source },
    header: { version: header[0] ?? "", exportDate: header[1] ?? "" },
  };
}
