import { isPmokitError } from "@pmokit/core";
import { describe, expect, it } from "vitest";
import { sampleProject } from "../testing/fixtures.js";
import { exportCsv, importCsv, parseCsv } from "./csv.js";

function err(f: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    f();
  } catch (e) {
    expect(isPmokitError(e)).toBe(true);
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error("expected an error");
}

describe("parseCsv", () => {
  it("handles quotes, embedded delimiters and line breaks, CRLF, and detects ';'", () => {
    const r = parseCsv('a,b\r\n"x, ""y""","line1\nline2"\r\n\r\n3,4\n');
    expect(r.header).toEqual(["a", "b"]);
    expect(r.rows).toEqual([
      ['x, "y"', "line1\nline2"],
      ["3", "4"],
    ]);
    expect(r.lines).toEqual([2, 5]);
    expect(parseCsv("a;b\n1;2").rows).toEqual([["1", "2"]]);
  });

  it("reports malformed quoting with line and column", () => {
    expect(err(() => parseCsv('a,b\n1,"open\n'))).toMatchObject({
      code: "PARSE_ERROR",
      details: { line: 2, column: 3 },
    });
    expect(err(() => parseCsv('a,b\n1,x"y\n'))).toMatchObject({
      code: "PARSE_ERROR",
      details: { line: 2, column: 4 },
    });
  });
});

describe("importCsv / exportCsv", () => {
  it("imports tasks with an explicit column mapping and typed decoding (money stays decimal)", () => {
    const csv =
      "ID,Task,Dur,Cons,Start after,Fixed,Crit,Text\nA,Design,5d,SNET,2025-03-03T08:00:00,0.10,yes,hello\nB,Build,2ew,,,1234567890.123456789 EUR,no,\n";
    const { rows, warnings } = importCsv(csv, {
      table: "tasks",
      currency: "USD",
      columns: {
        id: "ID",
        name: "Task",
        duration: "Dur",
        "constraint.type": "Cons",
        "constraint.date": "Start after",
        fixedCost: "Fixed",
        "reported.critical": "Crit",
        "customFields.Text1": "Text",
      },
    });
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: "A",
      duration: { value: 5, unit: "days" },
      fixedCost: { amount: "0.1", currency: "USD" },
      reported: { critical: true },
      customFields: { Text1: "hello" },
    });
    expect(rows[1]).toMatchObject({
      duration: { value: 2, unit: "elapsedWeeks" },
      fixedCost: { amount: "1234567890.123456789", currency: "EUR" },
    });
    // Numeric-looking names are not auto-typed.
    expect(importCsv("id,name,duration\n007,1e3,1d\n", { table: "tasks" }).rows[0]).toMatchObject({
      id: "007",
      name: "1e3",
    });
  });

  it("names row, column and expectation on bad cells and schema violations", () => {
    const bad = err(() => importCsv("id,name,duration\nA,x,5 parsecs\n", { table: "tasks" }));
    expect(bad).toMatchObject({ code: "SCHEMA_VIOLATION", details: { line: 2, column: 3 } });
    expect(bad.message).toContain("column 'duration'");
    const schema = err(() => importCsv("id,name,duration,percentComplete\nA,x,1d,150\n", { table: "tasks" }));
    expect(schema).toMatchObject({ code: "SCHEMA_VIOLATION", details: { line: 2, column: 4 } });
    const missing = err(() => importCsv("id,name\n,x\n", { table: "tasks" }));
    expect(missing.code).toBe("SCHEMA_VIOLATION");
    expect(err(() => importCsv("a\n1\n", { table: "tasks", columns: { id: "nope" } })).code).toBe(
      "INVALID_INPUT",
    );
    const money = err(() => importCsv("id,name,duration,cost\nA,x,1d,12.5\n", { table: "tasks" }));
    expect(money.message).toContain("currency");
  });

  it("warns about unmapped columns", () => {
    const r = importCsv("id,from,to,colour\n1,A,B,red\n", { table: "dependencies" });
    expect(r.rows[0]).toMatchObject({ from: "A", to: "B", type: "FS", lag: { value: 0, unit: "days" } });
    expect(r.warnings).toEqual([expect.objectContaining({ code: "UNMAPPED_COLUMN", element: "colour" })]);
  });

  it("export → import round-trips every table", () => {
    const p = sampleProject();
    for (const [table, rows] of [
      ["tasks", p.tasks],
      ["dependencies", p.dependencies],
      ["resources", p.resources],
      ["assignments", p.assignments],
    ] as const) {
      const csv = exportCsv(rows, { table });
      const back = importCsv(csv, { table }).rows as unknown[];
      expect(back).toHaveLength(rows.length);
      back.forEach((r, i) => {
        const orig = rows[i] as unknown as Record<string, unknown>;
        for (const k of [
          "id",
          "name",
          "duration",
          "lag",
          "type",
          "units",
          "fixedCost",
          "constraint",
          "reported",
          "maxUnits",
          "work",
        ])
          if (orig[k] !== undefined)
            expect((r as Record<string, unknown>)[k], `${table}.${k}`).toEqual(orig[k]);
      });
    }
    const risks = importCsv("id,title,probability,impacts.cost,taskIds\nR1,Late permit,0.3,1000 EUR,A;B\n", {
      table: "risks",
    }).rows;
    expect(importCsv(exportCsv(risks, { table: "risks" }), { table: "risks" }).rows).toEqual(risks);
    const projects = importCsv(
      "id,name,settings.currency,settings.startDate,priority\nP1,Alpha,EUR,2025-01-06,800\n",
      { table: "projects" },
    ).rows;
    expect(projects[0]).toMatchObject({
      id: "P1",
      priority: 800,
      settings: { currency: "EUR", defaultCalendarId: "standard" },
    });
    expect(exportCsv(projects, { table: "projects", columns: { id: "Project", priority: "Prio" } })).toBe(
      "Project,Prio\nP1,800\n",
    );
  });
});
