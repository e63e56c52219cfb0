import type { UIMessageChunk } from "ai";
import type { AgentEvent } from "../../codecs/types";
import { passesThrough } from "../../store/chunk-lanes";
import type { AnswerMapper } from "./answer-follower";
import { eventIds } from "./event-ids";

type Chunks = UIMessageChunk[];
type PartKind = "text" | "reasoning";
type ImpliedType = "text-chunk" | "reasoning-chunk" | "tool-call-chunk";

/** A tool call whose input is still streaming (`ended: false`) or whole. */
interface ToolInput {
  name: string;
  args: string;
  ended: boolean;
}

/** Agent tools run on the agent, so `useChat` shows them without calling `onToolCall`. */
const AGENT_TOOL = { dynamic: true, providerExecuted: true } as const;

const FINISH: UIMessageChunk = { type: "finish" };

/** The arguments as JSON when they are JSON, else as the text the agent streamed. */
function parseInput(args: string): unknown {
  try {
    return JSON.parse(args || "{}");
  } catch {
    return args;
  }
}

/**
 * Turns the {@link AgentEvent}s of one answer into the AI SDK's UI message chunks, the way the
 * conversation store reads them: text parts start where the agent starts a message (or at its
 * first text), a `*-chunk` event's part ends at the next event that is not one of its chunks
 * (and does not pass through an open chunk stream, as in the store's `ChunkLanes`),
 * and the answer is over at `run-finished` (agents that speak in runs), else at `message-end`,
 * or at a fatal `error`. Non-fatal errors (an unreadable frame) do not end the answer.
 */
export class ChunkMapper implements AnswerMapper<UIMessageChunk> {
  /** True once the answer is over: the chunks that said so were returned. */
  finished = false;
  /** The run, message and tool call ids the answer used (to ignore its leftovers later). */
  readonly ids = new Set<string>();
  readonly #prefix: string;
  readonly #open: Record<PartKind, Set<string>> = { text: new Set(), reasoning: new Set() };
  readonly #tools = new Map<string, ToolInput>();
  #current: string | null = null;
  #implied: { type: ImpliedType; id: string } | null = null;
  /** Messages of other roles (system, user...): not part of the answer. */
  readonly #others = new Set<string | undefined>();
  #inRuns = false;
  #count = 0;

  /** @param prefix Starts the ids of parts the agent gave no id. */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  map(event: AgentEvent): Chunks {
    if (this.finished) return [];
    for (const id of eventIds(event)) this.ids.add(id);
    return [...this.#endImplied(event), ...this.#mapEvent(event)];
  }

  /** Ends the answer with an `error` chunk. */
  fail(errorText: string): Chunks {
    return this.#endAnswer({ type: "error", errorText });
  }

  /** Ends the answer: its open text and reasoning parts, then `last` (a `finish` or an `error`). */
  #endAnswer(last: UIMessageChunk): Chunks {
    if (this.finished) return [];
    this.finished = true;
    const chunks: Chunks = [];
    for (const kind of ["text", "reasoning"] as const) {
      for (const id of this.#open[kind]) chunks.push({ type: `${kind}-end`, id });
    }
    chunks.push(last);
    return chunks;
  }

  #mapEvent(event: AgentEvent): Chunks {
    switch (event.type) {
      case "run-started":
        this.#inRuns = true;
        return [];
      case "run-finished":
        return this.#endAnswer(FINISH);
      case "message-start":
        if (!this.#othersRole(event)) return this.#start("text", event.messageId);
        return [];
      case "text-delta":
        return this.#isOthers(event.messageId)
          ? []
          : this.#delta("text", event.messageId, event.delta);
      case "message-end":
        return this.#isOthers(event.messageId) ? [] : this.#endMessage(event.messageId);
      case "text-chunk":
        this.#othersRole(event);
        return this.#chunk("text", event);
      case "reasoning-start":
        return this.#start("reasoning", event.messageId);
      case "reasoning-delta":
        return this.#delta("reasoning", event.messageId, event.delta);
      case "reasoning-end":
        return this.#end("reasoning", event.messageId);
      case "reasoning-chunk":
        return this.#chunk("reasoning", event);
      case "error":
        return event.fatal ? this.fail(event.message) : [];
      case "sources":
        return event.sources.map((source) => ({
          type: "source-url",
          sourceId: source.id ?? source.url,
          url: source.url,
          title: source.title,
        }));
      default:
        return this.#mapTool(event);
    }
  }

  #mapTool(event: AgentEvent): Chunks {
    switch (event.type) {
      case "tool-call-start":
        return this.#startTool(event.toolCallId, event.name);
      case "tool-call-args":
        return this.#toolArgs(event.toolCallId, event.delta);
      case "tool-call-end":
        return this.#endTool(event.toolCallId);
      case "tool-call-chunk": {
        const id = event.toolCallId ?? this.#implied?.id;
        if (!id) return [];
        this.#implied = { type: "tool-call-chunk", id };
        const start = event.name ? this.#startTool(id, event.name) : [];
        return [...start, ...this.#toolArgs(id, event.delta ?? "")];
      }
      case "tool-call-result": {
        if (!this.#tools.has(event.toolCallId)) return [];
        const { toolCallId, content } = event;
        return [
          ...this.#endTool(toolCallId),
          { type: "tool-output-available", toolCallId, output: content, ...AGENT_TOOL },
        ];
      }
      default:
        return [];
    }
  }

  /** An id for a part the agent gave none. */
  #newId(): string {
    return `${this.#prefix}-${++this.#count}`;
  }

  #start(kind: PartKind, messageId: string | undefined): Chunks {
    const id = messageId ?? this.#newId();
    if (kind === "text") this.#current = id;
    if (this.#open[kind].has(id)) return [];
    this.#open[kind].add(id);
    return [{ type: `${kind}-start`, id }];
  }

  #delta(kind: PartKind, messageId: string | undefined, delta: string): Chunks {
    // Text without a message id goes on with the text in progress.
    const id = messageId ?? (kind === "text" ? this.#current : null) ?? this.#newId();
    const start = this.#open[kind].has(id) ? [] : this.#start(kind, id);
    return delta === "" ? start : [...start, { type: `${kind}-delta`, id, delta }];
  }

  #end(kind: PartKind, messageId: string | undefined): Chunks {
    const id = messageId ?? (kind === "text" ? this.#current : null);
    if (id === this.#current) this.#current = null;
    if (!id || !this.#open[kind].delete(id)) return [];
    return [{ type: `${kind}-end`, id }];
  }

  /** Agents without runs end their answer with the message. */
  #endMessage(messageId: string | undefined): Chunks {
    const ended = this.#end("text", messageId);
    return this.#inRuns ? ended : [...ended, ...this.#endAnswer(FINISH)];
  }

  #chunk(
    kind: PartKind,
    event: { type: "text-chunk" | "reasoning-chunk"; messageId?: string; delta?: string },
  ): Chunks {
    // The first chunk of a message must name it (the official client rejects it otherwise).
    const id = event.messageId ?? this.#implied?.id;
    if (!id) return [];
    this.#implied = { type: event.type, id };
    return this.#isOthers(id) ? [] : this.#delta(kind, id, event.delta ?? "");
  }

  /** True (and remembered) for a message of another role than the assistant's. */
  #othersRole(event: { messageId?: string; role?: string }): boolean {
    const others = event.role !== undefined && event.role !== "assistant";
    if (others && event.messageId) this.#others.add(event.messageId);
    return others;
  }

  #isOthers(messageId: string | undefined): boolean {
    return this.#others.has(messageId); // only ids are added: no id is never found
  }

  /** Ends the part a `*-chunk` event implied, unless `event` is one more of its chunks. */
  #endImplied(event: AgentEvent): Chunks {
    const implied = this.#implied;
    if (!implied || passesThrough(event)) return [];
    const own =
      "messageId" in event ? event.messageId : "toolCallId" in event ? event.toolCallId : undefined;
    if (event.type === implied.type && (own === undefined || own === implied.id)) return [];
    this.#implied = null;
    if (implied.type === "tool-call-chunk") return this.#endTool(implied.id);
    return this.#end(implied.type === "text-chunk" ? "text" : "reasoning", implied.id);
  }

  #startTool(toolCallId: string, toolName: string): Chunks {
    if (this.#tools.has(toolCallId)) return [];
    this.#tools.set(toolCallId, { name: toolName, args: "", ended: false });
    return [{ type: "tool-input-start", toolCallId, toolName, ...AGENT_TOOL }];
  }

  #toolArgs(toolCallId: string, delta: string): Chunks {
    const tool = this.#tools.get(toolCallId);
    if (!tool || tool.ended || delta === "") return [];
    tool.args += delta;
    return [{ type: "tool-input-delta", toolCallId, inputTextDelta: delta }];
  }

  #endTool(toolCallId: string): Chunks {
    const tool = this.#tools.get(toolCallId);
    if (!tool || tool.ended) return [];
    tool.ended = true;
    const input = parseInput(tool.args);
    return [
      { type: "tool-input-available", toolCallId, toolName: tool.name, input, ...AGENT_TOOL },
    ];
  }
}
