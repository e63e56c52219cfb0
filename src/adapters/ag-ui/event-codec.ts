import type { BaseEvent, RunAgentInput } from "@ag-ui/client";
import { isRecord } from "../../core/option-checks";
import { frameToText } from "../../codecs/frame-text";
import { sseDataPayloads } from "../../codecs/sse-frame";
import type { AgentEvent, Codec, IncomingFrame } from "../../codecs/types";

/** The `custom` event name under which {@link agUiEventCodec} hands over one raw AG-UI event. */
export const AG_UI_EVENT = "ag-ui-event";

/** An AG-UI event as it came from the agent: an object with a non-empty string `type`. */
export function isAgUiEvent(value: unknown): value is BaseEvent {
  return isRecord(value) && typeof value.type === "string" && value.type !== "";
}

function malformed(message: string): AgentEvent[] {
  return [{ type: "error", message, code: "malformed-frame" }];
}

/** The JSON payloads of one frame: the frame itself when it starts like JSON, else its SSE `data`. */
function payloads(text: string): string[] | null {
  const first = text.trimStart()[0];
  if (first === "{" || first === "[") return [text];
  return sseDataPayloads(text);
}

/** One frame's AG-UI events, each as it came (an array of events counts as many). */
function decodeFrame(frame: IncomingFrame): AgentEvent[] {
  const found = payloads(frameToText(frame));
  if (found === null) return malformed("An AG-UI frame was neither JSON nor SSE text");
  const events: AgentEvent[] = [];
  for (const payload of found) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return malformed("An AG-UI frame was not valid JSON");
    }
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (!isAgUiEvent(item))
        return malformed("An AG-UI frame held something that is not an event");
      events.push({ type: "custom", name: AG_UI_EVENT, value: item });
    }
  }
  return events;
}

/**
 * The codec under `AgentCoreAgent`: sends a `RunAgentInput` as one JSON text frame (what an
 * AG-UI agent on AgentCore Runtime reads, like `agUiCodec`'s runs) and passes the agent's
 * events through verbatim, SSE-framed or plain JSON, as `custom` events named
 * {@link AG_UI_EVENT}: AG-UI clients apply them themselves. A frame it cannot read is a
 * `malformed-frame` error event. AG-UI has no cancel frame: `stop()` closes and reopens.
 */
export const agUiEventCodec: Codec<RunAgentInput> = {
  name: "ag-ui-events",
  encode: (input) => JSON.stringify(input),
  decode(frame) {
    try {
      return decodeFrame(frame);
    } catch {
      return malformed("An AG-UI frame could not be read as text");
    }
  },
};
