import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "docs/api/**", "**/*.d.ts", "coverage/**", ".pack/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Library code runs in browsers, Deno, Bun and Node: no Node built-ins outside the CLI, tests,
    // benchmarks and scripts.
    files: ["packages/*/src/**/*.ts"],
    ignores: ["packages/cli/**", "packages/*/src/**/*.test.ts", "packages/*/src/node/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*"], message: "Library packages must not import Node built-ins." }] },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "scripts/**", "examples/**"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", performance: "readonly" },
    },
  },
);
