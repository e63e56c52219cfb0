import { checkCount, checkDirection, checkTimes } from "./fault-checks";
import {
  FaultCommandError,
  type FaultState,
  type FaultTarget,
  type FrameDirection,
  type FrameFaultOptions,
  type FrameVerdict,
} from "./fault-types";

interface FrameRule {
  kind: "drop" | "close";
  frames: number;
  direction: FrameDirection;
  remaining: number;
  code: number;
  reason: string;
  counts: WeakMap<FaultTarget, number>;
}

/**
 * The scripted frame faults (`dropAfterFrames`, `closeAfterFrames`): each rule counts the
 * frames of every connection and fires on the connection whose count reaches `frames`, until
 * it has hit `times` connections. Deterministic: no randomness involved.
 */
export class FrameRules {
  #rules: FrameRule[] = [];

  /** Arms a rule; the counting starts now. */
  add(
    kind: "drop" | "close",
    frames: number,
    close: { code: number; reason: string },
    options: FrameFaultOptions,
  ): void {
    checkCount(frames, "frames");
    if (frames < 1) throw new FaultCommandError("frames must be at least 1");
    const direction = checkDirection(options.direction ?? "any");
    const times = checkTimes(options.times ?? 1);
    this.#rules.push({
      kind,
      frames,
      direction,
      remaining: times,
      code: close.code,
      reason: close.reason,
      counts: new WeakMap(),
    });
  }

  /** Counts a frame on a connection; the verdict of the first rule it trips, if any. */
  match(target: FaultTarget, direction: "in" | "out"): FrameVerdict | undefined {
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
    return undefined;
  }

  /** Disarms every rule. */
  clear(): void {
    this.#rules = [];
  }

  /** The armed rules, as JSON. */
  snapshot(): FaultState["frameRules"] {
    return this.#rules.map((rule) => ({
      kind: rule.kind,
      frames: rule.frames,
      direction: rule.direction,
      remaining: rule.remaining,
      ...(rule.kind === "close" ? { code: rule.code } : {}),
    }));
  }
}
