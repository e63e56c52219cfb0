/** Which frames a frame fault counts: from the client (`in`), to it (`out`), or both. */
export type FrameDirection = "in" | "out" | "any";

/** What to do with a socket when a frame passes. */
export type FrameVerdict =
  | { action: "pass" }
  | { action: "drop"; rule: string }
  | { action: "close"; code: number; reason: string; rule: string };

/** A refusal the emulator answers an upgrade with. */
export interface Refusal {
  status: number;
  reason: string;
}

/** Frame faults: after `frames` frames on a connection, drop it or close it. */
export interface FrameFaultOptions {
  /** Which frames count. Default `any`. */
  direction?: FrameDirection;
  /** How many connections it hits before it disarms. Default 1; `Infinity` for every one. */
  times?: number;
}

/** Faults to start with (the same ones the runtime API sets). */
export interface FaultOptions {
  /** Seed of the fault randomness; random (and reported as `faults.seed`) when omitted. */
  seed?: number;
  /** Refuse the next `count` authenticated upgrades with `status` (default 429). */
  refuseNext?: { count: number; status?: number };
  /** Refuse each authenticated upgrade with this probability and status (default 429). */
  refuseRandomly?: { probability: number; status?: number };
  /** Terminate a connection (no close frame: 1006 on the client) after this many frames. */
  dropAfterFrames?: { frames: number } & FrameFaultOptions;
  /** Close a connection with `code` (e.g. 1008, 1011) after this many frames. */
  closeAfterFrames?: { frames: number; code: number; reason?: string } & FrameFaultOptions;
  /** Terminate a connection at each frame with this probability. */
  dropRandomly?: number;
  /** Hold every upgrade this long before answering it. */
  upgradeDelayMs?: number;
}

/** A fault command as JSON, for `POST /__emulator/faults` and `FaultController.apply`. */
export type FaultCommand =
  | { action: "dropAll" }
  | { action: "closeAll"; code?: number; reason?: string }
  | { action: "refuseNext"; count?: number; status?: number }
  | { action: "refuseRandomly"; probability: number; status?: number }
  | { action: "dropAfterFrames"; frames: number; direction?: FrameDirection; times?: number }
  | {
      action: "closeAfterFrames";
      frames: number;
      code?: number;
      reason?: string;
      direction?: FrameDirection;
      times?: number;
    }
  | { action: "dropRandomly"; probability: number }
  | { action: "delayUpgrades"; ms: number }
  | { action: "setClockSkew"; ms: number }
  | { action: "expireIssuedBefore"; at?: number }
  | { action: "reseed"; seed: number }
  | { action: "reset" };

/** The armed faults, as `FaultController.snapshot` reports them. */
export interface FaultState {
  seed: number;
  clockSkewMs: number;
  upgradeDelayMs: number;
  refuseNext: number[];
  refuseRandomly: { probability: number; status: number };
  dropRandomly: number;
  frameRules: Array<{
    kind: "drop" | "close";
    frames: number;
    direction: FrameDirection;
    remaining: number;
    code?: number;
  }>;
  issuedBefore: number | null;
}

/** A bad fault command or argument. */
export class FaultCommandError extends Error {
  override readonly name: string = "FaultCommandError";
}

/** An open connection as the fault controller sees it. */
export interface FaultTarget {
  drop(cause: "fault-drop"): void;
  close(code: number, reason: string, cause: "fault-close"): void;
}
