import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const dir = mkdtempSync(join(tmpdir(), "pmk-chr-"));
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: "/usr/bin/chromium",
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
const page = await ctx.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
await page.goto("file:///tmp/report-out/report.html");
await page.screenshot({ path: "/tmp/report-out/full.png", fullPage: true });
let i = 0;
for (const fig of await page.locator("figure svg").all())
  await fig.screenshot({ path: `/tmp/report-out/c${i++}.png` });
await ctx.close();
console.log("ok", i);
