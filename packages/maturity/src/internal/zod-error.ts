import { PmokitError } from "@pmokit/core";
import type { z } from "zod";

/** Formats a zod path as a JSON path, e.g. `questions[3].impacts[0].weight`. */
export function jsonPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "$" : out;
}

/** Turns the first zod issue into a `SCHEMA_VIOLATION` PmokitError naming path and expectation. */
export function zodToPmokitError(error: z.ZodError, what: string, file?: string): PmokitError {
  const issue = error.issues[0];
  const path = issue ? jsonPath(issue.path) : "$";
  const expected = issue ? describeIssue(issue) : "a valid document";
  const where = file === undefined ? path : `${file}: ${path}`;
  return new PmokitError("SCHEMA_VIOLATION", `${what}: ${where}: ${issue?.message ?? "invalid"}`, {
    ...(file === undefined ? {} : { file }),
    path,
    expected,
    issues: error.issues.slice(0, 20).map((i) => ({ path: jsonPath(i.path), message: i.message })),
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return String(issue.expected);
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `${issue.origin === "array" ? "at least" : ">="} ${String(issue.minimum)}${issue.origin === "array" ? " items" : ""}`;
    case "too_big":
      return `${issue.origin === "array" ? "at most" : "<="} ${String(issue.maximum)}${issue.origin === "array" ? " items" : ""}`;
    default:
      return issue.message;
  }
}
