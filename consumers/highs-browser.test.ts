// HiGHS (WebAssembly MILP solver behind `selectPortfolio({ solver: "highs" })`) in a browser bundle,
// the way docs/guides/embedding.md describes it: esbuild ESM output with code splitting, `node:module`
// external (HiGHS imports it only under Node), highs.wasm copied next to the bundle and located with
// `locateFile`. Checks that HiGHS lands in its own chunk, loaded only by the dynamic import, and that
// it solves in headless Chromium with the same answer as the built-in branch and bound.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { MISSING_CHROMIUM, ROOT, hasChromium, launchChromium, onCi } from "./chromium.js";

const CONSUMER_DIR = join(ROOT, "packages", "cli");
const built = ["core", "portfolio"].every((p) => existsSync(join(ROOT, "packages", p, "dist", "index.js")));

const ENTRY = `
import { selectPortfolio } from "@pmokit/portfolio";
export async function run(wasmUrl) {
  const problem = {
    projects: [
      { id: "A", value: 9, costs: { capex: 6 } },
      { id: "B", value: 7, costs: { capex: 5 } },
      { id: "C", value: 6, costs: { capex: 4 } },
      { id: "D", value: 3, costs: { capex: 3 } },
      { id: "E", value: 2, costs: { capex: 1 } },
    ],
    limits: { capex: 12 },
  };
  const bnb = await selectPortfolio(problem, { solver: "bnb" });
  const highs = await selectPortfolio(problem, { solver: "highs", highs: { locateFile: () => wasmUrl } });
  return { bnb: bnb.selected, highs: highs.selected, solver: highs.solver, objective: highs.objective, optimal: highs.optimal };
}
`;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json",
};

describe.skipIf(!built)("HiGHS in a browser bundle", () => {
  const chromiumIt = hasChromium || onCi ? it : it.skip;
  chromiumIt(
    "esbuild: HiGHS in a lazy chunk (node:module external), highs.wasm by locateFile, solves in Chromium",
    async () => {
      if (!hasChromium) throw new Error(MISSING_CHROMIUM);
      // Outside the repository: the bundle is minified JavaScript that lint must not see.
      const out = mkdtempSync(join(tmpdir(), "pmokit-highs-"));
      try {
        const result = await build({
          stdin: { contents: ENTRY, resolveDir: CONSUMER_DIR, loader: "js", sourcefile: "entry.js" },
          nodePaths: [join(CONSUMER_DIR, "node_modules")],
          bundle: true,
          format: "esm",
          splitting: true,
          outdir: out,
          entryNames: "entry",
          platform: "browser",
          target: "es2022",
          minify: true,
          metafile: true,
          external: ["node:module"],
          logLevel: "silent",
        });
        const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith(".js"));
        const hasHighs = (inputs: Record<string, unknown>) =>
          Object.keys(inputs).some((i) => /highs\/build\/highs\.mjs$/.test(i));
        const entry = outputs.find(([f]) => f.endsWith("entry.js"));
        expect(entry, "entry chunk").toBeDefined();
        expect(hasHighs(entry![1].inputs), "HiGHS must not be in the entry chunk").toBe(false);
        const highsChunk = outputs.find(([, o]) => hasHighs(o.inputs));
        expect(highsChunk, "a chunk holds HiGHS").toBeDefined();
        const chunkName = highsChunk![0].split("/").pop()!;
        expect(entry![1].imports.find((i) => i.path.endsWith(chunkName))?.kind).toBe("dynamic-import");

        const requireFromPortfolio = createRequire(join(ROOT, "packages", "portfolio", "package.json"));
        copyFileSync(requireFromPortfolio.resolve("highs/runtime"), join(out, "highs.wasm"));
        const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>HiGHS in the browser</title></head>
<body><pre id="out">running</pre><script type="module">
import { run } from "./entry.js";
run(new URL("highs.wasm", location.href).href).then(
  (r) => { document.getElementById("out").textContent = JSON.stringify(r); },
  (e) => { document.getElementById("out").textContent = "ERROR " + e.message; });
</script></body></html>`;
        const server = createServer((req, res) => {
          const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(
            /^(\.\.[/\\])+/,
            "",
          );
          const file = join(out, path === "/" ? "index.html" : path);
          if (path === "/favicon.ico") {
            res.writeHead(204).end();
          } else if (path === "/index.html" || path === "/") {
            res.writeHead(200, { "content-type": MIME[".html"]! }).end(html);
          } else if (file.startsWith(out) && existsSync(file)) {
            res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
            res.end(readFileSync(file));
          } else res.writeHead(404).end();
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const { port } = server.address() as AddressInfo;
        const { context, close } = await launchChromium();
        try {
          const tab = await context.newPage();
          const errors: string[] = [];
          const requested: string[] = [];
          tab.on("pageerror", (e) => errors.push(e.message));
          tab.on("console", (m) => {
            if (m.type() === "error") errors.push(m.text());
          });
          tab.on("request", (r) => requested.push(new URL(r.url()).pathname));
          await tab.goto(`http://127.0.0.1:${port}/index.html`);
          await tab.waitForFunction(
            () => document.getElementById("out")?.textContent !== "running",
            undefined,
            {
              timeout: 60_000,
            },
          );
          const text = (await tab.textContent("#out")) ?? "";
          expect(errors, requested.join(" ")).toEqual([]);
          expect(text.startsWith("ERROR"), text).toBe(false);
          const r = JSON.parse(text) as {
            bnb: string[];
            highs: string[];
            solver: string;
            objective: number;
            optimal: boolean;
          };
          expect(r.solver).toBe("highs");
          expect(r.optimal).toBe(true);
          expect(r.highs).toEqual(r.bnb);
          expect(r.objective).toBe(18);
          expect(requested).toContain(`/${chunkName}`);
          expect(requested).toContain("/highs.wasm");
        } finally {
          await close();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
