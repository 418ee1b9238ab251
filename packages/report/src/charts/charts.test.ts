import { describe, expect, it } from "vitest";
import { isPmokitError } from "@pmokit/core";
import { FIXTURES } from "../test/fixtures.js";
import { CHART_KINDS, renderChartSvg, toVegaLite } from "./chart.js";
import { renderGanttSvg } from "./gantt.js";
import { radarPoint } from "./radar.js";
import { renderTornadoSvg } from "./tornado.js";

/** Minimal XML well-formedness check: balanced tags, no raw `<` / `&` in text. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>|&(?!(?:amp|lt|gt|quot|#39);)/g;
  for (const m of xml.matchAll(re)) {
    if (m[0].startsWith("&")) throw new Error(`unescaped & at ${m.index}`);
    const [, close, name, , self] = m;
    if (self === "/") continue;
    if (close === "/") {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
    } else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

describe("SVG charts", () => {
  it("covers every chart kind with a fixture", () => {
    expect(FIXTURES.map((f) => f.kind)).toEqual(CHART_KINDS);
  });

  for (const chart of FIXTURES) {
    it(`${chart.kind}: golden SVG, accessible, well-formed, deterministic`, async () => {
      const svg = renderChartSvg(chart);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      expect(svg).toContain(`data-chart="${chart.kind}"`);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      assertWellFormed(svg);
      expect(renderChartSvg(chart)).toBe(svg);
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/${chart.kind}.svg`);
    });

    it(`${chart.kind}: Vega-Lite spec is plain JSON with inline data`, () => {
      const spec = toVegaLite(chart);
      const json = JSON.stringify(spec);
      expect(JSON.parse(json)).toEqual(spec);
      expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
      expect(json).toMatch(/"values":\[\{/);
      expect(spec.mark ?? spec.layer ?? spec.vconcat).toBeDefined();
    });
  }

  it("escapes text and uses unique id prefixes", () => {
    const svg = renderGanttSvg(FIXTURES[0]!.data as Parameters<typeof renderGanttSvg>[0], { idPrefix: "x1" });
    expect(svg).toContain("Release &lt;1.0&gt; &amp; &quot;beta&quot;");
    expect(svg).toContain('aria-labelledby="x1-title x1-desc"');
    expect(svg).not.toContain("<1.0>");
  });

  it("Gantt: critical bars, baselines, milestone, status date", () => {
    const svg = renderChartSvg(FIXTURES[0]!);
    expect(svg.match(/class="pmk-task pmk-critical"/g)?.length).toBe(2);
    expect(svg.match(/class="pmk-baseline"/g)?.length).toBe(2);
    expect(svg).toContain("pmk-milestone");
    expect(svg).toContain('class="pmk-status-date"');
    expect(svg).toContain("Critical path: A → B → D");
  });

  it("resource histogram: over-capacity periods before, none after", () => {
    const svg = renderChartSvg(FIXTURES[1]!);
    const before = svg.slice(svg.indexOf('data-panel="before"'), svg.indexOf('data-panel="after"'));
    const after = svg.slice(svg.indexOf('data-panel="after"'));
    expect(before.match(/pmk-over/g)?.length).toBe(1);
    expect(after).not.toContain("pmk-over");
    expect(svg).toContain("1 before leveling, 0 after leveling");
  });

  it("heat map: one cell per bin pair with risk counts", () => {
    const svg = renderChartSvg(FIXTURES[2]!);
    expect(svg.match(/class="pmk-cell"/g)?.length).toBe(9);
    expect(svg).toContain('data-probability="2" data-impact="2" data-level="high" data-count="2"');
  });

  it("tornado sorts by absolute value and colours opportunities", () => {
    const svg = renderTornadoSvg(FIXTURES[4]!.data as Parameters<typeof renderTornadoSvg>[0]);
    const order = [...svg.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(["R1", "R3", "R2"]);
    expect(svg).toContain("Key expert &lt;away&gt;");
  });

  it("radar points start at the top and go clockwise", () => {
    expect(radarPoint(0, 4, 1)).toEqual([0, 1]);
    expect(radarPoint(1, 4, 1)).toEqual([1, 0]);
  });

  it("rejects malformed dates with a PmokitError naming the path", () => {
    try {
      renderGanttSvg({ tasks: [{ id: "A", name: "A", start: "05/01/2026", finish: "2026-01-09" }] });
      expect.unreachable();
    } catch (e) {
      expect(isPmokitError(e)).toBe(true);
      expect((e as { code: string }).code).toBe("INVALID_INPUT");
      expect((e as Error).message).toContain("tasks[0].start");
    }
  });

  it("renders empty data without crashing", () => {
    for (const svg of [
      renderChartSvg({ kind: "gantt", data: { tasks: [] } }),
      renderChartSvg({ kind: "tornado", data: { items: [] } }),
      renderChartSvg({ kind: "finish-histogram", data: { start: 0, width: 0, counts: [] } }),
      renderChartSvg({ kind: "frontier", data: { points: [] } }),
    ]) {
      expect(svg).not.toMatch(/NaN|undefined/);
      assertWellFormed(svg);
    }
  });
});
