"use client";

import { useId, useState } from "react";
import { useChatContext } from "./chat-context";

/** Props of {@link ToolApproval}. */
export interface ToolApprovalProps {
  /** What the user is asked, e.g. the interrupt's message. */
  prompt?: string;
  onApprove(): void;
  onDeny(reason: string | undefined): void;
}

/** Approve and Deny, with an optional reason for a denial. */
export function ToolApproval({ prompt, onApprove, onDeny }: ToolApprovalProps) {
  const { labels } = useChatContext("ToolApproval");
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <div className="acr-tool-approval" role="group" aria-label={labels.toolNeedsApproval}>
      {prompt && <p className="acr-tool-approval__prompt">{prompt}</p>}
      <label className="acr-tool-approval__label" htmlFor={id}>
        {labels.denyReason}
      </label>
      <textarea
        id={id}
        className="acr-tool-approval__reason"
        rows={1}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="acr-tool-approval__actions">
        <button type="button" className="acr-button acr-button--primary" onClick={onApprove}>
          {labels.approve}
        </button>
        <button
          type="button"
          className="acr-button acr-button--secondary"
          onClick={() => onDeny(reason.trim() || undefined)}
        >
          {labels.deny}
        </button>
      </div>
    </div>
  );
}
