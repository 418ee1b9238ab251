/**
 * `@pmokit/cli`: the `pmokit` command. Use it from a shell (`pmokit --help`) or call {@link main}.
 *
 * @packageDocumentation
 */
export { main } from "./main.js";
export type { MainIO } from "./main.js";
export type { CommandSpec, CommandContext, OptionSpec } from "./command.js";
