import { describe, expect, it } from "vitest";
import { toJsonSchema } from "./json-schema.js";
import { ReportedScheduleSchema, TaskSchema } from "./task.js";

describe("ReportedScheduleSchema start / finish slack", () => {
  it("accepts negative and fractional minutes, like totalSlackMinutes", () => {
    const r = ReportedScheduleSchema.parse({
      totalSlackMinutes: -480,
      startSlackMinutes: -480,
      finishSlackMinutes: 2.5,
    });
    expect(r).toEqual({ totalSlackMinutes: -480, startSlackMinutes: -480, finishSlackMinutes: 2.5 });
    const t = TaskSchema.parse({
      id: "1",
      name: "A",
      duration: { value: 1, unit: "days" },
      reported: { startSlackMinutes: 0 },
    });
    expect(t.reported).toEqual({ startSlackMinutes: 0 });
  });

  it("rejects non-numbers and non-finite values", () => {
    for (const bad of ["10", Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(ReportedScheduleSchema.safeParse({ startSlackMinutes: bad }).success).toBe(false);
      expect(ReportedScheduleSchema.safeParse({ finishSlackMinutes: bad }).success).toBe(false);
    }
  });

  it("documents both fields in the task JSON Schema", () => {
    const task = toJsonSchema("task") as {
      properties: { reported: { properties: Record<string, { type?: string; description?: string }> } };
    };
    const props = task.properties.reported.properties;
    expect(props["startSlackMinutes"]).toMatchObject({ type: "number" });
    expect(props["startSlackMinutes"]?.description).toMatch(/start slack/i);
    expect(props["finishSlackMinutes"]?.description).toMatch(/finish slack/i);
  });
});
