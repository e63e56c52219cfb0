"use client";

import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from "react";
import { LoadBoundary } from "./internal/load-boundary";
import type { AttachmentAreaProps, ChatAttachments } from "../../attachments/chat-attachments";

const areas = new WeakMap<
  ChatAttachments["load"],
  LazyExoticComponent<ComponentType<AttachmentAreaProps>>
>();

function lazyArea(load: ChatAttachments["load"]) {
  let area = areas.get(load);
  if (!area) {
    area = lazy(load);
    areas.set(load, area);
  }
  return area;
}

/**
 * Where the composer shows its attachments (`attachments` from `agentcore-react/attachments`),
 * whose code loads on first render; a placeholder keeps the layout until then.
 */
export function AttachmentSlot(props: AttachmentAreaProps) {
  const Area = lazyArea(props.attachments.load);
  return (
    // A composer whose attachment area cannot load goes on without it.
    <LoadBoundary fallback={null}>
      <Suspense fallback={<span className="acr-composer__attach-placeholder" />}>
        <Area {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
