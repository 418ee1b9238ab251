// Bundle-size budgets of the built packages (esbuild, minified, gzip) and "must not appear" checks.
// The budgets are documented in docs/bundle-size.md; raise one only on purpose, in the same PR.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIBRARY_PACKAGES, bundleSize, ownSize } from "./bundle-size.js";
import { ROOT, onCi } from "./chromium.js";

/** Gzip budgets in kB of each package's own code (its dependencies external). */
export const BUDGETS_KB: Readonly<Record<(typeof LIBRARY_PACKAGES)[number], number>> = {
  core: 50,
  interop: 44,
  leveling: 24,
  risk: 26,
  portfolio: 20,
  maturity: 30,
  report: 24,
};

/**
 * Gzip budgets in kB of the subpath exports of @pmokit/core, dependencies included (what a browser
 * app ships when it imports the whole subpath).
 */
export const SUBPATH_BUDGETS_KB: Readonly<Record<string, number>> = {
  errors: 1,
  calendar: 37,
  cpm: 23,
  model: 58,
  money: 44,
  evm: 56,
  audit: 52,
  health: 3,
};
/** Gzip budget in kB of `schedule()` alone, dependencies included (zod-free: 18.7 kB measured). */
export const CPM_ONLY_BUDGET_KB = 21.5;
/** Gzip budget in kB of a chart-only bundle of @pmokit/report, dependencies included. */
export const REPORT_CHART_BUDGET_KB = 6;
/** Subpaths that do exact decimal arithmetic (decimal.js). */
const DECIMAL_SUBPATHS = new Set(["model", "money", "evm"]);
/** A string only decimal.js contains. */
const DECIMAL = "[DecimalError]";
/** Subpaths that must not ship zod (calendars are validated by a hand-written validator there). */
const ZOD_FREE_SUBPATHS = new Set(["errors", "cpm", "health"]);
/** Class names only zod contains (kept in minified output). */
const ZOD = /ZodError|\$ZodType/;

const built = LIBRARY_PACKAGES.every((p) => existsSync(join(ROOT, "packages", p, "dist", "index.js")));
if (!built) {
  if (onCi)
    it("packages are built (required on CI)", () =>
      expect.fail("packages/*/dist missing: run `pnpm build`."));
  else console.warn("[bundle-size tests] skipped: packages/*/dist missing (run `pnpm build`).");
}

describe.skipIf(!built)("bundle size", () => {
  for (const pkg of LIBRARY_PACKAGES) {
    it(`@pmokit/${pkg} stays within ${BUDGETS_KB[pkg]} kB gzip`, async () => {
      const s = await ownSize(pkg);
      expect(s.gzip / 1024, `@pmokit/${pkg}: ${(s.gzip / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(
        BUDGETS_KB[pkg],
      );
    });
  }

  for (const [name, budget] of Object.entries(SUBPATH_BUDGETS_KB)) {
    it(`@pmokit/core/${name} with its dependencies stays within ${budget} kB gzip`, async () => {
      const s = await bundleSize(`export * from "@pmokit/core/${name}";`);
      expect(
        s.gzip / 1024,
        `@pmokit/core/${name}: ${(s.gzip / 1024).toFixed(1)} kB gzip`,
      ).toBeLessThanOrEqual(budget);
      if (!DECIMAL_SUBPATHS.has(name))
        expect(s.text, `decimal.js in @pmokit/core/${name}`).not.toContain(DECIMAL);
      if (ZOD_FREE_SUBPATHS.has(name)) expect(s.text, `zod in @pmokit/core/${name}`).not.toMatch(ZOD);
    });
  }

  it(`core: a CPM-only bundle (schedule(), dependencies included) stays within ${CPM_ONLY_BUDGET_KB} kB gzip, without zod, decimal.js or HiGHS, from the subpath and from the main entry`, async () => {
    const sub = await bundleSize(`export { schedule, compileNetwork, runPasses } from "@pmokit/core/cpm";`);
    const main = await bundleSize(`export { schedule, compileNetwork, runPasses } from "@pmokit/core";`);
    for (const s of [sub, main]) {
      expect(s.gzip / 1024, `${(s.gzip / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(CPM_ONLY_BUDGET_KB);
      expect(s.text).not.toContain(DECIMAL);
      expect(s.text).not.toMatch(/highs/i);
      expect(s.text, "zod in a CPM-only bundle").not.toMatch(ZOD);
    }
    // The main entry tree-shakes to the same code as the subpath (sideEffects: false, no module-level
    // work outside the modules that need it).
    expect(Math.abs(main.gzip - sub.gzip)).toBeLessThanOrEqual(256);
  });

  it("core: money arithmetic alone ships decimal.js but no zod (MoneySchema is tree-shaken)", async () => {
    const s = await bundleSize(`export { addMoney, formatMoney } from "@pmokit/core/money";`);
    expect(s.gzip / 1024, `${(s.gzip / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(16);
    expect(s.text).toContain(DECIMAL);
    expect(s.text).not.toMatch(/ZodError/);
  });

  it("core: importing only PmokitError from the main entry ships the error class alone", async () => {
    const s = await bundleSize(`export { PmokitError } from "@pmokit/core";`);
    expect(s.gzip / 1024).toBeLessThanOrEqual(1);
    expect(s.text).not.toContain(DECIMAL);
    expect(s.text).not.toMatch(/ZodError/);
  });

  it("report: a chart-only bundle pulls no engine, no zod, no decimal.js and no HiGHS", async () => {
    const s = await bundleSize(`export { renderGanttSvg, ganttSpec } from "@pmokit/report";`);
    expect(s.text).not.toMatch(/highs/i);
    expect(s.text).not.toContain("solveRcpsp");
    expect(s.text).not.toContain(DECIMAL);
    expect(s.text).not.toMatch(/ZodError/);
    expect(s.gzip / 1024, `${(s.gzip / 1024).toFixed(1)} kB gzip`).toBeLessThanOrEqual(
      REPORT_CHART_BUDGET_KB,
    );
  });
});
