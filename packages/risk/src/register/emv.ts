import { dec, Dec } from "../internal/decimal.js";
import type { Dec as DecT } from "../internal/decimal.js";
import { inputError } from "../internal/errors.js";
import { probabilityPoint } from "./register.js";
import type { RiskRecord, RiskRegister } from "./types.js";

function amount(s: string | undefined, path: string): DecT {
  if (s === undefined) return new Dec(0);
  if (typeof s !== "string" || !/^-?\d+(\.\d+)?$/.test(s))
    inputError(path, 'a decimal string such as "1250.50"', s);
  return dec(s);
}

/**
 * Expected monetary value of a risk: probability × cost impact, **signed by polarity** (threats
 * negative, opportunities positive, as in PMBOK). Decimal arithmetic; returns a decimal string.
 *
 * @param risk - the risk (cost impact in `impacts.cost.amount`)
 * @param residual - use the residual probability / impact of the first response that defines them
 * @returns the EMV as a decimal string
 * @example
 * ```ts
 * expectedMonetaryValue({ id: "R", title: "", polarity: "threat", status: "open", probability: 0.3,
 *   impacts: { cost: { amount: "150000" } } }); // "-45000"
 * ```
 * @category Register
 */
export function expectedMonetaryValue(risk: RiskRecord, residual = false): string {
  return emvDec(risk, residual).toString();
}

function emvDec(risk: RiskRecord, residual: boolean): DecT {
  let p = probabilityPoint(risk.probability, `${risk.id}.probability`);
  let a = risk.impacts.cost?.amount;
  if (residual) {
    const resp = (risk.responses ?? []).find(
      (r) => r.residualProbability !== undefined || r.residualImpacts?.cost,
    );
    if (resp) {
      if (resp.residualProbability !== undefined) p = probabilityPoint(resp.residualProbability);
      if (resp.residualImpacts?.cost?.amount !== undefined) a = resp.residualImpacts.cost.amount;
    }
  }
  const v = dec(p).times(amount(a, `${risk.id}.impacts.cost.amount`));
  return risk.polarity === "threat" ? v.negated() : v;
}

/**
 * Mitigation return (DAU rule): the reduction of the risk-weighted consequence minus the response
 * cost. A response that removes the risk (residual probability 0) returns |EMV| − cost.
 *
 * @param risk - the risk
 * @param responseIndex - which response (default 0)
 * @returns decimal strings: EMV before and after, response cost and return
 * @example
 * ```ts
 * // 0.4 × 100k, mitigation 12k reducing likelihood to 0.1 → return "18000"
 * ```
 * @category Register
 */
export function mitigationReturn(
  risk: RiskRecord,
  responseIndex = 0,
): { before: string; after: string; cost: string; return: string } {
  const resp = (risk.responses ?? [])[responseIndex];
  if (!resp) inputError(`${risk.id}.responses[${responseIndex}]`, "a response", "nothing");
  const before = emvDec(risk, false);
  const after = emvDec(
    {
      ...risk,
      probability: resp.residualProbability ?? (resp.type === "avoid" ? 0 : risk.probability),
      impacts: { ...risk.impacts, ...(resp.residualImpacts ?? {}) },
    },
    false,
  );
  const cost = amount(resp.cost, `${risk.id}.responses[${responseIndex}].cost`);
  // Threat: improvement = after − before (less negative). Opportunity: enhancing raises EMV.
  const gain = after.minus(before);
  return {
    before: before.toString(),
    after: after.toString(),
    cost: cost.toString(),
    return: gain.minus(cost).toString(),
  };
}

/**
 * Exposure totals (decimal strings): threats (negative), opportunities (positive) and net,
 * reported separately, over active risks (open, proposed, issue).
 *
 * @category Register
 */
export interface ExposureTotals {
  readonly threats: string;
  readonly opportunities: string;
  readonly net: string;
  readonly count: number;
}

function totals(risks: readonly RiskRecord[], residual: boolean): ExposureTotals {
  let t = new Dec(0);
  let o = new Dec(0);
  let count = 0;
  for (const r of risks) {
    if (r.status === "closed" || r.status === "accepted") continue;
    const v = emvDec(r, residual);
    if (r.polarity === "threat") t = t.plus(v);
    else o = o.plus(v);
    count++;
  }
  return { threats: t.toString(), opportunities: o.toString(), net: t.plus(o).toString(), count };
}

/**
 * Exposure of one register.
 *
 * @param register - the register
 * @param residual - use residual (post-response) values
 * @returns threats, opportunities and net EMV
 * @category Register
 */
export function registerExposure(register: RiskRegister, residual = false): ExposureTotals {
  return totals(register.risks, residual);
}

/**
 * Rolls up exposure from registers to projects (by `risk.projectId`, else the register id) and
 * to the portfolio. EMV is additive (expectations add); percentiles are not: use
 * `rollUpPortfolio` on simulation samples for those.
 *
 * @param registers - the registers (same currency)
 * @param residual - use residual values
 * @returns per-project totals and portfolio totals
 * @throws PmokitError `CURRENCY_MISMATCH` when registers use different currencies
 * @category Register
 */
export function rollUpExposure(
  registers: readonly RiskRegister[],
  residual = false,
): { projects: { id: string; exposure: ExposureTotals }[]; portfolio: ExposureTotals; currency?: string } {
  const currencies = new Set(registers.map((r) => r.currency).filter((c) => c !== undefined));
  if (currencies.size > 1)
    inputError("registers", "one currency", [...currencies].join(", "), "CURRENCY_MISMATCH");
  const byProject = new Map<string, RiskRecord[]>();
  for (const reg of registers)
    for (const r of reg.risks) {
      const k = r.projectId ?? reg.id;
      byProject.set(k, [...(byProject.get(k) ?? []), r]);
    }
  const cur = [...currencies][0];
  return {
    projects: [...byProject].map(([id, rs]) => ({ id, exposure: totals(rs, residual) })),
    portfolio: totals(
      registers.flatMap((r) => r.risks),
      residual,
    ),
    ...(cur ? { currency: cur } : {}),
  };
}
