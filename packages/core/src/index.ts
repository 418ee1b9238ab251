/**
 * `@pmokit/core`: the PMO domain model, working calendars, money, critical-path scheduling,
 * earned value and schedule audits.
 *
 * The main entry is the union of the subpath entries (`@pmokit/core/errors`, `/calendar`, `/money`,
 * `/model`, `/cpm`, `/evm`, `/audit`, `/health`): each export is listed once, in its entry file under
 * `src/entries/`, with its TSDoc on the declaration.
 *
 * @packageDocumentation
 */
export * from "./entries/errors.js";
export * from "./entries/calendar.js";
export * from "./entries/money.js";
export * from "./entries/model.js";
export * from "./entries/cpm.js";
export * from "./entries/evm.js";
export * from "./entries/audit.js";
export * from "./entries/health.js";
