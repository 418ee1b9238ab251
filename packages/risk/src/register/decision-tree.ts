import { dec, Dec } from "../internal/decimal.js";
import type { Dec as DecT } from "../internal/decimal.js";
import { checkFinite, checkProbability, inputError } from "../internal/errors.js";

/**
 * A decision-tree node: a decision (choose the option with the highest EMV; an option's `cost`
 * is subtracted), a chance node (probability-weighted outcomes summing to 1) or a terminal payoff.
 *
 * @category Register
 */
export type DecisionNode =
  | {
      readonly type: "decision";
      readonly label?: string;
      readonly options: readonly {
        readonly label: string;
        readonly cost?: number;
        readonly node: DecisionNode;
      }[];
    }
  | {
      readonly type: "chance";
      readonly label?: string;
      readonly outcomes: readonly {
        readonly label: string;
        readonly probability: number;
        readonly node: DecisionNode;
      }[];
    }
  | { readonly type: "terminal"; readonly label?: string; readonly value: number };

/**
 * Evaluated node: its EMV, and for decisions the chosen option and each option's net EMV.
 *
 * @category Register
 */
export interface DecisionEvaluation {
  readonly emv: number;
  readonly choice?: string;
  readonly options?: readonly { readonly label: string; readonly emv: number }[];
}

/**
 * Evaluates a decision tree by rolling back expected monetary values (risk neutral), in decimal
 * arithmetic.
 *
 * @param node - the root
 * @returns the root's EMV and decision
 * @throws PmokitError `INVALID_INPUT` for probabilities outside [0, 1] or not summing to 1
 * @example
 * ```ts
 * evaluateDecisionTree({ type: "decision", options: [
 *   { label: "build", cost: 120, node: { type: "chance", outcomes: [
 *     { label: "strong", probability: 0.6, node: { type: "terminal", value: 200 } },
 *     { label: "weak", probability: 0.4, node: { type: "terminal", value: 90 } }] } },
 *   { label: "upgrade", cost: 50, node: { type: "chance", outcomes: [
 *     { label: "strong", probability: 0.6, node: { type: "terminal", value: 120 } },
 *     { label: "weak", probability: 0.4, node: { type: "terminal", value: 60 } }] } }] });
 * // { emv: 46, choice: "upgrade", options: [{ label: "build", emv: 36 }, { label: "upgrade", emv: 46 }] }
 * ```
 * @category Register
 */
export function evaluateDecisionTree(node: DecisionNode, path = "root"): DecisionEvaluation {
  const r = evalNode(node, path);
  return { emv: r.v.toNumber(), ...(r.choice !== undefined ? { choice: r.choice, options: r.options } : {}) };
}

function evalNode(
  node: DecisionNode,
  path: string,
): { v: DecT; choice?: string; options?: { label: string; emv: number }[] } {
  switch (node.type) {
    case "terminal":
      checkFinite(node.value, `${path}.value`);
      return { v: dec(node.value) };
    case "chance": {
      let s = new Dec(0);
      let p = new Dec(0);
      node.outcomes.forEach((o, i) => {
        checkProbability(o.probability, `${path}.outcomes[${i}].probability`);
        p = p.plus(dec(o.probability));
        s = s.plus(dec(o.probability).times(evalNode(o.node, `${path}.outcomes[${i}].node`).v));
      });
      if (!p.minus(1).abs().lte("1e-9"))
        inputError(`${path}.outcomes`, "probabilities summing to 1", p.toNumber());
      return { v: s };
    }
    case "decision": {
      if (node.options.length === 0) inputError(`${path}.options`, "at least one option", "none");
      const opts = node.options.map((o, i) => ({
        label: o.label,
        v: evalNode(o.node, `${path}.options[${i}].node`).v.minus(dec(o.cost ?? 0)),
      }));
      let best = opts[0]!;
      for (const o of opts) if (o.v.gt(best.v)) best = o;
      return {
        v: best.v,
        choice: best.label,
        options: opts.map((o) => ({ label: o.label, emv: o.v.toNumber() })),
      };
    }
    default:
      return inputError(
        `${path}.type`,
        '"decision", "chance" or "terminal"',
        (node as { type?: unknown }).type,
      );
  }
}
