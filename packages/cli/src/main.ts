import { parseArgs } from "node:util";
import { isPmokitError } from "@pmokit/core";
import type { CommandSpec } from "./command.js";
import { makeContext } from "./command.js";
import { commands as builtinCommands } from "./commands/index.js";

/** Where `main` writes; tests pass their own. */
export interface MainIO {
  out(text: string): void;
  err(text: string): void;
}

const processIO: MainIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

function globalHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "pmokit: PMO domain logic from the command line",
    "",
    "Usage: pmokit <command> [arguments] [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Common options: --json (one JSON document on stdout), --help.",
    "Inputs are read from a path, or from stdin when the path is '-'.",
    "Exit codes: 0 success, 1 no solution (infeasible, cycle, ...), 2 bad input.",
    "",
  ].join("\n");
}

function commandHelp(c: CommandSpec): string {
  const opts = Object.entries(c.options).map(
    ([name, o]) =>
      `  --${name}${o.type === "string" ? " VALUE" : ""}${o.choices ? ` (${o.choices.join("|")})` : ""}\n      ${o.description}`,
  );
  return [
    `Usage: pmokit ${c.usage}`,
    "",
    c.summary,
    ...(c.description ? ["", c.description] : []),
    "",
    "Options:",
    ...opts,
    "  --json\n      Print exactly one JSON document on stdout.",
    "  --help\n      Show this help.",
    "",
  ].join("\n");
}

/**
 * Runs the `pmokit` command with the given arguments and returns the process exit code
 * (0 success, 1 the problem has no solution, 2 bad input, 70 internal error).
 *
 * @param argv - the arguments after `pmokit`
 * @param io - where to write (defaults to the process's stdout and stderr)
 * @param commands - the command table (defaults to the built-in commands)
 * @example
 * ```ts
 * import { main } from "@pmokit/cli";
 * const code = await main(["schema", "project"]);
 * ```
 */
export async function main(
  argv: readonly string[],
  io: MainIO = processIO,
  commands: readonly CommandSpec[] = builtinCommands,
): Promise<number> {
  const words = argv.filter((a) => !a.startsWith("-"));
  // Longest command name that prefixes the positional words.
  const command = [...commands]
    .sort((a, b) => b.name.split(" ").length - a.name.split(" ").length)
    .find((c) => {
      const parts = c.name.split(" ");
      return parts.every((p, i) => words[i] === p);
    });
  if (!command) {
    if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
      io.out(globalHelp(commands));
      return 0;
    }
    if (argv.includes("--version")) {
      io.out("pmokit 0.1.0\n");
      return 0;
    }
    io.err(`pmokit: unknown command '${words.join(" ")}' (run 'pmokit --help' for the list)\n`);
    return 2;
  }
  const nameWords = command.name.split(" ").length;
  // Remove the command words (the first occurrences) from argv.
  const rest: string[] = [];
  let skipped = 0;
  for (const a of argv) {
    if (skipped < nameWords && !a.startsWith("-")) {
      skipped++;
      continue;
    }
    rest.push(a);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(
          Object.entries(command.options).map(([k, o]) => [
            k,
            {
              type: o.type,
              ...(o.short ? { short: o.short } : {}),
              ...(o.multiple ? { multiple: true } : {}),
            },
          ]),
        ),
      },
    });
  } catch (e) {
    io.err(`pmokit ${command.name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values["help"] === true) {
    io.out(commandHelp(command));
    return 0;
  }
  for (const [k, o] of Object.entries(command.options)) {
    const v = values[k];
    if (o.choices && typeof v === "string" && !o.choices.includes(v)) {
      io.err(`pmokit ${command.name}: --${k}: expected one of ${o.choices.join(", ")}, got '${v}'\n`);
      return 2;
    }
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    io.err(`pmokit ${command.name}: wrong number of arguments (usage: pmokit ${command.usage})\n`);
    return 2;
  }
  try {
    const code = await command.run(makeContext(parsed.positionals, values, io));
    return code ?? 0;
  } catch (e) {
    if (isPmokitError(e)) {
      io.err(`pmokit ${command.name}: ${e.message}\n`);
      return e.kind === "domain" ? 1 : e.kind === "input" ? 2 : 70;
    }
    io.err(`pmokit ${command.name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}
