import type { AgentEvent, AgentReply, ToolResult } from "../codecs/types";
import { novaFrame, novaId } from "./nova-sonic-framing";
import { jsonObject, toolCallEvents } from "./voice-events";

/**
 * Nova Sonic's `toolUse` (`toolUseId`, `toolName`, `content`: the arguments as JSON text) as a
 * tool call in the conversation; `undefined` when a field is missing.
 */
export function novaToolUseEvents(body: Record<string, unknown>): AgentEvent[] | undefined {
  const { toolUseId, toolName, content } = body;
  if (typeof toolUseId !== "string" || typeof toolName !== "string") return undefined;
  return toolCallEvents(toolUseId, toolName, typeof content === "string" ? content : "{}");
}

/** Nova takes a tool result as JSON text: a JSON result as it is, text as `{"text":…}`. */
function resultJson({ content, error }: ToolResult): string {
  if (error !== undefined) return JSON.stringify({ error });
  return jsonObject(content) ? content : JSON.stringify({ text: content });
}

/**
 * The results of tools the browser ran, in Nova Sonic's framing: per result a TOOL content
 * (`contentStart` naming the `toolUseId`, `toolResult`, `contentEnd`), one event per line of
 * one frame, as typed text goes (the agent writes each line into the stream).
 */
export function novaToolResults(promptName: string, reply: AgentReply): string {
  const lines = (reply.toolResults ?? []).flatMap((result) => {
    const names = { promptName, contentName: novaId() };
    return [
      novaFrame("contentStart", {
        ...names,
        interactive: false,
        type: "TOOL",
        role: "TOOL",
        toolResultInputConfiguration: {
          toolUseId: result.toolCallId,
          type: "TEXT",
          textInputConfiguration: { mediaType: "text/plain" },
        },
      }),
      novaFrame("toolResult", { ...names, content: resultJson(result) }),
      novaFrame("contentEnd", names),
    ];
  });
  return lines.join("\n");
}
