import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import { parsePsplibSm, safeParsePsplibSm } from "./psplib.js";
import { TINY_SM } from "./__tests__/fixtures.js";

describe("parsePsplibSm", () => {
  it("reads jobs, successors, durations, demands and capacities", () => {
    const r = parsePsplibSm(TINY_SM);
    expect(r.jobs).toBe(5);
    expect(r.resources).toBe(1);
    expect(r.mpmTime).toBe(3);
    expect(r.horizon).toBe(7);
    expect(r.problem.durations).toEqual([0, 3, 2, 2, 0]);
    expect(r.problem.successors).toEqual([[1, 2, 3], [4], [4], [4], []]);
    expect(r.problem.demands).toEqual([[0], [2], [1], [1], [0]]);
    expect(r.problem.capacities).toEqual([3]);
    expect(r.problem.names).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("accepts CRLF line ends", () => {
    expect(parsePsplibSm(TINY_SM.replace(/\n/g, "\r\n")).problem.durations).toEqual([0, 3, 2, 2, 0]);
  });

  it("names the file and line of a bad successor row", () => {
    const bad = TINY_SM.replace(
      "   2        1          1           5",
      "   2        1          2           5",
    );
    try {
      parsePsplibSm(bad, { file: "x.sm" });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e)).toBe(true);
      if (!isPmokitError(e)) return;
      expect(e.code).toBe("PARSE_ERROR");
      expect(e.details.line).toBe(19);
      expect(e.message).toMatch(/^x\.sm:19: expected 2 successor ids for job 2/);
    }
  });

  it("rejects a non-numeric request with its line", () => {
    const r = safeParsePsplibSm(TINY_SM.replace("  3      1     2       1", "  3      1     2       x"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("PARSE_ERROR");
      expect(r.error.details.line).toBe(29);
    }
  });

  it("rejects out-of-range successor ids", () => {
    const r = safeParsePsplibSm(
      TINY_SM.replace("   4        1          1           5", "   4        1          1           9"),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("successor ids in 1..5");
  });

  it("reports a missing section", () => {
    const r = safeParsePsplibSm(TINY_SM.replace("RESOURCEAVAILABILITIES:", "SOMETHING ELSE:"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("RESOURCEAVAILABILITIES");
  });

  it("reports a missing job count", () => {
    const r = safeParsePsplibSm("hello\nworld\n", { file: "junk.sm" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("PARSE_ERROR");
      expect(r.error.message).toContain("junk.sm");
    }
  });

  it("rejects multi-mode files as unsupported", () => {
    const r = safeParsePsplibSm(
      TINY_SM.replace("   3        1          1           5", "   3        2          1           5"),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("UNSUPPORTED_FORMAT");
  });
});
