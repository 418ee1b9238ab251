import { describe, expect, it } from "vitest";
import { jsonSchemas, toJsonSchema } from "./json-schema.js";

describe("jsonSchemas", () => {
  it("exports JSON Schemas for the core model", () => {
    expect(Object.keys(jsonSchemas)).toEqual(
      expect.arrayContaining(["project", "portfolio", "calendar", "task", "resource"]),
    );
    const project = jsonSchemas.project;
    expect(project["type"]).toBe("object");
    expect(project["additionalProperties"]).toBe(false);
    expect(project["required"]).toEqual(["id", "name", "settings"]);
    const task = toJsonSchema("task") as { properties: Record<string, { description?: string }> };
    expect(task.properties["deadline"]?.description).toMatch(/deadline/i);
    expect(JSON.parse(JSON.stringify(jsonSchemas.portfolio))).toEqual(jsonSchemas.portfolio);
  });
});
