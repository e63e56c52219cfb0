import { isRecord } from "../core/option-checks";
import { requireString, type AgUiObject } from "./ag-ui-fields";
import { readSources } from "./sources";
import type { AgentEvent } from "./types";

/** Names of the AG-UI `CUSTOM` events that carry sources (AG-UI 1.0 has no event of its own). */
const SOURCE_EVENTS: ReadonlySet<string> = new Set(["sources", "citations"]);

/**
 * An AG-UI `CUSTOM` event: a `sources` event when it is named `sources` or `citations` and its
 * value lists valid sources (`{ sources: [...], messageId? }`, `{ citations: [...] }`, or the
 * list itself; `message_id` is read too), else a `custom` event with its name and value.
 */
export function customEvent(event: AgUiObject): AgentEvent {
  const name = requireString(event, "name");
  const { value } = event;
  const holder = isRecord(value) ? value : {};
  const list = Array.isArray(value) ? value : (holder.sources ?? holder.citations);
  const sources = SOURCE_EVENTS.has(name) ? readSources(list) : [];
  if (sources.length === 0) return { type: "custom", name, value };
  const messageId = holder.messageId ?? holder.message_id;
  return typeof messageId === "string"
    ? { type: "sources", messageId, sources }
    : { type: "sources", sources };
}
