/**
 * `@pmokit/core/money`: exact money arithmetic on decimal strings (decimal.js inside), currency minor
 * units, rounding, allocation and formatting.
 *
 * @module money
 */
export { PmokitError, isPmokitError } from "../errors.js";
export {
  MoneySchema,
  money,
  addMoney,
  subtractMoney,
  multiplyMoney,
  divideMoney,
  ratio,
  compareMoney,
  isZeroMoney,
  sumMoney,
  roundMoney,
  allocateMoney,
  formatMoney,
  currencyMinorUnits,
} from "../money/money.js";
export type { Money, MoneyRounding } from "../money/money.js";
