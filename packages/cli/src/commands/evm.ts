import { PmokitError, evmIndicators, evmSeries, isPmokitError } from "@pmokit/core";
import type { EacMethod, EsPlateauRule, EvmIndicators, EvmSeriesInput } from "@pmokit/core";
import type { CommandSpec } from "../command.js";

const n = (s: string | null | undefined): number | null => (s === null || s === undefined ? null : Number(s));

function mapNum(rec: Readonly<Partial<Record<string, string | null>>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(rec)) out[k] = n(v);
  return out;
}

/** The JSON document of the contract for point indicators (amounts as numbers). */
export function indicatorsJson(r: EvmIndicators): Record<string, unknown> {
  return {
    bac: Number(r.bac),
    pv: Number(r.pv),
    ev: Number(r.ev),
    ac: Number(r.ac),
    cv: Number(r.cv),
    sv: Number(r.sv),
    cpi: r.cpi,
    spi: r.spi,
    eac: mapNum(r.eac),
    eacMethod: r.eacMethod,
    etc: n(r.etc),
    vac: n(r.vac),
    tcpi: r.tcpi,
    cvPercent: r.cvPercent,
    svPercent: r.svPercent,
    percentComplete: r.percentComplete,
    percentSpent: r.percentSpent,
    etcByMethod: mapNum(r.etcByMethod),
    vacByMethod: mapNum(r.vacByMethod),
    ...(r.timeEstimate === undefined ? {} : { timeEstimate: r.timeEstimate }),
    undefinedReasons: r.undefinedReasons,
  };
}

const fmt = (v: number | string | null | undefined, digits = 4): string => {
  if (v === null || v === undefined) return "undefined";
  const x = typeof v === "string" ? Number(v) : v;
  return Number.isInteger(x) ? String(x) : x.toFixed(digits).replace(/0+$/, "").replace(/\.$/, "");
};

function inFile(file: string, e: unknown): unknown {
  if (!isPmokitError(e)) return e;
  const name = file === "-" ? "<stdin>" : file;
  return new PmokitError(e.code, `${name}: ${e.message}`, { ...e.details, file: name }, { cause: e });
}

/** `pmokit evm FILE [--json]` */
export const evmCommand: CommandSpec = {
  name: "evm",
  summary: "Earned value (CV, SV, CPI, SPI, EAC variants, ETC, VAC, TCPI) and earned schedule.",
  usage: "evm FILE [--json] [--eac-method cpi|atypical|cpiSpi|composite] [--plateau end|start]",
  description: [
    'FILE: { "bac", "pv", "ev", "ac" } or a time-phased series { "bac", "periods": [ { "date", "pv", "ev"?, "ac"? } ] }',
    "with values cumulative to the end of each period (PD = number of periods, AT = the last period with ev).",
    'Output: { "cv", "sv", "cpi", "spi", "eac": { "cpi", "atypical", "cpiSpi", "composite" }, "etc", "vac",',
    '"tcpi": { "bac", "eac" }, ... }; for a series the same at AT plus "es", "svt", "spit", "ieact", "tspi" (periods).',
    "EAC methods: cpi = BAC / CPI; atypical = AC + BAC - EV; cpiSpi = AC + (BAC - EV) / (CPI x SPI);",
    "composite = AC + (BAC - EV) / (0.8 CPI + 0.2 SPI). ETC, VAC and TCPI(EAC) use --eac-method (default cpi).",
    "A value with a zero denominator is null (JSON) / 'undefined' (table), with the reason in undefinedReasons.",
    "--plateau: earned-schedule rule on a flat PV stretch (end = Lipke's count, default; start = earliest).",
    "Exit codes: 0 computed; 2 bad input (negative values, decreasing PV, no EV / AC).",
  ].join("\n"),
  options: {
    "eac-method": {
      type: "string",
      description: "EAC method behind ETC, VAC and TCPI(EAC) (default cpi).",
      choices: ["cpi", "atypical", "cpiSpi", "composite"],
    },
    plateau: {
      type: "string",
      description: "Earned-schedule plateau rule (default end).",
      choices: ["end", "start"],
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const file = ctx.args[0]!;
    const raw = await ctx.readJson(file);
    const eacMethod = (ctx.options["eac-method"] as EacMethod | undefined) ?? "cpi";
    const plateau = (ctx.options["plateau"] as EsPlateauRule | undefined) ?? "end";
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new PmokitError("SCHEMA_VIOLATION", `${file}: expected a JSON object`, {
        file,
        path: "$",
        expected: '{ "bac", "pv", "ev", "ac" } or { "bac", "periods": [...] }',
      });
    }
    const obj = raw as Record<string, unknown>;
    let doc: Record<string, unknown>;
    let lines: string[];
    try {
      if ("periods" in obj) {
        const r = evmSeries(obj as unknown as EvmSeriesInput, { eacMethod, plateau });
        for (const w of r.warnings) ctx.err(`${file}: warning: ${w}`);
        doc = {
          ...indicatorsJson(r),
          at: r.at,
          pd: r.pd,
          es: r.es,
          svt: r.svt,
          spit: r.spit,
          ieact: r.ieact,
          tspi: r.tspi,
          ieactVariants: r.earnedSchedule.ieactVariants,
          tspiBasis: r.earnedSchedule.tspiBasis,
          plateau: r.earnedSchedule.plateau,
          esUndefinedReasons: r.earnedSchedule.undefinedReasons,
          sCurve: r.sCurve.map((p) => ({ ...p, pv: Number(p.pv), ev: n(p.ev), ac: n(p.ac) })),
          warnings: r.warnings,
        };
        lines = [
          `Earned schedule (periods): PD ${r.pd}, AT ${r.at}, ES ${fmt(r.es)}, SV(t) ${fmt(r.svt)}, SPI(t) ${fmt(r.spit)}, IEAC(t) ${fmt(r.ieact)}, TSPI ${fmt(r.tspi)}`,
        ];
        lines.unshift(...table(r));
      } else {
        for (const k of ["bac", "pv", "ev", "ac"]) {
          if (!(k in obj))
            throw new PmokitError("SCHEMA_VIOLATION", `missing "${k}"`, {
              path: `$.${k}`,
              expected: "a number",
            });
        }
        const r = evmIndicators(obj as { bac: number; pv: number; ev: number; ac: number }, { eacMethod });
        doc = indicatorsJson(r);
        lines = table(r);
      }
    } catch (e) {
      throw inFile(file, e);
    }
    if (ctx.json) ctx.printJson(doc);
    else ctx.out(`${lines.join("\n")}\n`);
    return 0;
  },
};

function table(r: EvmIndicators): string[] {
  return [
    `BAC ${fmt(r.bac)}  PV ${fmt(r.pv)}  EV ${fmt(r.ev)}  AC ${fmt(r.ac)}`,
    `CV ${fmt(r.cv)} (${fmt(r.cvPercent, 2)} %)  SV ${fmt(r.sv)} (${fmt(r.svPercent, 2)} %)`,
    `CPI ${fmt(r.cpi)}  SPI ${fmt(r.spi)}`,
    ...Object.entries(r.eac).map(([k, v]) => `EAC ${k.padEnd(9)} ${fmt(v, 2)}`),
    `ETC ${fmt(r.etc, 2)}  VAC ${fmt(r.vac, 2)}  (EAC ${r.eacMethod})`,
    `TCPI(BAC) ${fmt(r.tcpi.bac)}  TCPI(EAC) ${fmt(r.tcpi.eac)}`,
  ];
}
