// The end-to-end demo on the bundled sample portfolio. Each package contributes one step in
// examples/demo/NN-name.mjs exporting `async function run(ctx)`; steps run in file-name order and
// share `ctx` (the sample portfolio, and results of earlier steps).
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const stepsDir = join(here, "demo");
const steps = (await readdir(stepsDir)).filter((f) => /^\d\d-.*\.mjs$/.test(f)).sort();
const ctx = { examplesDir: here, results: {} };
for (const step of steps) {
  const mod = await import(pathToFileURL(join(stepsDir, step)).href);
  console.log(`\n=== ${mod.title ?? step} ===`);
  await mod.run(ctx);
}
console.log("\nDemo finished.");
