"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { AttachmentQueue, type AttachedFile } from "../../../attachments/attachment-queue";
import type { ChatAttachments } from "../../../attachments/chat-attachments";
import { refusal } from "../../../attachments/limits";

/** The attached files of one composer: the queue, its files, and the last refusals. */
export function useAttachmentQueue(attachments: ChatAttachments, announce: (text: string) => void) {
  const { labels, limits, uploadAttachment } = attachments;
  const [queue] = useState(() => new AttachmentQueue({ upload: uploadAttachment }));
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const [refusals, setRefusals] = useState<readonly string[]>([]);
  useEffect(() => () => queue.clear(), [queue]);

  const addFiles = useCallback(
    (files: File[]) => {
      const refused: string[] = [];
      for (const file of files) {
        const reason = refusal(file, limits, queue.getSnapshot().length, labels);
        if (reason === null) queue.add(file);
        else refused.push(reason);
      }
      setRefusals(refused);
    },
    [queue, limits, labels],
  );

  // Each failed upload is announced once.
  const announced = useRef(new Set<AttachedFile>());
  useEffect(() => {
    for (const item of items) {
      if (item.status !== "failed" || announced.current.has(item)) continue;
      announced.current.add(item);
      announce(labels.uploadFailed(item.name, item.error ?? ""));
    }
  }, [items, labels, announce]);

  return { queue, items, refusals, setRefusals, addFiles };
}
