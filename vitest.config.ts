import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // Resolve workspace packages to their TypeScript sources: no build needed to test.
    alias: [
      { find: /^@pmokit\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
      // Subpath exports of @pmokit/core (e.g. @pmokit/core/cpm) live in src/entries/<subpath>.ts.
      { find: /^@pmokit\/core\/([a-z-]+)$/, replacement: `${root}packages/core/src/entries/$1.ts` },
      // Other subpath exports (e.g. @pmokit/report/portfolio) live in src/<subpath>/index.ts.
      { find: /^@pmokit\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "examples/**/*.test.ts", "consumers/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
