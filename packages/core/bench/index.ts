// Runs every benchmark file of @pmokit/core in turn (`pnpm -C packages/core bench`), or only those
// whose name contains the first argument (e.g. `pnpm -C packages/core bench cpm`).
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (only === undefined || f.includes(only)))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  await import(pathToFileURL(`${here}/${f}`).href);
}
