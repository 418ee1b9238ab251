/**
 * `@pmokit/cli`: the `pmokit` command.
 *
 * @packageDocumentation
 */
export { main } from "./main.js";
