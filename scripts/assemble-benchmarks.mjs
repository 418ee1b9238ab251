// Assembles docs/benchmarks.md from the per-area result pages in docs/benchmarks/*.md
// (then run `pnpm format` so the assembled page is in Prettier style).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../docs/benchmarks/", import.meta.url));
const order = ["calendar", "cpm", "interop", "rcpsp", "leveling", "risk", "portfolio", "evm-audit", "report"];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort((a, b) => {
    const ia = order.indexOf(a.replace(/\.md$/, ""));
    const ib = order.indexOf(b.replace(/\.md$/, ""));
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
const parts = [
  "# Benchmarks",
  "",
  "Speed and quality measured with `pnpm bench` (each benchmark runs pmokit and its baseline side by",
  "side in one run and reports medians and the ratio). The machines are shared and noisy: read the",
  "medians and ratios, and re-run on your own hardware before quoting absolute times. Each section",
  "names the machine it ran on. This page is assembled from `docs/benchmarks/*.md` by",
  "`node scripts/assemble-benchmarks.mjs`.",
  "",
];
for (const f of files) {
  const text = readFileSync(dir + f, "utf8")
    .trim()
    .replace(/\]\(\.\.\//g, "](");
  parts.push(
    text.replace(/^# /m, "## ").replace(/^(#{2,5}) /gm, (m, h, off) => (off === 0 ? m : `#${h} `)),
    "",
  );
}
writeFileSync(fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url)), parts.join("\n"));
console.log(`docs/benchmarks.md: ${files.length} sections (${files.join(", ")})`);
