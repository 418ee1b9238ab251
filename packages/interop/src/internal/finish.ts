import type { Project } from "@pmokit/core";
import { PmokitError, ProjectSchema, formatJsonPath } from "@pmokit/core";
import type { WarningSink } from "./context.js";

/**
 * Checks a mapped project against the model schema (defaults applied). A failure here means the
 * reader produced something the model rejects: reported as `SCHEMA_VIOLATION` naming the JSON path.
 */
export function finishProject(project: Project, _sink: WarningSink, fileName: string | undefined): Project {
  const r = ProjectSchema.safeParse(project);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const path = formatJsonPath(i.path);
    throw new PmokitError(
      "SCHEMA_VIOLATION",
      `${fileName ? `${fileName}: ` : ""}imported project is invalid at ${path || "(root)"}: ${i.message}`,
      { ...(fileName === undefined ? {} : { file: fileName }), path, expected: i.message },
    );
  }
  return r.data;
}
