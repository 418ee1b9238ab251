import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { toVegaLite } from "../charts/chart.js";
import { FIXTURES } from "../test/fixtures.js";

/** Collects what the Vega-Lite compiler would log. */
function compileQuietly(spec: unknown): { warnings: string[]; marks: number } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (warnings.push(`error: ${m.join(" ")}`), logger),
    warn: (...m: unknown[]) => (warnings.push(`warn: ${m.join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const out = compile(spec as TopLevelSpec, { logger: logger as never });
  const count = (node: { marks?: unknown[] }): number =>
    (node.marks ?? []).reduce<number>((n, m) => n + 1 + count(m as { marks?: unknown[] }), 0);
  return { warnings, marks: count(out.spec as { marks?: unknown[] }) };
}

describe("Vega-Lite specs compile with the Vega-Lite compiler", () => {
  for (const chart of FIXTURES) {
    it(`${chart.kind}: compiles to Vega without warnings`, () => {
      const { warnings, marks } = compileQuietly(toVegaLite(chart));
      expect(warnings).toEqual([]);
      expect(marks).toBeGreaterThan(0);
    });
  }
});
