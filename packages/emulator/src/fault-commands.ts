import { isFrameDirection } from "./fault-checks";
import { FaultCommandError, type FaultCommand, type FrameFaultOptions } from "./fault-types";
import type { FaultController } from "./faults";
import { isRecord } from "./json-record";

/**
 * Reads a fault command from JSON: an object with a known `action` and fields of the right
 * types. Ranges (a status, a probability, ...) are checked when the command is applied.
 *
 * @throws {FaultCommandError} for anything else.
 */
export function parseFaultCommand(value: unknown): FaultCommand {
  if (!isRecord(value)) throw new FaultCommandError("A fault command must be an object");
  const action = value["action"];
  switch (action) {
    case "dropAll":
    case "reset":
      return { action };
    case "closeAll":
      return { action, code: number(value, "code"), reason: string(value, "reason") };
    case "refuseNext":
      return { action, count: number(value, "count"), status: number(value, "status") };
    case "refuseRandomly":
      return { action, probability: needed(value, "probability"), status: number(value, "status") };
    case "dropAfterFrames":
      return { action, frames: needed(value, "frames"), ...frameOptions(value) };
    case "closeAfterFrames":
      return {
        action,
        frames: needed(value, "frames"),
        code: number(value, "code"),
        reason: string(value, "reason"),
        ...frameOptions(value),
      };
    case "dropRandomly":
      return { action, probability: needed(value, "probability") };
    case "delayUpgrades":
    case "setClockSkew":
      return { action, ms: needed(value, "ms") };
    case "expireIssuedBefore":
      return { action, at: number(value, "at") };
    case "reseed":
      return { action, seed: needed(value, "seed") };
    default:
      throw new FaultCommandError(`Unknown fault action ${JSON.stringify(action)}`);
  }
}

/** Applies a parsed command to the controller, with the defaults of its optional fields. */
export function applyFaultCommand(faults: FaultController, command: FaultCommand): void {
  switch (command.action) {
    case "dropAll":
      faults.dropAll();
      break;
    case "closeAll":
      faults.closeAll(command.code ?? 1011, command.reason);
      break;
    case "refuseNext":
      faults.refuseNext(command.count ?? 1, command.status ?? 429);
      break;
    case "refuseRandomly":
      faults.refuseRandomly(command.probability, command.status ?? 429);
      break;
    case "dropAfterFrames":
      faults.dropAfterFrames(command.frames, command);
      break;
    case "closeAfterFrames":
      faults.closeAfterFrames(command.frames, command.code ?? 1011, command);
      break;
    case "dropRandomly":
      faults.dropRandomly(command.probability);
      break;
    case "delayUpgrades":
      faults.delayUpgrades(command.ms);
      break;
    case "setClockSkew":
      faults.setClockSkew(command.ms);
      break;
    case "expireIssuedBefore":
      faults.expireIssuedBefore(command.at);
      break;
    case "reseed":
      faults.reseed(command.seed);
      break;
    case "reset":
      faults.reset();
      break;
  }
}

/** An optional number field (`null` counts as absent). */
function number(command: Record<string, unknown>, key: string): number | undefined {
  const value = command[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") throw new FaultCommandError(`${key} must be a number`);
  return value;
}

/** A number field the action needs. */
function needed(command: Record<string, unknown>, key: string): number {
  const value = number(command, key);
  if (value === undefined) throw new FaultCommandError(`${String(command["action"])} needs ${key}`);
  return value;
}

/** An optional string field (`null` counts as absent). */
function string(command: Record<string, unknown>, key: string): string | undefined {
  const value = command[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new FaultCommandError(`${key} must be a string`);
  return value;
}

function frameOptions(command: Record<string, unknown>): FrameFaultOptions {
  const direction = command["direction"];
  if (direction !== undefined && typeof direction !== "string")
    throw new FaultCommandError("direction must be a string");
  if (direction !== undefined && !isFrameDirection(direction)) {
    throw new FaultCommandError(
      `direction must be in, out or any, got ${JSON.stringify(direction)}`,
    );
  }
  return { direction, times: number(command, "times") };
}
