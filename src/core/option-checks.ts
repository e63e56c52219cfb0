import { AgentRuntimeValidationError } from "./errors";

/** Any function, whatever it takes and returns. */
export type AnyFunction = (...args: never[]) => unknown;

/** Whether `value` is a plain object: not `null`, not an array, not a function. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What kind of value was given, for error messages that must not echo the value itself (it
 * may be a secret): `null`, `an empty string`, `a number`, `an array`, ...
 */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (value === "") return "an empty string";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The error for an option of the wrong kind: `<name> must be <rule> (got <kind>)`. */
export function invalidOption(
  name: string,
  rule: string,
  value: unknown,
): AgentRuntimeValidationError {
  return new AgentRuntimeValidationError(`${name} must be ${rule} (got ${kindOf(value)})`);
}

/**
 * Checks the options object a factory or constructor was called with.
 *
 * @throws {AgentRuntimeValidationError} `<name> needs an options object (got <kind>)`.
 */
export function optionsObject<T extends object>(name: string, options: T): T {
  if (!isRecord(options)) {
    throw new AgentRuntimeValidationError(
      `${name} needs an options object (got ${kindOf(options)})`,
    );
  }
  return options;
}

/**
 * Checks a function option that may be left out.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be a function (got <kind>)`.
 */
export function optionalFunction<T extends AnyFunction>(
  name: string,
  value: T | undefined,
): T | undefined {
  if (value === undefined || typeof value === "function") return value;
  throw invalidOption(name, "a function", value);
}

/**
 * Checks a string option that may be left out.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be a string (got <kind>)`.
 */
export function optionalString(name: string, value: string | undefined): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  throw invalidOption(name, "a string", value);
}

/**
 * Checks a boolean option that may be left out.
 *
 * @throws {AgentRuntimeValidationError} `<name> must be true or false (got <kind>)`.
 */
export function optionalBoolean(name: string, value: boolean | undefined): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw invalidOption(name, "true or false", value);
}
