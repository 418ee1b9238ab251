import type { CommandSpec } from "../command.js";

/**
 * Every `pmokit` command. Each command lives in its own file in this folder; add one line here.
 */
export const commands: readonly CommandSpec[] = [];
