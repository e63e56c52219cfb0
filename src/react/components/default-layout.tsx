"use client";

import { memo, type ReactNode } from "react";
import { ApprovalRequests } from "./approval-requests";
import { Composer } from "./composer";
import { ConnectionBanner } from "./connection-banner";
import { MessageList } from "./message-list";
import type { RenderMessage } from "./types";

interface DefaultLayoutProps {
  header: ReactNode;
  renderMessage: RenderMessage | undefined;
  emptyState: ReactNode;
  placeholder: string | undefined;
  autoFocus: boolean;
  pageSize: number | undefined;
}

/**
 * `<AgentChat>` without children: header, conversation, approvals, composer. The banner shares
 * a box with the message list so that it floats over the messages instead of pushing them down.
 */
export const DefaultLayout = memo(function DefaultLayout({
  header,
  renderMessage,
  emptyState,
  placeholder,
  autoFocus,
  pageSize,
}: DefaultLayoutProps) {
  return (
    <>
      {header}
      <div className="acr-chat__main">
        <ConnectionBanner />
        <MessageList renderMessage={renderMessage} emptyState={emptyState} pageSize={pageSize} />
      </div>
      <ApprovalRequests />
      <Composer placeholder={placeholder} autoFocus={autoFocus} />
    </>
  );
});
