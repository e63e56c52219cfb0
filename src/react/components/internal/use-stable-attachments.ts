import { useRef } from "react";
import type { ChatAttachments } from "../../../attachments/chat-attachments";
import { sameEntries } from "./use-shallow-stable";

/** Whether two attachment configs do the same (`attachments(options)` called inline). */
function sameAttachments(a: ChatAttachments, b: ChatAttachments): boolean {
  return (
    a.load === b.load &&
    a.uploadAttachment === b.uploadAttachment &&
    a.limits.accept.join() === b.limits.accept.join() &&
    sameEntries({ ...a.limits, accept: 0 }, { ...b.limits, accept: 0 }) &&
    sameEntries(a.labels, b.labels)
  );
}

/** The attachments config, kept while the caller passes one that does the same. */
export function useStableAttachments(next: ChatAttachments | null): ChatAttachments | null {
  const ref = useRef(next);
  const previous = ref.current;
  if (!(previous && next && sameAttachments(previous, next))) ref.current = next;
  return ref.current;
}
