import { defineConfig } from "tsup";
import { libraryConfig } from "../../tsup.base";

/** Subpath entries (`@pmokit/core/<name>` → `src/entries/<name>.ts` → `dist/<name>.js`). */
export const SUBPATHS = ["errors", "calendar", "money", "model", "cpm", "evm", "audit", "health"] as const;

export default defineConfig(
  libraryConfig({
    entry: {
      index: "src/index.ts",
      ...Object.fromEntries(SUBPATHS.map((name) => [name, `src/entries/${name}.ts`])),
    },
  }),
);
