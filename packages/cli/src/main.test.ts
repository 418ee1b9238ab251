import { describe, expect, it } from "vitest";
import { runCli } from "./testing/run.js";

describe("pmokit", () => {
  it("prints help and exits 0", async () => {
    const r = await runCli("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: pmokit <command>");
  });
  it("rejects an unknown command with exit 2 and one line", async () => {
    const r = await runCli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
