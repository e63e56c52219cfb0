import { isSendableCloseCode } from "./close-codes";
import { mulberry32, randomSeed } from "./prng";

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

/** A fault command as JSON, for `POST /__emulator/faults` and {@link FaultController.apply}. */
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

/** A bad fault command or argument. */
export class FaultCommandError extends Error {
  override readonly name: string = "FaultCommandError";
}

/** An open connection as the fault controller sees it. */
export interface FaultTarget {
  drop(cause: "fault-drop"): void;
  close(code: number, reason: string, cause: "fault-close"): void;
}

interface FrameRule {
  id: number;
  kind: "drop" | "close";
  frames: number;
  direction: FrameDirection;
  remaining: number;
  code: number;
  reason: string;
  counts: WeakMap<FaultTarget, number>;
}

const UPGRADE_STREAM_SALT = 0x9e3779b9;

/**
 * Scriptable, seedable fault injection. Scripted faults (`refuseNext`, `dropAfterFrames`, ...)
 * are deterministic; random ones draw from a mulberry32 generator seeded with `seed`, one
 * stream for frames and one for upgrades, so the same seed and traffic give the same faults.
 */
export class FaultController {
  #seed: number;
  #frameRandom: () => number;
  #upgradeRandom: () => number;
  #refusals: number[] = [];
  #refuseProbability = 0;
  #refuseRandomStatus = 429;
  #rules: FrameRule[] = [];
  #ruleIds = 0;
  #dropProbability = 0;
  #upgradeDelayMs = 0;
  #clockSkewMs: number;
  #issuedBefore: number | undefined;
  readonly #targets: () => Iterable<FaultTarget>;
  readonly #now: () => number;

  /** @internal the emulator creates it. */
  constructor(init: {
    options?: FaultOptions;
    clockSkewMs?: number;
    targets: () => Iterable<FaultTarget>;
    now: () => number;
  }) {
    const options = init.options ?? {};
    this.#seed = checkSeed(options.seed ?? randomSeed());
    this.#frameRandom = mulberry32(this.#seed);
    this.#upgradeRandom = mulberry32(this.#seed ^ UPGRADE_STREAM_SALT);
    this.#clockSkewMs = checkFinite(init.clockSkewMs ?? 0, "clock skew");
    this.#targets = init.targets;
    this.#now = init.now;
    if (options.refuseNext) this.refuseNext(options.refuseNext.count, options.refuseNext.status);
    if (options.refuseRandomly)
      this.refuseRandomly(options.refuseRandomly.probability, options.refuseRandomly.status);
    if (options.dropAfterFrames)
      this.dropAfterFrames(options.dropAfterFrames.frames, options.dropAfterFrames);
    if (options.closeAfterFrames) {
      const { frames, code, reason, ...rest } = options.closeAfterFrames;
      this.closeAfterFrames(frames, code, { ...rest, reason });
    }
    if (options.dropRandomly !== undefined) this.dropRandomly(options.dropRandomly);
    if (options.upgradeDelayMs !== undefined) this.delayUpgrades(options.upgradeDelayMs);
  }

  /** The seed of the fault randomness (give it back as `faults.seed` to replay a run). */
  get seed(): number {
    return this.#seed;
  }

  /** How far the emulator clock runs ahead of the real one (negative: behind), in ms. */
  get clockSkewMs(): number {
    return this.#clockSkewMs;
  }

  /** Signatures dated before this epoch ms are refused as expired (see {@link expireIssuedBefore}). */
  get issuedBefore(): number | undefined {
    return this.#issuedBefore;
  }

  /** Terminates every open connection without a close frame (the client sees 1006). */
  dropAll(): number {
    let count = 0;
    for (const target of [...this.#targets()]) {
      target.drop("fault-drop");
      count += 1;
    }
    return count;
  }

  /** Closes every open connection with `code` (default 1011). */
  closeAll(code = 1011, reason = "Fault injected by the emulator"): number {
    checkCloseCode(code);
    let count = 0;
    for (const target of [...this.#targets()]) {
      target.close(code, reason, "fault-close");
      count += 1;
    }
    return count;
  }

  /** Refuses the next `count` authenticated upgrades with `status` (e.g. 409, 429, 403, 424). */
  refuseNext(count = 1, status = 429): void {
    checkCount(count, "count");
    checkStatus(status);
    for (let i = 0; i < count; i += 1) this.#refusals.push(status);
  }

  /** Refuses each authenticated upgrade with this probability (0 turns it off). */
  refuseRandomly(probability: number, status = 429): void {
    checkProbability(probability);
    checkStatus(status);
    this.#refuseProbability = probability;
    this.#refuseRandomStatus = status;
  }

  /**
   * Terminates a connection once it has carried `frames` frames (counted from now, or from its
   * opening for later ones). The frame that trips it is the last one: an outgoing frame still
   * reaches the client; an incoming one is in the session transcript but never reaches the agent.
   */
  dropAfterFrames(frames: number, options: FrameFaultOptions = {}): void {
    this.#addRule("drop", frames, 1006, "", options);
  }

  /** Like {@link dropAfterFrames}, but closes with `code` (e.g. 1008 or 1011) and a reason. */
  closeAfterFrames(
    frames: number,
    code: number,
    options: FrameFaultOptions & { reason?: string } = {},
  ): void {
    checkCloseCode(code);
    this.#addRule(
      "close",
      frames,
      code,
      options.reason ?? "Fault injected by the emulator",
      options,
    );
  }

  /** Terminates a connection at each frame with this probability (0 turns it off). */
  dropRandomly(probability: number): void {
    checkProbability(probability);
    this.#dropProbability = probability;
  }

  /** Holds every upgrade `ms` before answering it (0 turns it off). */
  delayUpgrades(ms: number): void {
    this.#upgradeDelayMs = checkNonNegative(ms, "upgrade delay");
  }

  /** Runs the emulator clock `ms` ahead of real time (negative: behind). */
  setClockSkew(ms: number): void {
    this.#clockSkewMs = checkFinite(ms, "clock skew");
  }

  /**
   * Treats every signature dated before `at` (default: now on the emulator clock) as expired,
   * as if every URL handed out so far had run out. Signatures have whole-second dates, so one
   * made in the same second as `at` still passes.
   */
  expireIssuedBefore(at: number = this.#now()): void {
    this.#issuedBefore = Math.floor(checkFinite(at, "time") / 1000) * 1000;
  }

  /** Restarts the fault randomness from `seed`. */
  reseed(seed: number): void {
    this.#seed = checkSeed(seed);
    this.#frameRandom = mulberry32(this.#seed);
    this.#upgradeRandom = mulberry32(this.#seed ^ UPGRADE_STREAM_SALT);
  }

  /** Clears every fault and the clock skew (the seed stays). */
  reset(): void {
    this.#refusals = [];
    this.#refuseProbability = 0;
    this.#rules = [];
    this.#dropProbability = 0;
    this.#upgradeDelayMs = 0;
    this.#clockSkewMs = 0;
    this.#issuedBefore = undefined;
  }

  /** Applies a JSON fault command (the control endpoint's format). */
  apply(command: FaultCommand): FaultState {
    if (!command || typeof command !== "object")
      throw new FaultCommandError("A fault command must be an object");
    const c = command as Record<string, unknown>;
    switch (command.action) {
      case "dropAll":
        this.dropAll();
        break;
      case "closeAll":
        this.closeAll(optionalNumber(c, "code") ?? 1011, optionalString(c, "reason"));
        break;
      case "refuseNext":
        this.refuseNext(optionalNumber(c, "count") ?? 1, optionalNumber(c, "status") ?? 429);
        break;
      case "refuseRandomly":
        this.refuseRandomly(requiredNumber(c, "probability"), optionalNumber(c, "status") ?? 429);
        break;
      case "dropAfterFrames":
        this.dropAfterFrames(requiredNumber(c, "frames"), frameOptions(c));
        break;
      case "closeAfterFrames":
        this.closeAfterFrames(requiredNumber(c, "frames"), optionalNumber(c, "code") ?? 1011, {
          ...frameOptions(c),
          reason: optionalString(c, "reason"),
        });
        break;
      case "dropRandomly":
        this.dropRandomly(requiredNumber(c, "probability"));
        break;
      case "delayUpgrades":
        this.delayUpgrades(requiredNumber(c, "ms"));
        break;
      case "setClockSkew":
        this.setClockSkew(requiredNumber(c, "ms"));
        break;
      case "expireIssuedBefore":
        this.expireIssuedBefore(optionalNumber(c, "at"));
        break;
      case "reseed":
        this.reseed(requiredNumber(c, "seed"));
        break;
      case "reset":
        this.reset();
        break;
      default:
        throw new FaultCommandError(`Unknown fault action ${JSON.stringify(c["action"])}`);
    }
    return this.snapshot();
  }

  /** The armed faults, as JSON. */
  snapshot(): FaultState {
    return {
      seed: this.#seed,
      clockSkewMs: this.#clockSkewMs,
      upgradeDelayMs: this.#upgradeDelayMs,
      refuseNext: [...this.#refusals],
      refuseRandomly: { probability: this.#refuseProbability, status: this.#refuseRandomStatus },
      dropRandomly: this.#dropProbability,
      frameRules: this.#rules.map((rule) => ({
        kind: rule.kind,
        frames: rule.frames,
        direction: rule.direction,
        remaining: rule.remaining,
        ...(rule.kind === "close" ? { code: rule.code } : {}),
      })),
      issuedBefore: this.#issuedBefore ?? null,
    };
  }

  /** @internal How long to hold the next upgrade. */
  upgradeDelay(): number {
    return this.#upgradeDelayMs;
  }

  /** @internal Whether to refuse an authenticated upgrade, and how. */
  takeRefusal(): Refusal | undefined {
    const scripted = this.#refusals.shift();
    if (scripted !== undefined)
      return { status: scripted, reason: `Refused by an injected fault (${scripted})` };
    if (this.#refuseProbability > 0 && this.#upgradeRandom() < this.#refuseProbability) {
      return {
        status: this.#refuseRandomStatus,
        reason: `Refused at random by an injected fault (${this.#refuseRandomStatus})`,
      };
    }
    return undefined;
  }

  /** @internal Counts a frame on a connection and says whether a fault fires. */
  onFrame(target: FaultTarget, direction: "in" | "out"): FrameVerdict {
    for (const rule of this.#rules) {
      if (rule.direction !== "any" && rule.direction !== direction) continue;
      const count = (rule.counts.get(target) ?? 0) + 1;
      rule.counts.set(target, count);
      if (count < rule.frames) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
      const name = `${rule.kind}AfterFrames(${rule.frames})`;
      return rule.kind === "drop"
        ? { action: "drop", rule: name }
        : { action: "close", code: rule.code, reason: rule.reason, rule: name };
    }
    if (this.#dropProbability > 0 && this.#frameRandom() < this.#dropProbability) {
      return { action: "drop", rule: "dropRandomly" };
    }
    return { action: "pass" };
  }

  #addRule(
    kind: "drop" | "close",
    frames: number,
    code: number,
    reason: string,
    options: FrameFaultOptions,
  ): void {
    checkCount(frames, "frames");
    if (frames < 1) throw new FaultCommandError("frames must be at least 1");
    const direction = options.direction ?? "any";
    if (direction !== "in" && direction !== "out" && direction !== "any") {
      throw new FaultCommandError(
        `direction must be in, out or any, got ${JSON.stringify(direction)}`,
      );
    }
    const times = options.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
      throw new FaultCommandError("times must be a whole number of at least 1, or Infinity");
    }
    this.#ruleIds += 1;
    this.#rules.push({
      id: this.#ruleIds,
      kind,
      frames,
      direction,
      remaining: times,
      code,
      reason,
      counts: new WeakMap(),
    });
  }
}

/** The armed faults, as {@link FaultController.snapshot} reports them. */
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

function checkFinite(value: number, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new FaultCommandError(`${what} must be a finite number`);
  return value;
}

function checkNonNegative(value: number, what: string): number {
  if (checkFinite(value, what) < 0) throw new FaultCommandError(`${what} cannot be negative`);
  return value;
}

function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new FaultCommandError(`${what} must be a whole number, got ${value}`);
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed)) throw new FaultCommandError(`seed must be an integer, got ${seed}`);
  return seed >>> 0;
}

function checkProbability(p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1))
    throw new FaultCommandError(`probability must be from 0 to 1, got ${p}`);
}

function checkStatus(status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new FaultCommandError(
      `a refusal status must be an HTTP error status (400-599), got ${status}`,
    );
  }
}

function checkCloseCode(code: number): void {
  if (!isSendableCloseCode(code))
    throw new FaultCommandError(`${code} is not a close code a server can send`);
}

function optionalNumber(c: Record<string, unknown>, key: string): number | undefined {
  const value = c[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") throw new FaultCommandError(`${key} must be a number`);
  return value;
}

function requiredNumber(c: Record<string, unknown>, key: string): number {
  const value = optionalNumber(c, key);
  if (value === undefined) throw new FaultCommandError(`${String(c["action"])} needs ${key}`);
  return value;
}

function optionalString(c: Record<string, unknown>, key: string): string | undefined {
  const value = c[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new FaultCommandError(`${key} must be a string`);
  return value;
}

function frameOptions(c: Record<string, unknown>): FrameFaultOptions {
  const direction = c["direction"];
  if (direction !== undefined && typeof direction !== "string")
    throw new FaultCommandError("direction must be a string");
  return { direction: direction as FrameDirection | undefined, times: optionalNumber(c, "times") };
}
