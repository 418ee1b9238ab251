import { isPmokitError } from "@pmokit/core";

/**
 * Runs the `pmokit` command with the given arguments and returns the process exit code
 * (0 success, 1 no solution, 2 bad input).
 *
 * @example
 * ```ts
 * import { main } from "@pmokit/cli";
 * const code = await main(["--help"]);
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === "--help") {
      process.stdout.write("pmokit <command> [options]\n");
      return 0;
    }
    process.stderr.write(`pmokit: unknown command '${argv[0] ?? ""}'\n`);
    return 2;
  } catch (e) {
    if (isPmokitError(e)) {
      process.stderr.write(`pmokit: ${e.message}\n`);
      return e.kind === "domain" ? 1 : 2;
    }
    throw e;
  }
}
