import { auditProject, computeProjectEvm, compileNetwork, runPasses, dcmaAssessment, buildAuditContext } from "@pmokit/core";
process.env["PMOKIT_BENCH_RUNS"] = "0";
const { buildProject } = await import("./evm-audit.bench.js");
const p = buildProject(100000);
const t = (name: string, f: () => unknown) => { const a = performance.now(); f(); console.log(name, (performance.now() - a).toFixed(0), "ms"); };
for (let r = 0; r < 2; r++) {
  t("evm", () => computeProjectEvm(p));
  t("evm no tasks", () => computeProjectEvm(p, { includeTasks: false }));
  t("ctx", () => buildAuditContext(p));
  t("compileNetwork", () => compileNetwork(p));
  const c = compileNetwork(p);
  t("runPasses", () => runPasses(c.network));
  t("dcma reported", () => dcmaAssessment(p, { floatSource: "reported" }));
  t("audit", () => auditProject(p));
}
