// Consumer smoke tests on the BUILT packages (dist), as a user would install them: Node ESM import
// of every package, require() from CommonJS (require(esm), Node 20.19+), a browser bundle of core +
// leveling + risk + portfolio built with esbuild and run in headless Chromium, and Deno / Bun when
// they are on PATH. `pnpm check` builds before testing; without dist the tests are skipped (and
// fail on CI).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { MISSING_CHROMIUM, ROOT, hasChromium, launchChromium, onCi, testOutputDir } from "./chromium.js";

const PACKAGES = ["core", "interop", "leveling", "risk", "portfolio", "maturity", "report", "cli"] as const;
/** A package folder whose node_modules links every workspace package (resolution as a user sees it). */
const CONSUMER_DIR = join(ROOT, "packages", "cli");
const built = PACKAGES.every((p) => existsSync(join(ROOT, "packages", p, "dist", "index.js")));
const MISSING_DIST = "packages/*/dist missing: run `pnpm build` first (`pnpm check` does).";

if (!built) {
  if (onCi) it("packages are built (required on CI)", () => expect.fail(MISSING_DIST));
  else console.warn(`[consumer tests] skipped: ${MISSING_DIST}`);
}

function node(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, {
    cwd: CONSUMER_DIR,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function onPath(cmd: string): string | undefined {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe.skipIf(!built)("consumers of the built packages", () => {
  it("Node ESM: import every package by name", () => {
    const code = `
      const names = ${JSON.stringify(PACKAGES.map((p) => `@pmokit/${p}`))};
      const out = {};
      for (const n of names) out[n] = Object.keys(await import(n)).length;
      console.log(JSON.stringify(out));`;
    const r = node(["--input-type=module", "-e", code]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const counts = JSON.parse(r.stdout) as Record<string, number>;
    for (const p of PACKAGES) expect(counts[`@pmokit/${p}`], p).toBeGreaterThan(0);
  });

  it("Node CommonJS: require() every package (require(esm), no top-level await)", () => {
    const code = `
      const names = ${JSON.stringify(PACKAGES.map((p) => `@pmokit/${p}`))};
      const out = {};
      for (const n of names) out[n] = Object.keys(require(n)).length;
      const { schedule } = require("@pmokit/core");
      out.schedule = typeof schedule;
      console.log(JSON.stringify(out));`;
    const r = node(["--no-warnings", "-e", code]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const counts = JSON.parse(r.stdout) as Record<string, number | string>;
    for (const p of PACKAGES) expect(counts[`@pmokit/${p}`], p).toBeGreaterThan(0);
    expect(counts["schedule"]).toBe("function");
  });

  it("Node ESM and CommonJS: the subpath exports of @pmokit/core are the main entry's functions", () => {
    const json = JSON.parse(readFileSync(join(ROOT, "packages", "core", "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(json.exports)
      .filter((k) => k !== "." && k !== "./package.json")
      .map((k) => `@pmokit/core/${k.slice(2)}`);
    expect(subpaths).toContain("@pmokit/core/cpm");
    const esm = `
      const main = await import("@pmokit/core");
      const out = {};
      for (const n of ${JSON.stringify(subpaths)}) {
        const m = await import(n);
        const keys = Object.keys(m);
        out[n] = { count: keys.length, same: keys.every((k) => m[k] === main[k]) };
      }
      console.log(JSON.stringify(out));`;
    const r = node(["--input-type=module", "-e", esm]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { count: number; same: boolean }>;
    for (const n of subpaths) {
      expect(out[n]!.count, n).toBeGreaterThan(0);
      expect(out[n]!.same, n).toBe(true);
    }
    const cjs = node([
      "--no-warnings",
      "-e",
      `const { schedule } = require("@pmokit/core/cpm"); const { computeProjectEvm } = require("@pmokit/core/evm");
       console.log(JSON.stringify([typeof schedule, typeof computeProjectEvm, schedule === require("@pmokit/core").schedule]));`,
    ]);
    expect(cjs.stderr).toBe("");
    expect(JSON.parse(cjs.stdout)).toEqual(["function", "function", true]);
  });

  const chromiumIt = hasChromium ? it : onCi ? it : it.skip;
  if (!hasChromium && !onCi) console.warn(`[consumer browser test] skipped: ${MISSING_CHROMIUM}`);
  chromiumIt(
    "browser: esbuild bundle of core + leveling + risk + portfolio runs in headless Chromium",
    async () => {
      if (!hasChromium) throw new Error(MISSING_CHROMIUM);
      const bundle = await build({
        entryPoints: [join(ROOT, "consumers", "browser-entry.ts")],
        absWorkingDir: CONSUMER_DIR,
        nodePaths: [join(CONSUMER_DIR, "node_modules")],
        bundle: true,
        format: "iife",
        globalName: "pmokitSmoke",
        platform: "browser",
        target: "es2022",
        write: false,
        minify: true,
        // HiGHS is loaded lazily by @pmokit/portfolio only when asked for; keep it out of the bundle.
        external: ["highs"],
        logLevel: "silent",
      });
      const js = bundle.outputFiles[0]!.text;
      expect(js).not.toMatch(/from\s*["']node:/);
      const sample = readFileSync(join(ROOT, "examples", "sample-portfolio", "portfolio.json"), "utf8");
      const out = testOutputDir("consumers");
      const page = join(out, "browser.html");
      writeFileSync(
        page,
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pmokit browser smoke test</title></head><body><pre id="out">running</pre>
<script>globalThis.SAMPLE = ${sample.replace(/</g, "\\u003c")};</script>
<script>${js.replace(/<\/script/gi, "<\\/script")}
pmokitSmoke.run().then((r) => { document.getElementById("out").textContent = JSON.stringify(r); }, (e) => { document.getElementById("out").textContent = "ERROR " + e.message; });
</script></body></html>`,
      );
      const { context, close } = await launchChromium();
      try {
        const tab = await context.newPage();
        const errors: string[] = [];
        tab.on("pageerror", (e) => errors.push(e.message));
        tab.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text());
        });
        await tab.goto(`file://${page}`);
        await tab.waitForFunction(
          () => document.getElementById("out")?.textContent !== "running",
          undefined,
          { timeout: 60_000 },
        );
        const text = (await tab.textContent("#out")) ?? "";
        await tab.screenshot({ path: join(out, "browser.png") });
        expect(errors).toEqual([]);
        expect(text.startsWith("ERROR")).toBe(false);
        const r = JSON.parse(text) as {
          tasks: number;
          makespan: number;
          p80: number;
          selected: string[];
          finish: string;
        };
        expect(r.tasks).toBeGreaterThan(10);
        expect(r.finish).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(r.makespan).toBeGreaterThan(0);
        expect(r.p80).toBeGreaterThan(0);
        expect(r.selected.length).toBeGreaterThan(0);
      } finally {
        await close();
      }
    },
    180_000,
  );

  const deno = process.env["PMOKIT_DENO"] ?? onPath("deno");
  const bun = process.env["PMOKIT_BUN"] ?? onPath("bun");
  const runtimeScript = `
    const names = ${JSON.stringify(PACKAGES.filter((p) => p !== "cli").map((p) => `@pmokit/${p}`))};
    const out = {};
    for (const n of names) out[n] = Object.keys(await import(n)).length;
    const { renderTornadoSvg } = await import("@pmokit/report");
    out.svg = renderTornadoSvg({ items: [{ id: "R1", value: 2 }] }).startsWith("<svg");
    console.log(JSON.stringify(out));`;
  if (!deno)
    console.warn("[consumer tests] Deno not on PATH: Deno smoke test skipped (npm i -g deno to run it).");
  it.skipIf(!deno)("Deno: import every library package", () => {
    const out = execFileSync(deno!, ["eval", "--node-modules-dir=manual", runtimeScript], {
      cwd: CONSUMER_DIR,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(JSON.parse(out).svg).toBe(true);
  });
  if (!bun)
    console.warn("[consumer tests] Bun not on PATH: Bun smoke test skipped (npm i -g bun to run it).");
  it.skipIf(!bun)("Bun: import every library package", () => {
    const out = execFileSync(bun!, ["--eval", runtimeScript], {
      cwd: CONSUMER_DIR,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(JSON.parse(out).svg).toBe(true);
  });
});
