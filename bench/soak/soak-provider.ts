import { AgentRuntimeProviderError } from "../../src/providers/errors";
import type {
  PresignedConnection,
  UrlProvider,
  UrlProviderContext,
} from "../../src/providers/types";
import type { SeededRandom } from "./random";

/** Which way a URL is minted: the presign backend over HTTP, or in-process signing. */
export type ProviderPath = "backend" | "credentials";

/** A bound session id from `createPresignHandler`: `<nonce>.<43 base64url chars>`. */
const BOUND_SESSION_ID = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

/** Provider figures the soak reports. */
export interface ProviderFigures {
  calls: number;
  injectedFailures: number;
  answered: Record<ProviderPath, number>;
  /** Calls made while the online source said offline. */
  callsWhileOffline: number;
}

/**
 * The soak's URL provider: a presign backend (`backendUrlProvider` against
 * `createPresignHandler`) and in-process signing (`credentialsUrlProvider`), chosen per episode
 * or per call, failing with a typed provider error at a set rate. The first answer always comes
 * from the backend, which binds the session id the connection then adopts; the in-process path
 * signs that bound id unchanged from then on.
 *
 * A gate lets the soak hold new calls and wait for those in flight, so a change of clock skew
 * never lands in the middle of a call (a URL minted across the change would carry a skew
 * correction that is already stale).
 */
export class SoakProvider {
  readonly figures: ProviderFigures = {
    calls: 0,
    injectedFailures: 0,
    answered: { backend: 0, credentials: 0 },
    callsWhileOffline: 0,
  };
  /** `backend`, `credentials`, or `mixed` (a seeded choice per call). */
  mode: ProviderPath | "mixed" = "backend";
  readonly #paths: Record<ProviderPath, UrlProvider>;
  readonly #random: SeededRandom;
  readonly #failureRate: number;
  readonly #isOffline: () => boolean;
  #inFlight = 0;
  #gate: Promise<void> | null = null;
  #drained: (() => void) | null = null;

  constructor(init: {
    paths: Record<ProviderPath, UrlProvider>;
    random: SeededRandom;
    failureRate: number;
    isOffline: () => boolean;
  }) {
    this.#paths = init.paths;
    this.#random = init.random;
    this.#failureRate = init.failureRate;
    this.#isOffline = init.isOffline;
  }

  readonly provide: UrlProvider = async (context: UrlProviderContext) => {
    this.figures.calls += 1;
    if (this.#isOffline()) this.figures.callsWhileOffline += 1;
    while (this.#gate) await this.#gate;
    this.#inFlight += 1;
    try {
      if (this.#random.chance(this.#failureRate)) {
        this.figures.injectedFailures += 1;
        throw new AgentRuntimeProviderError("Injected provider failure", { code: "network" });
      }
      const path = this.#choosePath(context.sessionId);
      const answer: PresignedConnection = await this.#paths[path](context);
      this.figures.answered[path] += 1;
      return answer;
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) this.#drained?.();
    }
  };

  #choosePath(sessionId: string): ProviderPath {
    if (!BOUND_SESSION_ID.test(sessionId)) return "backend";
    if (this.mode !== "mixed") return this.mode;
    return this.#random.chance(0.5) ? "backend" : "credentials";
  }

  /** Holds new calls and resolves once none is in flight; call the returned function to go on. */
  async hold(): Promise<() => void> {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.#gate = gate;
    if (this.#inFlight > 0) {
      await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#drained = null;
    }
    // Let the connection take in the last answer (its handlers run a few microtasks later).
    await new Promise((resolve) => setImmediate(resolve));
    return () => {
      if (this.#gate === gate) this.#gate = null;
      release();
    };
  }
}
