// `pnpm bench`: runs every package's `bench` script (our code and its baseline side by side, ratios
// printed). Results are recorded by hand in docs/benchmarks.md with the machine they ran on.
import { execFileSync } from "node:child_process";

const filter = process.argv[2] ? ["--filter", process.argv[2]] : ["--filter", "./packages/*"];
execFileSync("pnpm", ["-r", ...filter, "--if-present", "--workspace-concurrency=1", "run", "bench"], {
  stdio: "inherit",
});
