import { describe, expect, it } from "vitest";
import { detectFormat, readProjectFile } from "./detect.js";
import { writeMspdi } from "./mspdi/write.js";
import { sampleProject } from "./testing/fixtures.js";

describe("readProjectFile", () => {
  it("detects the format from the content", () => {
    expect(detectFormat("\uFEFF  ERMHDR\t1")).toBe("xer");
    expect(
      detectFormat('<?xml version="1.0"?>\n<!-- x --><Project xmlns="http://schemas.microsoft.com/project">'),
    ).toBe("mspdi");
    expect(detectFormat("<p:APIBusinessObjects xmlns:p='x'>")).toBe("pmxml");
    expect(detectFormat('{"id":"1","tasks":[]}')).toBe("json-project");
    expect(detectFormat('{"id":"pf","currency":"EUR","projects":[]}')).toBe("json-portfolio");
    expect(() => detectFormat("hello")).toThrow(expect.objectContaining({ code: "UNSUPPORTED_FORMAT" }));
    expect(() => detectFormat("<html></html>", "a.html")).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_FORMAT" }),
    );
  });

  it("reads MSPDI, own project JSON and portfolio JSON", () => {
    const p = sampleProject();
    const bytes = new TextEncoder().encode(writeMspdi(p));
    expect(readProjectFile(bytes).projects[0]).toEqual(p);
    const json = readProjectFile(JSON.stringify(p), { fileName: "p.json" });
    expect(json).toMatchObject({ format: "json-project", projects: [p] });
    const pf = readProjectFile(JSON.stringify({ id: "pf", name: "PF", currency: "EUR", projects: [p] }));
    expect(pf.format).toBe("json-portfolio");
    expect(pf.portfolio?.projects).toHaveLength(1);
  });

  it("names file, line and column on broken JSON and the path on schema errors", () => {
    expect(() => readProjectFile('{\n  "id": 1,,\n}', { fileName: "bad.json" })).toThrow(
      expect.objectContaining({
        code: "PARSE_ERROR",
        details: expect.objectContaining({ file: "bad.json", line: 2 }),
      }),
    );
    expect(() =>
      readProjectFile('{"id":"x","name":"n","settings":{},"tasks":[]}', { fileName: "s.json" }),
    ).toThrow(
      expect.objectContaining({ code: "SCHEMA_VIOLATION", message: expect.stringContaining("s.json") }),
    );
  });
});
