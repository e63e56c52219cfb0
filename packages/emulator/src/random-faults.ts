import { checkProbability, checkSeed, checkStatus } from "./fault-checks";
import type { Refusal } from "./fault-types";
import { mulberry32 } from "./prng";

const UPGRADE_STREAM_SALT = 0x9e3779b9;

/**
 * The random faults (`refuseRandomly`, `dropRandomly`), drawn from mulberry32 generators seeded
 * with `seed`: one stream for frames and one for upgrades, so the same seed and traffic give the
 * same faults, and upgrade faults do not shift when frame faults are armed too.
 */
export class RandomFaults {
  #seed: number;
  #frameRandom: () => number;
  #upgradeRandom: () => number;
  #refuseProbability = 0;
  #refuseStatus = 429;
  #dropProbability = 0;

  constructor(seed: number) {
    this.#seed = checkSeed(seed);
    this.#frameRandom = mulberry32(this.#seed);
    this.#upgradeRandom = mulberry32(this.#seed ^ UPGRADE_STREAM_SALT);
  }

  /** The seed the generators started from. */
  get seed(): number {
    return this.#seed;
  }

  /** Restarts both streams from `seed`. */
  reseed(seed: number): void {
    this.#seed = checkSeed(seed);
    this.#frameRandom = mulberry32(this.#seed);
    this.#upgradeRandom = mulberry32(this.#seed ^ UPGRADE_STREAM_SALT);
  }

  /** Refuses each upgrade with this probability and status (0 turns it off). */
  refuseRandomly(probability: number, status: number): void {
    checkProbability(probability);
    checkStatus(status);
    this.#refuseProbability = probability;
    this.#refuseStatus = status;
  }

  /** Drops a connection at each frame with this probability (0 turns it off). */
  dropRandomly(probability: number): void {
    checkProbability(probability);
    this.#dropProbability = probability;
  }

  /** Draws from the upgrade stream (only while armed): a refusal, or `undefined`. */
  drawRefusal(): Refusal | undefined {
    if (this.#refuseProbability > 0 && this.#upgradeRandom() < this.#refuseProbability) {
      return {
        status: this.#refuseStatus,
        reason: `Refused at random by an injected fault (${this.#refuseStatus})`,
      };
    }
    return undefined;
  }

  /** Draws from the frame stream (only while armed): whether to drop the connection. */
  drawDrop(): boolean {
    return this.#dropProbability > 0 && this.#frameRandom() < this.#dropProbability;
  }

  /** Turns both off (the seed, the streams' positions and the refusal status stay). */
  reset(): void {
    this.#refuseProbability = 0;
    this.#dropProbability = 0;
  }

  /** The armed random faults, as JSON. */
  snapshot(): { refuseRandomly: { probability: number; status: number }; dropRandomly: number } {
    return {
      refuseRandomly: { probability: this.#refuseProbability, status: this.#refuseStatus },
      dropRandomly: this.#dropProbability,
    };
  }
}
