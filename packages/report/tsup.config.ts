import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "portfolio/index": "src/portfolio/index.ts" },
  format: ["esm"],
  dts: { compilerOptions: { customConditions: [] } },
  tsconfig: "tsconfig.build.json",
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: "es2023",
  platform: "neutral",
});
