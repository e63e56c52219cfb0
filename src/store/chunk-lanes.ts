import type { AgentEvent } from "../codecs/types";

type Lane =
  { kind: "text"; id: string } | { kind: "tool"; id: string } | { kind: "reasoning"; id: string };

/** Events that leave an open chunk stream open (as in `@ag-ui/client`'s `transformChunks`). */
const PASS_THROUGH = new Set(["RAW", "REASONING_ENCRYPTED_VALUE", "SUBAGENT_STARTED"]);

/** True for an event that leaves an open chunk stream open (the AI SDK adapter reads it too). */
export function passesThrough(event: AgentEvent): boolean {
  if (event.type === "activity" || event.type === "activity-delta") return true;
  if (event.type === "error") return !event.fatal;
  return event.type === "custom" && PASS_THROUGH.has(event.name);
}

/**
 * Turns AG-UI's chunk events (`text-chunk`, `tool-call-chunk`, `reasoning-chunk`), whose start
 * and end are implied, into explicit start, content and end events: a chunk with a new id (or
 * the first one) opens a stream, and the open stream ends at the next event that is not one of
 * its chunks. One open stream at a time (subagent lanes are not told apart).
 */
export class ChunkLanes {
  #open: Lane | null = null;

  /** The events `event` stands for, in order. */
  expand(event: AgentEvent): AgentEvent[] {
    switch (event.type) {
      case "text-chunk":
        return this.#text(event);
      case "tool-call-chunk":
        return this.#tool(event);
      case "reasoning-chunk":
        return this.#reasoning(event);
      default:
        return passesThrough(event) ? [event] : [...this.#close(), event];
    }
  }

  #close(): AgentEvent[] {
    const lane = this.#open;
    this.#open = null;
    if (!lane) return [];
    if (lane.kind === "text") return [{ type: "message-end", messageId: lane.id }];
    if (lane.kind === "tool") return [{ type: "tool-call-end", toolCallId: lane.id }];
    return [{ type: "reasoning-end", messageId: lane.id }];
  }

  /** Whether `id` continues the open stream of `kind`; otherwise the open one is closed. */
  #continues(kind: Lane["kind"], id: string | undefined, opened: AgentEvent[]): string | null {
    const lane = this.#open;
    if (lane?.kind === kind && (id === undefined || id === lane.id)) return lane.id;
    opened.push(...this.#close());
    return null;
  }

  #text(event: Extract<AgentEvent, { type: "text-chunk" }>): AgentEvent[] {
    const out: AgentEvent[] = [];
    let id = this.#continues("text", event.messageId, out);
    if (id === null) {
      // The first chunk of a message must name it; the official client rejects it otherwise.
      if (event.messageId === undefined) return out;
      id = event.messageId;
      this.#open = { kind: "text", id };
      out.push({ type: "message-start", messageId: id, role: event.role ?? "assistant" });
    }
    if (event.delta) out.push({ type: "text-delta", messageId: id, delta: event.delta });
    return out;
  }

  #tool(event: Extract<AgentEvent, { type: "tool-call-chunk" }>): AgentEvent[] {
    const out: AgentEvent[] = [];
    let id = this.#continues("tool", event.toolCallId, out);
    if (id === null) {
      if (event.toolCallId === undefined || event.name === undefined) return out;
      id = event.toolCallId;
      this.#open = { kind: "tool", id };
      const start: AgentEvent = { type: "tool-call-start", toolCallId: id, name: event.name };
      if (event.parentMessageId !== undefined) start.parentMessageId = event.parentMessageId;
      out.push(start);
    }
    if (event.delta) out.push({ type: "tool-call-args", toolCallId: id, delta: event.delta });
    return out;
  }

  #reasoning(event: Extract<AgentEvent, { type: "reasoning-chunk" }>): AgentEvent[] {
    const out: AgentEvent[] = [];
    let id = this.#continues("reasoning", event.messageId, out);
    if (id === null) {
      if (event.messageId === undefined) return out;
      id = event.messageId;
      this.#open = { kind: "reasoning", id };
      out.push({ type: "reasoning-start", messageId: id });
    }
    if (event.delta) out.push({ type: "reasoning-delta", messageId: id, delta: event.delta });
    return out;
  }
}
