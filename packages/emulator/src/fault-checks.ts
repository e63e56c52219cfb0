import { isSendableCloseCode } from "./close-codes";
import { FaultCommandError, type FrameDirection } from "./fault-types";

/** `value` when it is a finite number, else a {@link FaultCommandError} naming `what`. */
export function checkFinite(value: number, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new FaultCommandError(`${what} must be a finite number`);
  return value;
}

/** `value` when it is a finite number of 0 or more. */
export function checkNonNegative(value: number, what: string): number {
  if (checkFinite(value, what) < 0) throw new FaultCommandError(`${what} cannot be negative`);
  return value;
}

/** Throws unless `value` is a whole number of 0 or more. */
export function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new FaultCommandError(`${what} must be a whole number, got ${value}`);
}

/** The seed as the unsigned 32-bit number the generators use. */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed)) throw new FaultCommandError(`seed must be an integer, got ${seed}`);
  return seed >>> 0;
}

/** Throws unless `p` is from 0 to 1. */
export function checkProbability(p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1))
    throw new FaultCommandError(`probability must be from 0 to 1, got ${p}`);
}

/** Throws unless `status` is an HTTP error status (400-599). */
export function checkStatus(status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new FaultCommandError(
      `a refusal status must be an HTTP error status (400-599), got ${status}`,
    );
  }
}

/** Throws unless a server may send `code` in a close frame. */
export function checkCloseCode(code: number): void {
  if (!isSendableCloseCode(code))
    throw new FaultCommandError(`${code} is not a close code a server can send`);
}

/** True for `in`, `out` and `any`. */
export function isFrameDirection(value: unknown): value is FrameDirection {
  return value === "in" || value === "out" || value === "any";
}

/** `direction` when it is a {@link FrameDirection}. */
export function checkDirection(direction: unknown): FrameDirection {
  if (!isFrameDirection(direction)) {
    throw new FaultCommandError(
      `direction must be in, out or any, got ${JSON.stringify(direction)}`,
    );
  }
  return direction;
}

/** How many connections a frame rule may hit: a whole number of at least 1, or Infinity. */
export function checkTimes(times: number): number {
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new FaultCommandError("times must be a whole number of at least 1, or Infinity");
  }
  return times;
}
