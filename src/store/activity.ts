import { replaceParts } from "./message-record";
import type { AgentEvent } from "../codecs/types";
import { applyJsonPatch } from "../core/json-patch";
import type { MessageRecords } from "./message-records";
import type { ActivityPart } from "./types";

type ActivityEvent = Extract<AgentEvent, { type: "activity" }>;
type ActivityDelta = Extract<AgentEvent, { type: "activity-delta" }>;

function activityPart(activityType: string, content: Record<string, unknown>): ActivityPart {
  return { type: "activity", activityType, content };
}

/**
 * An activity (AG-UI `ACTIVITY_SNAPSHOT`): a message of role `activity` with one `activity`
 * part. `replace: false` leaves an existing message as it is.
 */
export function applyActivity(records: MessageRecords, event: ActivityEvent): void {
  const part = activityPart(event.activityType, event.content);
  let record = records.get(event.messageId);
  if (!record) {
    records.add(event.messageId, "activity", "complete", [part]);
    return;
  }
  if (event.replace === false) return;
  if (record.role !== "activity") record = records.swap(record, { role: "activity" });
  replaceParts(record, [part]);
  record.status = "complete";
  records.touch(record);
}

/** A JSON Patch on an activity's content (AG-UI `ACTIVITY_DELTA`); one that fails is ignored. */
export function applyActivityDelta(records: MessageRecords, event: ActivityDelta): void {
  const record = records.get(event.messageId);
  const part = record?.parts[0];
  if (!record || record.role !== "activity" || part?.type !== "activity") return;
  let content: unknown;
  try {
    content = applyJsonPatch(part.content, event.patch);
  } catch {
    return;
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) return;
  replaceParts(record, [
    activityPart(event.activityType, Object.fromEntries(Object.entries(content))),
  ]);
  records.touch(record);
}
