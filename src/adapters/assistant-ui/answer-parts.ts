import type { ChatModelRunResult } from "@assistant-ui/react";
import type { AgentEvent } from "../../codecs/types";
import { passesThrough } from "../../store/chunk-lanes";
import type { AnswerMapper } from "../shared/answer-follower";
import { eventIds } from "../shared/event-ids";
import { parsedResult } from "./convert-message";

type Part = NonNullable<ChatModelRunResult["content"]>[number];
type ToolCall = Extract<Part, { type: "tool-call" }>;
type ChunkType = "text-chunk" | "reasoning-chunk" | "tool-call-chunk";

/** True for parsed arguments assistant-ui takes as `args` (an object). */
function isArgs(args: unknown): args is ToolCall["args"] {
  return typeof args === "object" && args !== null && !Array.isArray(args);
}

/** The arguments as assistant-ui takes them: a JSON object, else none (`argsText` keeps them). */
function toArgs(argsText: string): ToolCall["args"] {
  const args = parsedResult(argsText || "{}");
  return isArgs(args) ? args : {};
}

/**
 * One answer's content as assistant-ui's local runtime takes it, built straight from the
 * agent's events the way the conversation store reads them: text (by message; text without an
 * id goes on with the message in progress), reasoning, tool calls (streamed `argsText`, `args`
 * once whole, `result`) and sources. Chunk events (`*-chunk`) without an id go on with the last
 * chunk's, until another kind of event. Other roles' messages are left out. The answer is over
 * at `run-finished` (agents that speak in runs), else at `message-end`, or at a fatal `error`.
 * A changed part is a new object, so the thread re-renders only what changed.
 */
export class AnswerParts implements AnswerMapper<Part> {
  finished = false;
  /** Why the answer failed, once it did. */
  error: string | undefined;
  /** Grows with every change: a reader yields when it differs from what it showed. */
  version = 0;
  readonly ids = new Set<string>();
  readonly #parts: Part[] = [];
  /** Where each text, reasoning and tool part is, by kind and id. */
  readonly #at = new Map<string, number>();
  /** Messages of other roles (system, user...): not part of the answer. */
  readonly #others = new Set<string>();
  /** Tool calls whose arguments are whole. */
  readonly #whole = new Set<string>();
  #text: string | undefined;
  #chunk: { type: ChunkType; id: string } | undefined;
  #inRuns = false;
  #unnamed = 0;

  /** The parts now. */
  get content(): readonly Part[] {
    return [...this.#parts];
  }

  map(event: AgentEvent): Part[] {
    if (this.finished) return [];
    for (const id of eventIds(event)) this.ids.add(id);
    this.#endChunk(event);
    const version = this.version;
    this.#apply(event);
    return this.version === version ? [] : this.#parts;
  }

  fail(errorText: string): Part[] {
    this.finished = true;
    this.error = errorText;
    return [];
  }

  #apply(event: AgentEvent): void {
    switch (event.type) {
      case "run-started":
        this.#inRuns = true;
        return;
      case "run-finished":
        this.finished = true;
        return;
      case "message-start":
        if (this.#isOthers(event)) return;
        this.#text = event.messageId ?? this.#text;
        return;
      case "text-delta":
        if (this.#isOthers(event)) return;
        this.#text = event.messageId ?? this.#text ?? `text-${++this.#unnamed}`;
        return this.#append("text", this.#text, event.delta);
      case "message-end":
        if (this.#isOthers(event)) return;
        if ((event.messageId ?? this.#text) === this.#text) this.#text = undefined;
        if (!this.#inRuns) this.finished = true;
        return;
      case "reasoning-start":
      case "reasoning-delta":
        return this.#append("reasoning", event.messageId, "delta" in event ? event.delta : "");
      case "text-chunk":
      case "reasoning-chunk": {
        const id = this.#chunkId(event);
        if (id === undefined || this.#isOthers(event, id)) return;
        if (event.type === "text-chunk") this.#text = id;
        return this.#append(event.type === "text-chunk" ? "text" : "reasoning", id, event.delta);
      }
      case "error":
        if (event.fatal) this.fail(event.message);
        return;
      case "sources":
        for (const { id, url, title } of event.sources) {
          const source = { type: "source", sourceType: "url", id: id ?? url, url } as const;
          this.#push(title === undefined ? source : { ...source, title });
        }
        return;
      default:
        return this.#applyTool(event);
    }
  }

  #applyTool(event: AgentEvent): void {
    switch (event.type) {
      case "tool-call-start":
        return this.#startTool(event.toolCallId, event.name);
      case "tool-call-args":
        return this.#toolArgs(event.toolCallId, event.delta);
      case "tool-call-end":
        return this.#endTool(event.toolCallId);
      case "tool-call-chunk": {
        const id = this.#chunkId(event);
        if (id === undefined) return;
        if (event.name) this.#startTool(id, event.name);
        return this.#toolArgs(id, event.delta ?? "");
      }
      case "tool-call-result":
        this.#endTool(event.toolCallId);
        return this.#tool(event.toolCallId, (part) => ({
          ...part,
          result: parsedResult(event.content),
        }));
      default:
        return;
    }
  }

  /** True (and remembered) for a message of another role than the assistant's. */
  #isOthers(event: { messageId?: string; role?: string }, id = event.messageId): boolean {
    if (event.role !== undefined && event.role !== "assistant" && id) this.#others.add(id);
    return id !== undefined && this.#others.has(id);
  }

  /** A chunk event's id: its own, else the last chunk's; `undefined` for an unnamed first. */
  #chunkId(event: {
    type: ChunkType;
    messageId?: string;
    toolCallId?: string;
  }): string | undefined {
    const id = event.messageId ?? event.toolCallId ?? this.#chunk?.id;
    if (id !== undefined) this.#chunk = { type: event.type, id };
    return id;
  }

  /** Ends the chunk stream in progress, unless `event` is one more of its chunks. */
  #endChunk(event: AgentEvent): void {
    const chunk = this.#chunk;
    if (!chunk || passesThrough(event)) return;
    const own =
      "messageId" in event ? event.messageId : "toolCallId" in event ? event.toolCallId : undefined;
    if (event.type === chunk.type && (own === undefined || own === chunk.id)) return;
    this.#chunk = undefined;
    if (chunk.type === "tool-call-chunk") this.#endTool(chunk.id);
    if (chunk.id === this.#text) this.#text = undefined;
  }

  #append(kind: "text" | "reasoning", id: string, delta = ""): void {
    const key = `${kind}:${id}`;
    if (!this.#at.has(key)) {
      this.#at.set(key, this.#parts.length);
      this.#push({ type: kind, text: "" });
    }
    if (delta === "") return;
    this.#update(key, (part) => ({ ...part, text: ("text" in part ? part.text : "") + delta }));
  }

  #startTool(toolCallId: string, toolName: string): void {
    const key = `tool:${toolCallId}`;
    if (this.#at.has(key)) return;
    this.#at.set(key, this.#parts.length);
    this.#push({ type: "tool-call", toolCallId, toolName, args: {}, argsText: "" });
  }

  #toolArgs(toolCallId: string, delta: string): void {
    if (this.#whole.has(toolCallId) || delta === "") return;
    this.#tool(toolCallId, (part) => ({ ...part, argsText: part.argsText + delta }));
  }

  #endTool(toolCallId: string): void {
    if (this.#whole.has(toolCallId)) return;
    this.#whole.add(toolCallId);
    this.#tool(toolCallId, (part) => ({ ...part, args: toArgs(part.argsText) }));
  }

  #push(part: Part): void {
    this.#parts.push(part);
    this.version++;
  }

  #update(key: string, change: (part: Part) => Part): void {
    const index = this.#at.get(key);
    const part = index === undefined ? undefined : this.#parts[index];
    if (index === undefined || part === undefined) return;
    this.#parts[index] = change(part);
    this.version++;
  }

  #tool(toolCallId: string, change: (part: ToolCall) => ToolCall): void {
    this.#update(`tool:${toolCallId}`, (part) => (part.type === "tool-call" ? change(part) : part));
  }
}
