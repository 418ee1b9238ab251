import type { Project } from "@pmokit/core";
import { WarningSink } from "../internal/context.js";
import type { P6Data, P6Rec } from "../p6/map.js";
import { mapP6 } from "../p6/map.js";
import { decodeText } from "../text/decode.js";
import type { ReadWarning } from "../warnings.js";
import type { XerDocument } from "./tokenizer.js";
import { tokenizeXer } from "./tokenizer.js";

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

function records(doc: XerDocument, name: string): P6Rec[] {
  const t = doc.tables.get(name);
  if (!t) return [];
  const out: P6Rec[] = [];
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i]!;
    const f: Record<string, string> = {};
    for (let k = 0; k < t.fields.length; k++) f[t.fields[k]!] = row[k] ?? "";
    out.push({ f, line: t.lines[i]! });
  }
  return out;
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
  const doc = tokenizeXer(dec.text, {
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    ...(options.maxRows === undefined ? {} : { maxRows: options.maxRows }),
  });
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
    const base = records(doc, "CURRTYPE").find((r) => Number(r.f["base_exch_rate"]) === 1);
    currency = base?.f["curr_short_name"] ?? "";
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
    projects: records(doc, "PROJECT"),
    calendars: records(doc, "CALENDAR"),
    wbs: records(doc, "PROJWBS"),
    tasks: records(doc, "TASK"),
    preds: records(doc, "TASKPRED"),
    resources: records(doc, "RSRC"),
    rates: records(doc, "RSRCRATE"),
    assignments: records(doc, "TASKRSRC"),
    schedOptions: records(doc, "SCHEDOPTIONS"),
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
