import { EventType, type BaseEvent, type RunAgentInput, type RunErrorEvent } from "@ag-ui/client";
import type { AgentEvent } from "../../codecs/types";
import { isRecord } from "../../core/option-checks";
import type { AgentRuntimeConnection } from "../../connection/agent-runtime-connection";
import { answerCarriesOn } from "../../connection/resumes";
import { AG_UI_EVENT, isAgUiEvent } from "./event-codec";
import { connectionEnd, runError, sendFailed } from "./run-errors";
import { sameStatus, statusEvent, toStatus, type AgentCoreStatus } from "./status";

/** Where a run's events go: the subscriber of the observable `run()` returned. */
export interface RunSink {
  next(event: BaseEvent): void;
  complete(): void;
}

/** The run in progress on a connection, and the runs left before they ended. */
export interface RunBook {
  active?: AgentCoreRun;
  /** Run ids of runs aborted or left before they ended: their events belong to no run. */
  abandoned: Set<string>;
}

function isTerminal(event: BaseEvent): boolean {
  return event.type === EventType.RUN_FINISHED || event.type === EventType.RUN_ERROR;
}

function runIdOf(event: BaseEvent): unknown {
  return isRecord(event) ? event.runId : undefined;
}

/**
 * One run over the connection: sends its `RunAgentInput` through the outbox and passes the
 * agent's events to `sink` as they came, from its `RUN_STARTED` (or a `RUN_ERROR`) to its
 * `RUN_FINISHED` or `RUN_ERROR`, then completes. Ends with a `RUN_ERROR` of its own when the
 * connection drops after the input was sent (nothing is sent again, so nothing arrives twice),
 * gives up, or is closed. Reports connection changes during the run as `CUSTOM` events.
 */
export class AgentCoreRun {
  readonly #connection: AgentRuntimeConnection<RunAgentInput>;
  readonly #input: RunAgentInput;
  readonly #sink: RunSink;
  /** Run ids of runs left before they ended: their events belong to no run. */
  readonly #abandoned: Set<string>;
  readonly #stopListening: Array<() => void> = [];
  #outboxId: string | undefined;
  #sent = false;
  #started = false;
  /** Inside the events of an abandoned run that reached the agent after all. */
  #foreign = false;
  #ended = false;
  #status: AgentCoreStatus;

  constructor(
    connection: AgentRuntimeConnection<RunAgentInput>,
    input: RunAgentInput,
    sink: RunSink,
    abandoned: Set<string>,
  ) {
    this.#connection = connection;
    this.#input = input;
    this.#sink = sink;
    this.#abandoned = abandoned;
    this.#status = toStatus(connection.getSnapshot());
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Sends the input (queued until the stream is open) and starts listening. */
  start(): void {
    const connection = this.#connection;
    this.#stopListening.push(
      connection.onEvent((event) => this.#onEvent(event)),
      connection.subscribe(() => this.#onSnapshot()),
    );
    connection.connect();
    try {
      this.#outboxId = connection.send(this.#input);
    } catch (error) {
      return this.#end(sendFailed(error));
    }
    this.#onSnapshot();
  }

  /** Stops the agent's run for real (closing its stream when it was sent) and completes. */
  abort(): void {
    this.#abandon();
  }

  #onEvent(event: AgentEvent): void {
    if (this.#ended) return;
    if (event.type === "error") return this.#abandon(runError("malformed-frame", event.message));
    if (event.type === "resume-unavailable")
      return this.#end(runError("interrupted", event.message));
    if (event.type !== "custom" || event.name !== AG_UI_EVENT) return;
    if (isAgUiEvent(event.value) && this.#accepts(event.value)) {
      this.#sink.next(event.value);
      if (isTerminal(event.value)) this.#end();
    }
  }

  /** Whether an event is this run's: from its `RUN_STARTED` on (or a `RUN_ERROR` first). */
  #accepts(event: BaseEvent): boolean {
    if (this.#started) return true;
    if (event.type === EventType.RUN_STARTED) {
      const runId = runIdOf(event);
      this.#foreign = typeof runId === "string" && this.#abandoned.has(runId);
      this.#started = !this.#foreign;
      return this.#started;
    }
    if (this.#foreign) {
      if (isTerminal(event)) this.#foreign = false;
      return false;
    }
    // Anything else before RUN_STARTED is left over from an earlier run.
    return event.type === EventType.RUN_ERROR;
  }

  #onSnapshot(): void {
    if (this.#ended || this.#outboxId === undefined) return;
    const snapshot = this.#connection.getSnapshot();
    const entry = snapshot.outbox.find((item) => item.id === this.#outboxId);
    if (entry?.status === "failed") return this.#end(sendFailed(entry.error ?? "refused"));
    // A sent entry leaves the snapshot's outbox after 16 newer ones: still sent.
    if (!entry || entry.status === "sent") this.#sent = true;
    else if (entry.status === "queued") this.#sent = false; // requeued: the agent never had it
    this.#reportStatus();
    // With the delivery protocol, a dropped stream resumes: the run goes on.
    const end = connectionEnd(snapshot, this.#sent && !answerCarriesOn(this.#connection, snapshot));
    if (end) this.#end(end);
  }

  /** A `CUSTOM` status event when the connection changed during the run. */
  #reportStatus(): void {
    const status = toStatus(this.#connection.getSnapshot());
    if (sameStatus(status, this.#status)) return;
    this.#status = status;
    if (this.#started) this.#sink.next(statusEvent(status));
  }

  /** Ends the run before the agent did, and stops the agent's run when it has it. */
  #abandon(error?: RunErrorEvent): void {
    if (this.#ended) return;
    this.#abandoned.add(this.#input.runId);
    this.#end(error);
    // After the end: stopping changes the connection, which this run no longer reads.
    if (this.#sent) this.#connection.stop();
  }

  /** Ends the run, with `error` as its last event when given. */
  #end(error?: RunErrorEvent): void {
    if (this.#ended) return;
    this.#ended = true;
    if (error) this.#sink.next(error);
    for (const stop of this.#stopListening.splice(0)) stop();
    this.#sink.complete();
  }
}
