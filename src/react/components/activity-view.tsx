import type { ActivityPart as ActivityPartData } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";

/** Props of {@link ActivityView}. */
export interface ActivityViewProps {
  part: ActivityPartData;
  className?: string;
}

/** An activity the agent shows (AG-UI activity): its type, with its content collapsed inside. */
export function ActivityView({ part, className }: ActivityViewProps) {
  const { labels } = useChatContext("ActivityView");
  return (
    <details className={cx("acr-tool-call", "acr-activity", className)}>
      <summary className="acr-tool-call__summary">
        <span className="acr-tool-call__name">{labels.activity(part.activityType)}</span>
      </summary>
      <div className="acr-tool-call__body">
        <pre className="acr-tool-call__payload">
          <code>{JSON.stringify(part.content, null, 2)}</code>
        </pre>
      </div>
    </details>
  );
}
