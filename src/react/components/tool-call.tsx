import type { ToolCallPart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";

/** Props of {@link ToolCall}. */
export interface ToolCallProps {
  call: ToolCallPart;
  className?: string;
  /** Start expanded. Default: collapsed. */
  defaultOpen?: boolean;
}

/** Pretty-prints JSON text; anything else (or JSON still streaming in) is shown as it is. */
export function formatToolPayload(payload: string): string {
  const trimmed = payload.trim();
  if (!trimmed) return "";
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return payload;
  }
}

/** A tool call the agent made: collapsed to its name and status, with arguments and result inside. */
export function ToolCall({ call, className, defaultOpen = false }: ToolCallProps) {
  const { labels } = useChatContext("ToolCall");
  const running = call.status === "running";
  return (
    <details
      className={cx("acr-tool-call", className)}
      data-status={call.status}
      open={defaultOpen || undefined}
    >
      <summary className="acr-tool-call__summary">
        <span className="acr-tool-call__name">{labels.toolCall(call.name)}</span>
        <span className="acr-tool-call__status">
          {running ? labels.toolRunning : labels.toolComplete}
        </span>
      </summary>
      <div className="acr-tool-call__body">
        <p className="acr-tool-call__heading">{labels.toolArguments}</p>
        <pre className="acr-tool-call__payload">
          <code>{formatToolPayload(call.args)}</code>
        </pre>
        {call.result !== undefined && (
          <>
            <p className="acr-tool-call__heading">{labels.toolResult}</p>
            <pre className="acr-tool-call__payload">
              <code>{formatToolPayload(call.result)}</code>
            </pre>
          </>
        )}
      </div>
    </details>
  );
}
