// Packs the package in the current directory the way `pnpm publish` would (publishConfig applied)
// and runs publint --strict and attw (esm-only profile) on the tarball. Fails loudly on any problem.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "pmokit-pack-"));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
try {
  run("pnpm", ["pack", "--pack-destination", dir]);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack produced no tarball in ${dir}`);
  const file = join(dir, tarball);
  run("publint", ["run", file, "--strict"]);
  run("attw", [file, "--profile", "esm-only"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
