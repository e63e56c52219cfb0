import type { Fault, FaultKind } from "./schedule";
import { DELIVERY_FAULT_KINDS, FAULT_KINDS } from "./schedule";
import type { SoakWorld } from "./soak-world";
import type { ProviderPath } from "./soak-provider";
import { sleep, waitForSnapshot } from "./waits";

/** Applies scheduled faults to a {@link SoakWorld} and counts them. */
export class FaultInjector {
  /** Faults injected, by kind (the kinds of the mode: delivery on adds two). */
  readonly byKind: Partial<Record<FaultKind, number>>;
  /** The emulator's `lastSeq` just before each revocation of every URL issued so far. */
  readonly revocations: number[] = [];
  readonly #world: SoakWorld;
  readonly #timeoutMs: number;

  constructor(world: SoakWorld, timeoutMs: number) {
    const kinds = world.agent ? DELIVERY_FAULT_KINDS : FAULT_KINDS;
    this.byKind = Object.fromEntries(kinds.map((kind) => [kind, 0]));
    this.#world = world;
    this.#timeoutMs = timeoutMs;
  }

  get total(): number {
    return Object.values(this.byKind).reduce((sum, count) => sum + (count ?? 0), 0);
  }

  async inject(fault: Fault): Promise<void> {
    const { emulator, online, registry } = this.#world;
    registry.currentFault = fault.kind;
    // Frame faults fire later, on the runtime's schedule; the others act right now.
    const later = fault.kind === "drop-mid-answer" || fault.kind === "drop-mid-send";
    registry.faultInjectedAt = later ? undefined : performance.now();
    switch (fault.kind) {
      case "drop":
        emulator.faults.dropAll();
        break;
      case "drop-mid-answer":
      case "drop-mid-send": {
        const afterSeq = emulator.lastSeq;
        const direction = fault.kind === "drop-mid-answer" ? "out" : "in";
        emulator.faults.dropAfterFrames(fault.frames, { direction });
        await emulator.waitForEvent(
          (event) => event.type === "close" && event.cause === "fault-drop",
          { afterSeq, timeoutMs: this.#timeoutMs },
        );
        break;
      }
      case "close-1011":
        emulator.faults.closeAll(1011);
        break;
      case "close-1008":
        emulator.faults.closeAll(1008);
        break;
      case "refuse-409":
      case "refuse-429":
      case "refuse-403":
        emulator.faults.refuseNext(fault.count, Number(fault.kind.slice(-3)));
        emulator.faults.dropAll();
        break;
      case "expire-urls":
        this.revocations.push(emulator.lastSeq);
        emulator.faults.expireIssuedBefore();
        emulator.faults.dropAll();
        break;
      case "offline":
        // The network goes: the browser says offline and the stream dies with it.
        registry.offline = true;
        online.set(false);
        emulator.faults.dropAll();
        await sleep(fault.ms);
        registry.offline = false;
        online.set(true);
        break;
      case "clock-skew":
        await this.changeClock(fault.skewMs, fault.mode);
        break;
      case "agent-restart":
        if (!this.#world.agent) throw new Error("an agent restart needs the delivery agent");
        await this.#world.agent.restart();
        break;
    }
    this.byKind[fault.kind] = (this.byKind[fault.kind] ?? 0) + 1;
  }

  /**
   * Moves the runtime's clock (`skewMs` ahead of the client's; negative: behind) and switches
   * how URLs are minted, between two provider calls. Then it ends the stream with 1008, so the
   * connection drops its cached URL, whose skew correction the change made stale (a URL minted
   * in-process carries none at all), and fetches a fresh one. Clears the other armed faults (all
   * spent by then, since the connection is open) and the revocation cutoff, which a clock moved
   * back would otherwise turn against every new URL.
   */
  async changeClock(skewMs: number, mode: ProviderPath | "mixed"): Promise<void> {
    const { emulator, provider, connection } = this.#world;
    const isOpen = () => connection.getSnapshot().status === "open";
    for (;;) {
      await waitForSnapshot(
        connection,
        isOpen,
        this.#timeoutMs,
        "open connection before a clock change",
      );
      const release = await provider.hold();
      if (!isOpen()) {
        release();
        continue;
      }
      emulator.faults.reset();
      emulator.faults.setClockSkew(skewMs);
      provider.mode = mode;
      emulator.faults.closeAll(1008, "Clock changed");
      release();
      await waitForSnapshot(
        connection,
        (snapshot) => snapshot.status !== "open",
        this.#timeoutMs,
        "close after a clock change",
      );
      return;
    }
  }
}
