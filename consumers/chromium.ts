// Shared by the visual tests of @pmokit/report and the consumer smoke tests: finds the system
// Chromium and launches it headless through playwright-core with a fresh profile. When Chromium
// is missing, tests fail with a clear message on CI (CI=true) and are skipped elsewhere.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";

/** Path of the Chromium binary (`PMOKIT_CHROMIUM` overrides). */
export const CHROMIUM_PATH: string = process.env["PMOKIT_CHROMIUM"] ?? "/usr/bin/chromium";

/** Whether Chromium is installed. */
export const hasChromium: boolean = existsSync(CHROMIUM_PATH);

/** Whether the run is on CI, where a missing browser is an error, not a skip. */
export const onCi: boolean = process.env["CI"] === "true" || process.env["CI"] === "1";

/** Message when Chromium is missing. */
export const MISSING_CHROMIUM: string =
  `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set PMOKIT_CHROMIUM. ` +
  "Browser tests are skipped outside CI and fail on CI.";

/** Repository root. */
export const ROOT: string = fileURLToPath(new URL("..", import.meta.url));

/** Git-ignored folder for screenshots and other test output. */
export function testOutputDir(...parts: string[]): string {
  const dir = join(ROOT, "test-output", ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Launches headless Chromium with a fresh user-data dir; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "pmokit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
