import { defineConfig } from "tsup";
import { libraryConfig } from "../../tsup.base";

export default defineConfig(
  libraryConfig({ entry: { index: "src/index.ts", "portfolio/index": "src/portfolio/index.ts" } }),
);
