import { PmokitError } from "@pmokit/core";
import type { ReadWarning } from "../warnings.js";

/**
 * One table of an XER file: its field names and rows of raw string cells, with the 1-based line of
 * each row for error messages.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface XerTable {
  readonly name: string;
  readonly fields: readonly string[];
  readonly rows: string[][];
  readonly lines: number[];
  /** 1-based line of the `%T` record. */
  readonly line: number;
}

/**
 * A tokenized XER file: the `ERMHDR` header cells and the tables by name.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface XerDocument {
  readonly header: readonly string[];
  readonly tables: ReadonlyMap<string, XerTable>;
  readonly warnings: ReadWarning[];
}

/** Options of {@link tokenizeXer}. */
export interface XerTokenizeOptions {
  readonly fileName?: string;
  /** Maximum number of rows over all tables (default 10,000,000). */
  readonly maxRows?: number;
  /** Maximum number of fields in one table (default 1,000). */
  readonly maxFields?: number;
}

function parseError(
  message: string,
  line: number,
  expected: string,
  fileName: string | undefined,
  code: "PARSE_ERROR" | "LIMIT_EXCEEDED" = "PARSE_ERROR",
): never {
  throw new PmokitError(
    code,
    `${fileName ? `${fileName}:` : ""}${line}:1: ${message} (expected ${expected})`,
    {
      ...(fileName === undefined ? {} : { file: fileName }),
      line,
      column: 1,
      expected,
    },
  );
}

/**
 * Splits an XER text (Primavera's tab-separated table dump: `ERMHDR`, then `%T` table, `%F` field
 * names, `%R` rows, and the `%E` end marker) into tables of string cells. Cells are not typed here.
 * Rows with more cells than fields are truncated with a warning; short rows are padded with `""`.
 *
 * @param text - the decoded XER text (see {@link decodeText})
 * @param options - file name and limits
 * @returns the header, the tables and warnings
 * @throws PmokitError `PARSE_ERROR` (with line) when the file is not XER, a record appears out of
 *   place, a table is repeated, or the `%E` end marker is missing (truncated file)
 * @example
 * ```ts
 * import { tokenizeXer } from "@pmokit/interop";
 * const doc = tokenizeXer("ERMHDR\t20.12\n%T\tTASK\n%F\ttask_id\n%R\t1\n%E\n");
 * doc.tables.get("TASK")?.rows; // [["1"]]
 * ```
 * @category Primavera
 * @since 0.1.0
 */
export function tokenizeXer(text: string, options: XerTokenizeOptions = {}): XerDocument {
  return scanXer(text, options, rowCells);
}

/** Cells of one `%R` record, cut or padded to `nf` fields. */
function rowCells(text: string, start: number, end: number, nf: number): string[] {
  const row = text.slice(start, end).split("\t");
  row.shift();
  if (row.length > nf) row.length = nf;
  while (row.length < nf) row.push("");
  return row;
}

/** A table of {@link scanXer}: rows built by the caller's row builder. */
export interface XerScanTable<R> {
  readonly name: string;
  readonly fields: readonly string[];
  readonly rows: R[];
  readonly lines: number[];
  readonly line: number;
}

/**
 * The XER scanner behind {@link tokenizeXer}: same records, checks, errors and warnings, but each
 * `%R` row is handed to `makeRow` as its position in the text (`start` at the `%R` tag, `end` before
 * the line break), with the table's field count, the table and the line, so readers decide whether
 * and when to split it into cells.
 */
export function scanXer<R>(
  text: string,
  options: XerTokenizeOptions,
  makeRow: (text: string, start: number, end: number, nf: number, table: XerScanTable<R>, line: number) => R,
): { header: readonly string[]; tables: Map<string, XerScanTable<R>>; warnings: ReadWarning[] } {
  const file = options.fileName;
  const maxRows = options.maxRows ?? 10_000_000;
  const maxFields = options.maxFields ?? 1000;
  const warnings: ReadWarning[] = [];
  const tables = new Map<string, XerScanTable<R>>();
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let lineNo = 0;
  let header: string[] | undefined;
  let current: XerScanTable<R> | undefined;
  let fieldsSeen = false;
  let ended = false;
  let rowCount = 0;
  while (pos < n) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = n;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const start = pos;
    pos = nl + 1;
    lineNo++;
    if (lineEnd === start) continue;
    if (ended) {
      warnings.push({
        code: "XER_TRAILING_DATA",
        message: `data after the %E end marker ignored`,
        line: lineNo,
      });
      break;
    }
    if (
      header !== undefined &&
      text.charCodeAt(start) === 37 &&
      text.charCodeAt(start + 1) === 82 &&
      (start + 2 === lineEnd || text.charCodeAt(start + 2) === 9)
    ) {
      // %R row: not split here (the row builder decides); only its cell count is checked.
      if (!current || !fieldsSeen)
        parseError("%R record before the table's %F record", lineNo, "%T and %F first", file);
      if (++rowCount > maxRows)
        parseError("too many rows", lineNo, `at most ${maxRows}`, file, "LIMIT_EXCEEDED");
      const nf = current.fields.length;
      // Cell j of the row starts after its j-th tab (the first is right after the tag).
      let tab = start + 2;
      let k = 0;
      if (tab < lineEnd) {
        k = 1;
        while (k <= nf) {
          const q = text.indexOf("\t", tab + 1);
          if (q < 0 || q >= lineEnd) break;
          tab = q;
          k++;
        }
      }
      // When k > nf, `tab` is the tab before the first extra cell.
      if (k > nf) {
        let extra = false;
        for (let q = tab + 1; q < lineEnd; q++)
          if (text.charCodeAt(q) !== 9) {
            extra = true;
            break;
          }
        if (extra) {
          let nc = k;
          for (let q = tab + 1; q < lineEnd; q++) if (text.charCodeAt(q) === 9) nc++;
          warnings.push({
            code: "XER_EXTRA_CELLS",
            message: `row of ${current.name} has ${nc} cells for ${nf} fields; extra cells ignored`,
            line: lineNo,
            element: current.name,
          });
        }
      }
      current.rows.push(makeRow(text, start, lineEnd, nf, current, lineNo));
      current.lines.push(lineNo);
      continue;
    }
    const line = text.slice(start, lineEnd);
    const cells = line.split("\t");
    const tag = cells[0]!;
    if (header === undefined) {
      if (tag !== "ERMHDR")
        parseError("not an XER file: the first line must start with ERMHDR", lineNo, "ERMHDR", file);
      header = cells.slice(1);
      continue;
    }
    switch (tag) {
      case "%T": {
        const name = cells[1] ?? "";
        if (name === "") parseError("table record without a name", lineNo, "%T<TAB>TABLE", file);
        if (tables.has(name)) parseError(`table ${name} appears twice`, lineNo, "each table once", file);
        current = { name, fields: [], rows: [], lines: [], line: lineNo };
        tables.set(name, current);
        fieldsSeen = false;
        break;
      }
      case "%F": {
        if (!current) parseError("%F record before any %T table record", lineNo, "%T<TAB>TABLE first", file);
        if (fieldsSeen)
          parseError(`second %F record in table ${current.name}`, lineNo, "one %F per table", file);
        const fields = cells.slice(1);
        if (fields.length > maxFields)
          parseError(
            `table ${current.name} has ${fields.length} fields`,
            lineNo,
            `at most ${maxFields}`,
            file,
            "LIMIT_EXCEEDED",
          );
        (current.fields as string[]).push(...fields);
        fieldsSeen = true;
        break;
      }
      case "%E":
        ended = true;
        break;
      default:
        parseError(`unknown record '${tag.slice(0, 20)}'`, lineNo, "%T, %F, %R or %E", file);
    }
  }
  if (header === undefined) parseError("empty input", 1, "an XER file starting with ERMHDR", file);
  if (!ended) parseError("missing %E end marker (file truncated?)", lineNo + 1, "%E", file);
  return { header, tables, warnings };
}
