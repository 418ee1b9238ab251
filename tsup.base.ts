// Shared tsup settings for every published package (ESM only, declarations, source maps, one entry per
// public subpath). Each package's tsup.config.ts calls `libraryConfig` with what differs.
import type { Options } from "tsup";

export function libraryConfig(overrides: Options = {}): Options {
  return {
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: { compilerOptions: { customConditions: [] } },
    tsconfig: "tsconfig.build.json",
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: "es2023",
    platform: "neutral",
    ...overrides,
  };
}
