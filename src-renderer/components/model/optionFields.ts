// The settings a state keeps in `options` and changes with `set(key, value)` (backtest,
// explanation, comparison), described as a list the OptionFields component draws: a number with
// the contract's bounds, or one of a few named values.
import type { NumberLimits } from '../../../src-main/shared/formLimits';

export type OptionValue = string | number;

export type OptionField<K extends string> = {
  key: K;
  label: string;
  /** Where the test id is not `{form}-{key in kebab case}`. */
  testid?: string;
} & (
  | { limits: NumberLimits; step?: string }
  /** Each value's label, in the order shown. */
  | { choices: Readonly<Record<string, string>> }
);
