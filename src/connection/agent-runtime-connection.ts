import type { AgentEvent, AgentReply, Codec } from "../codecs/types";
import { listen, notify } from "../core/listeners";
import { randomUuid } from "../core/session-id";
import { AttemptRunner } from "./attempt-runner";
import { initialMachineState, transition } from "./connection-machine";
import { deliveryHeartbeat, startDelivery } from "./delivery-io";
import { Heartbeat } from "./heartbeat";
import { InboundFrames } from "./inbound-order";
import type { MachineEffect, MachineEvent, MachinePolicy, MachineState } from "./machine-types";
import { NamedTimers, type ConnectionTimerName } from "./named-timers";
import { Outbox } from "./outbox";
import { OnlineWatch } from "./online-watch";
import { OutboxSender } from "./outbox-sender";
import { sameSnapshot, toSnapshot } from "./snapshot";
import { machinePolicy, resolveConnectionOptions } from "./resolve-options";
import type { ResolvedConnectionOptions } from "./resolve-options";
import { SocketSlot } from "./socket-slot";
import type { ConnectionOptions, ConnectionSnapshot, ConversationConnection } from "./types";
import type { ConnectionPersistence } from "./persistence-port";
import type { DeliveryChannel } from "./types";
import { UrlSupply } from "./url-supply";

/**
 * One conversation with an agent on AgentCore Runtime over WebSocket: the socket state machine,
 * the retry policy, presigned-URL refresh and the outbox. Framework-free; runs in browsers,
 * Node (with `ws`) and workers. The React hook is a thin binding over it.
 *
 * ```ts
 * const connection = new AgentRuntimeConnection({ urlProvider });
 * connection.onEvent((event) => { if (event.type === "text-delta") render(event.delta); });
 * connection.connect(); connection.send("Hello!");
 * ```
 *
 * Every state change goes through one pure reducer (`transition` in connection-machine.ts);
 * this class carries out the effects it asks for: timers, provider calls, the socket. Never
 * opens two sockets at once; events from a socket it replaced are ignored. See
 * docs/connection.md for the close-code policy and the outbox rules.
 */
export class AgentRuntimeConnection<Outgoing = string> implements ConversationConnection<Outgoing> {
  /** The codec it encodes and decodes with (the text codec unless `options.codec` is set). */
  readonly codec: Codec<Outgoing>;
  /** True with `delivery` on: a dropped stream resumes where it stopped. */
  readonly resumes: boolean;
  readonly #options: ResolvedConnectionOptions<Outgoing>;
  readonly #policy: MachinePolicy;
  readonly #timers = new NamedTimers<ConnectionTimerName>();
  readonly #slot = new SocketSlot(this.#timers);
  readonly #urls: UrlSupply;
  readonly #heartbeat: Heartbeat | undefined;
  readonly #outbox: Outbox<Outgoing>;
  readonly #online: OnlineWatch;
  readonly #sender: OutboxSender<Outgoing>;
  readonly #delivery: DeliveryChannel | undefined;
  readonly #attempts: AttemptRunner;
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(event: AgentEvent) => void>();
  readonly #queue: MachineEvent[] = [];
  readonly #inbound: InboundFrames;
  #dispatching = false;
  #machine: MachineState;
  #snapshot: ConnectionSnapshot<Outgoing>;

  /**
   * @throws {AgentRuntimeValidationError} for a missing `urlProvider`, a session id that is not
   *   33-256 visible ASCII characters, out-of-range numbers, or a heartbeat without a frame.
   */
  constructor(options: ConnectionOptions<Outgoing>) {
    const resolved = resolveConnectionOptions(options);
    this.#options = resolved;
    this.codec = resolved.codec;
    this.resumes = resolved.delivery !== undefined;
    this.#policy = machinePolicy(resolved);
    this.#outbox = new Outbox(resolved.maxQueuedMessages);
    const parts = { slot: this.#slot, timers: this.#timers, listeners: this.#eventListeners };
    this.#delivery = startDelivery(resolved.delivery, { ...parts, flush: () => this.#flush() });
    this.#sender = new OutboxSender({
      ...resolved,
      delivery: this.#delivery,
      outbox: this.#outbox,
      slot: this.#slot,
      sessionId: () => this.sessionId,
    });
    this.#urls = new UrlSupply({
      ...resolved,
      timers: this.#timers,
      onSessionAdopted: () => this.#publish(),
    });
    const heartbeat = deliveryHeartbeat(resolved.heartbeat, this.#delivery);
    this.#heartbeat = heartbeat && new Heartbeat(heartbeat, this.#slot, this.#timers);
    this.#online = new OnlineWatch(resolved.onlineSource);
    const { codec, maxInboundFrameBytes: maxBytes } = resolved;
    const serial = () => this.#slot.serial;
    this.#inbound = new InboundFrames({ codec, maxBytes, serial, listeners: this.#eventListeners });
    const acks = (event: AgentEvent) => codec.acknowledges?.(event) && this.#slot.acknowledged();
    if (!this.#delivery) this.#eventListeners.add(acks);
    this.#attempts = new AttemptRunner({
      ...resolved,
      timers: this.#timers,
      urls: this.#urls,
      slot: this.#slot,
      handlers: {
        open: () => this.#onOpen(),
        message: (data) => this.#onMessage(data),
        close: (code, reason) => this.#onClose(code, reason),
      },
      dispatch: (event) => this.#dispatch(event),
      generation: () => this.#machine.generation,
    });
    this.#machine = initialMachineState(this.#online.read());
    this.#snapshot = toSnapshot(this.#machine, this.sessionId, this.#outbox.entries);
  }

  /** The conversation's runtime session id (the provider's bound id once adopted). */
  get sessionId(): string {
    return this.#urls.sessionId;
  }

  persistence(): ConnectionPersistence<Outgoing> {
    return { outbox: this.#outbox, slot: this.#slot, delivery: this.#delivery };
  }

  /** The current snapshot: the same object until something changes (safe for `useSyncExternalStore`). */
  getSnapshot(): ConnectionSnapshot<Outgoing> {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    return listen(this.#listeners, listener);
  }

  onEvent(listener: (event: AgentEvent) => void): () => void {
    return listen(this.#eventListeners, listener);
  }

  /** Starts in a microtask: StrictMode's `connect(); close(); connect()` opens one socket. */
  connect(): void {
    this.#dispatch({ type: "connect", online: this.#online.read() });
  }

  /** Reopens a stream the agent ended (1000); never one never opened, or closed by the app. */
  send(message: Outgoing): string {
    const id = randomUuid();
    this.#sender.encode(message, id);
    this.#outbox.add({ id, message, status: "queued" });
    this.#sender.flush();
    this.#dispatch({ type: "message-queued", online: this.#online.read() });
    return id;
  }

  /** Queued like `send()` (ahead of messages), through the codec's `encodeReply`. */
  sendReply(reply: AgentReply): void {
    this.#sender.queueReply(reply, randomUuid());
    this.#dispatch({ type: "message-queued", online: this.#online.read() });
  }

  retry(id: string): void {
    if (this.#outbox.requeue(id)) this.#flush();
  }

  dismiss(id: string): void {
    if (this.#outbox.dismiss(id)) this.#publish();
  }

  /** Does nothing unless the stream is open. */
  stop(): void {
    const canCancel = typeof this.#options.codec.cancel === "function" && this.#slot.canSend();
    this.#dispatch({ type: "stop", canCancel });
  }

  reconnect(): void {
    this.#dispatch({ type: "reconnect", online: this.#online.read() });
  }

  /**
   * Status `closed`: the socket closed, provider calls aborted, every timer cleared and every
   * socket/online listener removed.
   */
  close(): void {
    this.#dispatch({ type: "close" });
  }

  /** Runs events through the reducer one at a time, carrying out each transition's effects. */
  #dispatch(event: MachineEvent): void {
    this.#queue.push(event);
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        const env = { now: Date.now(), jitter: this.#options.retry.random(), policy: this.#policy };
        const { state, effects } = transition(this.#machine, next, env);
        this.#machine = state;
        for (const effect of effects) this.#run(effect);
      }
    } finally {
      this.#dispatching = false;
    }
    this.#publish();
  }

  #run(effect: MachineEffect): void {
    switch (effect.type) {
      case "schedule-attempt":
        return this.#attempts.schedule(effect.delay, effect.generation);
      case "prepare-url":
        return void this.#attempts.prepare(effect.generation, effect.attempt);
      case "open-socket":
        return this.#attempts.open(effect.generation);
      case "drop-socket":
        this.#slot.drop(effect.reason);
        return this.#stopStreamTimers();
      case "discard-url":
        return this.#urls.discard();
      case "abort-url":
        return this.#urls.abort();
      case "requeue":
        return this.#sender.requeue(effect.frames);
      case "fail-message":
        return this.#sender.failTooLarge(effect.frame);
      case "stream-opened":
        return this.#streamOpened();
      case "send-cancel":
        return this.#sendCancel();
      case "watch-online":
        return this.#online.watch((online) => this.#dispatch({ type: "online-changed", online }));
      case "shut-down":
        this.#attempts.reset();
        this.#timers.clearAll();
        this.#urls.abort();
        return this.#online.unwatch();
    }
  }

  #streamOpened(): void {
    this.#timers.start("healthy", this.#options.healthyStreamMs, () =>
      this.#dispatch({ type: "stream-healthy" }),
    );
    this.#delivery?.opened();
    this.#sender.flush();
    this.#urls.startPrefetch(() => this.#slot.isOpen);
    this.#heartbeat?.start();
  }

  #stopStreamTimers(): void {
    this.#delivery?.closed();
    this.#timers.clear("healthy");
    this.#urls.stopPrefetch();
    this.#heartbeat?.stop();
  }

  #sendCancel(): void {
    const sent = this.#sender.sendCancel(() =>
      this.#options.codec.cancel?.({ sessionId: this.sessionId }),
    );
    if (!sent) this.#dispatch({ type: "stop", canCancel: false });
  }

  #onOpen(): void {
    this.#attempts.answered();
    this.#slot.markOpen(Date.now());
    this.#dispatch({ type: "socket-open" });
  }

  #onMessage(data: unknown): void {
    this.#slot.received(Date.now());
    const frame = this.#delivery ? this.#delivery.receive(data) : data;
    if (frame !== undefined) this.#inbound.message(frame);
  }

  /** Handled after the frames still waiting for the codec, so a run's last events come first. */
  #onClose(code: number, peerReason: string): void {
    this.#inbound.close(() => {
      this.#attempts.answered();
      const closed = { ...this.#slot.release(Date.now()), waiting: this.#sender.hasWaiting() };
      this.#stopStreamTimers();
      this.#dispatch({ type: "socket-closed", code, peerReason, ...closed });
    });
  }

  #flush(): void {
    this.#sender.flush();
    this.#publish();
  }

  /** Publishes a new snapshot when anything in it (or the outbox) changed. */
  #publish(): void {
    if (this.#dispatching) return;
    const next = toSnapshot(this.#machine, this.sessionId, this.#outbox.entries);
    if (sameSnapshot(next, this.#snapshot)) return;
    this.#snapshot = next;
    notify(this.#listeners);
  }
}
