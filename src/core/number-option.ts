import { AgentRuntimeValidationError } from "./errors";

/** Each rule reads as the error message says it: `<name> must be <rule>`. */
const RULES = {
  "a finite number >= 0": (value: number) => value >= 0,
  "a finite number > 0": (value: number) => value > 0,
  "a whole number >= 1": (value: number) => value >= 1 && Number.isInteger(value),
};

/** How a numeric option must look. */
export type NumberRule = keyof typeof RULES;

/**
 * Checks a numeric option against `rule` and returns it.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be <rule> (got <value>)`.
 */
export function numberOption(name: string, value: unknown, rule: NumberRule): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !RULES[rule](value)) {
    throw new AgentRuntimeValidationError(`${name} must be ${rule} (got ${String(value)})`);
  }
  return value;
}

/** The bounds of {@link wholeNumberInRange}, with the unit the message names (e.g. `seconds`). */
export interface WholeNumberRange {
  min: number;
  max: number;
  unit?: string;
}

/**
 * Checks a whole-number option from `min` to `max` (both included) and returns it.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be a whole number [of <unit>] from <min>
 *   to <max> (got <value>)`.
 */
export function wholeNumberInRange(name: string, value: unknown, range: WholeNumberRange): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    const unit = range.unit === undefined ? "" : ` of ${range.unit}`;
    throw new AgentRuntimeValidationError(
      `${name} must be a whole number${unit} from ${range.min} to ${range.max} (got ${String(value)})`,
    );
  }
  return value;
}
