import type { ChatModelRunResult } from "@assistant-ui/react";
import type { UIMessageChunk } from "ai";
import { parsedResult } from "./convert-message";

type Part = NonNullable<ChatModelRunResult["content"]>[number];
type ToolCall = Extract<Part, { type: "tool-call" }>;

/** True for input assistant-ui takes as `args` (an object); other input leaves `args` empty. */
function isArgs(input: unknown): input is ToolCall["args"] {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

/**
 * An answer's content as assistant-ui's local runtime takes it, built from the answer's chunks:
 * text, reasoning, tool calls (streamed `argsText`, `args` once whole, `result`) and sources.
 * A changed part is a new object, so the thread re-renders only what changed.
 */
export class ContentParts {
  /** Grows with every change: a reader yields when it differs from what it showed. */
  version = 0;
  readonly #parts: Part[] = [];
  /** Where each text, reasoning and tool part is, by kind and id. */
  readonly #at = new Map<string, number>();

  /** The parts now. */
  get content(): readonly Part[] {
    return [...this.#parts];
  }

  apply(chunk: UIMessageChunk): void {
    switch (chunk.type) {
      case "text-start":
      case "reasoning-start":
        return this.#add(chunk.type === "text-start" ? "text" : "reasoning", chunk.id);
      case "text-delta":
        return this.#update(`text:${chunk.id}`, (part) => ({
          ...part,
          text: text(part) + chunk.delta,
        }));
      case "reasoning-delta":
        return this.#update(`reasoning:${chunk.id}`, (part) => ({
          ...part,
          text: text(part) + chunk.delta,
        }));
      default:
        return this.#applyTool(chunk);
    }
  }

  #applyTool(chunk: UIMessageChunk): void {
    switch (chunk.type) {
      case "tool-input-start":
        this.#at.set(`tool:${chunk.toolCallId}`, this.#parts.length);
        return this.#push({
          type: "tool-call",
          toolCallId: chunk.toolCallId,
          toolName: chunk.toolName,
          args: {},
          argsText: "",
        });
      case "tool-input-delta":
        return this.#tool(chunk.toolCallId, (part) => ({
          ...part,
          argsText: part.argsText + chunk.inputTextDelta,
        }));
      case "tool-input-available":
        return this.#tool(chunk.toolCallId, (part) => ({
          ...part,
          args: isArgs(chunk.input) ? chunk.input : {},
        }));
      case "tool-output-available":
        return this.#tool(chunk.toolCallId, (part) => ({
          ...part,
          result: typeof chunk.output === "string" ? parsedResult(chunk.output) : chunk.output,
        }));
      case "source-url":
        return this.#push({
          type: "source",
          sourceType: "url",
          id: chunk.sourceId,
          url: chunk.url,
          ...(chunk.title === undefined ? {} : { title: chunk.title }),
        });
      default:
        return undefined;
    }
  }

  #push(part: Part): void {
    this.#parts.push(part);
    this.version++;
  }

  #add(kind: "text" | "reasoning", id: string): void {
    this.#at.set(`${kind}:${id}`, this.#parts.length);
    this.#push({ type: kind, text: "" });
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

function text(part: Part): string {
  return "text" in part && typeof part.text === "string" ? part.text : "";
}
