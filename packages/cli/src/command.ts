import { readFile } from "node:fs/promises";
import { PmokitError } from "@pmokit/core";

/** One option of a command (long name without `--`). */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly description: string;
  readonly short?: string;
  /** Allowed values, checked before `run` (exit 2 otherwise). */
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
}

/** What a command receives. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  /** Parsed option values (strings, booleans or string arrays for `multiple`). */
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** `--json` given. */
  readonly json: boolean;
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes a diagnostic line to stderr. */
  err(text: string): void;
  /** Prints exactly one JSON document on stdout. */
  printJson(value: unknown): void;
  /** Reads a file, or stdin when the path is `-`. */
  readText(path: string): Promise<string>;
  /** Reads a file as bytes, or stdin when the path is `-`. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Parses a JSON input file; errors name the file and position. */
  readJson(path: string): Promise<unknown>;
}

/** A `pmokit` sub-command. */
export interface CommandSpec {
  /** Space-separated command words, e.g. `"schedule"` or `"risk simulate"`. */
  readonly name: string;
  readonly summary: string;
  /** Usage line after `pmokit `, e.g. `schedule FILE [--json] [--dialect msp|p6]`. */
  readonly usage: string;
  /** Longer help text. */
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Minimum and maximum number of positional arguments. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Returns the exit code (0 by default). */
  run(ctx: CommandContext): Promise<number | void>;
}

/** Throws a bad-input error naming the option (exit code 2). */
export function badOption(name: string, expected: string, received: string): never {
  throw new PmokitError("INVALID_INPUT", `--${name}: expected ${expected}, got '${received}'`, {
    path: `--${name}`,
    expected,
    received,
  });
}

/** Parses an integer option. */
export function intOption(
  value: string | boolean | string[] | undefined,
  name: string,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || Number(value) < min)
    badOption(name, `an integer >= ${min}`, String(value));
  return Number(value);
}

/** Parses a number option. */
export function numberOption(
  value: string | boolean | string[] | undefined,
  name: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) badOption(name, "a number", String(value));
  return n;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Builds the real (process-backed) context. */
export function makeContext(
  args: readonly string[],
  options: Record<string, string | boolean | string[] | undefined>,
  io: { out(t: string): void; err(t: string): void },
): CommandContext {
  const readBytes = async (path: string): Promise<Uint8Array> => {
    if (path === "-") return readStdin();
    try {
      return new Uint8Array(await readFile(path));
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      throw new PmokitError(
        "INVALID_INPUT",
        `${path}: cannot read file (${code === "ENOENT" ? "no such file" : code || String(e)})`,
        { file: path, expected: "a readable file" },
      );
    }
  };
  const readText = async (path: string): Promise<string> => new TextDecoder().decode(await readBytes(path));
  return {
    args,
    options,
    json: options["json"] === true,
    out: io.out,
    err: (t) => io.err(t.endsWith("\n") ? t : `${t}\n`),
    printJson: (value) => io.out(`${JSON.stringify(value, null, 2)}\n`),
    readBytes,
    readText,
    readJson: async (path) => {
      const text = await readText(path);
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const pos = /position (\d+)/.exec(msg);
        let line: number | undefined;
        let column: number | undefined;
        if (pos) {
          const before = text.slice(0, Number(pos[1]));
          line = before.split("\n").length;
          column = Number(pos[1]) - before.lastIndexOf("\n");
        }
        throw new PmokitError(
          "PARSE_ERROR",
          `${path}${line === undefined ? "" : `:${line}:${column}`}: invalid JSON (${msg})`,
          {
            file: path,
            ...(line === undefined ? {} : { line }),
            ...(column === undefined ? {} : { column }),
            expected: "a JSON document",
          },
        );
      }
    },
  };
}
