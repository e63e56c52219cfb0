"use client";

import { useSyncExternalStore } from "react";
import { useChatContext } from "./chat-context";
import { ToolApproval } from "./tool-approval";

/**
 * The approvals the agent asks for about no tool call (AG-UI interrupts without a
 * `toolCallId`), each with Approve and Deny. Interrupts about a tool call show on its row.
 */
export function ApprovalRequests() {
  const { tools, labels } = useChatContext("ApprovalRequests");
  const activities = useSyncExternalStore(tools.subscribe, tools.getState, tools.getState);
  const waiting = [...activities].filter(
    ([, activity]) =>
      activity.phase === "approval" && activity.interrupt && !activity.interrupt.toolCallId,
  );
  if (waiting.length === 0) return null;
  return (
    <div className="acr-approval-requests">
      {waiting.map(([key, { interrupt }]) => (
        <section key={key} className="acr-approval-request" aria-label={labels.toolNeedsApproval}>
          <p className="acr-approval-request__title">
            {labels.approvalRequest(interrupt?.reason ?? "")}
          </p>
          <ToolApproval
            prompt={interrupt?.message}
            onApprove={() => tools.decide(key, true)}
            onDeny={(reason) => tools.decide(key, false, reason)}
          />
        </section>
      ))}
    </div>
  );
}
