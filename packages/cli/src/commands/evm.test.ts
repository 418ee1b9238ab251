import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/run.js";

function file(name: string, value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "pmokit-evm-"));
  const f = join(dir, name);
  writeFileSync(f, typeof value === "string" ? value : JSON.stringify(value));
  return f;
}

describe("pmokit evm", () => {
  it("point values: the contract's JSON (worked by hand)", async () => {
    // BAC 1000, PV 500, EV 400, AC 500: CV −100, SV −100, CPI 0.8, SPI 0.8, EAC(cpi) 1250,
    // EAC(atypical) 1100, EAC(cpiSpi) 500 + 600/0.64 = 1437.5, ETC 750, VAC −250, TCPI 1.2 / 0.8
    const r = await runCli("evm", file("p.json", { bac: 1000, pv: 500, ev: 400, ac: 500 }), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      cv: -100,
      sv: -100,
      cpi: 0.8,
      spi: 0.8,
      eac: { cpi: 1250, atypical: 1100, cpiSpi: 1437.5 },
      etc: 750,
      vac: -250,
      tcpi: { bac: 1.2, eac: 0.8 },
    });
    expect(r.stderr).toBe("");
  });

  it("series: indicators at AT plus earned schedule", async () => {
    // AT = 2 (last period with ev): PV 200, EV 150, AC 170; ES = 1 + 50/100 = 1.5; SV(t) −0.5;
    // SPI(t) 0.75; IEAC(t) = 4 / 0.75; TSPI = (4 − 1.5)/(4 − 2) = 1.25
    const input = {
      bac: 400,
      periods: [
        { date: "2026-01-31", pv: 100, ev: 80, ac: 90 },
        { date: "2026-02-28", pv: 200, ev: 150, ac: 170 },
        { date: "2026-03-31", pv: 300 },
        { date: "2026-04-30", pv: 400 },
      ],
    };
    const r = await runCli("evm", file("s.json", input), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.es).toBe(1.5);
    expect(doc.svt).toBe(-0.5);
    expect(doc.spit).toBe(0.75);
    expect(doc.ieact).toBeCloseTo(16 / 3, 12);
    expect(doc.tspi).toBe(1.25);
    expect(doc.sv).toBe(-50);
    expect(doc.cpi).toBeCloseTo(150 / 170, 12);
    expect(doc.sCurve).toHaveLength(4);
  });

  it("zero denominators print null in JSON and 'undefined' in the table", async () => {
    const f = file("z.json", { bac: 1000, pv: 0, ev: 0, ac: 0 });
    const j = JSON.parse((await runCli("evm", f, "--json")).stdout);
    expect(j.cpi).toBeNull();
    expect(j.spi).toBeNull();
    expect(j.eac.cpi).toBeNull();
    const t = await runCli("evm", f);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/CPI undefined/);
  });

  it("bad input exits 2 with one line naming the file and field", async () => {
    const r = await runCli("evm", file("bad.json", { bac: 1000, pv: 10, ev: 5, ac: -1 }), "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad\.json: ac: expected a value >= 0/);
    const m = await runCli("evm", file("missing.json", { bac: 1000, pv: 10 }));
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/missing "ev"/);
    const d = await runCli(
      "evm",
      file("dec.json", { bac: 10, periods: [{ pv: 5, ev: 1, ac: 1 }, { pv: 4 }] }),
    );
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/decreases/);
  });
});
