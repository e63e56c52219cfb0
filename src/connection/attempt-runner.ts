import { AgentRuntimeValidationError } from "../core/errors";
import { withoutSecrets } from "../core/redact";
import { AgentRuntimeProviderError } from "../providers/errors";
import type { MachineEvent } from "./machine-types";
import type { TimerSlots } from "./named-timers";
import type { ReadyUrl } from "./ready-url";
import type { SocketHandlers, SocketSlot } from "./socket-slot";
import type { WebSocketConstructor } from "./types";
import type { UrlSupply } from "./url-supply";

/** What an {@link AttemptRunner} works with. */
export interface AttemptRunnerOptions {
  timers: TimerSlots<"retry" | "providerDeadline" | "handshake">;
  /** Longest wait for the provider (ms). */
  providerTimeoutMs: number;
  /** Longest wait for the upgrade (ms). */
  handshakeTimeoutMs: number;
  urls: UrlSupply;
  slot: SocketSlot;
  WebSocket: WebSocketConstructor | undefined;
  handlers: SocketHandlers;
  /** Reports back to the state machine. */
  dispatch(event: MachineEvent): void;
  /** The machine's current generation: results of older attempts are dropped early. */
  generation(): number;
}

/**
 * Carries out the steps of a connection attempt the state machine asks for: wait (a timer or a
 * microtask), get a usable URL while sockets we closed finish closing, open the socket. Each
 * step reports back with the attempt's generation.
 */
export class AttemptRunner {
  readonly #options: AttemptRunnerOptions;
  /** The URL the current attempt prepared, opened once the machine says so. */
  #prepared: { generation: number; ready: ReadyUrl } | null = null;

  constructor(options: AttemptRunnerOptions) {
    this.#options = options;
  }

  /** Runs the attempt after `delay` ms, or in a microtask; replaces a pending one. */
  schedule(delay: number | "now", generation: number): void {
    const { timers, dispatch } = this.#options;
    timers.clear("retry");
    const due = (): void => dispatch({ type: "attempt-due", generation });
    if (delay === "now") queueMicrotask(due);
    else timers.start("retry", delay, due);
  }

  /**
   * Gets a usable URL and lets sockets we closed finish closing, then reports back. A provider
   * that does not answer within `providerTimeoutMs` is abandoned (its request aborted).
   */
  async prepare(generation: number, attempt: number): Promise<void> {
    const { urls, slot, dispatch } = this.#options;
    let ready = urls.usable(Date.now());
    if (!ready) {
      const answer = await this.#requestWithDeadline(attempt);
      if ("error" in answer) {
        dispatch({ type: "url-failed", generation, ...answer });
        return;
      }
      ready = answer.ready;
    }
    if (slot.hasClosing) await slot.previousClosed();
    if (generation !== this.#options.generation()) return;
    // Checked at the last moment: a URL is only valid at the upgrade, and time passed above.
    const now = Date.now();
    const expired = !urls.isUsable(ready, now);
    this.#prepared = { generation, ready };
    dispatch({ type: "url-ready", generation, expired, remainingMs: ready.localExpiresAt - now });
  }

  async #requestWithDeadline(
    attempt: number,
  ): Promise<{ ready: ReadyUrl } | { error: Error; timedOut: boolean }> {
    const { urls, timers, providerTimeoutMs } = this.#options;
    const deadline = new Promise<"timeout">((resolve) => {
      timers.start("providerDeadline", providerTimeoutMs, () => resolve("timeout"));
    });
    try {
      const ready = await Promise.race([urls.request(attempt), deadline]);
      if (ready !== "timeout") return { ready };
      urls.abort();
      const message = `The URL provider did not answer within ${providerTimeoutMs} ms`;
      return { error: new AgentRuntimeProviderError(message, { code: "timeout" }), timedOut: true };
    } catch (error) {
      return { error: withoutSecrets(error), timedOut: false };
    } finally {
      timers.clear("providerDeadline");
    }
  }

  /** Opens the socket for the URL this generation prepared. */
  open(generation: number): void {
    const { slot, handlers, dispatch } = this.#options;
    const prepared = this.#prepared;
    this.#prepared = null;
    if (prepared?.generation !== generation) return;
    // Node 20 has no global WebSocket, whatever the DOM types say.
    const Constructor: WebSocketConstructor | undefined =
      this.#options.WebSocket ?? globalThis.WebSocket;
    if (typeof Constructor !== "function") {
      const message = "No global WebSocket: pass options.WebSocket (e.g. the ws package in Node)";
      dispatch({ type: "no-websocket", error: new AgentRuntimeValidationError(message) });
      return;
    }
    try {
      slot.open(Constructor, prepared.ready, handlers);
    } catch (error) {
      // A constructor may quote the URL it refused: a presigned URL is a credential.
      dispatch({ type: "socket-error", error: withoutSecrets(error) });
      return;
    }
    this.#options.timers.start("handshake", this.#options.handshakeTimeoutMs, () =>
      dispatch({ type: "handshake-timeout" }),
    );
  }

  /** The upgrade was answered (opened or closed): its deadline no longer applies. */
  answered(): void {
    this.#options.timers.clear("handshake");
  }

  /** Forgets a prepared URL (the connection shut down). */
  reset(): void {
    this.#prepared = null;
  }
}
