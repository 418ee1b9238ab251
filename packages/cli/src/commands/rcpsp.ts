import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { PmokitError } from "@pmokit/core";
import { compileRcpsp, parsePsplibSm, solveRcpsp } from "@pmokit/leveling";
import type { CommandSpec } from "../command.js";
import { intOption, numberOption } from "../command.js";

interface RcpspResult {
  file: string;
  makespan: number;
  starts: number[];
  schedules: number;
  ms: number;
}

/** Natural order (j301_2 before j301_10). */
function natural(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** Expands folders into their `.sm` files (sorted); files and `-` are kept as given. */
async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      isDir = false; // reading the file reports the error
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const files = (await readdir(p)).filter((f) => f.toLowerCase().endsWith(".sm")).sort(natural);
    if (files.length === 0)
      throw new PmokitError("INVALID_INPUT", `${p}: folder has no .sm files`, {
        file: p,
        expected: "a folder of PSPLIB .sm files",
      });
    for (const f of files) out.push(join(p, f));
  }
  return out;
}

/** `pmokit rcpsp PATH... [--schedules N] [--seed S] [--time-limit SECONDS] [--json]` */
export const rcpspCommand: CommandSpec = {
  name: "rcpsp",
  summary: "Solve PSPLIB single-mode RCPSP instances (minimise the makespan).",
  usage: "rcpsp PATH... [--schedules N] [--seed S] [--time-limit SECONDS] [--json]",
  description: [
    "PATH is a PSPLIB single-mode .sm file, a folder of them, or '-' for stdin.",
    "Each instance is solved by a genetic algorithm (serial SGS, justification) with at most N",
    "generated schedules; same seed and budget give the same answer.",
    'JSON output: { "results": [ { "file", "makespan", "starts", "schedules", "ms" } ] } where',
    "starts[j] is the start of job j+1 in the file's numbering (dummy source and sink included).",
  ].join("\n"),
  options: {
    schedules: {
      type: "string",
      description: "Budget of generated schedules per instance (default 5000).",
    },
    seed: { type: "string", description: "Seed of the random generator (default 1)." },
    "time-limit": {
      type: "string",
      description: "Wall-clock limit per instance in seconds (the result then depends on machine speed).",
    },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run(ctx) {
    const schedules = intOption(ctx.options["schedules"], "schedules", 5000, 1);
    const seed = intOption(ctx.options["seed"], "seed", 1, 0);
    const limit = numberOption(ctx.options["time-limit"], "time-limit", Number.POSITIVE_INFINITY);
    if (!(limit > 0)) {
      throw new PmokitError(
        "INVALID_INPUT",
        `--time-limit: expected a number > 0, got '${String(ctx.options["time-limit"])}'`,
        {
          path: "--time-limit",
          expected: "a number > 0",
        },
      );
    }
    const files = await expand(ctx.args);
    const results: RcpspResult[] = [];
    for (const file of files) {
      const text = await ctx.readText(file);
      const name = file === "-" ? "<stdin>" : file;
      const t0 = performance.now();
      const { problem } = parsePsplibSm(text, { file: name });
      let inst;
      try {
        inst = compileRcpsp(problem);
      } catch (e) {
        if (e instanceof PmokitError)
          throw new PmokitError(e.code, `${name}: ${e.message}`, { ...e.details, file: name });
        throw e;
      }
      const sol = solveRcpsp(inst, {
        maxSchedules: schedules,
        seed,
        ...(Number.isFinite(limit) ? { timeLimitMs: limit * 1000 } : {}),
      });
      const ms = Math.round((performance.now() - t0) * 1000) / 1000;
      results.push({ file: name, makespan: sol.makespan, starts: sol.starts, schedules: sol.schedules, ms });
      if (!ctx.json) ctx.err(`${name}: makespan ${sol.makespan} (lower bound ${sol.lowerBound})`);
    }
    if (ctx.json) {
      ctx.printJson({ results });
      return 0;
    }
    const w = Math.max(4, ...results.map((r) => r.file.length));
    const lines = [
      `${"file".padEnd(w)}  makespan  schedules        ms`,
      ...results.map(
        (r) =>
          `${r.file.padEnd(w)}  ${String(r.makespan).padStart(8)}  ${String(r.schedules).padStart(9)}  ${r.ms.toFixed(1).padStart(8)}`,
      ),
    ];
    ctx.out(`${lines.join("\n")}\n`);
    return 0;
  },
};
