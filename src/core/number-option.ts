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
  if (!Number.isFinite(value) || !RULES[rule](value as number)) {
    throw new AgentRuntimeValidationError(`${name} must be ${rule} (got ${String(value)})`);
  }
  return value as number;
}
