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
  interop: 42,
  leveling: 24,
  risk: 26,
  portfolio: 20,
  maturity: 30,
  report: 24,
};

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

  it("core: a bundle of only the CPM functions does not contain HiGHS", async () => {
    const s = await bundleSize(`export { schedule, compileNetwork, runPasses } from "@pmokit/core";`);
    expect(s.text).not.toMatch(/highs/i);
  });

  it("report: a chart-only bundle pulls no engine and no HiGHS", async () => {
    const s = await bundleSize(`export { renderGanttSvg, ganttSpec } from "@pmokit/report";`);
    expect(s.text).not.toMatch(/highs/i);
    expect(s.text).not.toContain("solveRcpsp");
    // The charts throw PmokitError from @pmokit/core, whose main entry does not tree-shake to the
    // error class alone (module-level zod schemas): measure the charts on top of that floor.
    const floor = await bundleSize(`export { PmokitError } from "@pmokit/core";`);
    expect((s.gzip - floor.gzip) / 1024).toBeLessThanOrEqual(20);
  });
});
