"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import type { ToolActivity } from "../../store/tool-runner";
import type { ToolCallPart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { useElapsedSeconds } from "./internal/use-elapsed-seconds";
import type { AgentChatLabels } from "./labels";
import { ToolApproval } from "./tool-approval";
import { ToolPayload } from "./tool-payload";
import { displayStatus, parsePayload, type ToolCallDisplayStatus } from "./tool-render";

export { formatToolPayload } from "./tool-payload";

/** Props of {@link ToolCall}. */
export interface ToolCallProps {
  call: ToolCallPart;
  className?: string;
  /** Start expanded. Default: collapsed. */
  defaultOpen?: boolean;
}

function statusText(
  labels: AgentChatLabels,
  status: ToolCallDisplayStatus,
  activity: ToolActivity | undefined,
): string {
  if (activity?.decision === "denied") return labels.toolDenied(activity.reason);
  const text = {
    running: labels.toolRunning,
    complete: labels.toolComplete,
    failed: labels.toolFailed,
    interrupted: labels.toolInterrupted,
    approval: labels.toolNeedsApproval,
  }[status];
  return activity?.decision === "approved" ? `${labels.toolApproved}, ${text}` : text;
}

interface RowProps extends ToolCallProps {
  status: ToolCallDisplayStatus;
  activity: ToolActivity | undefined;
  decide(approved: boolean, reason?: string): void;
}

/** The built-in row: name, status (spinner and time while running), arguments and result. */
function ToolCallRow({ call, className, defaultOpen = false, status, activity, decide }: RowProps) {
  const { labels } = useChatContext("ToolCall");
  const seconds = useElapsedSeconds(status === "running");
  const result = call.result ?? activity?.result;
  const error = call.error ?? activity?.error;
  return (
    <div className={cx("acr-tool-call", className)} data-status={status}>
      <details open={defaultOpen || undefined}>
        <summary className="acr-tool-call__summary">
          <span className="acr-tool-call__chevron" aria-hidden="true" />
          <span className="acr-tool-call__name">{labels.toolCall(call.name)}</span>
          <span className="acr-tool-call__status">
            {status === "running" && <span className="acr-tool-call__spinner" aria-hidden="true" />}
            {statusText(labels, status, activity)}
            {status === "running" && seconds > 0 && ` · ${labels.toolElapsed(seconds)}`}
          </span>
        </summary>
        <div className="acr-tool-call__body">
          <p className="acr-tool-call__heading">{labels.toolArguments}</p>
          <ToolPayload payload={call.args} />
          {result !== undefined && (
            <>
              <p className="acr-tool-call__heading">{labels.toolResult}</p>
              <ToolPayload payload={result} />
            </>
          )}
          {error && <p className="acr-tool-call__error">{error}</p>}
        </div>
      </details>
      {status === "approval" && (
        <ToolApproval
          prompt={activity?.interrupt?.message}
          onApprove={() => decide(true)}
          onDeny={(reason) => decide(false, reason)}
        />
      )}
    </div>
  );
}

/**
 * A tool call the agent made: collapsed to its name and status, with arguments and result
 * inside; Approve and Deny while it waits for the user. A `renderTool` component for its tool
 * replaces it.
 */
export function ToolCall(props: ToolCallProps) {
  const { call } = props;
  const { tools, renderTool } = useChatContext("ToolCall");
  const activity = useSyncExternalStore(
    tools.subscribe,
    () => tools.getState().get(call.toolCallId),
    () => undefined,
  );
  const status = displayStatus(call, activity);
  const decide = (approved: boolean, reason?: string) =>
    tools.decide(call.toolCallId, approved, reason);
  const renderDefault = (): ReactNode => (
    <ToolCallRow {...props} status={status} activity={activity} decide={decide} />
  );
  const custom = renderTool?.[call.name];
  if (!custom) return renderDefault();
  return custom(call, {
    args: parsePayload(call.args, call.status === "running"),
    result: parsePayload(call.result ?? activity?.result, false),
    status,
    error: call.error ?? activity?.error,
    activity,
    approve: () => decide(true),
    deny: (reason) => decide(false, reason),
    renderDefault,
  });
}
