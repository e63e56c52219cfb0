import { useRef } from "react";
import type { ChatAttachments } from "../../../attachments/chat-attachments";

/** Whether two attachment configs do the same (`attachments(options)` called inline). */
function sameAttachments(a: ChatAttachments, b: ChatAttachments): boolean {
  const shallow = (x: object, y: object) =>
    Object.entries(x).every(([key, value]) => Object.is(Reflect.get(y, key), value));
  return (
    a.load === b.load &&
    a.uploadAttachment === b.uploadAttachment &&
    a.limits.accept.join() === b.limits.accept.join() &&
    shallow({ ...a.limits, accept: 0 }, { ...b.limits, accept: 0 }) &&
    shallow(a.labels, b.labels)
  );
}

/** The attachments config, kept while the caller passes one that does the same. */
export function useStableAttachments(next: ChatAttachments | null): ChatAttachments | null {
  const ref = useRef(next);
  const previous = ref.current;
  if (!(previous && next && sameAttachments(previous, next))) ref.current = next;
  return ref.current;
}
