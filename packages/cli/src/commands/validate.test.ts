import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeWithSharedData, sharedData } from "../../../../test-utils/shared-data.js";
import { runCli } from "../testing/run.js";

const dir = mkdtempSync(join(tmpdir(), "pmokit-validate-"));
const base = {
  id: "p1",
  name: "Tiny",
  settings: { currency: "USD", defaultCalendarId: "std", startDate: "2025-03-03" },
  calendars: [{ id: "std", name: "Standard" }],
  tasks: [
    { id: "A", name: "A", duration: { value: 1, unit: "days" } },
    { id: "B", name: "B", duration: { value: 1, unit: "days" } },
  ],
};

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("pmokit validate", () => {
  it("accepts own project and portfolio JSON", async () => {
    const r = await runCli("validate", file("ok.json", JSON.stringify(base)), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      format: "json-project",
      valid: true,
      projects: [{ id: "p1", tasks: 2 }],
    });
    const pf = await runCli(
      "validate",
      file("pf.json", JSON.stringify({ id: "pf", name: "PF", currency: "USD", projects: [base] })),
    );
    expect(pf.code).toBe(0);
    expect(pf.stdout).toContain("json-portfolio");
  });

  it("exits 2 with one line naming file, location and expectation", async () => {
    const cases: [string, string, string][] = [
      ["broken.json", '{\n  "id": "p1",\n  oops\n}', "broken.json:3:"],
      [
        "schema.json",
        JSON.stringify({
          ...base,
          tasks: [{ id: "A", name: "A", duration: { value: 1, unit: "fortnights" } }],
        }),
        "tasks[0].duration.unit",
      ],
      [
        "dangling.json",
        JSON.stringify({ ...base, dependencies: [{ from: "A", to: "Z" }] }),
        "dependencies[0].to",
      ],
      [
        "bad.xml",
        '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n<Tasks><Task></Tasks>',
        "bad.xml:3:",
      ],
      [
        "evil.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Project>&x;</Project>',
        "evil.xml:2:",
      ],
      ["cut.xer", "ERMHDR\t20.12\n%T\tPROJECT\n%F\tproj_id\n%R\t1\n", "cut.xer:5:"],
      ["bad.csv", "id,name,duration\nA,x,5 parsecs\n", "bad.csv:2:3"],
    ];
    for (const [name, content, where] of cases) {
      const r = await runCli("validate", file(name, content));
      expect(r.code, name).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toContain(where);
      expect(lines[0], name).toMatch(/expected|Invalid|invalid/);
    }
  });

  it("exits 1 on a logic cycle", async () => {
    const r = await runCli(
      "validate",
      file(
        "cycle.json",
        JSON.stringify({
          ...base,
          dependencies: [
            { from: "A", to: "B" },
            { from: "B", to: "A" },
          ],
        }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describeWithSharedData(["mspdi"], "pmokit validate on shared files", () => {
  it("accepts MSPDI, XER and P6 XML", async () => {
    for (const f of [
      sharedData("mspdi", "task-links-project2010-mspdi.xml"),
      sharedData("xer", "aspose-encoding1251.xer"),
      sharedData("xer", "pmxml", "aspose-Primavera-8.3.xml"),
    ]) {
      const r = await runCli("validate", f, "--json");
      expect(r.code, f).toBe(0);
      expect(JSON.parse(r.stdout).valid).toBe(true);
    }
  });
});
