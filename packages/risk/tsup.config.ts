import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: { compilerOptions: { customConditions: [] } },
    tsconfig: "tsconfig.build.json",
    sourcemap: true,
    clean: false,
    splitting: true,
    treeshake: true,
    target: "es2023",
    platform: "neutral",
  },
  {
    // Node-only adapter (worker_threads); the worker is its own entry so it can be spawned by URL.
    entry: { "node/index": "src/node/index.ts", "node/worker": "src/node/worker.ts" },
    format: ["esm"],
    dts: {
      entry: { "node/index": "src/node/index.ts" },
      compilerOptions: { customConditions: ["@pmokit/source"], types: ["node"] },
    },
    tsconfig: "tsconfig.json",
    sourcemap: true,
    clean: false,
    splitting: false,
    treeshake: true,
    target: "es2023",
    platform: "node",
    external: ["@pmokit/risk", "@pmokit/core"],
  },
]);
