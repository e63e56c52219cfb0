"use client";

import {
  Component,
  Suspense,
  lazy,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from "react";
import type { AttachmentAreaProps, ChatAttachments } from "../../attachments/chat-attachments";

/** A composer whose attachment area cannot load goes on without it. */
class AttachmentBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

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
    <AttachmentBoundary>
      <Suspense fallback={<span className="acr-composer__attach-placeholder" />}>
        <Area {...props} />
      </Suspense>
    </AttachmentBoundary>
  );
}
