import { inputError } from "../internal/errors.js";

/**
 * A random-index (RI) table for Saaty's consistency ratio: the mean consistency index of random
 * reciprocal matrices of each size. Several tables are in circulation; every CR pmokit reports names
 * the table it used.
 *
 * @category AHP
 * @since 0.1.0
 */
export interface RandomIndexTable {
  /** Stable identifier, echoed as `riTable` in results (e.g. `"alonsoLamata2006"`). */
  readonly id: RandomIndexTableId;
  /** Human-readable name and source. */
  readonly name: string;
  /** RI by matrix size; index 0 is unused, sizes 1..15. */
  readonly values: readonly number[];
}

/**
 * Identifiers of the built-in RI tables (the keys used by the published test vectors).
 *
 * @category AHP
 * @since 0.1.0
 */
export type RandomIndexTableId =
  "saaty1980" | "saaty1980_variant_n12_1.54" | "saaty2005" | "doneganDodd1991" | "alonsoLamata2006";

/**
 * Saaty (1980) table as reproduced in many code bases, with the non-monotone 1.48 at n = 12.
 *
 * @example
 * ```ts
 * import { RI_SAATY_1980 } from "@pmokit/portfolio";
 * RI_SAATY_1980.values[7]; // 1.32
 * ```
 * @category AHP
 * @since 0.1.0
 */
export const RI_SAATY_1980: RandomIndexTable = {
  id: "saaty1980",
  name: "Saaty (1980), n = 12 → 1.48",
  values: [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
};

/**
 * The same Saaty (1980) table with 1.54 at n = 12 (R `findRI`, "Original RI values by Saaty").
 *
 * @example
 * ```ts
 * import { RI_SAATY_1980_N12_154 } from "@pmokit/portfolio";
 * RI_SAATY_1980_N12_154.values[12]; // 1.54
 * ```
 * @category AHP
 * @since 0.1.0
 */
export const RI_SAATY_1980_N12_154: RandomIndexTable = {
  id: "saaty1980_variant_n12_1.54",
  name: "Saaty (1980), n = 12 → 1.54 variant",
  values: [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.54, 1.56, 1.57, 1.59],
};

/**
 * Saaty (2005), *Theory and Applications of the Analytic Network Process*, p. 31 (AHPy `'saaty'`).
 *
 * @example
 * ```ts
 * import { RI_SAATY_2005 } from "@pmokit/portfolio";
 * RI_SAATY_2005.values[7]; // 1.35
 * ```
 * @category AHP
 * @since 0.1.0
 */
export const RI_SAATY_2005: RandomIndexTable = {
  id: "saaty2005",
  name: "Saaty (2005) ANP book p. 31",
  values: [0, 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
};

/**
 * Donegan & Dodd (1991), Math. Comput. Modelling 15(10):135-137 (AHPy's default `'dd'`).
 *
 * @example
 * ```ts
 * import { RI_DONEGAN_DODD } from "@pmokit/portfolio";
 * RI_DONEGAN_DODD.values[4]; // 0.8286
 * ```
 * @category AHP
 * @since 0.1.0
 */
export const RI_DONEGAN_DODD: RandomIndexTable = {
  id: "doneganDodd1991",
  name: "Donegan & Dodd (1991)",
  values: [
    0, 0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822,
    1.4969,
  ],
};

/**
 * Alonso & Lamata (2006), IJUFKS 14(4):445-459 (100,000 random matrices). pmokit's default.
 *
 * @example
 * ```ts
 * import { RI_ALONSO_LAMATA } from "@pmokit/portfolio";
 * RI_ALONSO_LAMATA.values[3]; // 0.5245
 * ```
 * @category AHP
 * @since 0.1.0
 */
export const RI_ALONSO_LAMATA: RandomIndexTable = {
  id: "alonsoLamata2006",
  name: "Alonso & Lamata (2006)",
  values: [
    0, 0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713,
    1.5838,
  ],
};

/**
 * Names accepted for an RI table: the table ids, plus the CLI's kebab-case aliases. `saaty` means
 * {@link RI_SAATY_2005} (the book table; the 1980 variants are `saaty1980` and `saaty1980-n12-1.54`).
 *
 * @category AHP
 * @since 0.1.0
 */
export const RANDOM_INDEX_NAMES: Readonly<Record<string, RandomIndexTable>> = {
  saaty: RI_SAATY_2005,
  "saaty-2005": RI_SAATY_2005,
  saaty2005: RI_SAATY_2005,
  "saaty-1980": RI_SAATY_1980,
  saaty1980: RI_SAATY_1980,
  "saaty1980-n12-1.54": RI_SAATY_1980_N12_154,
  "saaty-1980-n12-1.54": RI_SAATY_1980_N12_154,
  "saaty1980_variant_n12_1.54": RI_SAATY_1980_N12_154,
  "donegan-dodd": RI_DONEGAN_DODD,
  dd: RI_DONEGAN_DODD,
  donegan: RI_DONEGAN_DODD,
  doneganDodd1991: RI_DONEGAN_DODD,
  "alonso-lamata": RI_ALONSO_LAMATA,
  alonso: RI_ALONSO_LAMATA,
  alonsoLamata2006: RI_ALONSO_LAMATA,
};

/**
 * Looks up an RI table by id or alias.
 *
 * @param name - a table id or alias from {@link RANDOM_INDEX_NAMES}
 * @returns the table
 * @throws PmokitError `INVALID_INPUT` for an unknown name
 * @example
 * ```ts
 * import { randomIndexTable } from "@pmokit/portfolio";
 * randomIndexTable("donegan-dodd").id; // "doneganDodd1991"
 * ```
 * @category AHP
 * @since 0.1.0
 */
export function randomIndexTable(name: string): RandomIndexTable {
  const t = Object.hasOwn(RANDOM_INDEX_NAMES, name) ? RANDOM_INDEX_NAMES[name] : undefined;
  if (!t) return inputError("ri", `one of ${Object.keys(RANDOM_INDEX_NAMES).join(", ")}`, name);
  return t;
}
