import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const t0 = Date.now();
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "pmk-chr-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
console.log("launch", Date.now() - t0);
const page = await ctx.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.goto("file:///work/main/test-output/consumers/browser.html");
console.log("loaded", Date.now() - t0);
await page.waitForFunction(() => document.getElementById("out")?.textContent !== "running", undefined, {
  timeout: 90000,
});
console.log(await page.textContent("#out"), Date.now() - t0);
await ctx.close();
