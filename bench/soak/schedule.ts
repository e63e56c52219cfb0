import type { SeededRandom } from "./random";
import type { ProviderPath } from "./soak-provider";

/** Every kind of fault the soak injects on purpose (provider failures come on top, at a rate). */
export const FAULT_KINDS = [
  "drop",
  "drop-mid-answer",
  "close-1011",
  "close-1008",
  "refuse-409",
  "refuse-429",
  "refuse-403",
  "expire-urls",
  "offline",
  "clock-skew",
] as const;

/**
 * With delivery on, two more: the stream dropped (no close frame) right after a frame from the
 * client, which the agent never gets (a drop mid-send), and the agent's process killed and
 * started again on the same port (its replay buffer gone).
 */
export const DELIVERY_FAULT_KINDS = [...FAULT_KINDS, "drop-mid-send", "agent-restart"] as const;

export type FaultKind = (typeof DELIVERY_FAULT_KINDS)[number];

/** One scheduled fault and what the soak does after it. */
export type Fault =
  | { kind: "drop" | "close-1011" | "close-1008" | "expire-urls"; settle: Settle }
  | { kind: "drop-mid-answer" | "drop-mid-send"; frames: number; settle: Settle }
  | { kind: "agent-restart"; settle: Settle }
  | { kind: "refuse-409" | "refuse-429" | "refuse-403"; count: number; settle: Settle }
  | { kind: "offline"; ms: number; settle: Settle }
  | { kind: "clock-skew"; skewMs: number; mode: ProviderPath | "mixed"; settle: Settle };

/**
 * After a fault, either wait until the connection is open again (then a short pause), or only
 * pause, so the next fault lands while it is still reconnecting.
 */
export type Settle = { waitForOpen: boolean; pauseMs: number };

/** Relative weights of the fault kinds (delivery off). */
export const FAULT_WEIGHTS: Readonly<Record<(typeof FAULT_KINDS)[number], number>> = {
  drop: 16,
  "drop-mid-answer": 14,
  "close-1011": 14,
  "close-1008": 10,
  "refuse-409": 6,
  "refuse-429": 6,
  "refuse-403": 6,
  "expire-urls": 6,
  offline: 12,
  "clock-skew": 10,
};

/** Relative weights of the fault kinds with delivery on. */
export const DELIVERY_FAULT_WEIGHTS: Readonly<Record<FaultKind, number>> = {
  ...FAULT_WEIGHTS,
  "drop-mid-send": 12,
  "agent-restart": 5,
};

/** Bounds of the clock skew the soak injects, in ms. */
export interface SkewBounds {
  /** Largest |skew| of the runtime's clock against the client's when URLs come from the backend. */
  backendMs: number;
  /**
   * Largest skew (runtime clock ahead of the client) when the client signs in-process: it has
   * no way to learn the runtime's clock, so more than its URL safety margin would make it open
   * URLs the runtime already considers expired. Behind is allowed up to `backendMs`.
   */
  inProcessAheadMs: number;
}

/** A seeded list of `count` faults (of the kinds `weights` names). */
export function buildSchedule(
  random: SeededRandom,
  count: number,
  skew: SkewBounds,
  weights: Readonly<Partial<Record<FaultKind, number>>> = FAULT_WEIGHTS,
): Fault[] {
  const faults: Fault[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = random.weighted(weights as Readonly<Record<FaultKind, number>>);
    const settle: Settle = { waitForOpen: random.chance(0.65), pauseMs: random.int(0, 40) };
    switch (kind) {
      case "drop-mid-answer":
        faults.push({ kind, frames: random.int(1, 6), settle });
        break;
      case "drop-mid-send":
        faults.push({ kind, frames: random.int(1, 4), settle });
        break;
      case "refuse-409":
      case "refuse-429":
      case "refuse-403":
        faults.push({ kind, count: random.int(1, 3), settle });
        break;
      case "offline":
        faults.push({ kind, ms: random.int(20, 250), settle });
        break;
      case "clock-skew": {
        const mode = random.pick(["backend", "credentials", "mixed"] as const);
        const skewMs =
          mode === "backend"
            ? random.int(-skew.backendMs, skew.backendMs)
            : random.int(-skew.backendMs, skew.inProcessAheadMs);
        faults.push({ kind, skewMs, mode, settle });
        break;
      }
      default:
        faults.push({ kind, settle });
    }
  }
  return faults;
}
