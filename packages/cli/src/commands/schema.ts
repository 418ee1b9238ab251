import { PmokitError, jsonSchemas } from "@pmokit/core";
import { maturityJsonSchemas } from "@pmokit/maturity";
import { portfolioJsonSchemas } from "@pmokit/portfolio";
import { riskJsonSchemas } from "@pmokit/risk";
import type { CommandSpec } from "../command.js";

type SchemaSource = Readonly<Record<string, unknown>>;

/** Every public input format by name, with the package that owns it. */
function schemaTable(): Map<string, { pkg: string; get: () => unknown }> {
  const table = new Map<string, { pkg: string; get: () => unknown }>();
  const add = (pkg: string, source: SchemaSource): void => {
    for (const name of Object.keys(source)) {
      if (table.has(name)) continue;
      table.set(name, {
        pkg,
        get: () => {
          const v = source[name];
          return typeof v === "function" ? (v as () => unknown)() : v;
        },
      });
    }
  };
  add("@pmokit/core", jsonSchemas);
  add("@pmokit/portfolio", portfolioJsonSchemas as SchemaSource);
  add("@pmokit/risk", riskJsonSchemas);
  add("@pmokit/maturity", maturityJsonSchemas);
  return table;
}

/** `pmokit schema NAME`: prints the JSON Schema of a public input format. */
export const schemaCommand: CommandSpec = {
  name: "schema",
  summary: "Print the JSON Schema of a public input format (project, portfolio, risk model, ...)",
  usage: "schema [NAME] [--list]",
  description:
    "Prints the JSON Schema (draft 2020-12) generated from the library's zod schemas. " +
    "Without NAME, or with --list, lists the available names.",
  options: { list: { type: "boolean", description: "List the available schema names." } },
  positionals: { min: 0, max: 1 },
  async run(ctx) {
    const table = schemaTable();
    const name = ctx.args[0];
    if (name === undefined || ctx.options["list"] === true) {
      if (ctx.json) ctx.printJson({ schemas: [...table].map(([n, v]) => ({ name: n, package: v.pkg })) });
      else for (const [n, v] of table) ctx.out(`${n.padEnd(20)} ${v.pkg}\n`);
      return 0;
    }
    const entry = table.get(name);
    if (!entry)
      throw new PmokitError(
        "INVALID_INPUT",
        `unknown schema '${name}' (known: ${[...table.keys()].join(", ")})`,
        {
          path: "NAME",
          expected: [...table.keys()].join(" | "),
          received: name,
        },
      );
    ctx.printJson(entry.get());
    return 0;
  },
};
