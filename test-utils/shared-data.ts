// Locates the shared oracle data (../shared/data beside the repository, or $PMOKIT_SHARED_DATA).
// Tests read oracle files from there at test time and skip with a clear message when it is absent;
// the files are never copied into this repository (their licences differ).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of the shared data folder. */
export const SHARED_DATA: string =
  process.env["PMOKIT_SHARED_DATA"] ?? resolve(repoRoot, "..", "shared", "data");

/** Absolute path of a file or folder inside the shared data folder. */
export function sharedData(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** Whether the shared data folder (or one file/folder inside it) exists. */
export function hasSharedData(...parts: string[]): boolean {
  return existsSync(join(SHARED_DATA, ...parts));
}

/**
 * `describe` that runs only when the given shared-data path exists, and otherwise is skipped with a
 * message naming what is missing. The body is not even collected then: suites may read their
 * oracle files at the top of the body.
 */
export function describeWithSharedData(parts: string[], name: string, fn: () => void): void {
  if (hasSharedData(...parts)) {
    describe(name, fn);
  } else {
    const missing = join(SHARED_DATA, ...parts);
    describe.skip(`${name} (skipped: shared data ${missing} not found)`, () => {
      it.skip(`needs ${missing}`);
    });
  }
}

/** Absolute path of the repository root. */
export const REPO_ROOT: string = repoRoot;
