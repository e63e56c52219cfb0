import { AbstractAgent, type AgentConfig, type BaseEvent, type RunAgentInput } from "@ag-ui/client";
import { Observable } from "rxjs";
import { AgentRuntimeConnection } from "../../connection/agent-runtime-connection";
import type { ConnectionOptions } from "../../connection/types";
import { isValidSessionId } from "../../core/session-id";
import { AgentCoreRun, type RunBook } from "./agent-run";
import { agUiEventCodec } from "./event-codec";
import { runError } from "./run-errors";
import { sameStatus, toStatus, type AgentCoreStatus } from "./status";

/**
 * Options of {@link AgentCoreAgent}: AG-UI's `AgentConfig` (`agentId`, `threadId`,
 * `initialMessages`, ...) and the connection's options (`urlProvider` is required; see
 * docs/connection.md). The codec is the adapter's own.
 */
export type AgentCoreAgentConfig = AgentConfig & Omit<ConnectionOptions<RunAgentInput>, "codec">;

function connectionOptions(config: AgentCoreAgentConfig): ConnectionOptions<RunAgentInput> {
  const { agentId: _a, description: _d, initialMessages: _m, initialState: _s, ...rest } = config;
  const { debug: _g, threadId, ...options } = rest;
  // One thread, one runtime session: a thread id that is a valid session id is used as one.
  const sessionId = options.sessionId ?? (isValidSessionId(threadId) ? threadId : undefined);
  return { ...options, sessionId, codec: agUiEventCodec };
}

/**
 * An AG-UI agent on Amazon Bedrock AgentCore Runtime, over the runtime's WebSocket through
 * {@link AgentRuntimeConnection}: presigned URLs and their refresh, reconnects, the outbox and
 * offline handling. Use it wherever an `AbstractAgent` goes (`agent.runAgent()`, subscribers,
 * CopilotKit's `agents`):
 *
 * ```ts
 * const agent = new AgentCoreAgent({ urlProvider: backendUrlProvider({ endpoint: "/api/agent-url" }) });
 * await agent.runAgent({}, { onTextMessageContentEvent: ({ event }) => print(event.delta) });
 * ```
 *
 * Each run sends its `RunAgentInput` as one frame and streams the agent's AG-UI events back
 * verbatim, until `RUN_FINISHED` or `RUN_ERROR`. The thread id defaults to the runtime session
 * id. See docs/adapters.md for how drops, expired URLs and `abortRun()` end a run.
 */
export class AgentCoreAgent extends AbstractAgent {
  /** The connection under the agent: its snapshot, `subscribe`, `reconnect()`, ... */
  readonly connection: AgentRuntimeConnection<RunAgentInput>;
  /** The run in progress and the runs left before they ended, shared with clones. */
  protected runs: RunBook = { abandoned: new Set() };

  constructor(config: AgentCoreAgentConfig) {
    const connection = new AgentRuntimeConnection(connectionOptions(config));
    super({ ...config, threadId: config.threadId ?? connection.sessionId });
    this.connection = connection;
  }

  /** The connection's state now (also reported as `CUSTOM` events named `agentcore.status` during a run). */
  get status(): AgentCoreStatus {
    return toStatus(this.connection.getSnapshot());
  }

  /** Calls `listener` whenever the connection changes; returns the unsubscribe function. */
  subscribeStatus(listener: (status: AgentCoreStatus) => void): () => void {
    let last = this.status;
    return this.connection.subscribe(() => {
      const next = this.status;
      if (sameStatus(next, last)) return;
      last = next;
      listener(next);
    });
  }

  run(input: RunAgentInput): Observable<BaseEvent> {
    return new Observable<BaseEvent>((subscriber) => {
      if (this.runs.active && !this.runs.active.ended) {
        const message = "Another run of this agent is still in progress";
        subscriber.next(runError("run-in-progress", message));
        subscriber.complete();
        return undefined;
      }
      const run = new AgentCoreRun(this.connection, input, subscriber, this.runs.abandoned);
      this.runs.active = run;
      run.start();
      // Unsubscribed before the run ended (e.g. `detachActiveRun()`): stop the agent's run.
      return () => run.abort();
    });
  }

  /** Stops the run in progress for real (its stream closes and reopens) and completes it. */
  override abortRun(): void {
    this.runs.active?.abort();
    super.abortRun();
  }

  /** A copy on the same connection and session (AG-UI clones agents per run in some hosts). */
  override clone(): AgentCoreAgent {
    // AbstractAgent.clone() copies its own fields onto a bare object of this class.
    const copy: AgentCoreAgent = super.clone();
    Object.assign(copy, { connection: this.connection, runs: this.runs });
    return copy;
  }

  /** Done with the agent: closes the connection (a later run connects again). */
  close(): void {
    this.connection.close();
  }
}
