import type { AgentEvent, ToolResult } from "../codecs/types";
import type { MessageRecord } from "./message-record";
import { isRunningTool } from "./message-record";
import type { MessageRecords } from "./message-records";
import type { ToolCallPart } from "./types";

/** The tool calls of a conversation: which message each belongs to, and their updates. */
export class ToolCalls {
  readonly #owners = new Map<string, string>();
  readonly #records: MessageRecords;

  constructor(records: MessageRecords) {
    this.#records = records;
  }

  has(toolCallId: string): boolean {
    return this.#owners.has(toolCallId);
  }

  /** Records that `owner` holds the tool call (e.g. one a messages snapshot listed). */
  register(toolCallId: string, ownerId: string): void {
    this.#owners.set(toolCallId, ownerId);
  }

  /** Adds a running tool call to `owner`. */
  add(owner: MessageRecord, toolCallId: string, name: string): void {
    owner.parts.push({ type: "tool-call", toolCallId, name, args: "", status: "running" });
    this.register(toolCallId, owner.id);
    this.#records.touch(owner);
  }

  /**
   * Updates a tool call, unless its message was stopped or failed; `update` returning `null`
   * leaves it as it is.
   */
  update(
    toolCallId: string,
    update: (part: ToolCallPart, owner: MessageRecord) => ToolCallPart | null,
  ): void {
    const owner = this.#records.get(this.#owners.get(toolCallId));
    if (!owner || owner.status === "stopped" || owner.status === "error") return;
    const index = owner.parts.findIndex(
      (part) => part.type === "tool-call" && part.toolCallId === toolCallId,
    );
    const part = owner.parts[index];
    if (part?.type !== "tool-call") return;
    const next = update(part, owner);
    if (!next) return;
    owner.parts[index] = next;
    this.#records.touch(owner);
  }

  /** Takes in a call's arguments, end or result from the agent. `fit` applies the cap. */
  applyEvent(
    event: Extract<AgentEvent, { type: "tool-call-args" | "tool-call-end" | "tool-call-result" }>,
    fit: (owner: MessageRecord, content: string) => string,
  ): void {
    this.update(event.toolCallId, (part, owner) => {
      if (event.type === "tool-call-end") return { ...part, status: "complete" };
      if (event.type === "tool-call-result") {
        return { ...part, result: fit(owner, event.content), status: "complete" };
      }
      return owner.truncated ? null : { ...part, args: part.args + fit(owner, event.delta) };
    });
  }

  /** Sets each call's result: `complete`, or `failed` with its error. `fit` applies the cap. */
  applyResults(
    results: readonly ToolResult[],
    fit: (owner: MessageRecord, content: string) => string,
  ): void {
    for (const { toolCallId, content, error } of results) {
      this.update(toolCallId, (part, owner) => {
        const { error: _previous, ...rest } = part;
        const result = fit(owner, content);
        return error === undefined
          ? { ...rest, result, status: "complete" }
          : { ...rest, result, status: "failed", error };
      });
    }
  }

  /**
   * Ends every running tool call (the run ended): `complete` when the run did, `interrupted`
   * when it was stopped, failed or cut off. Applies to messages already stopped or failed too.
   */
  endRunning(status: "complete" | "interrupted"): void {
    for (const record of this.#records.values()) {
      if (!record.parts.some(isRunningTool)) continue;
      record.parts = record.parts.map((part) => (isRunningTool(part) ? { ...part, status } : part));
      this.#records.touch(record);
    }
  }
}
