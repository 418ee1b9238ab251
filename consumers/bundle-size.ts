// Bundle sizes of the built packages (esbuild, minified, gzip), shared by the budget test and
// `node --import tsx consumers/bundle-size.ts` (prints the table for docs/bundle-size.md).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./chromium.js";

/** Where workspace packages resolve as a user sees them (every @pmokit package is linked there). */
export const CONSUMER_DIR: string = join(ROOT, "packages", "cli");

export interface BundleSize {
  readonly minified: number;
  readonly gzip: number;
  readonly text: string;
}

/** Bundles `contents` (an ES module importing packages by name) minified for the browser. */
export async function bundleSize(contents: string, external: readonly string[] = []): Promise<BundleSize> {
  const r = await build({
    stdin: { contents, resolveDir: CONSUMER_DIR, loader: "js" },
    nodePaths: [join(CONSUMER_DIR, "node_modules")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    treeShaking: true,
    write: false,
    external: [...external],
    logLevel: "silent",
  });
  const text = r.outputFiles[0]!.text;
  return { minified: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, text };
}

/** Dependencies of a package (`dependencies` + `peerDependencies`): external when measuring its own code. */
export function dependenciesOf(pkg: string): string[] {
  const json = JSON.parse(readFileSync(join(ROOT, "packages", pkg, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.peerDependencies ?? {})];
}

/** Library packages with a size budget. */
export const LIBRARY_PACKAGES = [
  "core",
  "interop",
  "leveling",
  "risk",
  "portfolio",
  "maturity",
  "report",
] as const;

/** Own code of each package (its dependencies external), minified + gzip. */
export async function ownSize(pkg: string): Promise<BundleSize> {
  return bundleSize(`export * from "@pmokit/${pkg}";`, dependenciesOf(pkg));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log("| package | minified | gzip |\n|---|---:|---:|");
  for (const p of LIBRARY_PACKAGES) {
    const s = await ownSize(p);
    console.log(`| @pmokit/${p} | ${kb(s.minified)} | ${kb(s.gzip)} |`);
  }
  console.log("\n| bundle, dependencies included | minified | gzip |\n|---|---:|---:|");
  const rows: [string, string][] = [
    ['`import { schedule } from "@pmokit/core/cpm"`', `export { schedule } from "@pmokit/core/cpm";`],
    ['`import { schedule } from "@pmokit/core"`', `export { schedule } from "@pmokit/core";`],
    ['`import { PmokitError } from "@pmokit/core"`', `export { PmokitError } from "@pmokit/core";`],
    ...["errors", "calendar", "cpm", "model", "money", "evm", "audit", "health"].map(
      (n): [string, string] => [`all of \`@pmokit/core/${n}\``, `export * from "@pmokit/core/${n}";`],
    ),
    ["all of `@pmokit/core`", `export * from "@pmokit/core";`],
    [
      '`import { renderGanttSvg, ganttSpec } from "@pmokit/report"`',
      `export { renderGanttSvg, ganttSpec } from "@pmokit/report";`,
    ],
  ];
  for (const [label, code] of rows) {
    const s = await bundleSize(code);
    console.log(`| ${label} | ${kb(s.minified)} | ${kb(s.gzip)} |`);
  }
}
