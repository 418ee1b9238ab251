import type { Portfolio, Project } from "@pmokit/core";
import { PmokitError, isPmokitError, parsePortfolio, parseProject } from "@pmokit/core";
import { lineColumn } from "./internal/text.js";
import { readMspdi } from "./mspdi/read.js";
import { readPmxml } from "./pmxml/read.js";
import { decodeText } from "./text/decode.js";
import type { ReadWarning } from "./warnings.js";
import { readXer } from "./xer/read.js";

/**
 * File formats pmokit reads.
 *
 * @category Reading
 * @since 0.1.0
 */
export type ProjectFileFormat = "mspdi" | "xer" | "pmxml" | "json-project" | "json-portfolio";

/**
 * Result of {@link readProjectFile}.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface ReadProjectFileResult {
  readonly format: ProjectFileFormat;
  /** The projects of the file (one for MSPDI and project JSON; every project for XER, PMXML, portfolio JSON). */
  readonly projects: Project[];
  /** The portfolio, for portfolio JSON. */
  readonly portfolio?: Portfolio;
  readonly warnings: ReadWarning[];
}

/**
 * Options of {@link readProjectFile}.
 *
 * @category Reading
 * @since 0.1.0
 */
export interface ReadProjectFileOptions {
  /** File name, used in messages (never read: library code does no I/O). */
  readonly fileName?: string;
  /** Force a text encoding for byte input. */
  readonly encoding?: string;
}

/**
 * Detects the format of a project file from its content: `ERMHDR` → XER; XML with root
 * `<Project>` → MSPDI, `<APIBusinessObjects>` → PMXML; JSON with `projects` → portfolio, else a
 * project. The file name is only used in messages.
 *
 * @param input - bytes or text
 * @returns the format
 * @throws PmokitError `UNSUPPORTED_FORMAT` when the content is none of these
 * @example
 * ```ts
 * import { detectFormat } from "@pmokit/interop";
 * detectFormat("ERMHDR\t20.12\n"); // "xer"
 * ```
 * @category Reading
 * @since 0.1.0
 */
export function detectFormat(input: Uint8Array | string, fileName?: string): ProjectFileFormat {
  let head: string;
  if (typeof input === "string") head = input.slice(0, 4096);
  else {
    const slice = input.subarray(0, 4096);
    head = decodeText(slice, { fallback: "windows-1252" }).text;
  }
  let k = 0;
  while (k < head.length && (head.charCodeAt(k) === 0xfeff || head.charCodeAt(k) === 0)) k++;
  head = head.slice(k);
  const t = head.trimStart();
  if (t.startsWith("ERMHDR")) return "xer";
  if (t.startsWith("<")) {
    const re = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      const before = t.slice(Math.max(0, m.index - 1), m.index + 2);
      if (before.startsWith("<?") || before.startsWith("<!")) continue;
      const name = m[2]!;
      if (name === "Project") return "mspdi";
      if (name === "APIBusinessObjects") return "pmxml";
      break;
    }
    throw new PmokitError(
      "UNSUPPORTED_FORMAT",
      `${fileName ? `${fileName}: ` : ""}XML file is neither MS Project XML (<Project>) nor P6 XML (<APIBusinessObjects>)`,
      {
        ...(fileName ? { file: fileName } : {}),
        expected: "<Project> or <APIBusinessObjects> root element",
      },
    );
  }
  if (t.startsWith("{"))
    return /"projects"\s*:/.test(t) && !/"tasks"\s*:[\s\S]*"projects"/.test(t.slice(0, 200))
      ? "json-portfolio"
      : "json-project";
  throw new PmokitError(
    "UNSUPPORTED_FORMAT",
    `${fileName ? `${fileName}: ` : ""}unknown file format (expected MS Project XML, Primavera XER, P6 XML, or a pmokit project/portfolio JSON)`,
    {
      ...(fileName ? { file: fileName } : {}),
      expected: "MS Project XML, Primavera XER, P6 XML, or a pmokit project/portfolio JSON",
    },
  );
}

function parseJson(text: string, fileName: string | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const lc = pos ? lineColumn(text, Number(pos[1])) : lineColumn(text, text.length);
    throw new PmokitError(
      "PARSE_ERROR",
      `${fileName ? `${fileName}:` : ""}${lc.line}:${lc.column}: invalid JSON (${msg})`,
      {
        ...(fileName ? { file: fileName } : {}),
        line: lc.line,
        column: lc.column,
        expected: "a JSON document",
      },
    );
  }
}

function withFile<T>(fileName: string | undefined, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isPmokitError(e) && fileName && !e.message.startsWith(fileName))
      throw new PmokitError(
        e.code,
        `${fileName}: ${e.message}`,
        { ...e.details, file: fileName },
        { cause: e },
      );
    throw e;
  }
}

/**
 * Reads any project file pmokit understands (MSPDI, XER, PMXML, pmokit project or portfolio JSON),
 * detecting the format from the content. This is what `pmokit schedule` and `pmokit validate` use.
 *
 * @param input - the file's bytes (or text)
 * @param options - file name for messages, forced encoding
 * @returns the format, the project(s), the portfolio for portfolio JSON, and warnings
 * @throws PmokitError `UNSUPPORTED_FORMAT`, `PARSE_ERROR` (line/column), `SCHEMA_VIOLATION`
 *   (JSON path) and the other input codes of the readers and of `parseProject`
 * @example
 * ```ts
 * import { readProjectFile } from "@pmokit/interop";
 * const { format, projects, warnings } = readProjectFile(bytes, { fileName: "plan.xml" });
 * ```
 * @category Reading
 * @since 0.1.0
 */
export function readProjectFile(
  input: Uint8Array | string,
  options: ReadProjectFileOptions = {},
): ReadProjectFileResult {
  const fileName = options.fileName;
  const format = detectFormat(input, fileName);
  const common = {
    ...(fileName === undefined ? {} : { fileName }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  };
  switch (format) {
    case "mspdi": {
      const r = readMspdi(input, common);
      return { format, projects: [r.project], warnings: r.warnings };
    }
    case "xer": {
      const r = readXer(input, common);
      return { format, projects: r.projects, warnings: r.warnings };
    }
    case "pmxml": {
      const r = readPmxml(input, common);
      return { format, projects: r.projects, warnings: r.warnings };
    }
    case "json-project":
    case "json-portfolio": {
      const text = decodeText(input, { ...common, fallback: "utf-8" }).text.replace(/^\uFEFF/, "");
      const value = parseJson(text, fileName);
      if (
        format === "json-portfolio" ||
        (value !== null && typeof value === "object" && "projects" in value && !("tasks" in value))
      ) {
        const portfolio = withFile(fileName, () => parsePortfolio(value));
        return { format: "json-portfolio", projects: portfolio.projects, portfolio, warnings: [] };
      }
      const project = withFile(fileName, () => parseProject(value));
      return { format: "json-project", projects: [project], warnings: [] };
    }
  }
}
