import type { AgentEvent } from "../codecs/types";
import { isRecord } from "../core/option-checks";
import { asText } from "../codecs/text-shapes";
import { toolCallEvents } from "./voice-events";

/*
 * The tool events a Strands `BidiAgent` streams (strands-agents/sdk-python,
 * `strands.types._events`: `ToolUseStreamEvent` and `ToolResultEvent`, which
 * `strands.experimental.bidi` passes on as they are). Experimental, so their shapes stay here:
 *
 * {"type":"tool_use_stream","delta":{"toolUse":{…}},"current_tool_use":{"toolUseId","name","input"}}
 * {"type":"tool_result","tool_result":{"toolUseId","status":"success"|"error","content":[{"text"}|{"json"}]}}
 *
 * The bidi models send one `tool_use_stream` per call, with the whole input.
 */

/** A tool result's content blocks as text: texts joined, JSON as JSON text. */
function resultText(content: unknown): string {
  if (!Array.isArray(content)) return asText(content ?? "");
  const blocks: unknown[] = content;
  return blocks
    .map((block) => {
      if (!isRecord(block)) return asText(block);
      return typeof block.text === "string" ? block.text : asText(block.json ?? block);
    })
    .join("\n");
}

/**
 * The conversation's events for a Strands tool event, `undefined` when `event` is not one;
 * `seen` holds the calls already shown (a call streamed twice is shown once).
 */
export function strandsToolEvents(
  event: Record<string, unknown>,
  seen: Set<string>,
): AgentEvent[] | undefined {
  if (event.type === "tool_use_stream") {
    const use = event.current_tool_use;
    if (!isRecord(use) || typeof use.toolUseId !== "string" || typeof use.name !== "string")
      return undefined;
    if (seen.has(use.toolUseId)) return [];
    seen.add(use.toolUseId);
    return toolCallEvents(use.toolUseId, use.name, asText(use.input ?? {}));
  }
  if (event.type === "tool_result") {
    const result = event.tool_result;
    if (!isRecord(result) || typeof result.toolUseId !== "string") return undefined;
    return [
      {
        type: "tool-call-result",
        toolCallId: result.toolUseId,
        content: resultText(result.content),
      },
    ];
  }
  return undefined;
}
