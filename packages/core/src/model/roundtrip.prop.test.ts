import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectInputArb } from "./arbitraries.js";
import { parseProject } from "./parse.js";
import { ProjectSchema } from "./project.js";
import { validateProject } from "./validate.js";

describe("project JSON round trip", () => {
  it("generated projects are valid and survive JSON losslessly", () => {
    fc.assert(
      fc.property(projectInputArb(), (input) => {
        const p = ProjectSchema.parse(input);
        expect(validateProject(p).errors).toEqual([]);
        const back = parseProject(JSON.parse(JSON.stringify(p)));
        expect(back).toStrictEqual(p);
        expect(parseProject(input)).toStrictEqual(p);
      }),
      { numRuns: 100 },
    );
  });
});
