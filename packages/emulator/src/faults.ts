import {
  checkCloseCode,
  checkCount,
  checkFinite,
  checkNonNegative,
  checkStatus,
} from "./fault-checks";
import { applyFaultCommand, parseFaultCommand } from "./fault-commands";
import type {
  FaultCommand,
  FaultOptions,
  FaultState,
  FaultTarget,
  FrameFaultOptions,
  FrameVerdict,
  Refusal,
} from "./fault-types";
import { FrameRules } from "./frame-rules";
import { randomSeed } from "./prng";
import { RandomFaults } from "./random-faults";

const DEFAULT_FAULT_REASON = "Fault injected by the emulator";

/**
 * Scriptable, seedable fault injection. Scripted faults (`refuseNext`, `dropAfterFrames`, ...)
 * are deterministic; random ones draw from a mulberry32 generator seeded with `seed`, one
 * stream for frames and one for upgrades, so the same seed and traffic give the same faults.
 */
export class FaultController {
  readonly #random: RandomFaults;
  readonly #frameRules = new FrameRules();
  #refusals: number[] = [];
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
    this.#random = new RandomFaults(options.seed ?? randomSeed());
    this.#clockSkewMs = checkFinite(init.clockSkewMs ?? 0, "clock skew");
    this.#targets = init.targets;
    this.#now = init.now;
    this.#arm(options);
  }

  #arm(options: FaultOptions): void {
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
    return this.#random.seed;
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
  closeAll(code = 1011, reason = DEFAULT_FAULT_REASON): number {
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
    this.#random.refuseRandomly(probability, status);
  }

  /**
   * Terminates a connection once it has carried `frames` frames (counted from now, or from its
   * opening for later ones). The frame that trips it is the last one: an outgoing frame still
   * reaches the client; an incoming one is in the session transcript but never reaches the agent.
   */
  dropAfterFrames(frames: number, options: FrameFaultOptions = {}): void {
    this.#frameRules.add("drop", frames, { code: 1006, reason: "" }, options);
  }

  /** Like {@link dropAfterFrames}, but closes with `code` (e.g. 1008 or 1011) and a reason. */
  closeAfterFrames(
    frames: number,
    code: number,
    options: FrameFaultOptions & { reason?: string } = {},
  ): void {
    checkCloseCode(code);
    const reason = options.reason ?? DEFAULT_FAULT_REASON;
    this.#frameRules.add("close", frames, { code, reason }, options);
  }

  /** Terminates a connection at each frame with this probability (0 turns it off). */
  dropRandomly(probability: number): void {
    this.#random.dropRandomly(probability);
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
    this.#random.reseed(seed);
  }

  /** Clears every fault and the clock skew (the seed stays). */
  reset(): void {
    this.#refusals = [];
    this.#random.reset();
    this.#frameRules.clear();
    this.#upgradeDelayMs = 0;
    this.#clockSkewMs = 0;
    this.#issuedBefore = undefined;
  }

  /**
   * Applies a JSON fault command (the control endpoint's format).
   *
   * @throws {FaultCommandError} for a malformed command or a bad argument.
   */
  apply(command: FaultCommand): FaultState {
    applyFaultCommand(this, parseFaultCommand(command));
    return this.snapshot();
  }

  /** The armed faults, as JSON. */
  snapshot(): FaultState {
    const random = this.#random.snapshot();
    return {
      seed: this.#random.seed,
      clockSkewMs: this.#clockSkewMs,
      upgradeDelayMs: this.#upgradeDelayMs,
      refuseNext: [...this.#refusals],
      refuseRandomly: random.refuseRandomly,
      dropRandomly: random.dropRandomly,
      frameRules: this.#frameRules.snapshot(),
      issuedBefore: this.#issuedBefore ?? null,
    };
  }

  /** @internal How long to hold the next upgrade. */
  upgradeDelay(): number {
    return this.#upgradeDelayMs;
  }

  /** @internal Whether to refuse an authenticated upgrade, and how: scripted refusals first. */
  takeRefusal(): Refusal | undefined {
    const scripted = this.#refusals.shift();
    if (scripted !== undefined)
      return { status: scripted, reason: `Refused by an injected fault (${scripted})` };
    return this.#random.drawRefusal();
  }

  /** @internal Counts a frame on a connection and says whether a fault fires: rules first. */
  onFrame(target: FaultTarget, direction: "in" | "out"): FrameVerdict {
    const scripted = this.#frameRules.match(target, direction);
    if (scripted) return scripted;
    if (this.#random.drawDrop()) return { action: "drop", rule: "dropRandomly" };
    return { action: "pass" };
  }
}
