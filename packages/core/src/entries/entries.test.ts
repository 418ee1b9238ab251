// The subpath entries of @pmokit/core (package.json "exports" → src/entries/<name>.ts) re-export the
// same values as the main entry, and together they cover all of it: the main entry is their union.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as main from "../index.js";
import * as audit from "./audit.js";
import * as calendar from "./calendar.js";
import * as cpm from "./cpm.js";
import * as errors from "./errors.js";
import * as evm from "./evm.js";
import * as health from "./health.js";
import * as model from "./model.js";
import * as money from "./money.js";

const ENTRIES: Record<string, Record<string, unknown>> = {
  audit,
  calendar,
  cpm,
  errors,
  evm,
  health,
  model,
  money,
};

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  exports: Record<string, unknown>;
  publishConfig: { exports: Record<string, unknown> };
};

describe("@pmokit/core subpath entries", () => {
  it("every subpath export is the main entry's value of the same name", () => {
    for (const [name, mod] of Object.entries(ENTRIES)) {
      const keys = Object.keys(mod);
      expect(keys.length, name).toBeGreaterThan(0);
      for (const k of keys) {
        expect(k in main, `@pmokit/core/${name} exports ${k}, the main entry does not`).toBe(true);
        expect(mod[k], `@pmokit/core/${name}: ${k}`).toBe((main as Record<string, unknown>)[k]);
      }
    }
  });

  it("the main entry is the union of the subpaths (every main export is in one of them)", () => {
    const covered = new Set(Object.values(ENTRIES).flatMap((m) => Object.keys(m)));
    const missing = Object.keys(main).filter((k) => !covered.has(k));
    expect(missing, "add these exports of src/index.ts to a file in src/entries/").toEqual([]);
  });

  it("package.json maps every entry file, with and without the source condition", () => {
    for (const name of Object.keys(ENTRIES)) {
      expect(pkg.exports[`./${name}`]).toEqual({
        "@pmokit/source": `./src/entries/${name}.ts`,
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
      expect(pkg.publishConfig.exports[`./${name}`]).toEqual({
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
    }
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
    expect(subpaths.sort()).toEqual(
      Object.keys(ENTRIES)
        .map((n) => `./${n}`)
        .sort(),
    );
  });

  it("errors thrown through a subpath are the main entry's PmokitError", () => {
    expect(() => calendar.toEpochMinute("not a date")).toThrow(main.PmokitError);
    expect(cpm.PmokitError).toBe(errors.PmokitError);
  });
});
