import { readProjectFile } from "./src/detect.ts";
import { writeMspdi } from "./src/mspdi/write.ts";
import { MINI_XER, sampleProject, LEGACY_MSPDI, MINI_PMXML } from "./src/testing/fixtures.ts";
const enc = new TextEncoder();
for (const [n, b] of [["mspdi", enc.encode(writeMspdi(sampleProject()))], ["xer", enc.encode(MINI_XER)], ["legacy", enc.encode(LEGACY_MSPDI)], ["pmxml", enc.encode(MINI_PMXML)], ["json", enc.encode(JSON.stringify(sampleProject()))]] as const) {
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) readProjectFile(b);
  console.log(n, ((performance.now() - t0) / 500).toFixed(3), "ms/read");
}
