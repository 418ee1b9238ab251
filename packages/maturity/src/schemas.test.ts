import { describe, expect, it } from "vitest";
import { maturityJsonSchemas } from "./schemas.js";

describe("JSON Schemas", () => {
  it("are registered for the model and the responses", () => {
    expect(Object.keys(maturityJsonSchemas)).toEqual(["maturity-model", "maturity-responses"]);
    const model = maturityJsonSchemas["maturity-model"];
    expect(model.type).toBe("object");
    expect(model.required).toEqual(
      expect.arrayContaining(["id", "version", "dimensions", "questions", "scoringPolicy"]),
    );
    expect(maturityJsonSchemas["maturity-responses"].required).toEqual(
      expect.arrayContaining(["modelId", "respondents"]),
    );
  });
});
